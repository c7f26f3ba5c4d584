"""The records the office server refused, reached from the status bar.

Each line says which record (its kind and name), why the server refused it (the server's
reason, in the reader's language) and, above the table, what to do: the change stays in
this file only and is not sent again, so someone whose account may change the record makes
it on the server. "Clear the list" says the person has read it: the status bar then no
longer mentions them (the refusals stay in each record's history).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from intl_desk.core.i18n import N_, Message, _, translate
from intl_desk.core.records import model_for
from intl_desk.sync.sync import Refused

RECORD_COLUMN, REASON_COLUMN = 0, 1


def record_text(item: Refused) -> str:
    """"Agreement: Twinning Araponga–Lyon" (the kind when the table is a known one)."""
    model = model_for(item.table) if item.table else None
    if model is None:
        return item.label
    return Message(
        N_("{kind}: {name}"), {"kind": translate(model.kind_label), "name": item.label}
    ).render()


class RefusedDialog(QDialog):
    #: the person cleared the list (the refusals shown)
    cleared = Signal(list)

    def __init__(self, parent: QWidget, refused: list[Refused]) -> None:
        super().__init__(parent)
        self.setObjectName("refusedDialog")
        self.refused = refused
        self.setWindowTitle(_("Records refused by the office server"))
        layout = QVBoxLayout(self)
        self.what_to_do = QLabel(
            _(
                "The office server did not save your changes to these records. They stay in "
                "this file only and are not sent again. Ask a colleague whose account may "
                "change the record, or an administrator, to make the change on the server; "
                "the next change made there replaces yours in this file."
            )
        )
        self.what_to_do.setWordWrap(True)
        layout.addWidget(self.what_to_do)
        self.table = QTableWidget(len(refused), 2)
        self.table.setObjectName("refusedTable")
        self.table.setHorizontalHeaderLabels([_("Record"), _("Why the server refused it")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(RECORD_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(REASON_COLUMN, QHeaderView.ResizeMode.Stretch)
        for row, item in enumerate(refused):
            self.table.setItem(row, RECORD_COLUMN, QTableWidgetItem(record_text(item)))
            self.table.setItem(row, REASON_COLUMN, QTableWidgetItem(item.message.render()))
        self.table.setColumnWidth(RECORD_COLUMN, 260)
        layout.addWidget(self.table)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        self.clear_button = self.buttons.addButton(
            _("Clear the list"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.clear_button.setObjectName("clearRefused")
        self.clear_button.setToolTip(
            _("You have read them: the status bar no longer mentions them.")
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.accepted.connect(lambda: self.cleared.emit(list(self.refused)))
        self.resize(720, 360)
        self.table.resizeRowsToContents()
