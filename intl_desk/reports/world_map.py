"""The world map of the PDF: Natural Earth countries as ReportLab polygons, shaded by
active agreements, with partner cities as points and a legend."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import NamedTuple

from reportlab.lib.colors import HexColor, white
from reportlab.pdfbase.pdfmetrics import stringWidth

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
from intl_desk.reports.charts import new_drawing
from intl_desk.reports.fonts import REGULAR
from intl_desk.reports.layers import Dot, DotLayer, Ring, RingLayer
from intl_desk.reports.shapes import Circle, Drawing, Rect, String

LEGEND_HEIGHT = 14.0
#: the partner cities' dots
CITY = "#d95f02"


def map_drawing(
    countries: Sequence[CountryFigure],
    cities: Sequence[CityPoint],
    width: float,
    height: float,
) -> Drawing:
    world = world_map()
    drawing = new_drawing(width, height)
    area_height = height - LEGEND_HEIGHT
    scale = min(width / (world.right - world.left), area_height / (world.top - world.bottom))
    offset_x = (width - scale * (world.right - world.left)) / 2
    offset_y = LEGEND_HEIGHT + (area_height - scale * (world.top - world.bottom)) / 2

    frame = _Frame(world.left, world.bottom, scale, offset_x, offset_y)
    place = frame.place
    counts = {country.code: country.active for country in countries}
    breaks = shade_breaks(list(counts.values()))
    rings: list[Ring] = []
    for shape in world.shapes:
        fill = HexColor(shade_for(counts.get(shape.code, 0), breaks))
        for ring in shape.rings:
            points = _simplified(ring, frame)
            if len(points) >= 6:
                rings.append(Ring(points, fill))
    # the countries and the cities as layers (intl_desk.reports.layers): a state's
    # thousand dots drawn shape by shape were most of the time spent on the first page
    drawing.add(RingLayer(rings, HexColor(OUTLINE), 0.2), name="countries")
    base = 1.3 if len(cities) < 150 else 0.7  # a state's 1,700 cities would cover the map
    dot = HexColor(CITY)
    drawing.add(
        DotLayer(
            [
                Dot(x, y, base + base * 0.45 * math.sqrt(min(active, 16)), dot, white)
                for x, y, active in _merged_points(
                    [
                        (*place(*project(city.longitude, city.latitude)), city.active)
                        for city in cities
                    ]
                )
            ],
            0.3,
        ),
        name="cities",
    )
    _legend(drawing, breaks)
    return drawing


class _Frame(NamedTuple):
    """Where the map's units go on the drawing: ``offset + (unit - origin) * scale``."""

    left: float
    bottom: float
    scale: float
    offset_x: float
    offset_y: float

    def place(self, x: float, y: float) -> tuple[float, float]:
        return (
            self.offset_x + (x - self.left) * self.scale,
            self.offset_y + (y - self.bottom) * self.scale,
        )


def _simplified(
    ring: Sequence[Sequence[float]], frame: _Frame, tolerance: float = 0.35
) -> list[float]:
    """The ring placed on the drawing, flat (x0, y0, x1, …), without the points closer
    than ``tolerance`` (points) to the last kept one: the PDF gets lighter and faster to
    write, and nothing visible is lost at print size. One loop, placing as it goes: the
    world's 10,000 points are placed on every overview."""
    left, bottom, scale, offset_x, offset_y = frame
    flat: list[float] = []
    keep = flat.append
    last_x = last_y = math.inf  # the first point is always kept
    for x, y in ring:
        placed_x = offset_x + (x - left) * scale
        placed_y = offset_y + (y - bottom) * scale
        if abs(placed_x - last_x) + abs(placed_y - last_y) >= tolerance:
            keep(round(placed_x, 2))
            keep(round(placed_y, 2))
            last_x, last_y = placed_x, placed_y
    return flat


def _merged_points(
    points: list[tuple[float, float, int]], cell: float = 1.5
) -> list[tuple[float, float, int]]:
    """Cities that would print on top of each other become one dot (the busiest), largest
    drawn first so small ones stay visible."""
    kept: dict[tuple[int, int], tuple[float, float, int]] = {}
    for x, y, active in points:
        key = (int(x / cell), int(y / cell))
        if key not in kept or active > kept[key][2]:
            kept[key] = (x, y, active)
    return sorted(kept.values(), key=lambda point: -point[2])


def _legend(drawing: Drawing, breaks: Sequence[int]) -> None:
    x = 2.0
    y = 2.0
    entries = [(NO_AGREEMENT, _("none"))] + [
        (shade_for(bound, breaks), label)
        for bound, label in zip(breaks, break_labels(breaks), strict=True)
    ]
    title = _("Active agreements:")
    drawing.add(String(x, y + 1, title, fontName=REGULAR, fontSize=6.5))
    x += stringWidth(title, REGULAR, 6.5) + 6  # "Acuerdos vigentes:" is longer than English
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
        x += 17 + stringWidth(label, REGULAR, 6.5)
    drawing.add(
        Circle(x + 4, y + 3.5, 2.2, fillColor=HexColor(CITY), strokeColor=white, strokeWidth=0.3)
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
