"""What the check of a long register keeps in memory: rows without their own words share
one empty map instead of three empty dicts each, and the sheet's cells are let go as its
rows are read (together 25 MB of a 50,000-row register's peak)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from exchange_helpers import write_rows

from intl_desk.exchange import importer
from intl_desk.exchange.importer import preview_import
from intl_desk.exchange.reader import Sheet
from intl_desk.store.office_file import OfficeFile

REGISTER = [
    ["Registre des accords — Ville de Lyon"],
    [],
    ["Intitulé", "Ville partenaire", "Pays", "Type", "Signé le"],
    ["Jumelage Lyon – Porto", "Porto", "Portugal", "Jumelage", "05/07/1991"],
    ["Charte Lyon – Córdoba", "Córdoba", "Argentine", "Charte DRI", "2011"],
    ["Jumelage Lyon – Kraków", "Kraków", "Pologne", "Jumelage", "12/03/1993"],
    [],
    ["Source : DRI, mars 2024"],
]


def test_rows_without_words_of_their_own_share_one_empty_map(
    office: OfficeFile, tmp_path: Path, mappings_folder: Path
) -> None:
    register = write_rows(tmp_path / "registre.xlsx", REGISTER)
    with office.session() as session:
        porto, cordoba, krakow = preview_import(
            session, register, "agreements", mappings_folder=mappings_folder
        ).rows
    assert cordoba.as_written == {"type": "Charte DRI"}
    assert cordoba.partial_dates == {"date_signed": "2011"}
    assert "Charte DRI" in cordoba.values["notes"]  # kept on the record
    for name in ("as_written", "chosen_words", "partial_dates"):
        assert getattr(porto, name) is getattr(krakow, name) is importer.NO_WORDS
    assert cordoba.chosen_words is importer.NO_WORDS


def test_the_sheets_cells_are_let_go_once_read(
    office: OfficeFile, tmp_path: Path, mappings_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    read: list[Sheet] = []
    read_sheets = importer.read_sheets

    def kept(*args: Any) -> Any:
        sheets = read_sheets(*args)
        read.extend(sheets)
        return sheets

    monkeypatch.setattr(importer, "read_sheets", kept)
    register = write_rows(tmp_path / "registre.xlsx", REGISTER)
    with office.session() as session:
        rows = preview_import(session, register, "agreements", mappings_folder=mappings_folder)
    assert [row.label for row in rows.rows][2] == "Jumelage Lyon – Kraków"
    (sheet,) = read
    assert len(sheet.rows) == 3  # the title, a blank row and the column titles
