"""The check step's table of rows: every checked row of an import, rejected first, each
drawn only when it comes into view.

It holds the rows themselves, not a copy of each cell: a table item a cell for the first
2,000 of a state's 20,161 rows took 5 MiB of the window, and the rest of the rows could
not be seen. When the write starts (it lets go of each row once written),
:meth:`CheckedRowsModel.keep_only_in_view` keeps the texts of the rows in view and lets go
of the others.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from intl_desk.core.i18n import N_, _
from intl_desk.exchange.importer import RowPreview

STATUS_LABELS = {"new": N_("New"), "duplicate": N_("Duplicate row"), "rejected": N_("Rejected")}
STATUS_COLOURS = {"new": "#e6f4ea", "duplicate": "#fff4e0", "rejected": "#fde7e7"}
HEADERS = (N_("Row"), N_("Outcome"), N_("Record"), N_("Problems and warnings"))
#: a row as shown: its four texts, its tooltip (every problem, one per line), its status
Drawn = tuple[tuple[str, str, str, str], str, str]
Index = QModelIndex | QPersistentModelIndex


def drawn(row: RowPreview) -> Drawn:
    notes = [issue.render() for issue in (*row.errors, *row.warnings)]
    status = row.status
    texts = (str(row.number), _(STATUS_LABELS[status]), row.label, " ".join(notes))
    return texts, "\n".join(notes), status


#: rows kept as drawn while the table is scrolled: Qt asks for each cell and role in
#: turn, and a row's messages are rendered once instead of for each of its cells
DRAWN_KEPT = 512


class CheckedRowsModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: Sequence[RowPreview] = []
        #: rows already drawn (their number in the table → how they show)
        self._drawn: dict[int, Drawn] = {}
        #: the rows were let go: only those drawn still show
        self._let_go = False
        self._count = 0
        self._brushes = {
            status: QBrush(QColor(colour)) for status, colour in STATUS_COLOURS.items()
        }

    def show_rows(self, rows: Sequence[RowPreview]) -> None:
        self.beginResetModel()
        self._rows = sorted(rows, key=lambda row: (row.status != "rejected", row.number))
        self._drawn = {}
        self._let_go = False
        self._count = len(self._rows)
        self.endResetModel()

    def keep_only_in_view(self, first: int, last: int) -> None:
        """Keep rows ``first``…``last`` as drawn and let go of every row: the others show
        blank until the table is filled again."""
        kept = {index: found for index in range(max(first, 0), last + 1)
                if (found := self._draw(index)) is not None}  # fmt: skip
        self._rows, self._drawn, self._let_go = [], kept, True
        top, bottom = self.index(0, 0), self.index(max(self._count - 1, 0), len(HEADERS) - 1)
        self.dataChanged.emit(top, bottom)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def _draw(self, row: int) -> Drawn | None:
        found = self._drawn.get(row)
        if found is not None or self._let_go or not 0 <= row < len(self._rows):
            return found
        if len(self._drawn) >= DRAWN_KEPT:
            self._drawn.clear()
        found = self._drawn[row] = drawn(self._rows[row])
        return found

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.BackgroundRole,
        ):
            return None
        found = self._draw(index.row())
        if found is None:
            return None
        texts, tooltip, status = found
        if role == Qt.ItemDataRole.DisplayRole:
            return texts[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip if index.column() == len(HEADERS) - 1 and tooltip else None
        return self._brushes[status]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(HEADERS[section])
        return None
