"""Paragraph and table styles of the reports, in the embedded fonts."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, Table, TableStyle

from intl_desk.core.overview import style
from intl_desk.reports.fonts import BOLD, REGULAR

BODY = ParagraphStyle("body", fontName=REGULAR, fontSize=8.5, leading=11, textColor=style.INK)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=7, leading=8.5, textColor=style.MUTED)
SECTION = ParagraphStyle(
    "section", parent=BODY, fontName=BOLD, fontSize=9.5, leading=12, spaceBefore=2, spaceAfter=3
)
HEADING = ParagraphStyle("heading", parent=BODY, fontName=BOLD, fontSize=15, leading=19)
TILE_VALUE = ParagraphStyle(
    "tile_value", parent=BODY, fontName=BOLD, fontSize=15, leading=18, textColor=style.ACCENT
)
TILE_LABEL = ParagraphStyle("tile_label", parent=BODY, fontName=BOLD, fontSize=7.5, leading=9)
ADVICE = ParagraphStyle("advice", parent=BODY, fontSize=12, leading=17)


def text(value: str, paragraph_style: ParagraphStyle = BODY) -> Paragraph:
    """A Paragraph of user text: escaped, since names may hold ``&`` or ``<``."""
    return Paragraph(escape(value), paragraph_style)


PADDING = 3.0
SHORT = 20  # characters: values up to this length are kept on one line when room allows


def tile_value(value: str, width: float) -> Paragraph:
    """A headline figure on one line in a tile ``width`` wide: the type shrinks (down to
    9 pt) rather than break "R$ 510,4 mi" over two lines."""
    natural = stringWidth(value, BOLD, TILE_VALUE.fontSize)
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
) -> Table:
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
    table = Table(rows, colWidths=widths, repeatRows=1, splitInRow=1)
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), REGULAR, font_size),
        ("FONT", (0, 0), (-1, 0), BOLD, font_size),
        ("TEXTCOLOR", (0, 0), (-1, -1), HexColor(style.INK)),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, HexColor(style.INK)),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, HexColor(style.RULE)),
        ("ALIGN", (numeric_from, 0), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
    ]
    for column in left:  # a gap from the right-aligned figure before it ("Réalisé Statut")
        commands += [
            ("ALIGN", (column, 0), (column, -1), "LEFT"),
            ("LEFTPADDING", (column, 0), (column, -1), 2 * PADDING),
        ]
    if total_row:
        commands += [
            ("FONT", (0, -1), (-1, -1), BOLD, font_size),
            ("LINEABOVE", (0, -1), (-1, -1), 0.6, HexColor(style.INK)),
        ]
    table.setStyle(TableStyle(commands))
    return table


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
                    stringWidth(row[column], REGULAR, font_size)
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
            (_short_width(row[column], font_size) for row in rows[1:] if column < len(row)),
            default=0.0,
        )
        grow = min(room, max(0.0, short + 2 * PADDING + 0.5 - fitted[column]))
        fitted[column] += grow
        room -= grow
    spare = sum(widths) - sum(width for column, width in enumerate(fitted) if column != flexible)
    if flexible < len(fitted):
        fitted[flexible] = max(spare, widths[flexible] / 3)
    return fitted


def _short_width(value: Any, font_size: float) -> float:
    """The width of a short value (a date, an amount, a status) in its own font, or 0."""
    if isinstance(value, Paragraph):
        plain, font, size = value.getPlainText(), value.style.fontName, value.style.fontSize
    elif isinstance(value, str):
        plain, font, size = value, REGULAR, font_size
    else:
        return 0.0
    return stringWidth(plain, font, size) if len(plain) <= SHORT else 0.0


def _longest_word(value: Any, font: str, size: float) -> float:
    if not isinstance(value, str) or not value:
        return 0.0
    return max(stringWidth(word, font, size) for word in value.split() or [""])


def _header(
    cells: list[Any], numeric_from: int, font_size: float, left: tuple[int, ...]
) -> list[Any]:
    """Header strings as bold paragraphs that wrap within their column."""
    left_style = ParagraphStyle(
        f"header{font_size}",
        fontName=BOLD,
        fontSize=font_size,
        leading=font_size * 1.15,
        textColor=style.INK,
    )
    right = ParagraphStyle(f"header_right{font_size}", parent=left_style, alignment=TA_RIGHT)
    return [
        Paragraph(
            escape(cell), right if column >= numeric_from and column not in left else left_style
        )
        if isinstance(cell, str) and cell
        else cell
        for column, cell in enumerate(cells)
    ]
