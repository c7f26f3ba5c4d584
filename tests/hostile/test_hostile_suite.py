"""Forty-six hostile and unlucky spreadsheets through import, the overview report and the
IATI export: each gets the sentence a user can act on (never a traceback or "Unexpected
error"), the office file stays byte for byte as it was whenever nothing was imported,
and what was imported reaches a report and a well-formed IATI file.

The expected outcome of each input is written out in full, so a change of behaviour on
any of them shows here.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from defusedxml import ElementTree
from hostile_inputs import INPUTS

from intl_desk.cli import main
from intl_desk.store.office_file import OfficeFile

NO_TITLES = (
    "intl-desk: No row of column titles was found in “{name}”: the first rows should name "
    "the columns (for example Title, Partner, Country, Signed)."
)
NOT_A_SHEET = (
    "intl-desk: “{name}” is not a spreadsheet Intl Desk can read: save it as .xlsx or .csv "
    "and try again."
)
NOT_A_FILE = (
    "intl-desk: “{name}” is not an ordinary file (it is a folder, a pipe or a device): "
    "choose the spreadsheet itself."
)
DAMAGED = (
    "intl-desk: “{name}” is damaged or not a spreadsheet ({reason}): open it in your "
    "spreadsheet program and save it again as .xlsx or .csv."
)

ONE = "Imported 1, updated 0, skipped 0, rejected 0."
THIES = "Eau potable à Thiès"

#: input → (exit code, a line the user is shown, what is stored as the project's title)
EXPECTED: dict[str, tuple[int, str, str | None]] = {
    "empty": (2, NO_TITLES.format(name="vide.csv"), None),
    "titles_only": (0, "Imported 0, updated 0, skipped 0, rejected 0.", None),
    "only_separators": (2, NO_TITLES.format(name="points-virgules.csv"), None),
    "nul_bytes": (2, NOT_A_SHEET.format(name="nul.csv"), None),
    "control_characters": (0, ONE,
                           "Eau\x01 potable\x0b à Thiès\x1f"),
    "utf16_tabs": (0, ONE, THIES),
    "windows_1252": (0, ONE,
                     "Coopération à Córdoba"),
    "invalid_utf8": (2, "intl-desk: “octets.csv” is UTF-8 text, but line 3 holds bytes that "
                     "are not (a part saved in another encoding): open it in your spreadsheet "
                     "program, correct the text there, save it as CSV UTF-8 and import again.",
                     None),
    "formulas": (0, "Imported 3, updated 0, skipped 0, rejected 0.",
                 '=HYPERLINK("http://exemple.org","clic")'),
    "budget_infinity": (1, "Row 3: Budget: “Infinity” is not a number.", None),
    "budget_nan": (1, "Row 3: Budget: “NaN” is not a number.", None),
    "budget_1e999": (1, "Row 3: Budget: “1e999” is too large to be a figure of a register.",
                     None),
    "budget_huge": (1, "Row 3: Budget: “1e30” is too large to be a figure of a register.",
                    None),
    "budget_negative": (1, "Row 3: Budget: An amount cannot be negative.", None),
    "budget_300_digits": (1, f"Row 3: Budget: “{'9' * 39}…” is too large to be a figure of a "
                          "register.", None),
    "budget_words": (1, "Row 3: Budget: “cent mille” is not a number.", None),
    "date_impossible": (1, "Row 3: Début: “31/02/2020” is not a date that exists.", None),
    "date_zero": (1, "Row 3: Fin: “0000-00-00” is not a date that exists.", None),
    "date_far": (1, "Row 3: Fin: “99999” is not a date.", None),
    "unbalanced_quotes": (0, "Row 2 is a note or a total under the table, not imported: “Eau "
                          "potable;En cours;Ville de Lyon;Sénégal;janvier 2024;31/12/2026;120 "
                          "000,50;EU”.", None),
    "long_title": (1, "Row 3: At most 300 characters here; this text has 10,399.", None),
    "many_columns": (0, ONE, THIES),
    "bidi_and_zero_width": (0, ONE,
                            "\u202eEau\u200b potable\u2066 à Thiès"),
    "astral": (0, ONE, "Projet 🌍 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 Łódź"),
    "markup": (0, ONE,
               "</title><b>gras</b> ]]> &amp; <!-- x -->"),
    "sql": (0, ONE, "Robert'); DROP TABLE project;--"),
    "binary": (2, NOT_A_SHEET.format(name="binaire.csv"), None),
    "png_as_csv": (2, NOT_A_SHEET.format(name="image.csv"), None),
    "notes_under": (0, "Row 5 is a note or a total under the table, not imported: “Source : "
                    "DRI, mis à jour en 2024”.", "Eau potable à Thiès"),
    "year_only": (0, ONE, THIES),
    "pipe": (2, NOT_A_FILE.format(name="tube.csv"), None),
    "folder": (2, NOT_A_FILE.format(name="dossier.csv"), None),
    "xlsx_damaged": (2, DAMAGED.format(name="coupé.xlsx", reason="XmlError"), None),
    "xlsx_png": (2, NOT_A_SHEET.format(name="image.xlsx"), None),
    "xlsx_empty": (2, NO_TITLES.format(name="vide.xlsx"), None),
    "xlsx_error_cells": (1, "Row 2: Budget: the spreadsheet shows the error #DIV/0! in this "
                         "cell, not a value; correct it in the spreadsheet and import again.",
                         None),
    "xlsx_formula_without_value": (1, "Row 2: Budget: this cell holds a formula whose result "
                                   "was not saved with the file; open the file in your "
                                   "spreadsheet program, save it and import again.", None),
    "xlsx_zip_of_text": (2, DAMAGED.format(name="archive.xlsx", reason="CalamineError"), None),
    "xlsx_huge_dimension": (0, ONE,
                            "Eau potable à Thiès"),
    "xlsx_stray_cell_far_away": (2, "intl-desk: “égaré.xlsx” spans 1,000 rows by 16,384 "
                                 "columns, more than the 10,000,000 cells read at once: delete "
                                 "the empty rows and columns around the table (or import it "
                                 "in parts).", None),
    "csv_too_many_columns": (2, "intl-desk: “large.csv” has more than 16,384 columns, more "
                             "than a register can have: delete the columns that are not part "
                             "of the table and import again.", None),
    "xlsx_numbers_for_text": (1, "Row 2: Pays: “250” is not a country.", None),
    "old_mac_line_ends": (0, ONE, THIES),
    "huge_cell": (2, "intl-desk: “cellule.csv” has a cell longer than 131,072 characters, more "
                  "than any field of Intl Desk holds: shorten it (or move that text to a "
                  "document) and import again.", None),
    "ods_renamed_csv": (2, NOT_A_SHEET.format(name="tableur.csv"), None),
}


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "Lyon.sqlite"
    OfficeFile.create(path, "Ville de Lyon", country_code="FR", own_entity="Ville de Lyon").close()
    return path


def test_every_input_has_an_expected_outcome() -> None:
    assert sorted(EXPECTED) == sorted(INPUTS)
    assert len(INPUTS) >= 40


def _run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, list[str]]:
    code = main(list(arguments))
    captured = capsys.readouterr()
    said = captured.err + captured.out
    assert "Traceback" not in said and "Unexpected error" not in said, said
    return code, said.splitlines()


@pytest.mark.parametrize("name", sorted(INPUTS))
def test_a_hostile_spreadsheet_through_import_report_and_iati(
    name: str, template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    office = shutil.copy(template, tmp_path / "Lyon.sqlite")
    sheets = tmp_path / "reçus"
    sheets.mkdir()
    sheet = INPUTS[name](sheets)
    before = office.read_bytes()
    expected_code, expected_line, stored_title = EXPECTED[name]

    code, said = _run(capsys, "import", str(office), str(sheet), "--kind", "projects")
    assert (code, expected_line in said) == (expected_code, True), said
    if stored_title is None:  # nothing imported: not a byte of the office file changed
        assert office.read_bytes() == before
        return

    pdf = tmp_path / "Bilan.pdf"
    assert _run(capsys, "report", "overview", str(office), "-o", str(pdf))[0] == 0
    assert pdf.read_bytes().startswith(b"%PDF-")
    iati = tmp_path / "activites.xml"
    code, said = _run(capsys, "export", str(office), "--kind", "projects", "-o", str(iati))
    assert code == 0, said
    narratives = ElementTree.parse(iati).getroot().iter("narrative")  # well-formed
    titles = ["".join(narrative.itertext()) for narrative in narratives]
    allowed_in_xml = "".join(c for c in stored_title if c in "\t\n\r" or ord(c) >= 0x20)
    assert allowed_in_xml in titles
    if allowed_in_xml != stored_title:  # said, with the project named
        assert (
            f"intl-desk: Project “{allowed_in_xml}” holds characters XML does not allow "
            "(control characters pasted from another program): they were left out of the "
            "IATI file; correct the project's texts."
        ) in said
