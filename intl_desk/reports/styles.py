"""Paragraph and table styles of the reports, in the embedded fonts."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
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


def data_table(
    rows: list[list[Any]],
    widths: list[float],
    numeric_from: int,
    total_row: bool = False,
    font_size: float = 7.5,
) -> Table:
    """A ruled table with a bold header row repeated on every page, figures right-aligned."""
    table = Table(rows, colWidths=widths, repeatRows=1)
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), REGULAR, font_size),
        ("FONT", (0, 0), (-1, 0), BOLD, font_size),
        ("TEXTCOLOR", (0, 0), (-1, -1), HexColor(style.INK)),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, HexColor(style.INK)),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, HexColor(style.RULE)),
        ("ALIGN", (numeric_from, 0), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if total_row:
        commands += [
            ("FONT", (0, -1), (-1, -1), BOLD, font_size),
            ("LINEABOVE", (0, -1), (-1, -1), 0.6, HexColor(style.INK)),
        ]
    table.setStyle(TableStyle(commands))
    return table
