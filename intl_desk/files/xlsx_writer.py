"""A small streaming xlsx writer: worksheets of text, numbers and dates.

In the store layer so that both the exchange (exports) and the reports (the handover's
workbook) can use it.

Why not openpyxl here: its write-only mode spends about 40 µs per cell, so 20,000
agreements × 11 columns take 9 s; this writer streams the same workbook in about a second.
It also makes the safety rule structural: text is only ever written as a shared string
(``t="s"``, the way Excel itself saves text, and quick for openpyxl to read back) and no
``<f>`` element exists in this module, so no value can become a formula; a text that looks
like one (``= + - @``, tab, CR) also carries Excel's quote prefix so it stays text when
someone edits the cell. openpyxl still reads every import, and the tests read these files
back with it.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape, quoteattr

EXCEL_EPOCH = date(1899, 12, 30)
#: what a worksheet (XML) cannot hold: control characters pasted from another program,
#: lone surrogates and the non-characters U+FFFE and U+FFFF
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_ENTITIES = {"\r": "&#13;"}  # XML would read a bare CR back as LF

# cell styles (indexes into cellXfs below)
PLAIN, HEADER, DATE, QUOTED = 0, 1, 2, 3

_PACKAGE = "http://schemas.openxmlformats.org/package/2006"
_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

_CONTENT_TYPES = f"""{_DECLARATION}<Types xmlns="{_PACKAGE}/content-types">
<Default Extension="rels"
 ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="{_SHEET_TYPE}.sheet.main+xml"/>
{{sheets}}
<Override PartName="/xl/styles.xml" ContentType="{_SHEET_TYPE}.styles+xml"/>
<Override PartName="/xl/sharedStrings.xml" ContentType="{_SHEET_TYPE}.sharedStrings+xml"/>
</Types>"""

_ROOT_RELS = f"""{_DECLARATION}<Relationships xmlns="{_PACKAGE}/relationships">
<Relationship Id="rId1" Type="{_OFFICE}/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""

_SHEET_CONTENT = (
    f'<Override PartName="/xl/worksheets/sheet{{number}}.xml" '
    f'ContentType="{_SHEET_TYPE}.worksheet+xml"/>'
)
_WORKBOOK_RELS = f"""{_DECLARATION}<Relationships xmlns="{_PACKAGE}/relationships">
<Relationship Id="rIdS" Type="{_OFFICE}/styles" Target="styles.xml"/>
<Relationship Id="rIdT" Type="{_OFFICE}/sharedStrings" Target="sharedStrings.xml"/>
{{sheets}}
</Relationships>"""
_SHEET_RELATION = (
    f'<Relationship Id="rId{{number}}" Type="{_OFFICE}/worksheet" '
    f'Target="worksheets/sheet{{number}}.xml"/>'
)
_WORKBOOK = (
    f"""{_DECLARATION}<workbook xmlns="{_MAIN}" xmlns:r="{_OFFICE}">"""
    """<sheets>{sheets}</sheets></workbook>"""
)
_SHEET_ENTRY = '<sheet name={name} sheetId="{number}" r:id="rId{number}"/>'

_STYLES = f"""{_DECLARATION}<styleSheet xmlns="{_MAIN}">
<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts>
<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>
<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill>
<fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="4">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"
 quotePrefix="1"/>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>"""


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


class _SharedStrings:
    """Each distinct text once, cells refer to it by number (Excel's own layout)."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.count = 0
        self._seen: dict[str, int] = {}  # each text as given → its number (texts repeat)

    def cell(self, ref: str, text: str, style: int) -> str:
        number = self._seen.get(text)
        if number is None:
            clean = _ILLEGAL.sub("", text)
            number = self._seen[text] = self.index.setdefault(clean, len(self.index))
        self.count += 1
        if style:
            return f'<c r="{ref}" t="s" s="{style}"><v>{number}</v></c>'
        return f'<c r="{ref}" t="s"><v>{number}</v></c>'

    def write(self, raw: IO[bytes]) -> None:
        """The shared strings part, written a thousand texts at a time: made whole, the
        state's agreements list held it several times over (its pieces, the text, its
        bytes), 48 MiB at the export's peak."""
        raw.write(
            f'{_DECLARATION}<sst xmlns="{_MAIN}" count="{self.count}" '
            f'uniqueCount="{len(self.index)}">'.encode()
        )
        texts = list(self.index)
        for start in range(0, len(texts), 1000):
            raw.write(
                "".join(
                    f'<si><t xml:space="preserve">{escape(text, _ENTITIES)}</t></si>'
                    for text in texts[start : start + 1000]
                ).encode()
            )
        raw.write(b"</sst>")


def _cell(ref: str, value: Any, header: bool, strings: _SharedStrings) -> str:
    if type(value) is str:  # most cells: straight to the shared strings
        style = HEADER if header else QUOTED if value.startswith(FORMULA_STARTS) else PLAIN
        return strings.cell(ref, value, style)
    if value is None:
        return ""
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return f'<c r="{ref}" s="{DATE}"><v>{(value - EXCEL_EPOCH).days}</v></c>'
    if isinstance(value, int | float | Decimal):
        return f'<c r="{ref}"><v>{value}</v></c>'
    text = str(value)
    style = HEADER if header else QUOTED if text.startswith(FORMULA_STARTS) else PLAIN
    return strings.cell(ref, text, style)


#: one worksheet: its name, its rows (the first is the header) and its column widths
SheetRows = tuple[str, Iterable[Sequence[Any]], Sequence[int]]


def sheet_name(name: str, taken: Sequence[str] = ()) -> str:
    """A name Excel accepts (no ``[]:*?/\\``, 31 characters), unlike those ``taken``."""
    clean = _ILLEGAL.sub("", re.sub(r"[\[\]:*?/\\]", " ", name))[:31] or "Sheet1"
    number = 2
    while clean.casefold() in {other.casefold() for other in taken}:
        suffix = f" ({number})"
        clean, number = clean[: 31 - len(suffix)] + suffix, number + 1
    return clean


def write_xlsx(
    path: Path, sheet_name: str, rows: Iterable[Sequence[Any]], widths: Sequence[int] = ()
) -> int:
    """Write ``rows`` (the first is the header, in bold and frozen) to ``path``; returns
    the number of rows after the header."""
    return write_workbook(path, [(sheet_name, rows, widths)])


def write_workbook(path: Path | str | IO[bytes], sheets: Sequence[SheetRows]) -> int:
    """Write each sheet (its first row the header, in bold and frozen) to ``path``;
    returns the number of rows after the header of the first."""
    names: list[str] = []
    for name, _rows, _widths in sheets:
        names.append(sheet_name(name, names))
    numbers = range(1, len(sheets) + 1)
    strings = _SharedStrings()
    counts = []
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=5) as archive:
        archive.writestr(
            "[Content_Types].xml",
            _CONTENT_TYPES.format(sheets="".join(_SHEET_CONTENT.format(number=n) for n in numbers)),
        )
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr(
            "xl/workbook.xml",
            _WORKBOOK.format(
                sheets="".join(
                    _SHEET_ENTRY.format(name=quoteattr(name), number=number)
                    for number, name in zip(numbers, names, strict=True)
                )
            ),
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            _WORKBOOK_RELS.format(
                sheets="".join(_SHEET_RELATION.format(number=n) for n in numbers)
            ),
        )
        archive.writestr("xl/styles.xml", _STYLES)
        for number, (_name, rows, widths) in zip(numbers, sheets, strict=True):
            with archive.open(f"xl/worksheets/sheet{number}.xml", "w") as raw:
                counts.append(_write_sheet(raw, rows, widths, strings))
        with archive.open("xl/sharedStrings.xml", "w") as raw:
            strings.write(raw)
    return counts[0] if counts else 0


def _write_sheet(
    raw: IO[bytes], rows: Iterable[Sequence[Any]], widths: Sequence[int], strings: _SharedStrings
) -> int:
    # Materialised so the sheet can state its size first: openpyxl (read-only) otherwise
    # parses the whole sheet once more just to find it.
    table = [list(row) for row in rows]
    width = max((len(row) for row in table), default=1)
    dimension = f"A1:{column_letter(max(width, 1) - 1)}{max(len(table), 1)}"
    count = -1
    raw.write(
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        + f'<dimension ref="{dimension}"/>'.encode()
        + b'<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" '
        b'activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
    )
    if widths:
        cols = "".join(
            f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>'
            for i, w in enumerate(widths, start=1)
        )
        raw.write(f"<cols>{cols}</cols>".encode())
    raw.write(b"<sheetData>")
    letters: list[str] = []
    buffer: list[str] = []
    for number, row in enumerate(table, start=1):
        while len(letters) < len(row):
            letters.append(column_letter(len(letters)))
        cells: list[str] = []
        for i, value in enumerate(row):
            if value is None:  # an empty cell is left out
                continue
            if type(value) is str and number > 1:  # most cells: no call but the strings'
                style = QUOTED if value.startswith(FORMULA_STARTS) else PLAIN
                cells.append(strings.cell(f"{letters[i]}{number}", value, style))
            else:
                cells.append(_cell(f"{letters[i]}{number}", value, number == 1, strings))
        buffer.append(f'<row r="{number}">{"".join(cells)}</row>')
        count += 1
        if len(buffer) >= 500:
            raw.write("".join(buffer).encode())
            buffer.clear()
    raw.write("".join(buffer).encode())
    raw.write(b"</sheetData></worksheet>")
    return max(count, 0)
