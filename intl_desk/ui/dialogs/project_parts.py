"""Parts of the project and indicator forms that other forms can use too: pages lifted
out of a tab widget (:func:`lift_pages`), child rows saved from their tables
(:func:`sync_children`, :func:`apply_table`, :func:`on_new_row`, :func:`searchable_column`)
and the SDG picker (:class:`SdgPicker`, :class:`SdgLinks`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidgetItem,
    QTabWidget,
    QToolButton,
    QWidget,
)

from intl_desk.core.errors import FieldError
from intl_desk.core.i18n import N_, Message, _, current_language
from intl_desk.core.model import Record
from intl_desk.core.reference import sdg_goals
from intl_desk.ui.child_table import ChildTable
from intl_desk.ui.combo_search import make_searchable
from intl_desk.ui.record_dialog import RecordDialog

ROW_HEIGHT = 28


def lift_pages(dialog: RecordDialog, sections: QTabWidget) -> list[QWidget]:
    """Make the form's own tabs the dialog's tabs, so there is one row of tabs."""
    dialog.tabs.removeTab(dialog.tabs.indexOf(dialog.form))
    pages = []
    while sections.count():
        page, title = sections.widget(0), sections.tabText(0)
        sections.removeTab(0)
        if page is not None:
            dialog.tabs.addTab(page, title)
            pages.append(page)
    return pages


def sync_children(
    session: Session, parent: Record, key: str, rows: Sequence[Record], removed: Iterable[Record]
) -> None:
    """Make ``parent.<key>`` hold ``rows``; removed saved rows become tombstones on save.

    Taking a row out of a collection makes SQLAlchemy clear its foreign key on flush (the
    tombstone would lose its parent and NOT NULL fails), so the collection is reset
    without history and only new rows are appended as changes. A row never saved is
    simply forgotten: deleting it would raise.
    """
    for record in removed:
        state = inspect(record)
        if state.persistent:
            session.delete(record)
        elif state.pending:
            session.expunge(record)
    saved = [record for record in rows if inspect(record).persistent]
    for record in saved:
        session.add(record)  # cancels a deletion asked earlier in this dialog
    set_committed_value(parent, key, saved)
    collection = getattr(parent, key)
    for record in rows:
        if not inspect(record).persistent:
            collection.append(record)


def apply_table(session: Session, parent: Record, key: str, table: ChildTable) -> list[Record]:
    """Write a child table into ``parent.<key>`` (see :func:`sync_children`)."""
    removed, table.removed = list(table.removed), []
    rows = table.apply()
    sync_children(session, parent, key, rows, removed)
    return rows


def table_errors(tables: Iterable[tuple[ChildTable, str]]) -> list[FieldError]:
    """Row errors of each table, named after its section so they make sense from any tab."""
    errors = []
    for table, section in tables:
        for error in table.errors():
            message = Message(N_("{section}: {message}"), {"section": _(section), "message": error})
            errors.append(FieldError(error.record_kind, None, "rows", message))
    return errors


def column_number(table: ChildTable, field: str) -> int:
    return next(number for number, column in enumerate(table.columns) if column.field == field)


def on_new_row(table: ChildTable, defaults: Callable[[], dict[str, Any]]) -> None:
    """Fill each row the user adds with sensible values (an IATI role, this year…)."""

    def fill() -> None:
        row = table.table.rowCount() - 1
        for field, value in defaults().items():
            number = column_number(table, field)
            widget = table.table.cellWidget(row, number)
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(widget.findData(value), 0))
            else:
                table.table.setItem(row, number, QTableWidgetItem(str(value)))

    table.add_button.clicked.connect(fill)


def searchable_column(table: ChildTable, field: str) -> Callable[[], None]:
    """Let long lists in a column (853 municipalities, 295 sectors) be searched by typing.

    Rows the user adds are handled here; call the returned function after
    ``set_records`` for the rows loaded.
    """

    def prepare() -> None:
        number = column_number(table, field)
        for row in range(table.table.rowCount()):
            box = table.table.cellWidget(row, number)
            if isinstance(box, QComboBox) and not box.isEditable():
                make_searchable(box)

    prepare()
    table.add_button.clicked.connect(prepare)
    table.changed.connect(prepare)
    return prepare


def tidy_table(table: ChildTable, stretch: str | None = None, footer: QLabel | None = None) -> None:
    """Rows as tall as their combos, one column taking the spare width, and a totals line
    beside the Add/Remove buttons rather than under them (the Money tab has three tables)."""
    table.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
    if stretch is not None:
        header = table.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(column_number(table, stretch), QHeaderView.ResizeMode.Stretch)
    if footer is None:
        return
    container = table.layout()
    last = container.itemAt(container.count() - 1) if container else None
    buttons = last.layout() if last else None
    if isinstance(buttons, QHBoxLayout):  # ChildTable's row of buttons
        parent = footer.parentWidget()
        old_layout = parent.layout() if parent else None
        if old_layout is not None:
            old_layout.removeWidget(footer)
        buttons.addWidget(footer)


class SdgPicker(QWidget):
    """The 17 goals as tiles in their official colours: click to link or unlink one."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        language = current_language()
        self.goals = {goal.number: goal for goal in sdg_goals()}
        self.buttons: dict[int, QToolButton] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(4)
        for index, goal in enumerate(self.goals.values()):
            button = QToolButton()
            button.setObjectName(f"sdg_{goal.number}")
            button.setCheckable(True)
            button.setText(str(goal.number))
            button.setFixedSize(34, 34)
            button.setAccessibleName(goal.short_name(language))
            button.setToolTip(
                f"{goal.number}. {goal.short_name(language)}\n{goal.title_text(language)}"
            )
            button.setStyleSheet(
                f"QToolButton {{ border: 2px solid {goal.colour}; border-radius: 4px;"
                f" background: white; color: {goal.colour}; font-weight: bold; }}"
                f" QToolButton:checked {{ background: {goal.colour}; color: white; }}"
            )
            button.toggled.connect(self._toggled)
            grid.addWidget(button, index // 9, index % 9)
            self.buttons[goal.number] = button
        grid.setColumnStretch(9, 1)
        grid.setRowStretch(3, 1)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        grid.addWidget(self.summary, 2, 0, 1, 10)
        self._show_summary()

    def checked(self) -> list[int]:
        return [number for number, button in self.buttons.items() if button.isChecked()]

    def set_checked(self, numbers: Iterable[int]) -> None:
        wanted = set(numbers)
        for number, button in self.buttons.items():
            button.blockSignals(True)
            button.setChecked(number in wanted)
            button.blockSignals(False)
        self._show_summary()

    def _toggled(self, _checked: bool) -> None:
        self._show_summary()
        self.changed.emit()

    def _show_summary(self) -> None:
        language = current_language()
        names = [f"{number} {self.goals[number].short_name(language)}" for number in self.checked()]
        self.summary.setText(
            " · ".join(names) if names else _("None linked yet: click a goal to link it.")
        )


class SdgLinks:
    """Keeps a record's SDG link rows in step with a :class:`SdgPicker`."""

    def __init__(self, picker: SdgPicker, make_link: Callable[[int], Record]) -> None:
        self.picker = picker
        self.make_link = make_link
        self.links: dict[int, Record] = {}

    def load(self, links: Iterable[Record]) -> None:
        self.links = {int(link.sdg): link for link in links}  # type: ignore[attr-defined]
        self.picker.set_checked(self.links)

    def apply(self, session: Session, parent: Record, key: str) -> None:
        wanted = self.picker.checked()
        removed = [link for number, link in self.links.items() if number not in wanted]
        for number in wanted:
            if number not in self.links:
                self.links[number] = self.make_link(number)
        rows = [self.links[number] for number in wanted]
        self.links = {number: self.links[number] for number in wanted} | {
            int(link.sdg): link  # type: ignore[attr-defined]
            for link in removed
            if inspect(link).persistent
        }
        sync_children(session, parent, key, rows, removed)

    def ids(self) -> list[str]:
        return [link.id for link in self.links.values() if link.id]
