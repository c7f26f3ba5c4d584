"""The world map on screen: Natural Earth countries as QPainterPaths, shaded like the PDF;
a click on a country lists its active agreements."""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QTransform,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from intl_desk.core.display import country_name, labelled, number_text
from intl_desk.core.i18n import _
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

LEGEND = 20
CITY = QColor("#d95f02")


@cache
def country_paths() -> tuple[tuple[str, QPainterPath], ...]:
    """One path per country in projected units (y flipped to screen orientation)."""
    paths = []
    for shape in world_map().shapes:
        path = QPainterPath()
        for ring in shape.rings:
            path.moveTo(ring[0][0], -ring[0][1])
            for x, y in ring[1:]:
                path.lineTo(x, -y)
            path.closeSubpath()
        paths.append((shape.code, path))
    return tuple(paths)


class WorldMap(QWidget):
    drill_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.countries: dict[str, CountryFigure] = {}
        self.cities: tuple[CityPoint, ...] = ()
        self.breaks: tuple[int, ...] = (1,)
        self.setMinimumSize(420, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)

    def set_figures(self, countries: Sequence[CountryFigure], cities: Sequence[CityPoint]) -> None:
        self.countries = {country.code: country for country in countries}
        self.cities = tuple(cities)
        self.breaks = shade_breaks([country.active for country in countries])
        self.update()

    def _transform(self) -> QTransform:
        world = world_map()
        area = QRectF(2, 2, self.width() - 4, self.height() - LEGEND - 4)
        scale = min(
            area.width() / (world.right - world.left), area.height() / (world.top - world.bottom)
        )
        dx = area.left() + (area.width() - scale * (world.right - world.left)) / 2
        dy = area.top() + (area.height() - scale * (world.top - world.bottom)) / 2
        transform = QTransform()
        transform.translate(dx - world.left * scale, dy + world.top * scale)
        transform.scale(scale, scale)
        return transform

    def country_at(self, point: QPointF) -> str | None:
        inverse, ok = self._transform().inverted()
        if not ok:
            return None
        local = inverse.map(point)
        for code, path in country_paths():
            if path.contains(local):
                return code
        return None

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        transform = self._transform()
        pen = QPen(QColor(OUTLINE))
        pen.setCosmetic(True)
        pen.setWidthF(0.5)
        painter.save()
        painter.setTransform(transform)
        painter.setPen(pen)
        for code, path in country_paths():
            figure = self.countries.get(code)
            painter.setBrush(QColor(shade_for(figure.active if figure else 0, self.breaks)))
            painter.drawPath(path)
        painter.restore()
        small = len(self.cities) > 150
        painter.setPen(QPen(QColor("white"), 0.5))
        painter.setBrush(CITY)
        dots: dict[tuple[int, int], tuple[QPointF, int]] = {}
        for city in self.cities:  # cities that would overlap become one dot, the busiest
            x, y = project(city.longitude, city.latitude)
            centre = transform.map(QPointF(x, -y))
            key = (int(centre.x() / 3), int(centre.y() / 3))
            if key not in dots or city.active > dots[key][1]:
                dots[key] = (centre, city.active)
        for centre, active in sorted(dots.values(), key=lambda dot: -dot[1]):
            radius = (1.2 if small else 2.0) * (1 + 0.45 * math.sqrt(min(active, 16)))
            painter.drawEllipse(centre, radius, radius)
        self._legend(painter)
        painter.end()

    def _legend(self, painter: QPainter) -> None:
        y = self.height() - LEGEND + 4
        x = 4.0
        metrics = painter.fontMetrics()
        painter.setPen(QColor("#222222"))
        entries = [
            (NO_AGREEMENT, _("none")),
            *list(
                zip(
                    (shade_for(b, self.breaks) for b in self.breaks),
                    break_labels(self.breaks),
                    strict=True,
                )
            ),
        ]
        for colour, label in entries:
            painter.setBrush(QColor(colour))
            painter.drawRect(QRectF(x, y + 2, 12, 10))
            painter.drawText(QPointF(x + 16, y + 11), label)
            x += 26 + metrics.horizontalAdvance(label)
        painter.setBrush(CITY)
        painter.drawEllipse(QPointF(x + 5, y + 7), 3, 3)
        painter.drawText(QPointF(x + 12, y + 11), _("partner city"))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        code = self.country_at(event.position())
        figure = self.countries.get(code or "")
        self.setCursor(Qt.CursorShape.PointingHandCursor if figure else Qt.CursorShape.ArrowCursor)
        if code:
            active = figure.active if figure else 0
            QToolTip.showText(
                event.globalPosition().toPoint(),
                labelled(country_name(code), number_text(active)),
                self,
            )

    def mousePressEvent(self, event: QMouseEvent) -> None:
        code = self.country_at(event.position())
        if code:
            self.click_country(code)

    def click_country(self, code: str) -> None:
        figure = self.countries.get(code)
        if figure is not None:
            self.drill_requested.emit(figure.drill)
