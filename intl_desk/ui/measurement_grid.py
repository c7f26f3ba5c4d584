"""The grids where a period's measurements are typed, many at once, like a spreadsheet.

Two table models over the same :class:`~intl_desk.core.evaluation.entry.Entry` values:
:class:`OfficeGridModel` has one row per indicator measured for the whole office (value,
evidence, source, comment), :class:`EntityGridModel` one row per local entity and one
column per indicator measured per entity (a state's 853 municipalities × its municipal
indicators). What is typed stays in the models until the page saves it
(:func:`intl_desk.core.evaluation.entry.save_entries`); a value that cannot be read is
refused with a message, never half-stored.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QTableView

from intl_desk.core.display import labelled, number_text
from intl_desk.core.evaluation.engine import IndicatorInfo
from intl_desk.core.evaluation.entry import DuePeriod, Entry, EntryError, parse_value
from intl_desk.core.i18n import N_, Message, _

Index = QModelIndex | QPersistentModelIndex
Key = tuple[str, str | None]
EDITED_BRUSH = QBrush(QColor("#fff4c2"))
EDITABLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
NO_PARENT = QModelIndex()
READ_ONLY = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def value_text(indicator: IndicatorInfo, entry: Entry | None) -> str:
    """How a cell reads: a number in the user's language, "3 — Written strategy", a text."""
    if entry is None:
        return ""
    if indicator.is_text:
        return entry.text or ""
    if entry.value is None:
        return ""
    if indicator.measure == "qualitative":
        label = dict(indicator.levels).get(round(entry.value))
        return f"{round(entry.value)} — {label}" if label else str(round(entry.value))
    return number_text(entry.value)


def target_text(indicator: IndicatorInfo, target: float | None) -> str:
    if target is None:
        return ""
    if indicator.measure == "qualitative":
        return value_text(indicator, Entry(indicator.id, None, value=target))
    return number_text(target)


class GridModel(QAbstractTableModel):
    """What both grids share: entries by key, what changed, refusing unreadable values."""

    problem = Signal(str)
    edited = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[Key, Entry] = {}
        self.saved: dict[Key, Entry] = {}
        self.read_only = False

    def set_entries(self, entries: dict[Key, Entry]) -> None:
        self.beginResetModel()
        self.saved = {key: replace(entry) for key, entry in entries.items()}
        self.entries = {key: replace(entry) for key, entry in entries.items()}
        self.endResetModel()

    def changed_entries(self) -> list[Entry]:
        return [
            entry
            for key, entry in self.entries.items()
            if key not in self.saved or self.saved[key] != entry
        ]

    def entry(self, key: Key, create: bool = False) -> Entry | None:
        if create and key not in self.entries:
            self.entries[key] = Entry(key[0], key[1])
        return self.entries.get(key)

    def is_changed(self, key: Key) -> bool:
        entry = self.entries.get(key)
        return entry is not None and (key not in self.saved or self.saved[key] != entry)

    # subclasses say which entry and field a cell shows
    def cell(self, index: Index) -> tuple[IndicatorInfo, Key, str] | None:
        raise NotImplementedError

    def flags(self, index: Index) -> Qt.ItemFlag:
        cell = self.cell(index)
        return READ_ONLY if cell is None or self.read_only else EDITABLE

    def cell_text(self, index: Index) -> str:
        cell = self.cell(index)
        if cell is None:
            return ""
        indicator, key, field = cell
        entry = self.entries.get(key)
        if field == "value":
            return value_text(indicator, entry)
        return str(getattr(entry, field) or "") if entry is not None else ""

    def cell_data(self, index: Index, role: int) -> Any:
        cell = self.cell(index)
        if cell is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if role == Qt.ItemDataRole.EditRole and cell[2] == "value" and not cell[0].is_text:
                entry = self.entries.get(cell[1])
                if (
                    entry is not None
                    and entry.value is not None
                    and cell[0].measure != "qualitative"
                ):
                    return number_text(entry.value)
            return self.cell_text(index)
        if role == Qt.ItemDataRole.BackgroundRole and self.is_changed(cell[1]):
            return EDITED_BRUSH
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.cell_text(index) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and cell[2] == "value" and not cell[0].is_text:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        cell = self.cell(index)
        if cell is None or self.read_only or role != Qt.ItemDataRole.EditRole:
            return False
        indicator, key, field = cell
        text = "" if value is None else str(value)
        entry = self.entry(key, create=True)
        assert entry is not None
        if field == "value" and indicator.is_text:
            field = "text"
        if field == "value":
            try:
                entry.value = parse_value(indicator, text)
            except EntryError as error:
                self.problem.emit(labelled(indicator.code or indicator.name, str(error)))
                return False
        else:
            setattr(entry, field, text.strip() or None)
        self.dataChanged.emit(index, index)
        self.edited.emit()
        return True


OFFICE_COLUMNS = (
    ("code", N_("Code")),
    ("name", N_("Indicator")),
    ("unit", N_("Unit")),
    ("target", N_("Target")),
    ("value", N_("Value")),
    ("evidence", N_("Evidence")),
    ("source", N_("Source")),
    ("comment", N_("Comment")),
    ("documents", N_("Documents")),
)
VALUE_COLUMN = 4


class OfficeGridModel(GridModel):
    """One row per indicator measured for the whole office."""

    def __init__(self) -> None:
        super().__init__()
        self.indicators: list[IndicatorInfo] = []
        self.targets: dict[str, float | None] = {}

    def set_rows(self, indicators: list[IndicatorInfo], targets: dict[str, float | None]) -> None:
        self.beginResetModel()
        self.indicators, self.targets = indicators, targets
        self.endResetModel()

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.indicators)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(OFFICE_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(OFFICE_COLUMNS[section][1])
        return None

    def cell(self, index: Index) -> tuple[IndicatorInfo, Key, str] | None:
        field = OFFICE_COLUMNS[index.column()][0]
        if field not in ("value", "evidence", "source", "comment"):
            return None
        indicator = self.indicators[index.row()]
        return indicator, (indicator.id, None), field

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if self.cell(index) is not None:
            return self.cell_data(index, role)
        indicator = self.indicators[index.row()]
        field = OFFICE_COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            if field == "target":
                return target_text(indicator, self.targets.get(indicator.id))
            if field == "documents":
                entry = self.entries.get((indicator.id, None))
                return number_text(entry.documents) if entry and entry.documents else ""
            return str(getattr(indicator, field) or "")
        if role == Qt.ItemDataRole.ToolTipRole and field == "name":
            return indicator.name
        return None


class EntityGridModel(GridModel):
    """One row per local entity, one column per indicator measured per entity."""

    def __init__(self) -> None:
        super().__init__()
        self.indicators: list[IndicatorInfo] = []
        self.entities: list[tuple[str, str, str | None]] = []

    def set_rows(
        self, indicators: list[IndicatorInfo], entities: list[tuple[str, str, str | None]]
    ) -> None:
        self.beginResetModel()
        self.indicators, self.entities = indicators, entities
        self.endResetModel()

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.entities)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else 1 + len(self.indicators)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if section == 0:
            return _("Local entity") if role == Qt.ItemDataRole.DisplayRole else None
        indicator = self.indicators[section - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            return indicator.code or indicator.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{indicator.name} ({indicator.unit})" if indicator.unit else indicator.name
        return None

    def cell(self, index: Index) -> tuple[IndicatorInfo, Key, str] | None:
        if index.column() == 0:
            return None
        indicator = self.indicators[index.column() - 1]
        return indicator, (indicator.id, self.entities[index.row()][0]), "value"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.column() == 0:
            return self.entities[index.row()][1] if role == Qt.ItemDataRole.DisplayRole else None
        return self.cell_data(index, role)


def due_text(due: DuePeriod) -> str:
    if not due.indicators:
        return due.period.label
    if not due.missing:
        return Message(N_("{period} — complete"), {"period": due.period.label}).render()
    return Message(
        N_("{period} — {count} to enter"),
        {"period": due.period.label, "count": number_text(due.missing)},
    ).render()


def grid_view(model: GridModel) -> QTableView:
    """A spreadsheet-like view: typing in a cell starts editing it."""
    table = QTableView()
    table.setModel(model)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(24)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    table.setEditTriggers(
        QTableView.EditTrigger.DoubleClicked
        | QTableView.EditTrigger.EditKeyPressed
        | QTableView.EditTrigger.AnyKeyPressed
    )
    return table
