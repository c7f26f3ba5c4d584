"""The territory map of the PDF: the office's local entities as dots on their land, drawn
from :class:`~intl_desk.core.overview.territory.Territory` (projection, clipping, sizes and
shades are decided there, once for the screen and the paper)."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.colors import HexColor, white
from reportlab.pdfbase.pdfmetrics import stringWidth

from intl_desk.core.i18n import _
from intl_desk.core.overview import style, territory_labels
from intl_desk.core.overview.territory import HOME_LAND, LAND, SEA, SILENT, Territory
from intl_desk.core.overview.world import NO_AGREEMENT, OUTLINE, break_labels, shade_for
from intl_desk.reports.charts import fit_text, new_drawing, two_lines
from intl_desk.reports.fonts import BOLD, REGULAR
from intl_desk.reports.layers import Dot, DotLayer, Ring, RingLayer
from intl_desk.reports.shapes import Circle, Drawing, Group, Rect, String

LEGEND_WIDTH = 92.0
GAP = 6.0
#: names written beside the largest dots
NAMED = 5
FONT_SIZE = 6.5


def territory_drawing(territory: Territory, year: int, width: float, height: float) -> Drawing:
    """The map in a ``width`` × ``height`` box, its legend in a column on the right. The
    dots are in ``drawing.dots`` (the largest last), for whoever wants to check them."""
    drawing = new_drawing(width, height)
    area_width = width - LEGEND_WIDTH - GAP
    span_x = territory.right - territory.left
    span_y = territory.top - territory.bottom
    scale = min(area_width / span_x, height / span_y)
    offset_x = (area_width - scale * span_x) / 2
    offset_y = (height - scale * span_y) / 2

    def place(x: float, y: float) -> tuple[float, float]:
        return (
            offset_x + (x - territory.left) * scale,
            offset_y + (y - territory.bottom) * scale,
        )

    outline = HexColor(OUTLINE)
    drawing.add(
        Rect(
            offset_x,
            offset_y,
            scale * span_x,
            scale * span_y,
            fillColor=HexColor(SEA),
            strokeColor=outline,
            strokeWidth=0.3,
        )
    )
    # the land and the dots as layers (intl_desk.reports.layers): a state's 853 dots
    # drawn shape by shape cost more than the rest of the first page
    rings = [
        Ring(
            [value for point in ring for value in place(*point)],
            HexColor(HOME_LAND if shape.home else LAND),
        )
        for shape in territory.land
        for ring in shape.rings
    ]
    drawing.add(RingLayer(rings, outline, 0.3), name="land")
    largest = _largest_radius(len(territory.dots), scale * span_x, scale * span_y)
    dots = []
    for dot in territory.dots:
        x, y = place(dot.x, dot.y)
        silent = not (dot.signed or dot.active)
        dots.append(
            Dot(
                x,
                y,
                territory.radius(dot.signed, largest),
                HexColor(territory.colour(dot)),
                None if silent else (outline if not dot.active else white),
            )
        )
    drawing.add(DotLayer(dots, 0.3, fill_opacity=0.85), name="dots")
    drawing.add(_names(territory, place, largest, width - LEGEND_WIDTH - GAP))
    _legend(drawing, territory, year, width - LEGEND_WIDTH, height, largest)
    return drawing


def _largest_radius(count: int, width: float, height: float) -> float:
    """Large enough to compare, small enough that a state's hundreds of dots stay apart."""
    room = (width * height / max(count, 1)) ** 0.5  # the side of each dot's share of the map
    return max(3.0, min(9.0, room * 1.6))


def _names(
    territory: Territory,
    place: Callable[[float, float], tuple[float, float]],
    largest: float,
    right: float,
) -> Group:
    """The busiest entities' names beside their dots, skipped where they would collide."""
    group = Group()
    taken: list[tuple[float, float, float, float]] = []
    if len(territory.dots) <= 2:
        return group
    for dot in [dot for dot in reversed(territory.dots) if dot.signed][:NAMED]:
        x, y = place(dot.x, dot.y)
        radius = territory.radius(dot.signed, largest)
        label = fit_text(dot.name, 70, size=FONT_SIZE)
        width = stringWidth(label, REGULAR, FONT_SIZE)
        left = x + radius + 1.5
        if left + width > right:
            left = x - radius - 1.5 - width
        box = (left - 1, y - 3, left + width + 1, y + 5)
        if any(_overlap(box, other) for other in taken):
            continue
        taken.append(box)
        group.add(
            Rect(
                box[0],
                box[1],
                box[2] - box[0],
                box[3] - box[1],
                fillColor=white,
                fillOpacity=0.7,
                strokeColor=None,
            )
        )
        group.add(
            String(
                left,
                y - 2,
                label,
                fontName=REGULAR,
                fontSize=FONT_SIZE,
                fillColor=HexColor(style.INK),
            )
        )
    return group


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _legend(
    drawing: Drawing, territory: Territory, year: int, x: float, height: float, largest: float
) -> None:
    ink = HexColor(style.INK)
    y = height - 8
    for line in two_lines(
        territory_labels.size_legend_title(year), LEGEND_WIDTH, BOLD, FONT_SIZE
    ).split("\n"):
        drawing.add(String(x, y, line, fontName=BOLD, fontSize=FONT_SIZE, fillColor=ink))
        y -= 8
    for count in reversed(territory.size_steps()):
        radius = territory.radius(count, largest)
        y -= max(radius, 3) + 1
        drawing.add(
            Circle(
                x + 10,
                y + 2,
                radius,
                fillColor=HexColor(style.ACCENT),
                strokeColor=white,
                strokeWidth=0.3,
            )
        )
        drawing.add(
            String(x + 22, y, str(count), fontName=REGULAR, fontSize=FONT_SIZE, fillColor=ink)
        )
        y -= max(radius, 3) + 1
    y -= 6
    drawing.add(
        Circle(x + 10, y + 2, largest * 0.1 + 0.3, fillColor=HexColor(SILENT), strokeColor=None)
    )
    drawing.add(
        String(
            x + 22,
            y,
            fit_text(_("none"), LEGEND_WIDTH - 22, size=FONT_SIZE),
            fontName=REGULAR,
            fontSize=FONT_SIZE,
            fillColor=ink,
        )
    )
    y -= 16
    title = territory_labels.shade_legend_title()
    for line in two_lines(title, LEGEND_WIDTH, BOLD, FONT_SIZE).split("\n"):
        drawing.add(String(x, y, line, fontName=BOLD, fontSize=FONT_SIZE, fillColor=ink))
        y -= 9
    entries = [(NO_AGREEMENT, "0")] + [
        (shade_for(bound, territory.breaks), label)
        for bound, label in zip(territory.breaks, break_labels(territory.breaks), strict=True)
    ]
    for colour, label in entries:
        drawing.add(
            Rect(
                x + 5,
                y,
                10,
                7,
                fillColor=HexColor(colour),
                strokeColor=HexColor(OUTLINE),
                strokeWidth=0.3,
            )
        )
        drawing.add(
            String(x + 22, y + 1, label, fontName=REGULAR, fontSize=FONT_SIZE, fillColor=ink)
        )
        y -= 10
