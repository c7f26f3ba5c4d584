"""The handover workbook writes a date as the office knows it: a membership "since 2011"
as 2011 and one since March 2014 as the month, never as 1 January or 1 March (the PDF
already read "2011"); a day stays a date to sort and filter."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from openpyxl import load_workbook

from intl_desk.core.evaluation.handover import compute_handover
from intl_desk.core.i18n import set_language
from intl_desk.core.model import Membership, Network
from intl_desk.reports.handover_workbook import write_handover_workbook
from intl_desk.store.office_file import OfficeFile


def test_a_membership_known_to_the_year_is_written_as_that_year(
    office: OfficeFile, tmp_path: Path
) -> None:
    with office.session() as session:
        for name, since, precision in (
            ("Cités Unies France", date(2011, 1, 1), "year"),
            ("Eurocities", date(2014, 3, 1), "month"),
            ("Metropolis", date(2016, 9, 12), "day"),
        ):
            network = Network(name=name, scope="global")
            session.add(network)
            session.flush()
            session.add(Membership(network_id=network.id, since=since, since_precision=precision))
        session.commit()
        set_language("fr")
        report = compute_handover(session, date(2026, 3, 1))
        write_handover_workbook(report, str(tmp_path / "Passation.xlsx"))
    rows = list(load_workbook(tmp_path / "Passation.xlsx", read_only=True)["Réseaux"].values)
    since = rows[0].index("Depuis")
    by_network = {row[0]: row[since] for row in rows[1:]}
    assert by_network["Cités Unies France"] == 2011
    assert by_network["Eurocities"] == "mars 2014"
    assert by_network["Metropolis"] == datetime(2016, 9, 12)
