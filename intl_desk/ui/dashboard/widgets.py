"""The dashboard's small parts: headline tiles, figure tables, section frames."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from intl_desk.core.display import labelled
from intl_desk.core.i18n import _
from intl_desk.core.overview import style
from intl_desk.core.overview.figures import Drill
from intl_desk.core.overview.labels import Tile

ROW_HEIGHT = 22


class TileWidget(QFrame):
    """One headline figure; a click lists the records behind it."""

    drill_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        self.setStyleSheet(
            "QFrame#tile { background: #f3f6fa; border-radius: 4px; }"
            f"QLabel#tileValue {{ color: {style.ACCENT}; }}"
            f"QLabel#tileNote {{ color: {style.MUTED}; }}"
        )
        self.drill: Drill | None = None
        self.note_drill: Drill | None = None
        self.value = QLabel()
        self.value.setObjectName("tileValue")
        font = QFont(self.value.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.7)
        self.value.setFont(font)
        self.label = QLabel()
        bold = QFont(self.label.font())
        bold.setBold(True)
        self.label.setFont(bold)
        self.label.setWordWrap(True)
        self.note = QLabel()
        self.note.setObjectName("tileNote")
        self.note.setWordWrap(True)
        small = QFont(self.note.font())
        small.setPointSizeF(small.pointSizeF() * 0.9)
        self.note.setFont(small)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(1)
        layout.addWidget(self.value)
        layout.addWidget(self.label)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_tile(self, tile: Tile) -> None:
        self.value.setText(tile.value)
        self.label.setText(tile.label)
        self.note.setText(tile.note)
        self.drill = tile.drill
        self.note_drill = tile.note_drill
        self.note.setToolTip(
            _("Click the note to list the projects with amounts without a rate.")
            if tile.note_drill
            else ""
        )
        font = self.note.font()
        font.setUnderline(tile.note_drill is not None)
        self.note.setFont(font)
        self.setToolTip(labelled(tile.label, tile.value))
        self.setCursor(
            Qt.CursorShape.PointingHandCursor if tile.drill else Qt.CursorShape.ArrowCursor
        )

    def mousePressEvent(self, event: QMouseEvent) -> None:
        on_note = self.note.geometry().contains(event.position().toPoint())
        if on_note and self.note_drill is not None:
            self.drill_requested.emit(self.note_drill)
        elif self.drill is not None:
            self.drill_requested.emit(self.drill)


class FigureTable(QTableWidget):
    """A read-only table of figures; a click on a row lists (or opens) what it counts."""

    drill_requested = Signal(object)

    def __init__(self, max_rows: int = 12, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.max_rows = max_rows
        self.drills: list[Drill | None] = []
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.cellClicked.connect(self.click_row)
        self.activated.connect(lambda index: self.click_row(index.row()))  # Enter key
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_rows(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[str]],
        drills: Sequence[Drill | None],
        numeric_from: int,
        stretch: int = 0,
    ) -> None:
        self.clear()
        self.setColumnCount(len(headers))
        self.setHorizontalHeaderLabels(list(headers))
        self.setRowCount(len(rows))
        self.drills = list(drills)
        for row_number, row in enumerate(rows):
            for column, value in enumerate(row):
                item = QTableWidgetItem(value)
                if column >= numeric_from:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if column == stretch:
                    item.setToolTip(value)
                self.setItem(row_number, column, item)
        header = self.horizontalHeader()
        # Figure columns as wide as their figures or their header's longest word, the
        # header wrapping onto two lines ("Assinados / em 2026"): the names keep the rest
        # ("Belo Horizonte", not "Belo Horiz…" beside a column wide for its heading).
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        metrics = header.fontMetrics()
        padding = 2 * self.style().pixelMetric(self.style().PixelMetric.PM_HeaderMargin) + 8
        wrapped = False
        for column, heading in enumerate(headers):
            if column == stretch:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
                continue
            widest_value = max(
                (metrics.horizontalAdvance(row[column]) for row in rows), default=0
            )
            widest_word = max(
                (metrics.horizontalAdvance(word) for word in heading.split()), default=0
            )
            width = max(widest_value, widest_word) + padding
            # at most two lines: "Signés / en / 2026" would be cut at the top
            while _lines_of(metrics, heading, width - padding) > 2:
                width += 4
            wrapped = wrapped or metrics.horizontalAdvance(heading) + padding > width
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, width)
        lines = 2 if wrapped else 1
        header.setFixedHeight(lines * metrics.lineSpacing() + padding)
        shown = min(max(len(rows), 1), self.max_rows)
        self.setFixedHeight(header.height() + shown * ROW_HEIGHT + 4)

    def click_row(self, row: int, _column: int = 0) -> None:
        if 0 <= row < len(self.drills) and self.drills[row] is not None:
            self.drill_requested.emit(self.drills[row])


def _lines_of(metrics: QFontMetrics, heading: str, width: int) -> int:
    """How many lines ``heading`` takes wrapped at word breaks in ``width`` pixels."""
    area = metrics.boundingRect(
        QRect(0, 0, max(width, 1), 10_000), int(Qt.TextFlag.TextWordWrap), heading
    )
    return max(1, round(area.height() / metrics.lineSpacing()))


def section(title: str, body: QWidget, note: QLabel | None = None) -> QWidget:
    """A titled block of the dashboard."""
    frame = QWidget()
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(0, 6, 0, 6)
    heading = QLabel(title)
    font = QFont(heading.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.1)
    heading.setFont(font)
    layout.addWidget(heading)
    layout.addWidget(body)
    if note is not None:
        layout.addWidget(note)
    layout.addStretch(1)  # headings line up at the top of a row
    return frame


def empty_note() -> QLabel:
    label = QLabel()
    label.setObjectName("sectionNote")
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {style.MUTED};")
    label.hide()
    return label
