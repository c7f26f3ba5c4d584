"""Bar charts painted with QPainter: the same figures and colours as the PDF, and a click
on a bar asks for the records behind it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from intl_desk.core.display import labelled, number_text
from intl_desk.core.overview import style
from intl_desk.core.overview.figures import Bar, Drill, YearSeries

BAR_HEIGHT = 16
BAR_GAP = 5


def _plain(value: float) -> str:
    """A whole count in the language's digits (1.772 in Portuguese, 1 772 in French), as the
    tiles above the charts write it."""
    return number_text(round(value))


class BarChart(QWidget):
    """Horizontal bars, largest first as given, value after each bar."""

    drill_requested = Signal(object)

    def __init__(self, colour: str = style.BAR, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colour = colour
        self.bars: tuple[Bar, ...] = ()
        self.value_text: Callable[[float], str] = _plain
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_bars(
        self, bars: Sequence[Bar], value_text: Callable[[float], str] | None = None
    ) -> None:
        self.bars = tuple(bars)
        self.value_text = value_text or _plain
        self.setFixedHeight(max(len(self.bars), 1) * (BAR_HEIGHT + BAR_GAP) + 4)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(340, self.height())

    def _label_width(self, metrics: QFontMetrics, value_room: int) -> int:
        """As wide as the longest label needs, up to 60 % of the chart (less when the values
        need it): SDG and theme names run long in French and Portuguese."""
        widest = max((metrics.horizontalAdvance(bar.label) for bar in self.bars), default=0)
        limit = min(self.width() * 0.6, self.width() - value_room - 60, 300)
        return int(max(min(widest + 12, limit), 80))

    def _value_room(self, metrics: QFontMetrics) -> int:
        texts = [self.value_text(bar.value) for bar in self.bars]
        return max((metrics.horizontalAdvance(text) for text in texts), default=0) + 8

    def bar_at(self, y: float) -> int | None:
        index = int((y - 2) // (BAR_HEIGHT + BAR_GAP))
        return index if 0 <= index < len(self.bars) else None

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        value_room = self._value_room(metrics)
        label_width = self._label_width(metrics, value_room)
        room = max(self.width() - label_width - value_room - 8, 10)
        top = max((bar.value for bar in self.bars), default=0) or 1
        ink = QColor(style.INK)
        for index, bar in enumerate(self.bars):
            y = 2 + index * (BAR_HEIGHT + BAR_GAP)
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_width - 8)
            painter.setPen(ink)
            painter.drawText(
                QRectF(0, y, label_width - 6, BAR_HEIGHT),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
            length = room * bar.value / top
            painter.fillRect(
                QRectF(label_width, y, max(length, 1), BAR_HEIGHT),
                QColor(bar.colour or self.colour),
            )
            painter.drawText(
                QRectF(label_width + length + 4, y, value_room, BAR_HEIGHT),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                self.value_text(bar.value),
            )
        painter.end()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        index = self.bar_at(event.position().y())
        clickable = index is not None and self.bars[index].drill is not None
        self.setCursor(
            Qt.CursorShape.PointingHandCursor if clickable else Qt.CursorShape.ArrowCursor
        )
        if index is not None:
            bar = self.bars[index]
            QToolTip.showText(
                event.globalPosition().toPoint(),
                labelled(bar.label, self.value_text(bar.value)),
                self,
            )

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self.bar_at(event.position().y())
        if index is not None and self.bars[index].drill is not None:
            self.drill_requested.emit(self.bars[index].drill)

    def click_bar(self, index: int) -> None:
        """What a click on bar ``index`` does (for tests and keyboard users)."""
        drill = self.bars[index].drill
        if drill is not None:
            self.drill_requested.emit(drill)


class YearsChart(QWidget):
    """Agreements signed per year, stacked by type; a click on a year lists its agreements."""

    drill_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.series: tuple[YearSeries, ...] = ()
        self.type_labels: tuple[str, ...] = ()
        self.setMinimumHeight(300)  # room for a one-column legend of long type names
        self.setMouseTracking(True)

    def set_series(self, series: Sequence[YearSeries], type_labels: Sequence[str]) -> None:
        self.series = tuple(series)
        self.type_labels = tuple(type_labels)
        self.update()

    def _used(self) -> list[int]:
        return [
            number
            for number in range(len(self.type_labels))
            if any(year.counts[number] for year in self.series)
        ]

    def legend_columns(self) -> int:
        """Two columns of types when every name fits in half the width, else one: "Convenio
        de cooperación" or "Geminação/cidades-irmãs" must not end in an ellipsis."""
        metrics = QFontMetrics(self.font())
        half = (self.width() - 10) / 2 - 16
        fits = all(metrics.horizontalAdvance(self.type_labels[n]) <= half for n in self._used())
        return 2 if fits else 1

    def _plot(self) -> QRectF:
        metrics = QFontMetrics(self.font())
        columns = self.legend_columns()
        legend_rows = (len(self._used()) + columns - 1) // columns
        bottom = metrics.height() * (legend_rows + 1) + 10
        top = max((year.total for year in self.series), default=0)
        left = metrics.horizontalAdvance(_plain(_nice_top(top))) + 8
        return QRectF(
            left, 16, max(self.width() - left - 6, 10), max(self.height() - bottom - 16, 10)
        )

    def year_at(self, x: float) -> int | None:
        plot = self._plot()
        if not self.series or not plot.left() <= x <= plot.right():
            return None
        index = int((x - plot.left()) / (plot.width() / len(self.series)))
        return min(index, len(self.series) - 1)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        metrics = QFontMetrics(self.font())
        plot = self._plot()
        top = max((year.total for year in self.series), default=0)
        scale_top = _nice_top(top)
        ink, rule = QColor(style.INK), QColor(style.RULE)
        for step in range(5):
            value = scale_top * step / 4
            y = plot.bottom() - plot.height() * step / 4
            painter.setPen(rule)
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(ink)
            painter.drawText(
                QRectF(0, y - 8, plot.left() - 4, 16),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                _plain(value),
            )
        if self.series:
            step_x = plot.width() / len(self.series)
            width = step_x * 0.75
            for index, year in enumerate(self.series):
                x = plot.left() + index * step_x + (step_x - width) / 2
                y = plot.bottom()
                for number, count in enumerate(year.counts):
                    if not count:
                        continue
                    height = plot.height() * count / scale_top
                    colour = QColor(style.TYPE_COLOURS[number % len(style.TYPE_COLOURS)])
                    painter.fillRect(QRectF(x, y - height, width, height), colour)
                    y -= height
                painter.setPen(ink)
                fits = metrics.horizontalAdvance(_plain(year.total)) <= step_x - 1
                last = index == len(self.series) - 1
                if year.total and (fits or last or year.total == top):
                    painter.drawText(
                        QRectF(x - 24, y - 15, width + 48, 14),
                        Qt.AlignmentFlag.AlignCenter,
                        _plain(year.total),
                    )
                if index % 2 == (len(self.series) - 1) % 2:
                    painter.drawText(
                        QRectF(x - 12, plot.bottom() + 2, width + 24, metrics.height()),
                        Qt.AlignmentFlag.AlignCenter,
                        str(year.year),
                    )
        y = plot.bottom() + metrics.height() + 8
        columns = self.legend_columns()
        column = (self.width() - 10) / columns
        for position, number in enumerate(self._used()):
            x = 6 + (position % columns) * column
            row_y = y + (position // columns) * metrics.height()
            painter.fillRect(
                QRectF(x, row_y + 3, 10, 10),
                QColor(style.TYPE_COLOURS[number % len(style.TYPE_COLOURS)]),
            )
            painter.setPen(ink)
            painter.drawText(
                QRectF(x + 14, row_y, column - 16, metrics.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(
                    self.type_labels[number], Qt.TextElideMode.ElideRight, int(column - 16)
                ),
            )
        painter.end()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        index = self.year_at(event.position().x())
        self.setCursor(
            Qt.CursorShape.PointingHandCursor if index is not None else Qt.CursorShape.ArrowCursor
        )
        if index is not None:
            year = self.series[index]
            lines = [labelled(str(year.year), _plain(year.total))] + [
                labelled(self.type_labels[number], _plain(count))
                for number, count in enumerate(year.counts)
                if count
            ]
            QToolTip.showText(event.globalPosition().toPoint(), "\n".join(lines), self)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self.year_at(event.position().x())
        if index is not None:
            self.click_year(index)

    def click_year(self, index: int) -> None:
        drill: Drill = self.series[index].drill
        self.drill_requested.emit(drill)


def _nice_top(value: float) -> float:
    """A round axis end at or above ``value`` whose quarters are whole round numbers; the
    value axis always starts at 0."""
    quarter = max(value / 4, 1)
    magnitude = 1
    while True:
        for step in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8):
            candidate = step * magnitude
            if candidate >= quarter and candidate == int(candidate):
                return 4 * candidate
        magnitude *= 10
