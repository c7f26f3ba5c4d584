"""Pieces the yearly, handover and agreement reports share, drawn on the page template,
fonts and table styles of :mod:`intl_desk.reports.page` and :mod:`intl_desk.reports.styles`.

Long lists (a state signs some 1,500 agreements a year and has 7,000 active) are cut into
tables of :data:`ROWS_PER_TABLE` rows: ReportLab splits one long table across pages in
time that grows with the square of its length, many short ones in linear time.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from intl_desk.core.display import date_text, number_text
from intl_desk.core.evaluation.lines import LISTED_UP_TO
from intl_desk.core.evaluation.status import STATUS_LABELS, Status
from intl_desk.core.i18n import N_, Message, _
from intl_desk.core.overview import style
from intl_desk.core.overview.labels import money_short
from intl_desk.reports.charts import shorten
from intl_desk.reports.fonts import REGULAR
from intl_desk.reports.page import PAGE
from intl_desk.reports.shapes import Circle, Drawing, Line, PolyLine
from intl_desk.reports.styles import (
    BODY,
    SECTION,
    SMALL,
    TILE_LABEL,
    data_table,
    fitted_widths,
    text,
    tile_value,
)

WIDTH = PAGE[0] - 56  # the frame's width
ROWS_PER_TABLE = 45
#: a status in an indicator table, in the table's own size
STATUS = ParagraphStyle("status", parent=BODY, fontSize=7.5, leading=9)
#: a long text wrapped in its cell, in the same type as the plain cells beside it
WRAPPED_CELL = ParagraphStyle("wrapped_cell", parent=BODY, fontSize=7.5, leading=9)
#: status colours, darkest first so that greyscale keeps the order
STATUS_COLOURS = {
    Status.ACHIEVED: "#1b5e20",
    Status.ON_TRACK: "#66a266",
    Status.BEHIND: "#e0a040",
    Status.NO_DATA: "#bdbdbd",
}
T = TypeVar("T")


def amount(value: Decimal | float | None, currency: str = "") -> str:
    """Money rounded to the unit, grouped in the user's language: "1,822,710 BRL"."""
    if value is None:
        return ""
    figure = number_text(round(Decimal(str(value))))
    return f"{figure} {currency}".strip()


def big_amount(value: Decimal | float, currency: str) -> str:
    """Headline money that fits a tile, from a million up in CLDR's compact form of the
    language ("R$ 263,7 mi", "263,7 M €"), as on the overview's tiles."""
    if abs(float(value)) < 1_000_000:
        return amount(value, currency)
    return money_short(value, currency)


def day(value: date | None) -> str:
    return date_text(value) if value else ""


def active_title(year: int, today: date) -> str:
    """What the yearly report's "active" figure counts: the agreements active at the end
    of a past year (rebuilt from their dates), today's for the current year — the
    overview's and the indicator formulas' rule (core/agreement_time.py)."""
    if year < today.year:
        return Message(
            N_("Agreements active on {date}"), {"date": day(date(year, 12, 31))}
        ).render()
    return _("Agreements active today")


def active_tile(year: int, today: date) -> str:
    if year < today.year:
        return Message(
            N_("agreements active on {date}"), {"date": day(date(year, 12, 31))}
        ).render()
    return _("agreements active today")


def figure(value: float | None, unit: str = "") -> str:
    if value is None:
        return "—"
    rounded = round(value, 2)
    return f"{number_text(int(rounded) if rounded == int(rounded) else rounded)} {unit}".strip()


def heading(title: str) -> Paragraph:
    return Paragraph(title, SECTION)


def note(value: str) -> Paragraph:
    return text(value, SMALL)


def status_cell(status: Status | None) -> Table:
    """A coloured square and the status written out (readable in greyscale too)."""
    if status is None:
        return Table([[text(_("Described"), SMALL)]])
    box = Drawing(7, 7)
    from intl_desk.reports.shapes import Rect

    box.add(Rect(0, 0, 7, 7, fillColor=HexColor(STATUS_COLOURS[status]), strokeColor=None))
    cell = Table([[box, text(_(STATUS_LABELS[status]), STATUS)]], colWidths=[10, None])
    cell.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),  # "Pas de données" on one line
            ]
        )
    )
    return cell


def sparkline(
    points: Sequence[tuple[float | None, float | None]], width: float = 90, height: float = 18
) -> Drawing:
    """Values (line and dots) and targets (short grey ticks) over the periods, from 0."""
    drawing = Drawing(width, height)
    known = [v for pair in points for v in pair if v is not None]
    if not points or not known:
        return drawing
    low, high = min(0.0, *known), max(known) or 1.0
    step = width / max(len(points), 1)

    def y(value: float) -> float:
        return 2 + (height - 4) * (value - low) / ((high - low) or 1)

    line: list[float] = []
    for index, (value, target) in enumerate(points):
        x = step * (index + 0.5)
        if target is not None:
            drawing.add(
                Line(
                    x - step * 0.3,
                    y(target),
                    x + step * 0.3,
                    y(target),
                    strokeColor=HexColor(style.MUTED),
                    strokeWidth=0.8,
                )
            )
        if value is not None:
            line += [x, y(value)]
            drawing.add(
                Circle(x, y(value), 1.3, fillColor=HexColor(style.ACCENT), strokeColor=None)
            )
    if len(line) >= 4:
        drawing.add(PolyLine(line, strokeColor=HexColor(style.ACCENT), strokeWidth=0.8))
    return drawing


def tiles(pairs: Sequence[tuple[str, str]]) -> Table:
    """A row of headline figures: value large, label under it."""
    room = WIDTH / len(pairs) - 12  # the cell less its paddings
    cells = [[tile_value(value, room), text(label, TILE_LABEL)] for value, label in pairs]
    table = Table([cells], colWidths=[WIDTH / len(pairs)] * len(pairs))
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, -1), HexColor("#f3f6fa")),
                ("LINEBEFORE", (1, 0), (-1, -1), 2, HexColor("#ffffff")),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return table


def long_table(
    header: list[str],
    items: Sequence[T],
    row: Callable[[T], list[Any]],
    widths: Sequence[float],
    numeric_from: int,
    empty: str,
    limit: int | None = None,
    more: str = "",
    left: tuple[int, ...] = (),
) -> list[Flowable]:
    """``items`` as ruled tables of ROWS_PER_TABLE rows; ``limit`` shows the first rows
    only, followed by ``more`` (which says where the full list is). ``left``: columns
    past ``numeric_from`` that hold words, aligned left with their header."""
    if not items:
        return [note(empty), Spacer(1, 6)]
    shown = items[:limit] if limit is not None else items
    flowables: list[Flowable] = []
    # wrapped paragraphs cost a hundred times a plain cell: only for the short body lists
    fit = _wrapped if len(shown) <= 60 else _clipped
    for start in range(0, len(shown), ROWS_PER_TABLE):
        raw = [header] + [row(item) for item in shown[start : start + ROWS_PER_TABLE]]
        fitted = fitted_widths(raw, list(widths), numeric_from, 7.5)
        rows = [header] + [fit(values, fitted) for values in raw[1:]]
        flowables.append(data_table(rows, fitted, numeric_from, fit=False, left=left))
    if limit is not None and len(items) > limit and more:
        flowables.append(note(more))
    flowables.append(Spacer(1, 8))
    return flowables


def _clipped(values: list[Any], widths: Sequence[float]) -> list[Any]:
    """Plain one-line cells cut to their column (about 4.2 points a character at 7.5)."""
    return [
        shorten(value, max(4, int(width / 4.2))) if isinstance(value, str) else value
        for value, width in zip(values, widths, strict=False)
    ]


def annex(
    header: list[str],
    items: Sequence[T],
    row: Callable[[T], list[Any]],
    widths: Sequence[float],
    numeric_from: int,
    group: Callable[[T], str],
    group_title: str,
    export_hint: str,
) -> list[Flowable]:
    """The full list, or beyond LISTED_UP_TO rows (a state's thousands of agreements)
    its count by ``group`` and where to get every row (:func:`counted_annex`)."""
    if len(items) <= LISTED_UP_TO:
        return long_table(header, items, row, widths, numeric_from, _("None."))
    counts: dict[str, int] = {}
    for item in items:
        key = group(item)
        counts[key] = counts.get(key, 0) + 1
    return counted_annex(list(counts.items()), group_title, export_hint)


def counted_annex(
    counts: Sequence[tuple[str, int]], group_title: str, export_hint: str
) -> list[Flowable]:
    """A list too long to print: its rows counted by group ("—" for none), most first,
    and where to get every row."""
    merged: dict[str, int] = {}
    for key, count in counts:
        merged[key or "—"] = merged.get(key or "—", 0) + count
    ranked = sorted(merged.items(), key=lambda pair: (-pair[1], pair[0]))
    total = sum(merged.values())
    rows = [[group_title, _("Count")], *[[label, number_text(n)] for label, n in ranked]]
    rows.append([_("Total"), number_text(total)])
    return [
        data_table(rows, [300, 80], 1, total_row=True),
        note(
            Message(
                N_("{count} rows are too many to print; {hint}"),
                {"count": number_text(total), "hint": export_hint},
            ).render()
        ),
        Spacer(1, 8),
    ]


def _wrapped(values: list[Any], widths: Sequence[float]) -> list[Any]:
    """Texts too long for their column wrap inside it instead of running over the next."""
    return [
        text(value, WRAPPED_CELL)
        if isinstance(value, str) and stringWidth(value, REGULAR, 7.5) > width - 6
        else value
        for value, width in zip(values, widths, strict=False)
    ]


def section(title: str, body: list[Flowable]) -> list[Flowable]:
    """A heading kept with the start of what follows it."""
    if not body:
        return [heading(title)]
    return [KeepTogether([heading(title), body[0]]), *body[1:]]


#: room a long list's heading needs below it, with the list's header and first rows
START_ROOM = 110


def long_section(title: str, body: list[Flowable]) -> list[Flowable]:
    """A heading followed by a list that may run over pages (its header row repeated):
    the heading goes to the next page only when too little room is left for it and the
    list's first rows. Kept whole with its heading instead, a list taller than what is
    left of a page leaves that page empty."""
    return [CondPageBreak(START_ROOM), heading(title), *body]


def more_in_annex(count: int, annex: str) -> str:
    return Message(
        N_("… {count} in all: see annex {annex}."), {"count": number_text(count), "annex": annex}
    ).render()
