"""How a register's sheet is laid out, read before any row is checked: its header row and
column mapping (what the wizard's column step shows), whether its dates are written day
first, each figure column's decimal mark, and where the table ends above the notes and
totals written under it."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from intl_desk.exchange.errors import UnknownKind
from intl_desk.exchange.fields import IMPORT_KINDS, ImportKind
from intl_desk.exchange.mapping import choose_sheet, saved_mapping
from intl_desk.exchange.numbers import DecimalMark, decimal_mark
from intl_desk.exchange.reader import Sheet, read_sheets
from intl_desk.exchange.values import as_text


def dates_day_first(sheet: Sheet, start: int, columns: list[int]) -> bool:
    """Day first unless some numeric date is clearly month-first (12/25/2018) and none is
    clearly day-first (25/12/2018)."""
    month_first_seen = False
    for row in sheet.rows[start:]:
        for column in columns:
            value = row[column] if column < len(row) else None
            if not isinstance(value, str):
                continue
            parts = value.replace(".", "/").replace("-", "/").split("/")
            if len(parts) == 3 and all(part.strip().isdigit() for part in parts):
                first, second = int(parts[0]), int(parts[1])
                if len(parts[0]) < 4:
                    if first > 12:
                        return True  # one date clearly day-first settles it
                    month_first_seen |= second > 12
    return not month_first_seen


def figure_decimal_marks(
    sheet: Sheet, start: int, mapping: Mapping[int, str], spec: ImportKind
) -> dict[int, DecimalMark]:
    """Each figure column's decimal mark: what its own cells show, else what the sheet's
    other figures show (None: a figure that reads two ways will be refused)."""
    figures = [i for i, key in mapping.items() if spec.field(key).kind in FIGURE_KINDS]

    def cells(column: int) -> list[object]:
        return [row[column] for row in sheet.rows[start:] if column < len(row)]

    whole_sheet = decimal_mark(cells(column) for column in figures)
    return {column: decimal_mark([cells(column)]) or whole_sheet for column in figures}


FIGURE_KINDS = frozenset({"int", "float", "money", "year"})


@dataclass(frozen=True)
class SheetLayout:
    """What the wizard's column step shows: the titles, the mapping, a few examples."""

    sheet: str
    sheets: list[str]
    header_row: int
    headers: list[str]
    mapping: dict[int, str]
    examples: list[list[Any]]
    saved: bool


def sheet_layout(
    path: Path | str,
    kind: str,
    *,
    worksheet: str | None = None,
    mappings_folder: Path | None = None,
    examples: int = 3,
    check: Callable[[], None] | None = None,
) -> SheetLayout:
    """The header row and column mapping :func:`preview_import` would use (``check``:
    see :func:`~intl_desk.exchange.reader.read_sheets`)."""
    if kind not in IMPORT_KINDS:
        raise UnknownKind(kind, list(IMPORT_KINDS))
    target = Path(path)
    sheets = read_sheets(target, worksheet, check)
    sheet, header = choose_sheet(sheets, kind, target)
    saved = saved_mapping(kind, header.headers, mappings_folder)
    rows = [r for r in sheet.rows[header.index + 1 :] if any(c is not None for c in r)]
    return SheetLayout(
        sheet.name,
        [one.name for one in sheets],
        header.index + 1,
        header.headers,
        saved or header.mapping,
        rows[:examples],
        saved is not None,
    )


#: first words of the lines offices write under a register's table
NOTE_WORDS = (
    "total",
    "totaux",
    "sous-total",
    "subtotal",
    "source",
    "fonte",
    "fuente",
    "note",
    "nota",
    "notes",
    "obs",
    "observacao",
    "observación",
    "remarque",
    "mise a jour",
    "atualizado",
    "actualizado",
    "updated",
)


def where_table_ends(rows: list[list[Any]], mapped: int) -> int:
    """Where the table ends: every row after the last row of data that reads as a note
    or a total ("Total : 6 accords", "Source : …", one long sentence in a single cell)
    is left out and listed, not imported. A short value alone on a row is still data."""
    from intl_desk.core.folding import fold

    def is_note(cells: list[Any]) -> bool:
        texts = [str(as_text(cell)) for cell in cells if as_text(cell)]
        if not texts:
            return True
        first = fold(texts[0])
        if first.startswith(NOTE_WORDS):
            return True
        return len(texts) == 1 and mapped > 1 and (len(first) > 40 or ":" in first)

    end = len(rows)
    while end > 0 and is_note(rows[end - 1]):
        end -= 1
    return end
