"""An editable table of a record's child rows (parties, budget lines, targets…).

Each column is a :class:`ChildColumn` naming the child's field and how to edit it; the
editor reads the rows into child records (new ones created, changed ones updated,
removed ones deleted — which the session turns into tombstones) and reports
validation errors by row, using core's rules like the main form.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from decimal import Decimal, InvalidOperation
from typing import Any

from babel.numbers import NumberFormatError, format_decimal, parse_decimal
from sqlalchemy.orm import Session

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from intl_desk.core.date_precision import END_DATES, has_precision, precision_key
from intl_desk.core.display import locale_for
from intl_desk.core.errors import FieldError
from intl_desk.core.i18n import N_, Message, _, current_language
from intl_desk.core.model import Record
from intl_desk.core.validation import errors_of
from intl_desk.core.vocabularies import Vocabulary
from intl_desk.ui.date_field import DateField
from intl_desk.ui.fields import NO_DATE

Choices = Callable[[], Sequence[tuple[Any, str]]]


@dataclass(frozen=True)
class ChildColumn:
    field: str
    label: str  # msgid
    kind: str = "text"  # text, integer, number, money, rate, date, choice
    choices: Choices | None = None  # for "choice": (value, label) pairs
    width: int = 140
    #: for a "choice" column that may set one of two fields (entity or partner):
    #: value prefixes map to fields, e.g. {"entity:": "local_entity_id", "partner:": "partner_id"}
    prefixed_fields: dict[str, str] = dataclass_field(default_factory=dict)
    #: called with each row's combo box once filled (to make it searchable, say)
    setup: Callable[[QComboBox], None] | None = None


def readable_whole(box: QComboBox) -> None:
    """A choice longer than its cell is read whole: in the tooltip of the box (which
    follows the choice) and in its list, as wide as its longest entry."""

    def follow(_index: int = 0) -> None:
        box.setToolTip(box.currentText() if box.currentData() is not None else "")

    follow()
    box.currentIndexChanged.connect(follow)
    view = box.view()
    widest = max((view.sizeHintForColumn(0), 0)) + view.verticalScrollBar().sizeHint().width()
    view.setMinimumWidth(widest + 8)


def vocabulary_choices(vocabulary: Vocabulary) -> Choices:
    return lambda: [(term.code, term.display()) for term in vocabulary]


class ChildTable(QWidget):
    changed = Signal()

    def __init__(
        self,
        session: Session,
        child_model: type[Record],
        columns: Sequence[ChildColumn],
        make_child: Callable[[], Record],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.child_model = child_model
        self.columns = list(columns)
        self.make_child = make_child
        self.records: list[Record | None] = []  # None = a row added, not yet a record
        self.removed: list[Record] = []
        self.table = QTableWidget(0, len(self.columns))
        self.table.setHorizontalHeaderLabels([_(column.label) for column in self.columns])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        header = self.table.horizontalHeader()
        header.setTextElideMode(Qt.TextElideMode.ElideRight)  # "Programme ou…", not "mme ou ap"
        for number, column in enumerate(self.columns):
            heading = self.table.horizontalHeaderItem(number)
            if heading is not None:
                heading.setToolTip(_(column.label))
            # never narrower than its heading: French headings run a third longer
            width = max(column.width, header.sectionSizeHint(number))
            if column.kind == "date":  # the whole date and its calendar button
                width = max(width, DateField().sizeHint().width() + 24)
            self.table.setColumnWidth(number, width)
        self.table.itemChanged.connect(lambda _item: self.changed.emit())
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Delete (or Backspace on a Mac keyboard) removes the selected rows
        for keys in (
            QKeySequence(QKeySequence.StandardKey.Delete),
            QKeySequence(Qt.Key.Key_Backspace),
        ):
            shortcut = QShortcut(keys, self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda: self.remove_selected_rows(ask=True))
        self.add_button = QPushButton(_("Add a row"))
        self.remove_button = QPushButton(_("Remove the row"))
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_current_row)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b3261e;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        #: whether problems show under the table now (a form hides them until touched)
        self.reveal_errors = True
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)

    # --- rows ---------------------------------------------------------------------------

    def set_records(self, records: Sequence[Record]) -> None:
        self.table.setRowCount(0)
        self.records = []
        self.removed = []
        for record in records:
            self._append(record)

    def add_row(self) -> None:
        """A new row, its first cell ready for typing: the focus leaves the button, so a
        space typed next is text, not another empty row."""
        self._append(None)
        row = self.table.rowCount() - 1
        self.table.clearSelection()
        self.table.selectRow(row)  # only the new row: Remove must not take an older one
        self.table.setCurrentCell(row, 0)
        self.table.setFocus()
        widget = self.table.cellWidget(row, 0)
        item = self.table.item(row, 0)
        if widget is not None:
            widget.setFocus()
        elif item is not None:
            self.table.editItem(item)
        self.changed.emit()

    def remove_current_row(self) -> None:
        """The button: removes the selected rows (the current one if none is selected),
        a deliberate click that asks nothing (closing the form without saving undoes it)."""
        self.remove_selected_rows(ask=False)

    def remove_selected_rows(self, *, ask: bool) -> None:
        """``ask``: the Delete key, easily hit by accident, confirms rows with content."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        if not rows and self.table.currentRow() >= 0:
            rows = [self.table.currentRow()]
        if not rows:
            return
        filled = [row for row in rows if self._has_content(row)]
        if ask and filled:
            answer = QMessageBox.question(
                self,
                _("Remove rows"),
                Message(
                    N_("Remove {count} row(s) with what is written in them?"),
                    {"count": len(rows)},
                ).render(),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        for row in reversed(rows):
            record = self.records.pop(row)
            if record is not None:
                self.removed.append(record)
            self.table.removeRow(row)
        if self.table.rowCount():  # the next row is selected: a second click goes on
            next_row = min(rows[0], self.table.rowCount() - 1)
            self.table.selectRow(next_row)
            self.table.setCurrentCell(next_row, 0)
        self.changed.emit()

    def _has_content(self, row: int) -> bool:
        """A stored row, or something typed in it (a new row with nothing typed but its
        preset choices goes without asking)."""
        record = self.records[row]
        if record is not None and record not in self.session.new:
            return True
        return any(
            self._cell(row, number) not in (None, "")
            for number, column in enumerate(self.columns)
            if column.kind != "choice"
        )

    def _append(self, record: Record | None) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.records.append(record)
        for number, column in enumerate(self.columns):
            value = self._value_of(record, column) if record is not None else None
            if column.kind == "choice":
                box = QComboBox()
                box.addItem("—", None)
                for choice_value, label in column.choices() if column.choices else []:
                    box.addItem(label, choice_value)
                index = box.findData(value)
                box.setCurrentIndex(max(index, 0))
                box.currentIndexChanged.connect(lambda _index: self.changed.emit())
                readable_whole(box)
                self.table.setCellWidget(row, number, box)
                if column.setup is not None:
                    column.setup(box)
            elif column.kind == "date":
                editor = DateField()  # typed as in the forms: 15/03/2024, 15 mars 2024…
                if self._keeps_precision(column):  # "2011", "mars 2004" kept as given
                    editor.allow_partial(is_end=column.field in END_DATES)
                editor.setDate(
                    NO_DATE if value is None else QDate(value.year, value.month, value.day)
                )
                if record is not None and self._keeps_precision(column):
                    editor.set_precision(getattr(record, precision_key(column.field)))
                editor.dateChanged.connect(lambda _date: self.changed.emit())
                self.table.setCellWidget(row, number, editor)
            else:
                item = QTableWidgetItem(cell_text(column.kind, value))
                if column.kind != "text":
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.blockSignals(True)
                self.table.setItem(row, number, item)
                self.table.blockSignals(False)

    def _keeps_precision(self, column: ChildColumn) -> bool:
        """A date the child's table keeps with its precision (a membership's "since")."""
        return column.kind == "date" and has_precision(
            str(self.child_model.__tablename__), column.field
        )

    def _precision(self, row: int, number: int) -> str | None:
        """The precision typed in a date cell that keeps one (None for other cells)."""
        editor = self.table.cellWidget(row, number)
        if not self._keeps_precision(self.columns[number]) or not isinstance(editor, DateField):
            return None
        return editor.precision()

    @staticmethod
    def _value_of(record: Record, column: ChildColumn) -> Any:
        if column.prefixed_fields:
            for prefix, field_name in column.prefixed_fields.items():
                value = getattr(record, field_name)
                if value is not None:
                    return f"{prefix}{value}"
            return None
        return getattr(record, column.field)

    # --- reading ------------------------------------------------------------------------

    def _cell(self, row: int, number: int) -> Any:
        column = self.columns[number]
        if column.kind == "choice":
            box = self.table.cellWidget(row, number)
            return box.currentData() if isinstance(box, QComboBox) else None
        if column.kind == "date":
            editor = self.table.cellWidget(row, number)
            if not isinstance(editor, DateField):
                return None
            if editor.error is not None:  # typed but unreadable: refused, never dropped
                return _Invalid(editor.text())
            return editor.value()
        item = self.table.item(row, number)
        text = item.text().strip() if item else ""
        if not text:
            return None
        if column.kind == "integer":
            return int(text) if text.lstrip("-").isdigit() else _Invalid(text)
        if column.kind in ("number", "money", "rate"):
            number_value = parse_number(text)
            if number_value is None:
                return _Invalid(text)
            return float(number_value) if column.kind == "number" else number_value
        return text

    def apply(self) -> list[Record]:
        """Write the rows into child records (creating new ones) and return them."""
        for record in self.removed:
            if record in self.session:
                self.session.delete(record)
        self.removed = []
        children: list[Record] = []
        for row in range(self.table.rowCount()):
            existing = self.records[row]
            record = existing if existing is not None else self.make_child()
            self.records[row] = record
            for number, column in enumerate(self.columns):
                value = self._cell(row, number)
                if isinstance(value, _Invalid):
                    continue
                if column.prefixed_fields:
                    for prefix, field_name in column.prefixed_fields.items():
                        chosen = (
                            value[len(prefix) :]
                            if isinstance(value, str) and value.startswith(prefix)
                            else None
                        )
                        if getattr(record, field_name) != chosen:
                            setattr(record, field_name, chosen)
                elif getattr(record, column.field) != value:
                    setattr(record, column.field, value)
                precision = self._precision(row, number)
                key = precision_key(column.field)
                if precision is not None and getattr(record, key) != precision:
                    setattr(record, key, precision)
            children.append(record)
        return children

    def errors(self) -> list[FieldError]:
        """Row-numbered errors: unreadable numbers first, then core's rules."""
        problems: list[str] = []
        for row in range(self.table.rowCount()):
            unreadable = set()
            for number, column in enumerate(self.columns):
                if isinstance(self._cell(row, number), _Invalid):
                    unreadable.add(column.field)
                    problems.append(
                        Message(
                            N_("Row {row}, {column}: enter a number."),
                            {"row": row + 1, "column": _(column.label)},
                        ).render()
                    )
            record = self.records[row]
            if record is not None:
                with self.session.no_autoflush:
                    for error in errors_of(record, self.session):
                        if error.field in unreadable:
                            continue  # already said: "enter a number", not "required"
                        problems.append(
                            Message(
                                N_("Row {row}: {message}"), {"row": row + 1, "message": str(error)}
                            ).render()
                        )
        self.error_label.setText(" ".join(problems))
        self.error_label.setVisible(bool(problems) and self.reveal_errors)
        return [
            FieldError(self.child_model.__tablename__, None, "rows", Message(text))
            for text in problems
        ]

    def rows_of(self, *fields: str) -> list[tuple[Any, ...]]:
        """The values of ``fields`` on every row as it stands (before saving)."""
        numbers = [next(i for i, c in enumerate(self.columns) if c.field == f) for f in fields]
        return [
            tuple(self._cell(row, number) for number in numbers)
            for row in range(self.table.rowCount())
        ]

    def state(self) -> tuple[Any, ...]:
        rows = tuple(
            tuple(
                f"{self._cell(row, number)} {self._precision(row, number)}"
                for number in range(len(self.columns))
            )
            for row in range(self.table.rowCount())
        )
        return (*rows, len(self.removed))


@dataclass(frozen=True)
class _Invalid:
    text: str


def cell_text(kind: str, value: Any) -> str:
    """How a cell shows its value: amounts and numbers as the user's language writes them
    (31 000,00 in French), years and texts as they are."""
    if value is None:
        return ""
    locale = locale_for(current_language())
    if kind == "money":
        return format_decimal(Decimal(str(value)), format="#,##0.00", locale=locale)
    if kind == "number":
        return format_decimal(Decimal(str(value)), format="#,##0.###", locale=locale)
    if kind == "rate":  # 0.00152449: every digit the rate was given with
        return format_decimal(Decimal(str(value)), format="#,##0.##########", locale=locale)
    return str(value)


def parse_number(text: str) -> Decimal | None:
    """A number typed the user's way ("31 000,50" in French, "31,000.50" in English) or
    the plain way ("31000.50"); None when it is not a number."""
    compact = text.replace("\u202f", "").replace("\xa0", "").replace(" ", "")
    locale = locale_for(current_language())
    try:
        return Decimal(compact)
    except InvalidOperation:
        pass
    try:
        return parse_decimal(compact, locale=locale, strict=True)
    except NumberFormatError:
        pass
    try:
        return Decimal(compact.replace(",", "."))
    except InvalidOperation:
        return None
