"""The territory map on screen: the office's local entities as dots on their land, drawn
from the same :class:`~intl_desk.core.overview.territory.Territory` as the PDF. A click on a
dot lists that entity's agreements; hovering names it with its counts."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from intl_desk.core.i18n import _
from intl_desk.core.overview import style, territory_labels
from intl_desk.core.overview.territory import (
    HOME_LAND,
    LAND,
    SEA,
    SILENT,
    Territory,
    TerritoryDot,
)
from intl_desk.core.overview.world import NO_AGREEMENT, OUTLINE, break_labels, shade_for

LEGEND_WIDTH = 150
LARGEST = 11.0  # pixels: the radius of the busiest entity's dot
NAMED = 5  # names written beside the largest dots


class TerritoryMap(QWidget):
    drill_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.territory: Territory | None = None
        self.year = 0
        self.setMinimumSize(420, 440)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)

    def set_territory(self, territory: Territory | None, year: int) -> None:
        self.territory = territory
        self.year = year
        self.update()

    # --- geometry ---------------------------------------------------------------------

    def _frame(self) -> tuple[float, float, float] | None:
        """(scale, left, top) of the map in the widget, None with nothing to draw."""
        territory = self.territory
        if territory is None or not territory.dots:
            return None
        width = self.width() - LEGEND_WIDTH - 8
        height = self.height() - 4
        span_x = territory.right - territory.left
        span_y = territory.top - territory.bottom
        scale = min(width / span_x, height / span_y)
        # the map and its legend centred together: no gap between them on a wide screen
        block = scale * span_x + 8 + LEGEND_WIDTH
        return scale, 2 + (self.width() - 4 - block) / 2, 2 + (height - scale * span_y) / 2

    def dot_centre(self, dot: TerritoryDot) -> QPointF:
        frame = self._frame()
        assert frame is not None and self.territory is not None
        scale, left, top = frame
        return QPointF(
            left + (dot.x - self.territory.left) * scale,
            top + (self.territory.top - dot.y) * scale,
        )

    def _largest(self) -> float:
        frame = self._frame()
        territory = self.territory
        if frame is None or territory is None:
            return LARGEST
        scale = frame[0]
        room = math.sqrt(
            (territory.right - territory.left)
            * (territory.top - territory.bottom)
            * scale
            * scale
            / len(territory.dots)
        )
        return max(4.0, min(LARGEST, room * 1.6))

    def dot_at(self, point: QPointF) -> TerritoryDot | None:
        """The dot under ``point``: the one drawn on top (the busiest) when several are."""
        territory = self.territory
        if territory is None or self._frame() is None:
            return None
        largest = self._largest()
        for dot in reversed(territory.dots):
            centre = self.dot_centre(dot)
            reach = max(territory.radius(dot.signed, largest), 3.0)
            if math.hypot(centre.x() - point.x(), centre.y() - point.y()) <= reach:
                return dot
        return None

    # --- painting ---------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        frame = self._frame()
        territory = self.territory
        if frame is None or territory is None:
            return
        scale, left, top = frame
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        outline = QPen(QColor(OUTLINE))
        outline.setWidthF(0.6)
        painter.setPen(outline)
        painter.setBrush(QColor(SEA))
        span_x = territory.right - territory.left
        span_y = territory.top - territory.bottom
        painter.drawRect(QRectF(left, top, span_x * scale, span_y * scale))
        for shape in territory.land:
            painter.setBrush(QColor(HOME_LAND if shape.home else LAND))
            for ring in shape.rings:
                path = QPainterPath()
                for index, (x, y) in enumerate(ring):
                    point = QPointF(
                        left + (x - territory.left) * scale, top + (territory.top - y) * scale
                    )
                    if index:
                        path.lineTo(point)
                    else:
                        path.moveTo(point)
                path.closeSubpath()
                painter.drawPath(path)
        largest = self._largest()
        for dot in territory.dots:
            colour = QColor(territory.colour(dot))
            colour.setAlphaF(0.85)
            painter.setBrush(colour)
            silent = not (dot.signed or dot.active)
            painter.setPen(
                Qt.PenStyle.NoPen
                if silent
                else QPen(QColor("white" if dot.active else OUTLINE), 0.6)
            )
            radius = territory.radius(dot.signed, largest)
            painter.drawEllipse(self.dot_centre(dot), radius, radius)
        self._names(painter, territory, largest)
        self._legend(painter, territory, largest)
        painter.end()

    def _names(self, painter: QPainter, territory: Territory, largest: float) -> None:
        """The busiest entities' names beside their dots, skipped where they would collide."""
        if len(territory.dots) <= 2:
            return
        metrics = painter.fontMetrics()
        taken: list[QRectF] = []
        for dot in [dot for dot in reversed(territory.dots) if dot.signed][:NAMED]:
            centre = self.dot_centre(dot)
            radius = territory.radius(dot.signed, largest)
            width = metrics.horizontalAdvance(dot.name)
            box = QRectF(
                centre.x() + radius + 3,
                centre.y() - metrics.height() / 2,
                width + 4,
                metrics.height(),
            )
            if any(box.intersects(other) for other in taken):
                continue
            taken.append(box)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(255, 255, 255, 190))
            painter.drawRect(box)
            painter.setPen(QColor(style.INK))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, dot.name)

    def _legend(self, painter: QPainter, territory: Territory, largest: float) -> None:
        frame = self._frame()
        assert frame is not None
        scale, left, _top = frame
        x = left + scale * (territory.right - territory.left) + 8
        metrics = painter.fontMetrics()
        line = metrics.height()
        ink = QColor(style.INK)
        bold = painter.font()
        bold.setBold(True)
        regular = painter.font()
        y = 4.0 + line
        painter.setFont(bold)
        painter.setPen(ink)
        painter.drawText(QPointF(x, y), territory_labels.size_legend_title(self.year))
        painter.setFont(regular)
        for count in reversed(territory.size_steps()):
            radius = territory.radius(count, largest)
            y += max(radius, line / 2) + 2
            painter.setPen(QPen(QColor("white"), 0.6))
            painter.setBrush(QColor(style.ACCENT))
            painter.drawEllipse(QPointF(x + 14, y), radius, radius)
            painter.setPen(ink)
            painter.drawText(QPointF(x + 30, y + line / 3), str(count))
            y += max(radius, line / 2)
        y += line
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(SILENT))
        radius = largest * 0.1 + 0.5
        painter.drawEllipse(QPointF(x + 14, y), radius, radius)
        painter.setPen(ink)
        painter.drawText(QPointF(x + 30, y + line / 3), _("none"))
        y += line * 2
        painter.setFont(bold)
        painter.drawText(QPointF(x, y), territory_labels.shade_legend_title())
        painter.setFont(regular)
        entries = [(NO_AGREEMENT, "0")] + [
            (shade_for(bound, territory.breaks), label)
            for bound, label in zip(territory.breaks, break_labels(territory.breaks), strict=True)
        ]
        for colour, label in entries:
            y += line + 2
            painter.setPen(QPen(QColor(OUTLINE), 0.6))
            painter.setBrush(QColor(colour))
            painter.drawRect(QRectF(x + 7, y - line / 2 - 1, 14, 10))
            painter.setPen(ink)
            painter.drawText(QPointF(x + 30, y + line / 3 - 1), label)

    # --- pointer ----------------------------------------------------------------------

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        dot = self.dot_at(event.position())
        self.setCursor(Qt.CursorShape.PointingHandCursor if dot else Qt.CursorShape.ArrowCursor)
        if dot is not None:
            QToolTip.showText(
                event.globalPosition().toPoint(),
                territory_labels.dot_tooltip(dot.name, dot.signed, dot.active, self.year),
                self,
            )
        else:
            QToolTip.hideText()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        dot = self.dot_at(event.position())
        if dot is not None:
            self.drill_requested.emit(dot.drill)
