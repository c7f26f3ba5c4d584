"""A register printed page by page repeats its column titles: those rows are passed over
(in capitals or without accents too), while a row that only starts like the titles, or has
a cell where the titles have none, is read as a row."""

from __future__ import annotations

from pathlib import Path

from exchange_helpers import write_rows

from intl_desk.exchange.importer import preview_import
from intl_desk.store.office_file import OfficeFile

TITLES = ["Intitulé", "Ville partenaire", "Pays", "Signé le", "Notes"]


def test_titles_repeated_on_each_page_are_passed_over(
    office: OfficeFile, tmp_path: Path, mappings_folder: Path
) -> None:
    register = write_rows(
        tmp_path / "registre.xlsx",
        [
            ["Registre des jumelages — page 1"],
            TITLES,
            ["Jumelage Lyon – Porto", "Porto", "Portugal", "1991", None],
            ["INTITULE", "VILLE PARTENAIRE", "PAYS", "SIGNÉ LE", "NOTES"],  # page 2
            ["Jumelage Lyon – Kraków", "Kraków", "Pologne", "1993", "Renouvelé en 2013"],
            ["Intitulé", "Ville partenaire", "Pays", "Signé le", None],  # no Notes title
            ["Intitulé", "Łódź", "Pologne", "1995", None],  # a title that is a word
        ],
    )
    with office.session() as session:
        rows = preview_import(session, register, "agreements", mappings_folder=mappings_folder).rows
    assert [row.number for row in rows] == [3, 5, 6, 7]
    assert [row.values.get("partners") for row in rows] == [
        "Porto",
        "Kraków",
        "Ville partenaire",
        "Łódź",
    ]
