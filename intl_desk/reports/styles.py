"""Paragraph and table styles of the reports, in the embedded fonts."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, TableStyle
from reportlab.platypus.tables import CellStyle

from intl_desk.core.overview import style
from intl_desk.reports.fonts import BOLD, REGULAR
from intl_desk.reports.ledger import LedgerTable, cell_look
from intl_desk.reports.paragraphs import SharedParagraph

# Colours as Color objects, never as "#rrggbb" strings: ReportLab parses a string colour on
# every paragraph it draws (an ast.parse each time; 4 s of the 855 entity sheets).
INK = HexColor(style.INK)
MUTED = HexColor(style.MUTED)
ACCENT = HexColor(style.ACCENT)
BODY = ParagraphStyle("body", fontName=REGULAR, fontSize=8.5, leading=11, textColor=INK)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=7, leading=8.5, textColor=MUTED)
SECTION = ParagraphStyle(
    "section", parent=BODY, fontName=BOLD, fontSize=9.5, leading=12, spaceBefore=2, spaceAfter=3
)
HEADING = ParagraphStyle("heading", parent=BODY, fontName=BOLD, fontSize=15, leading=19)
TILE_VALUE = ParagraphStyle(
    "tile_value", parent=BODY, fontName=BOLD, fontSize=15, leading=18, textColor=ACCENT
)
TILE_LABEL = ParagraphStyle("tile_label", parent=BODY, fontName=BOLD, fontSize=7.5, leading=9)
ADVICE = ParagraphStyle("advice", parent=BODY, fontSize=12, leading=17)


def text(value: str, paragraph_style: ParagraphStyle = BODY) -> Paragraph:
    """A Paragraph of user text: escaped, since names may hold ``&`` or ``<``."""
    return SharedParagraph(escape(value), paragraph_style)


PADDING = 3.0
SHORT = 20  # characters: values up to this length are kept on one line when room allows


def tile_value(value: str, width: float) -> Paragraph:
    """A headline figure on one line in a tile ``width`` wide: the type shrinks (down to
    9 pt) rather than break "R$ 510,4 mi" over two lines."""
    # measured as the paragraph lays it out: its words split at every space (narrow
    # no-break ones of French figures too) and joined again by plain spaces
    natural = stringWidth(" ".join(value.split()), BOLD, TILE_VALUE.fontSize)
    if natural <= width:
        return text(value, TILE_VALUE)
    size = max(9.0, int(TILE_VALUE.fontSize * width / natural * 2) / 2)
    smaller = ParagraphStyle(
        f"tile_value_{size}", parent=TILE_VALUE, fontSize=size, leading=TILE_VALUE.leading
    )
    return text(value, smaller)


def data_table(
    rows: list[list[Any]],
    widths: list[float],
    numeric_from: int,
    total_row: bool = False,
    font_size: float = 7.5,
    flexible: int | None = None,
    left: tuple[int, ...] = (),
    fit: bool = True,
) -> LedgerTable:
    """A ruled table with a bold header row repeated on every page, figures right-aligned.

    Header labels are wrapping paragraphs, and every column is widened (at the expense of
    the ``flexible`` one, by default the widest) to hold its longest header word and its
    widest figure: French and Portuguese headers are half as long again as English ones,
    and would otherwise run into each other ("AdhésionsÉvénements"). ``left`` names
    figure-side columns that hold words (dates, statuses), aligned left, header included.
    """
    if fit:  # callers who cut their cells to fitted widths pass them with fit=False
        widths = fitted_widths(rows, widths, numeric_from, font_size, flexible)
    rows = [_header(rows[0], numeric_from, font_size, left), *rows[1:]] if rows else rows
    # splitInRow: a record with a very long text (lessons learned, objectives) flows onto
    # the next page instead of ending the report with a LayoutError
    table = LedgerTable(
        rows,
        colWidths=widths,
        repeatRows=1,
        splitInRow=1,
        cellStyles=_cell_styles(rows, numeric_from, total_row, font_size, left),
    )
    commands: list[tuple[Any, ...]] = [  # the looks of the cells are in their styles
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, INK),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
    ]
    if total_row:
        commands.append(("LINEABOVE", (0, -1), (-1, -1), 0.6, INK))
    table.setStyle(TableStyle(commands))
    return table


RULE = HexColor(style.RULE)


def _cell_styles(
    rows: list[list[Any]],
    numeric_from: int,
    total_row: bool,
    font_size: float,
    left: tuple[int, ...],
) -> list[list[CellStyle]] | None:
    """Each cell's style, as these TableStyle commands would set them, one by one:
    the regular font in ink, vertically centred, 1.5 pt above and below and
    :data:`PADDING` on either side; the header row (and the total row) bold, the header
    at the bottom of its row; figures from ``numeric_from`` on right-aligned, except the
    ``left`` columns, aligned left with twice the padding before them."""
    if not rows:
        return None
    width = len(rows[0])
    last = len(rows) - 1

    def line(bold: bool, valign: str) -> list[type[CellStyle]]:
        return [
            cell_look(
                BOLD if bold else REGULAR,
                font_size,
                INK,
                "LEFT" if column in left or column < numeric_from else "RIGHT",
                valign,
                (2 * PADDING if column in left else PADDING, PADDING, 1.5, 1.5),
            )
            for column in range(width)
        ]

    # three kinds of rows, each worked out once: the header, the body, the total
    header, body, total = line(True, "BOTTOM"), line(False, "MIDDLE"), line(True, "MIDDLE")
    looks = [
        header if row == 0 else total if total_row and row == last else body
        for row in range(len(rows))
    ]
    return [
        [look(f"({row}, {column})") for column, look in enumerate(kinds)]
        for row, kinds in enumerate(looks)
    ]


def fitted_widths(
    rows: list[list[Any]],
    widths: list[float],
    numeric_from: int,
    font_size: float,
    flexible: int | None = None,
) -> list[float]:
    """``widths`` with each column at least as wide as its longest header word (bold) and,
    for figure columns, its widest figure; the ``flexible`` column gives up the difference
    (never below a third of its planned width); by default the widest planned column,
    the one that holds titles or names."""
    if not rows or not widths:
        return widths
    width_of = _measured()
    if flexible is None:
        flexible = max(range(len(widths)), key=lambda column: widths[column])
    fitted = list(widths)
    for column, planned in enumerate(widths):
        if column == flexible or column >= len(rows[0]):
            continue
        need = _longest_word(rows[0][column], BOLD, font_size)
        if column >= numeric_from:
            need = max(
                need,
                *(
                    width_of(row[column], REGULAR, font_size)
                    for row in rows[1:]
                    if column < len(row)
                    and isinstance(row[column], str)
                    and len(row[column]) <= SHORT + 4  # longer texts wrap
                ),
                0.0,
            )
        fitted[column] = max(planned, need + 2 * PADDING + 0.5)
    # then, while the flexible column keeps most of its room, short values on one line
    # ("15 de jan. de 2026" rather than a date broken over two lines)
    room = widths[flexible] * 0.45 - (sum(fitted) - sum(widths)) if flexible < len(widths) else 0
    for column in range(len(fitted)):
        if column == flexible or room <= 0:
            continue
        short = max(
            (
                _short_width(row[column], font_size, width_of)
                for row in rows[1:]
                if column < len(row)
            ),
            default=0.0,
        )
        grow = min(room, max(0.0, short + 2 * PADDING + 0.5 - fitted[column]))
        fitted[column] += grow
        room -= grow
    spare = sum(widths) - sum(width for column, width in enumerate(fitted) if column != flexible)
    if flexible < len(fitted):
        fitted[flexible] = max(spare, widths[flexible] / 3)
    return fitted


def _measured() -> Callable[[str, str, float], float]:
    """``stringWidth`` remembering what it measured: a state's appendix measures the same
    few figures ("0", "1", "12") 13,000 times, twice each."""
    widths: dict[tuple[str, str, float], float] = {}

    def width_of(text: str, font: str, size: float) -> float:
        key = (text, font, size)
        width = widths.get(key)
        if width is None:
            width = widths[key] = stringWidth(text, font, size)
        return width

    return width_of


def _short_width(
    value: Any, font_size: float, width_of: Callable[[str, str, float], float]
) -> float:
    """The width of a short value (a date, an amount, a status) in its own font, or 0."""
    if isinstance(value, Paragraph):
        plain, font, size = value.getPlainText(), value.style.fontName, value.style.fontSize
    elif isinstance(value, str):
        plain, font, size = value, REGULAR, font_size
    else:
        return 0.0
    return width_of(plain, font, size) if len(plain) <= SHORT else 0.0


def _longest_word(value: Any, font: str, size: float) -> float:
    if not isinstance(value, str) or not value:
        return 0.0
    return max(stringWidth(word, font, size) for word in value.split() or [""])


def _header(
    cells: list[Any], numeric_from: int, font_size: float, left: tuple[int, ...]
) -> list[Any]:
    """Header strings as bold paragraphs that wrap within their column."""
    left_style, right = _header_styles(font_size)
    return [
        SharedParagraph(
            escape(cell), right if column >= numeric_from and column not in left else left_style
        )
        if isinstance(cell, str) and cell
        else cell
        for column, cell in enumerate(cells)
    ]


@cache
def _header_styles(font_size: float) -> tuple[ParagraphStyle, ParagraphStyle]:
    """The header styles (left, right) of a table in ``font_size``: made once, so that
    their paragraphs share their parsing (:mod:`intl_desk.reports.paragraphs`)."""
    left = ParagraphStyle(
        f"header{font_size}",
        fontName=BOLD,
        fontSize=font_size,
        leading=font_size * 1.15,
        textColor=INK,
    )
    return left, ParagraphStyle(f"header_right{font_size}", parent=left, alignment=TA_RIGHT)
