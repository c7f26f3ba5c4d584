"""The cells of an OpenDocument spreadsheet with their places, read from its content.xml.

calamine (which reads the values) says nothing of merged cells or of formulas saved
without a value, so the importer walks the XML itself for those; this is the one walk,
with the bookkeeping of repeated rows and columns.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_CELLS = (f"{TABLE}table-cell", f"{TABLE}covered-table-cell")


def ods_cells(path: Path, containing: bytes) -> Iterator[tuple[str, int, int, Element]]:
    """Each cell as (table name, row, column, element), rows and columns counted from 0;
    nothing at all when ``containing`` (an attribute name) is not in the file, which is
    quicker to find out than to walk it. The element is whole (its text read) but is
    cleared once its row ends: take what is needed before the next one."""
    from defusedxml.ElementTree import iterparse

    with zipfile.ZipFile(path) as archive, archive.open("content.xml") as content:
        if containing not in content.read():
            return
    table, row, column = "", -1, 0
    with zipfile.ZipFile(path) as archive, archive.open("content.xml") as content:
        for event, element in iterparse(content, events=("start", "end")):
            tag = element.tag
            if event == "start" and tag == f"{TABLE}table":
                table, row = str(element.get(f"{TABLE}name", "")), -1
            elif event == "start" and tag == f"{TABLE}table-row":
                row, column = row + 1, 0
            elif event == "end" and tag == f"{TABLE}table-row":
                row += int(element.get(f"{TABLE}number-rows-repeated", "1")) - 1
                element.clear()
            elif event == "end" and tag in _CELLS:
                yield table, row, column, element
                column += int(element.get(f"{TABLE}number-columns-repeated", "1"))
