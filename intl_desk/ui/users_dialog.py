"""Office › Users and roles…: the office server's accounts, for its administrators.

The list shows each account's role, scope (a branch of the local-entity tree, or the whole
office), whether it may sign in, and its desktops with their last synchronisation. Below
it: add an account, change the selected one's role, scope or sign-in, reset its
password. Every request runs in the background (the window never waits for the network);
the server's refusals are shown under the list in the user's language.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from intl_desk.core.display import date_text
from intl_desk.core.i18n import N_, Message, _
from intl_desk.store.office_file import OfficeFile
from intl_desk.sync import admin
from intl_desk.sync.client import ServerClient
from intl_desk.ui.choices import entity_choices
from intl_desk.ui.combo_search import make_searchable
from intl_desk.ui.operations import Operation
from intl_desk.ui.pickers import show_as_tree

ROLE_LABELS = {"admin": N_("Administrator"), "editor": N_("Editor"), "reader": N_("Reader")}
COLUMNS = (N_("Account"), N_("Role"), N_("Scope"), N_("Signs in"), N_("Last sync"))
WHOLE_OFFICE = N_("The whole office")


def _when(account: admin.AccountInfo) -> str:
    if account.last_sync_at is None:
        return _("never")
    last = account.last_sync_at.astimezone()  # the server says UTC; people read local time
    return f"{date_text(last)} {last:%H:%M}"


class UsersDialog(QDialog):
    #: the list was read again (after opening or after a change)
    refreshed = Signal()

    def __init__(
        self,
        office: OfficeFile,
        client: Callable[[], ServerClient],
        own_account: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("usersDialog")
        self.setWindowTitle(_("Users and roles"))
        self._client = client
        self.own_account = own_account
        self.accounts: list[admin.AccountInfo] = []
        self._running: Operation[Any] | None = None
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("accountTable")
        self.table.setHorizontalHeaderLabels([_(title) for title in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selected_changed)
        self.devices = QListWidget()
        self.devices.setObjectName("deviceList")
        self.devices.setMaximumHeight(90)

        self.name = QLineEdit()
        self.name.setObjectName("accountName")
        self.password = QLineEdit()
        self.password.setObjectName("accountPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(_("At least 10 characters"))
        self.role = QComboBox()
        self.role.setObjectName("accountRole")
        for code, label in ROLE_LABELS.items():
            self.role.addItem(_(label), code)
        self.role.setCurrentIndex(self.role.findData("editor"))
        self.scope = QComboBox()
        self.scope.setObjectName("accountScope")
        self.scope.setEditable(True)
        self.scope.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.scope.addItem(_(WHOLE_OFFICE), None)
        with office.session() as session:
            for entity_id, label in entity_choices(session):
                self.scope.addItem(label, entity_id)
        show_as_tree(self.scope)  # bare names; the view draws the region › town indentation
        make_searchable(self.scope)  # "arap" finds Araponga among 853 municipalities
        self.disabled = QCheckBox(_("Disabled: may not sign in"))
        self.disabled.setObjectName("accountDisabled")

        self.add_button = QPushButton(_("Add the account"))
        self.add_button.setObjectName("addAccountButton")
        self.add_button.clicked.connect(self.add_account)
        self.save_button = QPushButton(_("Save the changes"))
        self.save_button.setObjectName("saveAccountButton")
        self.save_button.clicked.connect(self.save_changes)
        self.password_button = QPushButton(_("Reset the password"))
        self.password_button.setObjectName("resetPasswordButton")
        self.password_button.clicked.connect(self.reset_password)
        self.message = QLabel()
        self.message.setObjectName("usersMessage")
        self.message.setWordWrap(True)

        form = QFormLayout()
        form.addRow(_("Account name"), self.name)
        form.addRow(_("Password"), self.password)
        form.addRow(_("Role"), self.role)
        form.addRow(_("Scope"), self.scope)
        form.addRow("", self.disabled)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.save_button, self.password_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(QLabel(_("Desktops of the selected account and their last sync:")))
        layout.addWidget(self.devices)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.resize(900, 620)
        self._selected_changed()
        self.refresh()

    # --- talking to the server in the background ------------------------------------------

    def _run(self, work: Callable[[ServerClient], Any], done: str | None) -> None:
        """``work`` on a signed-in client off the GUI thread, then the list read again and
        ``done`` (a message) said; a refusal is said instead."""

        def job(_progress: object) -> list[admin.AccountInfo]:
            with self._client() as client:
                work(client)
                return admin.accounts(client)

        def shown(found: list[admin.AccountInfo]) -> None:
            self._show(found)
            self.message.setText(done or "")
            self.refreshed.emit()

        def failed(error: BaseException) -> None:
            self.message.setText(str(error))
            self._set_busy(False)
            self.refreshed.emit()

        self._set_busy(True)
        self.message.setText(_("Asking the office server…"))
        self._running = Operation(self, job, shown, failure=failed).run()

    def _set_busy(self, busy: bool) -> None:
        for button in (self.add_button, self.save_button, self.password_button):
            button.setProperty("busy", busy)
        self._selected_changed()

    def refresh(self) -> None:
        self._run(lambda _client: None, None)

    def _show(self, found: list[admin.AccountInfo]) -> None:
        chosen = self.selected()
        self.accounts = found
        self.table.setRowCount(len(found))
        for row, account in enumerate(found):
            cells = (
                account.name,
                _(ROLE_LABELS.get(account.role, account.role)),
                account.scope_name or _(WHOLE_OFFICE),
                _("Disabled") if account.disabled else _("Yes"),
                _when(account),
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
            if chosen is not None and account.name == chosen.name:
                self.table.selectRow(row)
        self._set_busy(False)

    # --- the selected account ----------------------------------------------------------

    def selected(self) -> admin.AccountInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.accounts[rows[0].row()] if rows and self.accounts else None

    def _selected_changed(self) -> None:
        account = self.selected()
        busy = bool(self.add_button.property("busy"))
        self.add_button.setEnabled(not busy)
        self.save_button.setEnabled(not busy and account is not None)
        self.password_button.setEnabled(not busy and account is not None)
        self.devices.clear()
        if account is None:
            return
        self.name.setText(account.name)
        self.role.setCurrentIndex(self.role.findData(account.role))
        self.scope.setCurrentIndex(max(self.scope.findData(account.scope_entity_id), 0))
        self.disabled.setChecked(account.disabled)
        for device in account.devices:
            local = device.last_sync_at.astimezone()
            values = {
                "device": device.client_id[:8],
                "date": date_text(local),
                "time": f"{local:%H:%M}",
            }
            text = Message(N_("Desktop {device}: last synchronised {date} at {time}"), values)
            self.devices.addItem(text.render())
        if not account.devices:
            self.devices.addItem(_("No desktop has synchronised with this account yet."))

    # --- the actions ---------------------------------------------------------------------

    def add_account(self) -> None:
        name, password = self.name.text().strip(), self.password.text()
        role, scope = self.role.currentData(), self.scope.currentData()
        self.password.clear()
        self._run(
            lambda client: admin.add_account(client, name, password, role, scope),
            Message(N_("The account {name} is added."), {"name": name}).render(),
        )

    def save_changes(self) -> None:
        account = self.selected()
        if account is None:
            return
        role, scope = self.role.currentData(), self.scope.currentData()
        disabled = self.disabled.isChecked()
        self._run(
            lambda client: admin.change_account(
                client, account.name, role=role, scope_entity_id=scope, disabled=disabled
            ),
            Message(N_("The account {name} is saved."), {"name": account.name}).render(),
        )

    def reset_password(self) -> None:
        account = self.selected()
        if account is None:
            return
        password = self.password.text()
        self.password.clear()
        self._run(
            lambda client: admin.reset_password(client, account.name, password),
            Message(
                N_("{name}'s password is changed: tell them the new one in person."),
                {"name": account.name},
            ).render(),
        )
