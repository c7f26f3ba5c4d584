"""Office › Users and roles… against a real office server: the administrators' routes
refuse everybody else, and an administrator adds an account scoped to one municipality by
typing and clicking — the new account then clones only that municipality's records, and
its desktop and last sync appear in the list."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from memory_keyring import MemoryKeyring
from menu_helpers import choose
from server.live_server import (
    PASSWORD,
    LiveServer,
    add_account,
    administrator_session,
    fresh_server_database,
    live_server,
)
from sqlalchemy import select
from sqlalchemy.engine import Engine

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from intl_desk.cli import main
from intl_desk.core.model import (
    Agreement,
    AgreementParty,
    LocalEntity,
    Partner,
    ServerLink,
)
from intl_desk.store.office_file import OfficeFile
from intl_desk.sync import admin
from intl_desk.sync.client import ServerClient, ServerError
from intl_desk.sync.session import ServerSession
from intl_desk.sync.trust import known_servers
from intl_desk.ui.combo_search import FoldedSearch
from intl_desk.ui.dialogs.registry import register_all
from intl_desk.ui.main_window import MainWindow
from intl_desk.ui.pickers import DEPTH_ROLE
from intl_desk.ui.users_dialog import UsersDialog

TypeText = Callable[[QWidget, str], None]
NEW_PASSWORD = "outra-senha-bem-longa"


@pytest.fixture(scope="module")
def server_db() -> Iterator[Engine]:
    engine = fresh_server_database()
    with administrator_session(engine) as session:
        state = LocalEntity(name="Estado de Minas Gerais", kind="government")
        session.add(state)
        for town, partner in (("Araponga", "Ville de Lyon"), ("Nazareno", "Łódź")):
            entity = LocalEntity(name=town, kind="municipality", parent=state)
            agreement = Agreement(title=f"Geminação {town}", type="twinning", status="active",
                                  date_signed=date(2019, 5, 14))  # fmt: skip
            agreement.parties.extend(
                [AgreementParty(local_entity=entity), AgreementParty(partner=Partner(
                    name=partner, country_code="FR"))]
            )  # fmt: skip
            session.add_all([entity, agreement])
        session.add(LocalEntity(name="São João del-Rei", kind="municipality", parent=state))
        session.commit()
    add_account(engine, "bruno", "editor")
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def server(server_db: Engine) -> Iterator[LiveServer]:
    with live_server(server_db) as running:
        yield running


def _client(server: LiveServer, name: str, password: str = PASSWORD) -> ServerClient:
    return ServerClient(server.address, name, password)


def test_only_administrators_manage_accounts_and_never_lock_themselves_out(
    server: LiveServer,
) -> None:
    with _client(server, "bruno") as bruno, pytest.raises(ServerError, match="Only an admin"):
        admin.accounts(bruno)
    with _client(server, "ana") as ana:
        admin.add_account(ana, "rita", PASSWORD, "reader", None)
        with pytest.raises(ServerError, match="too short"):
            admin.add_account(ana, "tiago", "curta", "editor", None)
        with pytest.raises(ServerError, match="already an account named “rita”"):
            admin.add_account(ana, "rita", PASSWORD, "editor", None)
        with pytest.raises(ServerError, match="cannot disable your own account"):
            admin.change_account(ana, "ana", role="admin", scope_entity_id=None, disabled=True)
        admin.reset_password(ana, "rita", NEW_PASSWORD)
        admin.change_account(ana, "bruno", role="reader", scope_entity_id=None, disabled=True)
        listed = {account.name: account for account in admin.accounts(ana)}
    assert (listed["rita"].role, listed["bruno"].disabled) == ("reader", True)
    with _client(server, "rita") as rita, pytest.raises(ServerError, match="Wrong account"):
        rita.sign_in()
    with _client(server, "rita", NEW_PASSWORD) as rita:
        assert rita.sign_in()["account"]["role"] == "reader"
    with _client(server, "bruno") as bruno, pytest.raises(ServerError, match="Wrong account"):
        bruno.sign_in()


def _click(qtbot: QtBot, button: QPushButton) -> None:
    qtbot.waitUntil(button.isEnabled)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _row(table: QTableWidget, name: str) -> int:
    return next(row for row in range(table.rowCount()) if table.item(row, 0).text() == name)


def _agreements(path: Path) -> set[str]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {title for (title,) in connection.execute("SELECT title FROM agreement")}
    finally:
        connection.close()


def test_an_administrator_adds_an_account_for_one_municipality_which_clones_only_it(
    server: LiveServer,
    tmp_path: Path,
    qtbot: QtBot,
    typist: TypeText,
    monkeypatch: pytest.MonkeyPatch,
    memory_keyring: MemoryKeyring,
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # its own known servers
    state = tmp_path / "ana.sqlite"
    ServerSession(server.address, "ana", known_servers()).clone(PASSWORD, state)
    register_all()
    window = MainWindow()
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    users = window.findChild(QAction, "usersAction")
    assert isinstance(users, QAction) and not users.isVisible()  # no server, no accounts
    with qtbot.waitSignal(window.server.attempt_ended, timeout=20_000):
        window.open_file(state)
    assert users.isVisible()  # ana administers the server the file is connected to
    choose(qtbot, window, "&Office", Qt.Key.Key_U)  # Users and roles…, for an administrator
    qtbot.waitUntil(lambda: window.findChild(UsersDialog) is not None)
    dialog = window.findChild(UsersDialog)
    assert isinstance(dialog, UsersDialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() >= 2, timeout=20_000)

    typist(dialog.name, "joao")
    typist(dialog.password, NEW_PASSWORD)
    line_edit = dialog.scope.lineEdit()
    assert line_edit is not None
    line_edit.selectAll()
    typist(line_edit, "arap")  # the searchable box offers Araponga
    search = dialog.scope.findChild(FoldedSearch)
    assert isinstance(search, FoldedSearch)
    popup = search.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert dialog.scope.currentText() == "Araponga"  # the name, no tree indentation
    tree = {
        dialog.scope.itemText(index): dialog.scope.itemData(index, DEPTH_ROLE)
        for index in range(1, dialog.scope.count())
    }  # bare names; the view draws the indentation under the state
    assert tree == {
        "Estado de Minas Gerais": 0, "Araponga": 1, "Nazareno": 1, "São João del-Rei": 1,
    }  # fmt: skip
    with qtbot.waitSignal(dialog.refreshed, timeout=20_000):
        _click(qtbot, dialog.add_button)
    assert dialog.message.text() == "The account joao is added."
    row = _row(dialog.table, "joao")
    cells = [dialog.table.item(row, column).text() for column in range(4)]
    assert cells == ["joao", "Editor", "Araponga", "Yes"]
    assert dialog.table.item(row, 4).text() == "never"

    monkeypatch.setenv("INTL_DESK_PASSWORD", NEW_PASSWORD)
    town = tmp_path / "joao.sqlite"
    assert main(["clone", server.address, "-o", str(town), "--user", "joao"]) == 0
    assert _agreements(town) == {"Geminação Araponga"}  # Nazareno's stays on the server
    # no sync yet: the clone itself introduced joao's desktop to the server

    with qtbot.waitSignal(dialog.refreshed, timeout=20_000):
        dialog.refresh()  # what the dialog shows when opened again
    row = _row(dialog.table, "joao")
    rect = dialog.table.visualItemRect(dialog.table.item(row, 0))
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with OfficeFile.open(town, read_only=True) as mine, mine.session() as session:
        client_id = session.scalars(select(ServerLink.client_id)).one()
    assert dialog.devices.count() == 1
    assert dialog.devices.item(0).text().startswith(f"Desktop {client_id[:8]}: last synchronised")
