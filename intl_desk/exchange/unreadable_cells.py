"""Cells a workbook shows as an error (#DIV/0!, #REF!) or as a formula whose result was
never saved, found in the file itself.

calamine, which reads the workbooks, gives both as an empty cell, so a budget of
``=B2/0`` would be imported as "no budget" without a word. Here the worksheet's XML is
looked through — only when it holds an error or a formula at all — and each such cell
is named by its place, so the import refuses its value with the reason.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from xml.etree.ElementTree import Element

from intl_desk.core.i18n import N_, Message
from intl_desk.exchange.ods_cells import TABLE, ods_cells

#: (row, column), both counted from 0, as in the reader's rows
Place = tuple[int, int]


@dataclass(frozen=True)
class UnreadableCell:
    """A cell whose value cannot be known: ``error`` is what the spreadsheet shows
    ("#DIV/0!"), or None for a formula saved without its result."""

    error: str | None = None

    def __str__(self) -> str:
        return self.error or ""

    @property
    def message(self) -> Message:
        if self.error:
            return Message(
                N_(
                    "the spreadsheet shows the error {error} in this cell, not a value; correct "
                    "it in the spreadsheet and import again."
                ),
                {"error": self.error},
            )
        return Message(
            N_(
                "this cell holds a formula whose result was not saved with the file; open "
                "the file in your spreadsheet program, save it and import again."
            )
        )


_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELATIONS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PACKAGE = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CELL = re.compile(rb"<(?:\w+:)?c(\s[^>]*?)?(?:/>|>(.*?)</(?:\w+:)?c>)", re.DOTALL)
_REFERENCE = re.compile(rb'\sr="([A-Z]{1,3})([0-9]{1,7})"')
_ERROR_TYPE = re.compile(rb'\st="e"')
_STRING_TYPE = re.compile(rb'\st="str"')
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
_VALUE = re.compile(rb"<(?:\w+:)?v>(.*?)</(?:\w+:)?v>|<(?:\w+:)?v/>", re.DOTALL)


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number - 1


def _xlsx_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet name → its part in the archive."""
    from defusedxml.ElementTree import fromstring

    workbook = fromstring(archive.read("xl/workbook.xml"))
    relations = fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {
        str(item.get("Id")): str(item.get("Target", ""))
        for item in relations.iter(f"{_PACKAGE}Relationship")
    }
    parts = {}
    for sheet in workbook.iter(f"{_MAIN}sheet"):
        target = targets.get(str(sheet.get(f"{_RELATIONS}id")), "")
        if target:
            path = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            parts[str(sheet.get("name"))] = str(PurePosixPath(path))
    return parts


def _xlsx_sheet(data: bytes) -> dict[Place, UnreadableCell]:
    found: dict[Place, UnreadableCell] = {}
    if b't="e"' not in data and not _FORMULA.search(data):
        return found
    for cell in _CELL.finditer(data):
        attributes, content = cell.group(1) or b"", cell.group(2) or b""
        reference = _REFERENCE.search(attributes)
        if reference is None:
            continue
        value = _VALUE.search(content)
        saved = value.group(1) if value is not None else None
        if _ERROR_TYPE.search(attributes):
            error = (saved or b"#VALUE!").decode("utf-8", "replace").strip()
            unreadable = UnreadableCell(error or "#VALUE!")
        elif _FORMULA.search(content) and (
            saved is None or (not saved and not _STRING_TYPE.search(attributes))
        ):
            unreadable = UnreadableCell()
        else:
            continue
        place = (int(reference.group(2)) - 1, _column_number(reference.group(1)))
        found[place] = unreadable
    return found


def xlsx_unreadable_cells(path: Path) -> dict[str, dict[Place, UnreadableCell]]:
    """Per worksheet name, its error cells and formulas without a saved result."""
    found: dict[str, dict[Place, UnreadableCell]] = {}
    with zipfile.ZipFile(path) as archive:
        for name, part in _xlsx_parts(archive).items():
            try:
                cells = _xlsx_sheet(archive.read(part))
            except KeyError:
                continue
            if cells:
                found[name] = cells
    return found


_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_CALCEXT = "{urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0}"


def ods_unreadable_cells(path: Path) -> dict[str, dict[Place, UnreadableCell]]:
    """The same for an OpenDocument spreadsheet: a formula cell LibreOffice marks as an
    error, or one saved without any value."""
    found: dict[str, dict[Place, UnreadableCell]] = {}
    for table, row, column, element in ods_cells(path, b"table:formula"):
        if element.get(f"{TABLE}formula") is not None:
            unreadable = _ods_cell(element)
            if unreadable is not None:
                found.setdefault(table, {})[(row, column)] = unreadable
    return found


def _ods_cell(element: Element) -> UnreadableCell | None:
    if element.get(f"{_CALCEXT}value-type") == "error":
        shown = " ".join("".join(element.itertext()).split())
        return UnreadableCell(shown or "#VALUE!")
    if element.get(f"{_OFFICE}value-type") is None:
        return UnreadableCell()
    return None
