"""Hostile and unlucky spreadsheets, made the way they reach an office: a register with
its title row and its own words, then something wrong in it (or the whole file wrong).

Each input is a name and a function writing the file into a folder; the suite runs them
through import, the reports and the IATI export.
"""

from __future__ import annotations

import csv
import io
import os
import random
import zipfile
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook, load_workbook

TITLES = ["Intitulé", "Statut", "Chef de file", "Pays", "Début", "Fin", "Budget", "Devise"]
GOOD = ["Eau potable à Thiès", "En cours", "Ville de Lyon", "Sénégal", "janvier 2024",
        "31/12/2026", "120 000,50", "EUR"]
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200)

Maker = Callable[[Path], Path]


def _row(**changes: str) -> list[str]:
    row = dict(zip(TITLES, GOOD, strict=True))
    row.update(changes)
    return [row[title] for title in TITLES]


def _csv(rows: list[list[str]], encoding: str = "utf-8", separator: str = ";") -> bytes:
    """The register as a spreadsheet program saves it: a title row, then the table."""
    text = io.StringIO()
    text.write("Registre des projets de coopération — DRI\n")
    csv.writer(text, delimiter=separator, lineterminator="\n").writerows(rows)
    return text.getvalue().encode(encoding)


def _bytes(name: str, content: bytes) -> Maker:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(content)
        return path

    return make


def _project(name: str, **changes: str) -> Maker:
    return _bytes(name, _csv([TITLES, _row(**changes)]))


def _xlsx(name: str, rows: list[list[object]]) -> Maker:
    def make(folder: Path) -> Path:
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = "Projets"
        for row in rows:
            sheet.append(row)
        path = folder / name
        workbook.save(path)
        return path

    return make


def _damaged_xlsx(folder: Path) -> Path:
    good = _xlsx("good.xlsx", [TITLES, GOOD])(folder)
    path = folder / "coupé.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]
            target.writestr(item, data)
    good.unlink()
    return path


def _zip_of_text(folder: Path) -> Path:
    path = folder / "archive.xlsx"
    with zipfile.ZipFile(path, "w") as target:
        target.writestr("lisez-moi.txt", "Ceci n'est pas un classeur.")
    return path


def _huge_dimension(folder: Path) -> Path:
    """One real row, but the sheet declares a million rows by 16,384 columns."""
    good = _xlsx("good.xlsx", [TITLES, GOOD])(folder)
    path = folder / "dimension.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b'ref="A1:H2"', b'ref="A1:XFD1048576"')
            target.writestr(item, data)
    good.unlink()
    return path


def _stray_cell_far_away(folder: Path) -> Path:
    """The register, and an "x" typed by mistake in the sheet's last column, row 1,000."""
    path = _xlsx("égaré.xlsx", [TITLES, GOOD])(folder)
    workbook = load_workbook(path)
    workbook.active.cell(row=1000, column=16_384, value="x")
    workbook.save(path)
    return path


def _pipe(folder: Path) -> Path:
    path = folder / "tube.csv"
    os.mkfifo(path)
    return path


def _folder(folder: Path) -> Path:
    path = folder / "dossier.csv"
    path.mkdir()
    return path


INPUTS: dict[str, Maker] = {
    "empty": _bytes("vide.csv", b""),
    "titles_only": _bytes("titres.csv", _csv([TITLES])),
    "only_separators": _bytes("points-virgules.csv", b";;;;;;;\n;;;;;;;\n;;;\n"),
    "nul_bytes": _project("nul.csv", Intitulé="Eau\x00 potable"),
    "control_characters": _project("controle.csv", Intitulé="Eau\x01 potable\x0b à Thiès\x1f"),
    "utf16_tabs": _bytes("unicode.csv", _csv([TITLES, GOOD], "utf-16", "\t")),
    "windows_1252": _bytes("ansi.csv", _csv([TITLES, _row(Intitulé="Coopération à Córdoba")],
                                            "cp1252")),
    "invalid_utf8": _bytes("octets.csv", _csv([TITLES, GOOD]).replace(b"Thi", b"\xff\xfeThi")),
    "formulas": _bytes("formules.csv", _csv([
        TITLES,
        _row(Intitulé='=HYPERLINK("http://exemple.org","clic")'),
        _row(Intitulé="+SUM(A1:A9)"),
        _row(Intitulé="@cmd|' /C calc'!A0"),
    ])),
    "budget_infinity": _project("infini.csv", Budget="Infinity"),
    "budget_nan": _project("nan.csv", Budget="NaN"),
    "budget_1e999": _project("exposant.csv", Budget="1e999"),
    "budget_huge": _project("enorme.csv", Budget="1e30"),
    "budget_negative": _project("negatif.csv", Budget="-5 000"),
    "budget_300_digits": _project("chiffres.csv", Budget="9" * 300),
    "budget_words": _project("mots.csv", Budget="cent mille"),
    "date_impossible": _project("31-fevrier.csv", Début="31/02/2020"),
    "date_zero": _project("zero.csv", Fin="0000-00-00"),
    "date_far": _project("lointain.csv", Fin="99999"),
    "unbalanced_quotes": _bytes(
        "guillemets.csv",
        (";".join(TITLES) + '\n"Eau potable;' + ";".join(GOOD[1:]) + "\n").encode(),
    ),
    "long_title": _project("long.csv", Intitulé="Coopération décentralisée " * 400),
    "many_columns": _bytes("colonnes.csv", _csv([TITLES + [f"C{n}" for n in range(3000)],
                                                 GOOD + ["x"] * 3000])),
    "bidi_and_zero_width": _project("bidi.csv", Intitulé="\u202eEau\u200b potable\u2066 à Thiès"),
    "astral": _project("emoji.csv", Intitulé="Projet 🌍 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 Łódź"),
    "markup": _project("balises.csv", Intitulé="</title><b>gras</b> ]]> &amp; <!-- x -->"),
    "sql": _project("sql.csv", Intitulé="Robert'); DROP TABLE project;--"),
    "binary": _bytes("binaire.csv", random.Random(16).randbytes(4096)),
    "png_as_csv": _bytes("image.csv", PNG),
    "notes_under": _bytes(
        "notes.csv", _csv([TITLES, GOOD, [""], ["Source : DRI, mis à jour en 2024"]])
    ),
    "year_only": _project("annee.csv", Début="2011", Fin="2030"),
    "pipe": _pipe,
    "folder": _folder,
    "xlsx_damaged": _damaged_xlsx,
    "xlsx_png": _bytes("image.xlsx", PNG),
    "xlsx_empty": _xlsx("vide.xlsx", []),
    "xlsx_error_cells": _xlsx("erreurs.xlsx", [TITLES, _row(Budget="#DIV/0!", Début="#REF!")]),
    "xlsx_formula_without_value": _xlsx("formule.xlsx", [TITLES, [*GOOD[:6], "=1/0", "EUR"]]),
    "xlsx_zip_of_text": _zip_of_text,
    "xlsx_huge_dimension": _huge_dimension,
    "xlsx_stray_cell_far_away": _stray_cell_far_away,
    "csv_too_many_columns": _bytes("large.csv", _csv([TITLES + ["x"] * 16_400, GOOD])),
    "xlsx_numbers_for_text": _xlsx(
        "nombres.xlsx", [TITLES, [12345, 3, 7, 250, 2011, 45000, 1.5e300, 978]]
    ),
    "old_mac_line_ends": _bytes("mac.csv", _csv([TITLES, GOOD]).replace(b"\n", b"\r")),
    "huge_cell": _project("cellule.csv", Intitulé="Jumelage " * 25_000),
    "ods_renamed_csv": _bytes("tableur.csv", b"PK\x03\x04" + bytes(100)),
}
