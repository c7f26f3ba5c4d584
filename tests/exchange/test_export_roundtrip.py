"""Exports of the city demo: the list's columns and filter, and they import back without loss."""

from __future__ import annotations

import csv
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from intl_desk.core.i18n import set_language
from intl_desk.core.listing import LISTS, ListQuery, count
from intl_desk.core.listing.terms_list import EXPORTABLE
from intl_desk.exchange.export import export_list
from intl_desk.exchange.import_write import apply_import
from intl_desk.exchange.importer import preview_import
from intl_desk.exchange.round_trip import KINDS
from intl_desk.store.office_file import OfficeFile

#: columns the list computes from other records (counts, sums, timestamps): not imported
DERIVED = {
    "agreements": {"objectives", "updated_at", "gaps"},
    "partners": {"agreements"},
    "local_entities": {"agreements"},
    "projects": {"granted", "budget_converted", "granted_converted"},
    "indicators": set(),
    "terms": set(),
    "plan_lines": set(),
}
#: parents first, so partners and entities exist when agreements and projects name them,
#: and the plans' objectives when indicators name them
ORDER = KINDS[: KINDS.index("indicators") + 1]


def _read(path: Path) -> list[list[Any]]:
    if path.suffix == ".csv":
        text = path.read_text(encoding="utf-8-sig")
        delimiter = ";" if ";" in text.splitlines()[0] else ","  # French: ";", English: ","
        return [list(row) for row in csv.reader(text.splitlines(), delimiter=delimiter)]
    sheet = load_workbook(path, read_only=True).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    width = len(rows[0])
    return [row + [None] * (width - len(row)) for row in rows]  # empty cells are not written


def _comparable(kind: str, rows: list[list[Any]]) -> Counter[tuple[Any, ...]]:
    keys = [column.key for column in EXPORTABLE[kind].columns]
    kept = [i for i, key in enumerate(keys) if key not in DERIVED[kind]]
    return Counter(tuple(row[i] for i in kept) for row in rows[1:])


def test_xlsx_export_has_the_list_columns_in_the_users_language_and_real_dates(
    city_demo: Path, tmp_path: Path
) -> None:
    set_language("fr")
    out = tmp_path / "accords.xlsx"
    with OfficeFile.open(city_demo, read_only=True) as office, office.session() as session:
        written = export_list(session, "agreements", out)
        total = count(session, LISTS["agreements"], ListQuery())
    sheet = load_workbook(out).active
    assert written == total == sheet.max_row - 1
    header = [cell.value for cell in sheet[1]]
    assert header[:4] == ["Titre", "Type", "Statut", "Partenaires"]
    assert "Signature" in header
    signed = sheet.cell(row=2, column=header.index("Signature") + 1)
    assert signed.is_date and isinstance(signed.value.date(), date)
    assert sheet.freeze_panes == "A2"


def test_export_uses_the_lists_filter(city_demo: Path, tmp_path: Path) -> None:
    query = ListQuery(facets={"status": "active"})
    with OfficeFile.open(city_demo, read_only=True) as office, office.session() as session:
        written = export_list(session, "agreements", tmp_path / "active.csv", query)
        expected = count(session, LISTS["agreements"], query)
    rows = _read(tmp_path / "active.csv")
    assert written == expected == len(rows) - 1
    assert 0 < expected < count_all(city_demo)
    assert {row[2] for row in rows[1:]} == {"Active"}


def count_all(path: Path) -> int:
    with OfficeFile.open(path, read_only=True) as office, office.session() as session:
        return count(session, LISTS["agreements"], ListQuery())


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_an_export_imports_into_a_new_file_without_loss(
    city_demo: Path, tmp_path: Path, suffix: str, mappings_folder: Path
) -> None:
    set_language("fr")
    first: dict[str, list[list[Any]]] = {}
    with OfficeFile.open(city_demo, read_only=True) as office, office.session() as session:
        for kind in ORDER:
            path = tmp_path / f"{kind}{suffix}"
            export_list(session, kind, path)
            first[kind] = _read(path)
    fresh = tmp_path / "fresh.sqlite"
    set_language("en")  # somebody else, in another language, imports the French files
    with OfficeFile.create(fresh, "Another office") as office, office.session() as session:
        for kind in ORDER:
            preview = preview_import(
                session, tmp_path / f"{kind}{suffix}", kind, mappings_folder=mappings_folder
            )
            problems = [
                (r.number, [i.render() for i in r.errors]) for r in preview.rows if r.errors
            ]
            assert problems == [], kind
            result = apply_import(session, preview)
            assert result.rejected == []
    set_language("fr")
    with OfficeFile.open(fresh, read_only=True) as office, office.session() as session:
        for kind in ORDER:
            again = tmp_path / f"again-{kind}{suffix}"
            export_list(session, kind, again)
            assert _comparable(kind, _read(again)) == _comparable(kind, first[kind]), kind


def test_importing_an_export_into_its_own_file_changes_nothing(
    city_demo: Path, tmp_path: Path, mappings_folder: Path
) -> None:
    out = tmp_path / "agreements.xlsx"
    with OfficeFile.open(city_demo) as office, office.session() as session:
        written = export_list(session, "agreements", out)
        preview = preview_import(session, out, "agreements", mappings_folder=mappings_folder)
        assert preview.count("duplicate") == written
        result = apply_import(session, preview, "update")
    assert (result.imported, result.updated, len(result.rejected)) == (0, 0, 0)
    assert len(result.skipped) == written
