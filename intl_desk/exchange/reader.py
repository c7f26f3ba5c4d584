"""Reading a spreadsheet into rows of cell values: xlsx through openpyxl, csv by hand.

xlsx is read in read-only mode (streamed, so 10,000 rows stay small in memory; merged
title cells show their value in the first cell only, which is all header detection
needs). csv is decoded as UTF-8 (with or without the BOM Excel writes) and otherwise as
Windows-1252, the encoding Excel uses for "CSV" on Western European Windows; the
delimiter (, ; tab |) is sniffed from the first lines.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from intl_desk.core.display import number_text
from intl_desk.exchange.errors import (
    ExchangeError,
    NotASpreadsheet,
    OpenDocumentSpreadsheet,
    SpreadsheetDamaged,
    SpreadsheetMissing,
    SpreadsheetNotAFile,
    SpreadsheetNotReadable,
    SpreadsheetProtected,
    SpreadsheetTooLarge,
    TooManyRows,
    WorksheetMissing,
)
from intl_desk.exchange.xlsx_writer import FORMULA_STARTS

CSV_SUFFIXES = (".csv", ".txt", ".tsv")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
#: how many leading rows may hold titles, notes and blank lines above the column titles
HEADER_SEARCH_ROWS = 30
#: what one import reads at most: a state's whole register fits, a runaway sheet does not
MAX_ROWS = 250_000
MAX_BYTES = 200 * 2**20
#: a csv cell that begins with this, then a formula character, was neutralised on export
QUOTE = "'"


@dataclass
class Sheet:
    """One worksheet's cells, row by row (``rows[0]`` is the spreadsheet's row 1)."""

    name: str
    rows: list[list[Any]]


def _clean(value: Any, from_csv: bool = False) -> Any:
    """Surrounding spaces removed, empty text as None; in csv, the apostrophe an export put
    before a formula-like text is removed again."""
    if isinstance(value, str):
        rest = value[1:]
        if (
            from_csv
            and value.startswith(QUOTE)
            and (
                rest.startswith(FORMULA_STARTS)
                or (rest.startswith(QUOTE) and rest[1:].startswith(FORMULA_STARTS))
            )
        ):
            value = rest
        return value.strip() or None
    return value


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text" export
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _delimiter(sample: str) -> str:
    """The delimiter that splits the most lines into the same number of cells.

    Python's sniffer is thrown by what registers have around the table — a title line
    without any delimiter, a note under it — and by decimal commas inside quotes."""
    best, best_score = ",", (0, 0)
    for candidate in ";,\t|":  # on a tie the semicolon: decimal commas are common
        widths = Counter(
            len(cells) for cells in csv.reader(io.StringIO(sample), delimiter=candidate)
            if len(cells) > 1
        )
        if widths:
            width, lines = widths.most_common(1)[0]
            if (lines, width) > best_score:
                best, best_score = candidate, (lines, width)
    return best


def _read_csv(path: Path) -> list[Sheet]:
    data = path.read_bytes()
    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    if b"\x00" in data[:4096] and not utf16:
        raise NotASpreadsheet(path)
    text = _decode(data)
    sample = "\n".join(text.splitlines()[:HEADER_SEARCH_ROWS])
    rows = []
    for row in csv.reader(io.StringIO(text), delimiter=_delimiter(sample)):
        rows.append([_clean(cell, from_csv=True) for cell in row])
        if len(rows) > MAX_ROWS:
            raise TooManyRows(path, limit=number_text(MAX_ROWS))
    return [Sheet(path.stem, rows)]


def _read_xlsx(path: Path, sheet: str | None) -> list[Sheet]:
    from openpyxl import load_workbook

    if not zipfile.is_zipfile(path):
        _refuse_other_format(path)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise NotASpreadsheet(path) from None
    except Exception as error:  # a damaged part: XML syntax errors, odd sheets
        raise SpreadsheetDamaged(path, reason=type(error).__name__) from None
    try:
        names = list(workbook.sheetnames)
        if sheet is not None and sheet not in names:
            raise WorksheetMissing(path, sheet=sheet, sheets=", ".join(names))
        chosen = [sheet] if sheet is not None else names
        sheets = []
        for name in chosen:
            worksheet = workbook[name]
            # Without this openpyxl reads the whole sheet once more just to size it when the
            # file states no dimension (openpyxl's own files and ours don't); rows then
            # simply end at their last cell.
            reset = getattr(worksheet, "reset_dimensions", None)
            if reset is not None:
                reset()
            rows = []
            try:
                for row in worksheet.iter_rows(values_only=True):
                    rows.append([_clean(cell) for cell in row])
                    if len(rows) > MAX_ROWS:
                        raise TooManyRows(path, limit=number_text(MAX_ROWS))
            except (ExchangeError, OSError):
                raise
            except Exception as error:  # damaged XML, odd cells, absurd dimensions
                raise SpreadsheetDamaged(path, reason=type(error).__name__) from None
            sheets.append(Sheet(name, rows))
        return sheets
    finally:
        workbook.close()


#: OLE2 compound files: an old .xls, or an .xlsx encrypted with a password
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _refuse_other_format(path: Path) -> None:
    """Say what the file is when it is a spreadsheet of a kind not read here."""
    with path.open("rb") as handle:
        head = handle.read(8)
    if head == _OLE2:
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            raise SpreadsheetProtected(path)
        raise OpenDocumentSpreadsheet(path)
    raise NotASpreadsheet(path)


def _existing_file(path: Path | str) -> Path:
    """``path`` if it is an ordinary file; never a pipe, whose reading would wait forever."""
    target = Path(path)
    if not target.exists():
        raise SpreadsheetMissing(target)
    if not target.is_file():
        raise SpreadsheetNotAFile(target)
    return target


def read_sheets(path: Path | str, sheet: str | None = None) -> list[Sheet]:
    """Every worksheet of ``path`` (or only ``sheet``); raises the exchange's typed errors."""
    target = _existing_file(path)
    size = target.stat().st_size
    if size > MAX_BYTES:
        raise SpreadsheetTooLarge(
            target,
            limit=f"{number_text(MAX_BYTES // 2**20)} MB",
            found=f"{number_text(round(size / 2**20, 1))} MB",
        )
    suffix = target.suffix.lower()
    if suffix in (".ods", ".xls"):
        raise OpenDocumentSpreadsheet(target)
    try:
        if suffix in XLSX_SUFFIXES:
            return _read_xlsx(target, sheet)
        if suffix in CSV_SUFFIXES:
            return _read_csv(target)
    except PermissionError:
        raise SpreadsheetNotReadable(target) from None
    except OSError:
        raise SpreadsheetMissing(target) from None
    if zipfile.is_zipfile(target):
        return _read_xlsx(target, sheet)
    raise NotASpreadsheet(target)


def worksheet_names(path: Path | str) -> list[str]:
    """The worksheet names, without reading their cells (one name for a csv)."""
    target = _existing_file(path)
    if target.suffix.lower() in CSV_SUFFIXES:
        return [target.stem]
    from openpyxl import load_workbook

    if not zipfile.is_zipfile(target):
        raise NotASpreadsheet(target)
    try:
        workbook = load_workbook(target, read_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise NotASpreadsheet(target) from None
    try:
        return list(workbook.sheetnames)
    finally:
        workbook.close()
