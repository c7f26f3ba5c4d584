"""The territory map shared by the screen and the PDF: the office's own local entities as
dots on the Natural Earth land around them.

Each dot is a local entity with coordinates and no entity with coordinates under it (a
state's municipalities, a city's districts): its size says the agreements it signed as a
party up to the overview's year, its shade those active today, in the world map's blues.
Entities that group others (a state government, its regions) are not drawn — their
agreements would sit on the capital's dot — and are named under the map with their own
active agreements; entities without coordinates are named too, never dropped silently.

Projected with the world map's Equal Earth about the territory's own central meridian (so
a state far from Greenwich is not sheared), the country outlines clipped to the territory's
box: the renderers only scale and draw.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from sqlalchemy import select

from intl_desk.core.columns import LocalEntity
from intl_desk.core.overview.figures import Drill, EntityFigure
from intl_desk.core.overview.world import (
    Ring,
    country_outlines,
    project,
    shade_breaks,
    shade_for,
)
from intl_desk.core.reading import Reader

#: fewer placed entities than this make no map (one dot says nothing about a territory)
MIN_DOTS = 2
#: room left around the outermost dots, as a share of the territory's span
PADDING = 0.06
#: the smallest span drawn, in degrees: a few districts of one city still get room
MIN_SPAN_DEGREES = 0.05

Box = tuple[float, float, float, float]  # left, bottom, right, top

#: colours shared by the screen and the PDF
SEA = "#eaf1f7"
LAND = "#e4e4e0"
HOME_LAND = "#fbfbf7"
#: an entity that signed nothing: a small grey point, so the territory's shape still shows
SILENT = "#a8a8a8"
#: the smallest dot of an entity that signed something, as a share of the largest
SMALLEST_SHARE = 0.2
SILENT_SHARE = 0.1


@dataclass(frozen=True)
class TerritoryDot:
    entity_id: str
    name: str
    x: float  # projected units, y growing northwards
    y: float
    signed: int  # agreements it signed as a party up to the end of the year
    active: int  # … and those active today
    drill: Drill


@dataclass(frozen=True)
class LandShape:
    home: bool  # the office's own country, drawn lighter than its neighbours
    rings: tuple[Ring, ...]


@dataclass(frozen=True)
class Territory:
    #: the least signed first: renderers draw the busiest last, on top (half see-through),
    #: else a capital's dot vanishes under its suburbs'
    dots: tuple[TerritoryDot, ...]
    land: tuple[LandShape, ...]
    left: float
    bottom: float
    right: float
    top: float
    #: lower bounds of the active-agreement shades (as the world map's)
    breaks: tuple[int, ...]
    #: local entities in scope without coordinates (and none under them): not on the map
    unplaced: tuple[str, ...]
    #: entities grouping the drawn ones, with their own active agreements (not drawn)
    grouping: tuple[tuple[str, int], ...]

    @property
    def drawn(self) -> bool:
        return len(self.dots) >= MIN_DOTS

    @property
    def aspect(self) -> float:
        return (self.right - self.left) / (self.top - self.bottom)

    @cached_property  # asked for every dot's radius: once, not once per dot
    def most_signed(self) -> int:
        return max((dot.signed for dot in self.dots), default=0)

    def size_share(self, signed: int) -> float:
        """The dot's radius as a share of the largest (0 for an entity that signed
        nothing): the square root, so that areas compare like the counts."""
        if signed <= 0 or self.most_signed <= 0:
            return 0.0
        return math.sqrt(signed / self.most_signed)

    def radius(self, signed: int, largest: float) -> float:
        """The radius of a dot for ``signed`` agreements when the largest is ``largest``."""
        if signed <= 0:
            return largest * SILENT_SHARE
        return largest * max(self.size_share(signed), SMALLEST_SHARE)

    def size_steps(self) -> tuple[int, ...]:
        """Counts shown in the size legend: one, a middle value, the most."""
        most = self.most_signed
        if most <= 0:
            return ()
        middle = _nice_below(max(1, most // 4))
        return tuple(sorted({1, middle, most}))

    def colour(self, dot: TerritoryDot) -> str:
        return shade_for(dot.active, self.breaks) if dot.signed or dot.active else SILENT


def territory(
    session: Reader, entities: Sequence[EntityFigure], home_country: str | None
) -> Territory:
    """The map of ``entities`` (the overview's, so its filters apply)."""
    figures = {figure.id: figure for figure in entities}
    rows = session.execute(
        select(
            LocalEntity.id, LocalEntity.parent_id, LocalEntity.latitude, LocalEntity.longitude
        ).where(LocalEntity.deleted_at.is_(None))
    ).all()
    parents = {str(row[0]): row[1] for row in rows}
    placed = {
        str(row[0]): (float(row[2]), float(row[3]))
        for row in rows
        if str(row[0]) in figures and _valid(row[2], row[3])
    }
    grouping_ids: set[str] = set()
    for entity_id in placed:
        seen = {entity_id}
        current = parents.get(entity_id)
        while current is not None and current not in seen:  # a cycle never hangs
            seen.add(current)
            grouping_ids.add(current)
            current = parents.get(current)
    dot_ids = [entity_id for entity_id in placed if entity_id not in grouping_ids]
    if not dot_ids:
        return _empty(figures, grouping_ids)
    centre = _centre([placed[entity_id][1] for entity_id in dot_ids])
    dots = []
    for entity_id in dot_ids:
        latitude, longitude = placed[entity_id]
        x, y = project(longitude - centre, latitude)
        figure = figures[entity_id]
        facets = tuple((key, value) for key, value in figure.drill.facets if key != "status")
        dots.append(
            TerritoryDot(
                entity_id,
                figure.name,
                x,
                y,
                figure.signed_to_date,
                figure.active,
                Drill("agreements", facets),
            )
        )
    dots.sort(key=lambda dot: (dot.signed, dot.active, dot.name))
    box = _box(dots, [placed[entity_id] for entity_id in dot_ids])
    return Territory(
        dots=tuple(dots),
        land=_land(box, centre, home_country, [placed[entity_id] for entity_id in dot_ids]),
        left=box[0],
        bottom=box[1],
        right=box[2],
        top=box[3],
        breaks=shade_breaks([dot.active for dot in dots]),
        unplaced=_unplaced(figures, placed, grouping_ids),
        grouping=_grouping(figures, grouping_ids),
    )


def _valid(latitude: float | None, longitude: float | None) -> bool:
    return (
        latitude is not None
        and longitude is not None
        and -90 <= latitude <= 90
        and -180 <= longitude <= 180
    )


def _empty(figures: dict[str, EntityFigure], grouping_ids: set[str]) -> Territory:
    return Territory((), (), 0.0, 0.0, 1.0, 1.0, (1,), _unplaced(figures, {}, grouping_ids), ())


def _unplaced(
    figures: dict[str, EntityFigure],
    placed: dict[str, tuple[float, float]],
    grouping_ids: set[str],
) -> tuple[str, ...]:
    return tuple(
        figure.name
        for entity_id, figure in figures.items()
        if entity_id not in placed and entity_id not in grouping_ids
    )


def _grouping(
    figures: dict[str, EntityFigure], grouping_ids: set[str]
) -> tuple[tuple[str, int], ...]:
    return tuple(
        (figure.name, figure.active)
        for entity_id, figure in figures.items()
        if entity_id in grouping_ids and figure.active
    )


def _centre(longitudes: Sequence[float]) -> float:
    return (min(longitudes) + max(longitudes)) / 2


def _box(dots: Sequence[TerritoryDot], places: Sequence[tuple[float, float]]) -> Box:
    xs = [dot.x for dot in dots]
    ys = [dot.y for dot in dots]
    latitude = sum(place[0] for place in places) / len(places)
    smallest = project(MIN_SPAN_DEGREES / 2, latitude)[0] * 2
    width = max(max(xs) - min(xs), smallest)
    height = max(max(ys) - min(ys), smallest)
    middle_x = (max(xs) + min(xs)) / 2
    middle_y = (max(ys) + min(ys)) / 2
    half_width = width * (0.5 + PADDING)
    half_height = height * (0.5 + PADDING)
    return (
        middle_x - half_width,
        middle_y - half_height,
        middle_x + half_width,
        middle_y + half_height,
    )


def _land(
    box: Box,
    centre: float,
    home_country: str | None,
    places: Sequence[tuple[float, float]],
) -> tuple[LandShape, ...]:
    """The countries' outlines that reach into ``box``, clipped to it."""
    latitudes = [place[0] for place in places]
    longitudes = [place[1] for place in places]
    margin = max(max(latitudes) - min(latitudes), max(longitudes) - min(longitudes), 1.0)
    south, north = min(latitudes) - margin, max(latitudes) + margin
    west, east = min(longitudes) - margin, max(longitudes) + margin
    shapes = []
    for shape in country_outlines():
        rings = []
        for ring in shape.rings:
            if not _overlaps(ring, west, south, east, north):
                continue
            clipped = clip_ring(tuple(project(lon - centre, lat) for lon, lat in ring), box)
            if len(clipped) >= 3:
                rings.append(clipped)
        if rings:
            shapes.append(LandShape(shape.code == home_country, tuple(rings)))
    return tuple(shapes)


def _overlaps(ring: Ring, west: float, south: float, east: float, north: float) -> bool:
    lons = [point[0] for point in ring]
    lats = [point[1] for point in ring]
    return min(lons) <= east and max(lons) >= west and min(lats) <= north and max(lats) >= south


def clip_ring(ring: Ring, box: Box) -> Ring:
    """``ring`` cut to the rectangle ``box`` (Sutherland–Hodgman: exact for a convex
    window; a ring leaving and re-entering gets edges along the frame, which is land)."""
    left, bottom, right, top = box
    points = list(ring)
    edges = (
        (lambda p: p[0] >= left, lambda a, b: _cross_x(a, b, left)),
        (lambda p: p[0] <= right, lambda a, b: _cross_x(a, b, right)),
        (lambda p: p[1] >= bottom, lambda a, b: _cross_y(a, b, bottom)),
        (lambda p: p[1] <= top, lambda a, b: _cross_y(a, b, top)),
    )
    for inside, cross in edges:
        if not points:
            break
        kept: list[tuple[float, float]] = []
        previous = points[-1]
        for point in points:
            if inside(point):
                if not inside(previous):
                    kept.append(cross(previous, point))
                kept.append(point)
            elif inside(previous):
                kept.append(cross(previous, point))
            previous = point
        points = kept
    return tuple(points)


def _cross_x(a: tuple[float, float], b: tuple[float, float], x: float) -> tuple[float, float]:
    share = (x - a[0]) / (b[0] - a[0])
    return x, a[1] + share * (b[1] - a[1])


def _cross_y(a: tuple[float, float], b: tuple[float, float], y: float) -> tuple[float, float]:
    share = (y - a[1]) / (b[1] - a[1])
    return a[0] + share * (b[0] - a[0]), y


def _nice_below(value: int) -> int:
    power = 10 ** int(math.log10(value))
    return max(step * power for step in (1, 2, 5) if step * power <= value)
