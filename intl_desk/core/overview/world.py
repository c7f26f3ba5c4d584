"""The world map shared by the screen and the PDF: Natural Earth outlines, projected once.

Equal Earth projection (Šavrič, Patterson & Jenny 2018): equal-area, so a large country
does not look more important than it is, and pleasant without a graticule. Antarctica is
left out; it only takes room. Renderers scale the projected units to their own box.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from intl_desk.core.reference import world_map_path

_A1, _A2, _A3, _A4 = 1.340264, -0.081106, 0.000893, 0.003796
_M = math.sqrt(3) / 2
LEFT_OUT = ("AQ",)

Ring = tuple[tuple[float, float], ...]


def project(longitude: float, latitude: float) -> tuple[float, float]:
    """Equal Earth, in units where the equator spans about ±2.7; y grows northwards."""
    lon, lat = math.radians(longitude), math.radians(latitude)
    theta = math.asin(_M * math.sin(lat))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = (
        2
        * math.sqrt(3)
        * lon
        * math.cos(theta)
        / (3 * (9 * _A4 * t6 * t2 + 7 * _A3 * t6 + 3 * _A2 * t2 + _A1))
    )
    y = theta * (_A1 + _A2 * t2 + t6 * (_A3 + _A4 * t2))
    return x, y


@dataclass(frozen=True)
class CountryShape:
    code: str  # ISO 3166 alpha-2
    rings: tuple[Ring, ...]  # outer rings only: holes are too small to see at 1:110 m


@dataclass(frozen=True)
class WorldMap:
    shapes: tuple[CountryShape, ...]
    left: float
    right: float
    bottom: float
    top: float

    @property
    def aspect(self) -> float:
        return (self.right - self.left) / (self.top - self.bottom)


def _rings(geometry: dict[str, Any]) -> list[Sequence[Sequence[float]]]:
    coordinates: list[Any] = geometry.get("coordinates") or []
    if geometry.get("type") == "Polygon":
        return [coordinates[0]] if coordinates else []
    return [polygon[0] for polygon in coordinates if polygon]


@cache
def country_outlines() -> tuple[CountryShape, ...]:
    """Every country's outer rings in degrees (longitude, latitude), unprojected: the world
    map projects them once, the territory map around the territory's own meridian."""
    document = json.loads(world_map_path().read_text(encoding="utf-8"))
    shapes = []
    for feature in document["features"]:
        code = str(feature["properties"].get("iso_a2") or "")
        if code in LEFT_OUT:
            continue
        rings = tuple(
            tuple((float(point[0]), float(point[1])) for point in ring)
            for ring in _rings(feature["geometry"])
        )
        shapes.append(CountryShape(code, rings))
    return tuple(shapes)


@cache
def world_map() -> WorldMap:
    shapes = [
        CountryShape(
            shape.code, tuple(tuple(project(*point) for point in ring) for ring in shape.rings)
        )
        for shape in country_outlines()
    ]
    xs = [x for shape in shapes for ring in shape.rings for x, _y in ring]
    ys = [y for shape in shapes for ring in shape.rings for _x, y in ring]
    return WorldMap(tuple(shapes), min(xs), max(xs), min(ys), max(ys))


# --- shading -----------------------------------------------------------------------------

#: sequential blues, light to dark: the order survives a greyscale printer
SHADES = ("#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c")
NO_AGREEMENT = "#efefef"
OUTLINE = "#9a9a9a"


def shade_breaks(values: Sequence[int]) -> tuple[int, ...]:
    """Lower bounds of up to five classes (the first is 1), from the values' quantiles."""
    positive = sorted(value for value in values if value > 0)
    if not positive:
        return (1,)
    bounds = {1}
    for share in (0.4, 0.65, 0.85, 0.95):
        bounds.add(_nice(positive[min(len(positive) - 1, int(share * len(positive)))]))
    return tuple(sorted(bounds))


def _nice(value: int) -> int:
    """The largest of 1, 2, 3, 5 × 10ⁿ not above ``value``: legends read "10–19", not "8–39"."""
    if value < 1:
        return 1
    power = 10 ** int(math.log10(value))
    return max(step * power for step in (1, 2, 3, 5) if step * power <= value)


def shade_for(value: int, breaks: Sequence[int]) -> str:
    if value <= 0:
        return NO_AGREEMENT
    index = max(number for number, bound in enumerate(breaks) if value >= bound)
    return SHADES[min(index, len(SHADES) - 1)]


def break_labels(breaks: Sequence[int]) -> tuple[str, ...]:
    """ "1–3", "4–9", "10 +" for the legend."""
    labels = []
    for number, bound in enumerate(breaks):
        if number + 1 < len(breaks):
            upper = breaks[number + 1] - 1
            labels.append(str(bound) if upper == bound else f"{bound}–{upper}")
        else:
            labels.append(f"{bound}+")
    return tuple(labels)
