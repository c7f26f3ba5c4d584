"""Reading a spreadsheet into rows of cell values: workbooks through calamine, csv by hand.

Workbooks — .xlsx, .xlsm, the old Excel .xls and OpenDocument .ods — are read by
python-calamine (Rust; several times faster than openpyxl and lighter in memory, which
only writes here). A value in cells merged down several rows ("Ville de Lyon" once
beside its five agreements) is carried down to each row it spans, and the sheet says
where, so the import can tell the user. csv is decoded as UTF-8 (with or without the
BOM Excel writes), UTF-16 (Excel's "Unicode text") and otherwise as Windows-1252, the
encoding Excel uses for "CSV" on Western European Windows — unless the file is UTF-8
with a few bad bytes, which is refused with their lines rather than misread. The
delimiter (, ; tab |) is sniffed from the first lines.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from intl_desk.core.display import first_few, number_text
from intl_desk.core.memory import give_back_freed_memory
from intl_desk.exchange.errors import (
    CellTooLong,
    DamagedUtf8,
    ExchangeError,
    NotASpreadsheet,
    SpreadsheetDamaged,
    SpreadsheetMissing,
    SpreadsheetNotAFile,
    SpreadsheetNotReadable,
    SpreadsheetProtected,
    SpreadsheetTooLarge,
    TooManyCells,
    TooManyColumns,
    TooManyRows,
    WorksheetMissing,
)
from intl_desk.exchange.ods_cells import TABLE, ods_cells
from intl_desk.exchange.unreadable_cells import (
    Place,
    UnreadableCell,
    ods_unreadable_cells,
    xlsx_unreadable_cells,
)
from intl_desk.files.xlsx_writer import FORMULA_STARTS

CSV_SUFFIXES = (".csv", ".txt", ".tsv")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
WORKBOOK_SUFFIXES = (*XLSX_SUFFIXES, ".xls", ".ods")
#: how many leading rows may hold titles, notes and blank lines above the column titles
HEADER_SEARCH_ROWS = 30
#: what one import reads at most: a state's whole register fits, a runaway sheet does not
MAX_ROWS = 250_000
MAX_BYTES = 200 * 2**20
#: the widest sheet read (Excel's own limit, column XFD)
MAX_COLUMNS = 16_384
#: cells of one worksheet read at once, empty ones included: a 250,000-row register of
#: 40 columns fits; a sheet with one stray cell in column XFD of row 200,000 does not
MAX_CELLS = 10_000_000
#: the longest cell read (as for csv, Python's own limit): longer than any field holds
MAX_CELL_CHARACTERS = 131_072
#: a csv cell that begins with this, then a formula character, was neutralised on export
QUOTE = "'"
#: texts up to this long are kept once per read, however many cells repeat them (a
#: type, a country, a partner's name on thousands of rows: 8 MB of the state's register)
SHARED_TEXT = 40
#: rows read between two checks of whether to go on (a check costs nothing; 1,000 rows
#: of a wide register take a few milliseconds)
CHECK_EVERY = 1_000
#: raises to stop a read (the wizard's Cancel), else returns
Check = Callable[[], None]


@dataclass(frozen=True)
class MergedRun:
    """Cells merged down a column: the value of ``first_row`` carried to ``last_row``
    (spreadsheet row numbers, as the user sees them; ``column`` counts from 0)."""

    column: int
    first_row: int
    last_row: int


@dataclass
class Sheet:
    """One worksheet's cells, row by row (``rows[0]`` is the spreadsheet's row 1)."""

    name: str
    rows: list[list[Any]]
    #: values carried down merged cells, to say so in the import's summary
    carried: list[MergedRun] = field(default_factory=list)


def _clean(value: Any, from_csv: bool = False) -> Any:
    """Surrounding spaces removed, empty text as None; in csv, the apostrophe an export put
    before a formula-like text is removed again."""
    if isinstance(value, str):
        rest = value[1:] if from_csv else value
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


#: a well-formed UTF-8 sequence of an accented letter or another non-ASCII character
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def _decode(path: Path, data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text" export
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    bad = [number for number, line in enumerate(data.splitlines(), 1) if not _is_utf8(line)]
    # Windows-1252 text fails on every accented line and shows a well-formed UTF-8
    # sequence only by chance ("É»"); UTF-8 with a few bad bytes has many
    if len(_UTF8_SEQUENCE.findall(data)) > len(bad):
        raise DamagedUtf8(path, lines=first_few([number_text(n) for n in bad], 5))
    return data.decode("cp1252", errors="replace")


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _delimiter(sample: str) -> str:
    """The delimiter that splits the largest share of the rows into the same number of
    cells (then the most cells).

    Python's sniffer is thrown by what registers have around the table — a title line
    without any delimiter, a note under it — and by decimal commas inside quotes. A
    share, not a count: a cell over several lines ("12,5⏎12,5" in quotes) is one row
    for the right delimiter but several for a wrong one, which counted more rows."""
    best, best_score = ",", (0.0, 0)
    for candidate in ";,\t|":  # on a tie the semicolon: decimal commas are common
        rows = [cells for cells in csv.reader(io.StringIO(sample), delimiter=candidate) if cells]
        widths = Counter(len(cells) for cells in rows if len(cells) > 1)
        if widths:
            width, lines = widths.most_common(1)[0]
            score = (lines / len(rows), width)
            if score > best_score:
                best, best_score = candidate, score
    return best


def _first_lines(text: str, count: int) -> list[str]:
    """``text.splitlines()[:count]``, without splitting the whole text (a state's
    register is 11 MB of csv) for its first lines."""
    size = 4096
    while True:
        lines = text[:size].splitlines()
        # more than ``count`` lines: the first ``count`` end inside the part split
        if len(lines) > count or size >= len(text):
            return lines[:count]
        size *= 4


#: a line and its end, as ``io.StringIO(text, newline="")`` gives them: ``\n``,
#: ``\r\n`` or a lone ``\r``, left as written for the csv module to read
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text`` one at a time for the csv module. ``io.StringIO`` holds
    its text as four bytes a character (44 MB for an 11 MB register) besides the
    text itself."""
    for found in _LINE.finditer(text):
        yield found.group()


def _read_csv(path: Path, check: Check | None = None) -> list[Sheet]:
    data = path.read_bytes()
    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    if b"\x00" in data[:4096] and not utf16:
        raise NotASpreadsheet(path)
    text = _decode(path, data)
    del data  # the text is all that is read from now on
    rows = []
    shared: dict[str, str] = {}
    try:
        for row in _csv_rows(text):
            if len(row) > MAX_COLUMNS:
                raise TooManyColumns(path, limit=number_text(MAX_COLUMNS))
            rows.append([_once(_clean(cell, from_csv=True), shared) for cell in row])
            if check is not None and len(rows) % CHECK_EVERY == 0:
                check()
            if len(rows) > MAX_ROWS:
                raise TooManyRows(path, limit=number_text(MAX_ROWS))
    except csv.Error:  # the one error left: a cell over the csv module's field limit
        raise CellTooLong(path, limit=number_text(csv.field_size_limit())) from None
    return [Sheet(path.stem, rows)]


def _csv_rows(text: str) -> Iterator[list[str]]:
    """The csv module's rows of ``text``, read a line at a time, split at the delimiter
    its first lines use."""
    sample = "\n".join(_first_lines(text, HEADER_SEARCH_ROWS))
    return csv.reader(_lines(text), delimiter=_delimiter(sample))


class _LongCell(Exception):
    """A workbook cell over :data:`MAX_CELL_CHARACTERS` (said with the file's name)."""


def _cell(value: Any) -> Any:
    """A workbook cell as the import reads it: no empty text, whole numbers as integers
    (calamine gives every number as a float; a reference "12" must not read "12.0")."""
    kind = type(value)  # most cells are text: tested first, without _clean's csv case
    if kind is str:
        if len(value) > MAX_CELL_CHARACTERS:
            raise _LongCell
        return value.strip() or None
    if kind is float and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return _clean(value)


def _check_size(path: Path, worksheet: Any) -> None:
    """Refuse a sheet too large to read before a single cell is read."""
    if worksheet.height > MAX_ROWS:
        raise TooManyRows(path, limit=number_text(MAX_ROWS))
    end = worksheet.end
    if end is None:
        return
    rows, columns = end[0] + 1, end[1] + 1
    if columns > MAX_COLUMNS:
        raise TooManyColumns(path, limit=number_text(MAX_COLUMNS))
    if rows * columns > MAX_CELLS:
        raise TooManyCells(
            path,
            rows=number_text(rows),
            columns=number_text(columns),
            limit=number_text(MAX_CELLS),
        )


def carry_down(
    rows: list[list[Any]], merged: list[tuple[tuple[int, int], tuple[int, int]]]
) -> list[MergedRun]:
    """Give every row a merged cell spans its value (only the first row holds it)."""
    runs = []
    for (top, left), (bottom, _right) in sorted(merged or ()):
        if bottom <= top or top >= len(rows) or left >= len(rows[top]):
            continue
        value = rows[top][left]
        if value is None:
            continue
        for number in range(top + 1, min(bottom, len(rows) - 1) + 1):
            row = rows[number]
            row.extend([None] * (left + 1 - len(row)))
            if row[left] is None:
                row[left] = value
        runs.append(MergedRun(left, top + 1, bottom + 1))
    return runs


def _ods_merges(path: Path) -> dict[str, list[tuple[tuple[int, int], tuple[int, int]]]]:
    """Cells merged down rows in an OpenDocument spreadsheet, per table (calamine gives
    merged ranges for Excel files only): ``((top, left), (bottom, right))`` from 0."""
    found: dict[str, list[tuple[tuple[int, int], tuple[int, int]]]] = {}
    for table, row, column, element in ods_cells(path, b"number-rows-spanned"):
        down = int(element.get(f"{TABLE}number-rows-spanned", "1"))
        across = int(element.get(f"{TABLE}number-columns-spanned", "1"))
        if down > 1:
            found.setdefault(table, []).append(
                ((row, column), (row + down - 1, column + across - 1))
            )
    return found


def _read_workbook(path: Path, sheet: str | None, check: Check | None = None) -> list[Sheet]:
    from python_calamine import CalamineWorkbook, PasswordError

    check = check or _go_on

    suffix = path.suffix.lower()
    if suffix in (*XLSX_SUFFIXES, ".ods") and not zipfile.is_zipfile(path):
        _refuse_other_format(path)
    try:
        workbook = CalamineWorkbook.from_path(str(path))
    except PasswordError:
        raise SpreadsheetProtected(path) from None
    except PermissionError:
        raise
    except Exception as error:  # calamine's errors: not a workbook, damaged zip or XML
        raise SpreadsheetDamaged(path, reason=type(error).__name__) from None
    try:
        names = list(workbook.sheet_names)
        if sheet is not None and sheet not in names:
            raise WorksheetMissing(path, sheet=sheet, sheets=", ".join(names))
        sheets = []
        ods = zipfile.is_zipfile(path) and _is_ods(path)
        ods_merges = _ods_merges(path) if ods else {}
        check()
        unreadable = _unreadable_cells(path, ods)
        for name in [sheet] if sheet is not None else names:
            check()
            try:
                worksheet = workbook.get_sheet_by_name(name)
                _check_size(path, worksheet)
                cells = worksheet.to_python(skip_empty_area=False)
                merged = worksheet.merged_cell_ranges or ods_merges.get(name, [])
            except ExchangeError:
                raise
            except Exception as error:  # a chart sheet, damaged XML, odd cells
                if sheet is None and len(names) > 1:
                    continue  # another worksheet may hold the register
                raise SpreadsheetDamaged(path, reason=type(error).__name__) from None
            del worksheet  # calamine's own copy of the cells (29 MB of the state's register)
            try:
                rows = _converted(cells, check)
            except _LongCell:
                raise CellTooLong(path, limit=number_text(MAX_CELL_CHARACTERS)) from None
            _mark_unreadable(rows, unreadable.get(name, {}))
            while rows and all(value is None for value in rows[-1]):
                rows.pop()
            check()
            sheets.append(Sheet(name, rows, carry_down(rows, merged)))
        return sheets
    finally:
        workbook.close()
        give_back_freed_memory()  # calamine's copy of the cells, let go


def _converted(cells: list[list[Any]], check: Check) -> list[list[Any]]:
    """calamine's cells as the importer reads them, asking ``check`` every
    :data:`CHECK_EVERY` rows whether to go on (Cancel in the wizard). The rows are
    calamine's lists, changed in place: a second list a row was 16 MB more for the
    state's register."""
    shared: dict[str, str] = {}
    for start in range(0, len(cells), CHECK_EVERY):
        check()
        for row in cells[start : start + CHECK_EVERY]:
            row[:] = [
                _once(value.strip() or None, shared)
                if type(value) is str and len(value) <= MAX_CELL_CHARACTERS
                else _cell(value)
                for value in row
            ]
    return cells


def _once(value: Any, shared: dict[str, str]) -> Any:
    """``value``; a short text the same object as every equal one already read (see
    :data:`SHARED_TEXT`)."""
    if type(value) is str and len(value) <= SHARED_TEXT:
        return shared.setdefault(value, value)
    return value


def _go_on() -> None:
    """The check of a read nobody can cancel."""


def _unreadable_cells(path: Path, ods: bool) -> dict[str, dict[Place, UnreadableCell]]:
    """Error cells and formulas without a saved result, which calamine reads as blanks
    (an old .xls is not looked through: its cells are in a binary format)."""
    try:
        if ods:
            return ods_unreadable_cells(path)
        if zipfile.is_zipfile(path):
            return xlsx_unreadable_cells(path)
    except Exception:  # calamine read the file: a part it could skip holds no cell
        return {}
    return {}


def _mark_unreadable(rows: list[list[Any]], places: dict[Place, UnreadableCell]) -> None:
    """Put the unreadable cells where calamine left blanks (in the rows it read)."""
    for (row, column), cell in places.items():
        if row < len(rows):
            cells = rows[row]
            cells.extend([None] * (column + 1 - len(cells)))
            if cells[column] is None:
                cells[column] = cell


def _is_ods(path: Path) -> bool:
    with zipfile.ZipFile(path) as archive:
        return "content.xml" in archive.namelist() and "xl/workbook.xml" not in archive.namelist()


#: OLE2 compound files: an old .xls, or an .xlsx encrypted with a password
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _refuse_other_format(path: Path) -> None:
    """Say what the file is when it is a spreadsheet of a kind not read here."""
    with path.open("rb") as handle:
        head = handle.read(8)
    if head == _OLE2:  # an .xlsx inside an OLE2 container is an encrypted one
        raise SpreadsheetProtected(path)
    raise NotASpreadsheet(path)


def _existing_file(path: Path | str) -> Path:
    """``path`` if it is an ordinary file; never a pipe, whose reading would wait forever."""
    target = Path(path)
    if not target.exists():
        raise SpreadsheetMissing(target)
    if not target.is_file():
        raise SpreadsheetNotAFile(target)
    return target


def read_sheets(
    path: Path | str, sheet: str | None = None, check: Check | None = None
) -> list[Sheet]:
    """Every worksheet of ``path`` (or only ``sheet``); raises the exchange's typed errors.

    ``check()`` is called between worksheets and every :data:`CHECK_EVERY` rows: what it
    raises (the wizard's Cancel) stops the read there, not when the whole file is read."""
    target = _existing_file(path)
    size = target.stat().st_size
    if size > MAX_BYTES:
        raise SpreadsheetTooLarge(
            target,
            limit=f"{number_text(MAX_BYTES // 2**20)} MB",
            found=f"{number_text(round(size / 2**20, 1))} MB",
        )
    suffix = target.suffix.lower()
    try:
        with target.open("rb"):
            pass
        if suffix in WORKBOOK_SUFFIXES:
            return _read_workbook(target, sheet, check)
        if suffix in CSV_SUFFIXES:
            return _read_csv(target, check)
        if zipfile.is_zipfile(target):
            return _read_workbook(target, sheet, check)
    except PermissionError:
        raise SpreadsheetNotReadable(target) from None
    except OSError:
        raise SpreadsheetMissing(target) from None
    raise NotASpreadsheet(target)


def sheet_rows(path: Path | str, sheet: str) -> Iterator[list[Any]]:
    """The rows of one worksheet of ``path`` as stored (a csv file's one sheet whatever
    ``sheet`` says), one at a time: for comparing two files without holding either
    (a state's agreements sheet read whole is 64 MiB). Nothing is cleaned or checked:
    this is for files the export wrote, not for registers to import."""
    target = _existing_file(path)
    if target.suffix.lower() in CSV_SUFFIXES:
        yield from _csv_rows(_decode(target, target.read_bytes()))
        return
    if target.suffix.lower() in XLSX_SUFFIXES:
        # openpyxl streams the sheet's XML; calamine holds every cell first (the state's
        # agreements: 55 MiB more at the peak, for a read eight times faster)
        import openpyxl

        book = openpyxl.load_workbook(target, read_only=True, data_only=True)
        try:
            yield from (list(row) for row in book[sheet].iter_rows(values_only=True))
        finally:
            book.close()
        return
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_path(str(target))
    try:
        yield from workbook.get_sheet_by_name(sheet).iter_rows()
    finally:
        workbook.close()


def worksheet_names(path: Path | str) -> list[str]:
    """The worksheet names, without reading their cells (one name for a csv)."""
    target = _existing_file(path)
    if target.suffix.lower() in CSV_SUFFIXES:
        return [target.stem]
    from python_calamine import CalamineWorkbook

    if target.suffix.lower() != ".xls" and not zipfile.is_zipfile(target):
        raise NotASpreadsheet(target)
    try:
        workbook = CalamineWorkbook.from_path(str(target))
    except Exception:
        raise NotASpreadsheet(target) from None
    try:
        return list(workbook.sheet_names)
    finally:
        workbook.close()
