"""A register's column of when agreements ended early is read into the agreements' end
date (what rebuilds a past year), and ``check`` names ended agreements without one."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from exchange_helpers import write_rows
from sqlalchemy import select

from intl_desk.core.model import Agreement, LocalEntity
from intl_desk.exchange.import_write import apply_import
from intl_desk.exchange.importer import preview_import
from intl_desk.store.office_file import OfficeFile, check


@pytest.fixture
def lyon(office: OfficeFile) -> OfficeFile:
    with office.session() as session:
        session.add(LocalEntity(name="Ville de Lyon", kind="government"))
        session.commit()
    return office


def test_a_registers_end_dates_are_kept_and_one_missing_is_named_by_check(
    lyon: OfficeFile, office_path: Path, tmp_path: Path, mappings_folder: Path
) -> None:
    path = write_rows(
        tmp_path / "registre.xlsx",
        [
            ["Registre des accords — état au 1er mars 2026"],
            ["Intitulé", "Collectivité", "Ville partenaire", "Pays", "Statut", "Signé le",
             "Échéance", "Résilié le"],
            ["Jumelage Lyon–Porto", "Ville de Lyon", "Porto", "Portugal", "En cours",
             "12/05/2011", None, None],
            ["Coopération Lyon–Łódź", "Ville de Lyon", "Łódź", "Pologne", "Résilié",
             "01/06/2016", "01/06/2026", "15/03/2022"],
            ["Accord Lyon–Huế", "Ville de Lyon", "Huế", "Viêt Nam", "Résilié",
             "03/02/2015", None, "2019"],
            ["Accord Lyon–Dakar", "Ville de Lyon", "Dakar", "Sénégal", "Résilié",
             "03/02/2015", None, None],
            ["Jumelage Lyon–Bamako", "Ville de Lyon", "Bamako", "Mali", "Suspendu",
             "01/10/2014", "01/10/2034", "01/04/2021"],
            [],
            ["Source : Direction des relations internationales"],
        ],
    )  # fmt: skip
    with lyon.session() as session:
        preview = preview_import(session, path, "agreements", mappings_folder=mappings_folder)
        assert [row.status for row in preview.rows] == ["new"] * 5
        result = apply_import(session, preview)
    assert result.imported == 5 and not result.rejected
    with lyon.session() as session:
        ended = {a.title: (a.status, a.date_ended) for a in session.scalars(select(Agreement))}
        hue = session.scalars(select(Agreement).where(Agreement.title == "Accord Lyon–Huế")).one()
        hue_notes = hue.notes
    assert ended == {
        "Jumelage Lyon–Porto": ("active", None),
        "Coopération Lyon–Łódź": ("terminated", date(2022, 3, 15)),
        "Accord Lyon–Huế": ("terminated", date(2019, 1, 1)),  # a year: from its first day
        "Accord Lyon–Dakar": ("terminated", None),
        "Jumelage Lyon–Bamako": ("suspended", date(2021, 4, 1)),  # the office's own word
    }
    assert hue_notes == "Ended on as written in the register: 2019"
    lyon.close()
    assert [str(problem) for problem in check(office_path).problems] == [
        "1 terminated, suspended or superseded agreement(s) have no end date, e.g. "
        "“Accord Lyon–Dakar”: "
        "a past year's figures leave them out. Enter the date each one ended (Ended on)."
    ]
