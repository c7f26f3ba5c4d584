"""An activity known to the month is exported as the office gave it ("mars 2011"), in
the workbook and the csv, never as an invented 1 March."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from intl_desk.core.i18n import set_language
from intl_desk.core.model import Activity
from intl_desk.exchange.export import export_list
from intl_desk.store.office_file import OfficeFile


def test_an_activity_month_is_exported_as_given(office: OfficeFile, tmp_path: Path) -> None:
    set_language("fr")
    with office.session() as session:
        session.add(
            Activity(
                title="Mission à Huế",
                kind="mission",
                start_date=date(2011, 3, 1),
                start_date_precision="month",
            )
        )
        session.commit()
        export_list(session, "activities", tmp_path / "activités.xlsx")
        export_list(session, "activities", tmp_path / "activités.csv")
    rows = list(load_workbook(tmp_path / "activités.xlsx").active.iter_rows(values_only=True))
    start = rows[0].index("Début")
    assert rows[1][start] == "mars 2011"
    lines = (tmp_path / "activités.csv").read_text("utf-8-sig").splitlines()
    assert lines[1].split(";")[start] == "mars 2011"
