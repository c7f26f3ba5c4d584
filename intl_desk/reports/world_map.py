"""The world map of the PDF: Natural Earth countries as ReportLab polygons, shaded by
active agreements, with partner cities as points and a legend."""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportlab.graphics.shapes import Circle, Drawing, Group, Polygon, Rect, String
from reportlab.lib.colors import HexColor, white

from intl_desk.core.i18n import _
from intl_desk.core.overview import style
from intl_desk.core.overview.figures import CityPoint, CountryFigure
from intl_desk.core.overview.world import (
    NO_AGREEMENT,
    OUTLINE,
    break_labels,
    project,
    shade_breaks,
    shade_for,
    world_map,
)
from intl_desk.reports.fonts import REGULAR

LEGEND_HEIGHT = 14.0


def map_drawing(
    countries: Sequence[CountryFigure],
    cities: Sequence[CityPoint],
    width: float,
    height: float,
) -> Drawing:
    world = world_map()
    drawing = Drawing(width, height)
    area_height = height - LEGEND_HEIGHT
    scale = min(width / (world.right - world.left), area_height / (world.top - world.bottom))
    offset_x = (width - scale * (world.right - world.left)) / 2
    offset_y = LEGEND_HEIGHT + (area_height - scale * (world.top - world.bottom)) / 2

    def place(x: float, y: float) -> tuple[float, float]:
        return offset_x + (x - world.left) * scale, offset_y + (y - world.bottom) * scale

    counts = {country.code: country.active for country in countries}
    breaks = shade_breaks(list(counts.values()))
    shapes = Group()
    outline = HexColor(OUTLINE)
    for shape in world.shapes:
        fill = HexColor(shade_for(counts.get(shape.code, 0), breaks))
        for ring in shape.rings:
            points: list[float] = []
            for x, y in ring:
                points.extend(place(x, y))
            shapes.add(Polygon(points, fillColor=fill, strokeColor=outline, strokeWidth=0.2))
    drawing.add(shapes)
    dots = Group()
    base = 1.3 if len(cities) < 150 else 0.7  # a state's 1,700 cities would cover the map
    for city in sorted(cities, key=lambda item: -item.active):
        x, y = place(*project(city.longitude, city.latitude))
        radius = base + base * 0.45 * math.sqrt(min(city.active, 16))
        dots.add(
            Circle(x, y, radius, fillColor=HexColor("#d95f02"), strokeColor=white, strokeWidth=0.3)
        )
    drawing.add(dots)
    _legend(drawing, breaks)
    return drawing


def _legend(drawing: Drawing, breaks: Sequence[int]) -> None:
    x = 2.0
    y = 2.0
    entries = [(NO_AGREEMENT, _("none"))] + [
        (shade_for(bound, breaks), label)
        for bound, label in zip(breaks, break_labels(breaks), strict=True)
    ]
    drawing.add(String(x, y + 1, _("Active agreements:"), fontName=REGULAR, fontSize=6.5))
    x += 66
    for colour, label in entries:
        drawing.add(
            Rect(
                x,
                y,
                9,
                7,
                fillColor=HexColor(colour),
                strokeColor=HexColor(OUTLINE),
                strokeWidth=0.3,
            )
        )
        drawing.add(String(x + 11, y + 1, label, fontName=REGULAR, fontSize=6.5))
        x += 16 + 4.2 * len(label)
    drawing.add(
        Circle(
            x + 4, y + 3.5, 2.2, fillColor=HexColor("#d95f02"), strokeColor=white, strokeWidth=0.3
        )
    )
    drawing.add(
        String(
            x + 9,
            y + 1,
            _("partner city"),
            fontName=REGULAR,
            fontSize=6.5,
            fillColor=HexColor(style.INK),
        )
    )
