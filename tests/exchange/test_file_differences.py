"""The round trip's last check — the lists exported again from the new file are the
files first exported — reads each sheet a row at a time; it must still name the sheet
and the first row that changed, leave out what a new file cannot repeat (when a record
was last changed), and tell a sheet with one row more from one with a row changed."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import openpyxl
import pytest

from intl_desk.core.i18n import set_language
from intl_desk.exchange.round_trip import export_all, file_differences
from intl_desk.store.office_file import OfficeFile


@pytest.fixture
def exported(city_demo: Path, tmp_path: Path) -> Path:
    set_language("fr")
    with OfficeFile.open(city_demo, read_only=True) as office, office.session() as session:
        export_all(session, tmp_path, ".xlsx")
        export_all(session, tmp_path, ".csv")
    again = tmp_path / "again"
    again.mkdir()
    for path in tmp_path.glob("*.*"):
        shutil.copy(path, again / path.name)
    return tmp_path


def _change_xlsx(path: Path, title: str, column: str, value: str) -> str:
    """Writes ``value`` under ``column`` in the row of ``title``; gives the old value."""
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.worksheets[0]
    header = [cell.value for cell in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        if row[header.index("Titre")].value == title:
            cell = row[header.index(column)]
            old = str(cell.value)
            cell.value = value
    workbook.save(path)
    return old


def _first_title(path: Path) -> str:
    sheet = openpyxl.load_workbook(path, read_only=True).worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = list(next(rows))
    return str(next(rows)[header.index("Titre")])


def test_identical_files_have_no_difference(exported: Path) -> None:
    assert file_differences(exported, exported / "again", ".xlsx", "fr") == []
    assert file_differences(exported, exported / "again", ".csv", "fr") == []


def test_a_changed_cell_is_named_with_its_row(exported: Path) -> None:
    title = _first_title(exported / "agreements.xlsx")
    _change_xlsx(
        exported / "again" / "agreements.xlsx", title, "Titre", "Jumelage São João del-Rei"
    )

    [found] = file_differences(exported, exported / "again", ".xlsx", "fr")

    assert found.startswith("agreements.xlsx › ")
    assert repr(title) in found and "'Jumelage São João del-Rei'" in found


def test_when_each_record_last_changed_is_left_out(exported: Path) -> None:
    title = _first_title(exported / "agreements.xlsx")
    _change_xlsx(
        exported / "again" / "agreements.xlsx", title, "Dernière modification", "2031-01-01"
    )

    assert file_differences(exported, exported / "again", ".xlsx", "fr") == []


def test_a_row_more_in_a_csv_file_is_counted(exported: Path) -> None:
    path = exported / "again" / "partners.csv"
    with path.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file, delimiter=";"))
    with path.open("a", encoding="utf-8", newline="") as file:
        csv.writer(file, delimiter=";").writerow(["Łódź", *rows[1][1:]])

    [found] = file_differences(exported, exported / "again", ".csv", "fr")

    assert found == f"partners.csv › partners: ({len(rows)}, {len(rows) + 1})"
