"""A collection round from opening to approval across two desktops and a real office
server: the state office opens it by typing in its window and clicks Sync now; the
municipality's desktop sees it on its Today page, opens it from there and submits; the
state approves; the municipality sees the approval. Then the state closes the round."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from memory_keyring import MemoryKeyring
from server.live_server import (
    PASSWORD,
    LiveServer,
    add_account,
    administrator_session,
    fresh_server_database,
    live_server,
)
from sqlalchemy.engine import Engine

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QPushButton, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from intl_desk.core.model import Indicator, LocalEntity, Measurement, Period
from intl_desk.sync.session import ServerSession
from intl_desk.sync.trust import known_servers
from intl_desk.ui.dialogs.registry import register_all
from intl_desk.ui.main_window import MainWindow
from intl_desk.ui.new_round_dialog import NewRoundDialog
from intl_desk.ui.round_today import RoundsPanel, open_rounds
from intl_desk.ui.rounds_dialog import RoundsDialog

TITLE = "Números de 2026"
TypeText = Callable[[QWidget, str], None]


@pytest.fixture(scope="module")
def server_db() -> Iterator[Engine]:
    engine = fresh_server_database()
    with administrator_session(engine) as session:
        state = LocalEntity(name="Estado de Minas Gerais", kind="government")
        araponga = LocalEntity(name="Araponga", kind="municipality", parent=state)
        nazareno = LocalEntity(name="Nazareno", kind="municipality", parent=state)
        period = Period(label="2026", start_date=date(2026, 1, 1), end_date=date(2026, 12, 31))
        students = Indicator(name="Estudantes em intercâmbio", dimension="territorial",
                             per_local_entity=True)  # fmt: skip
        session.add_all([state, araponga, nazareno, period, students])
        session.flush()
        # Araponga's figure is entered already (the measurement grid has tests of its own)
        session.add(Measurement(indicator_id=students.id, period_id=period.id,
                                local_entity_id=araponga.id, value=12))  # fmt: skip
        session.commit()
    add_account(engine, "bruno", "editor")
    add_account(engine, "carla", "editor", scope="Araponga")
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def server(server_db: Engine) -> Iterator[LiveServer]:
    with live_server(server_db) as running:  # plain http on 127.0.0.1: no certificate
        yield running


@pytest.fixture(autouse=True)
def _own_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, memory_keyring: MemoryKeyring
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


def _clone(server: LiveServer, target: Path, account: str) -> Path:
    ServerSession(server.address, account, known_servers()).clone(PASSWORD, target)
    return target


def _window(qtbot: QtBot, path: Path) -> MainWindow:
    register_all()
    window = MainWindow()
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    with qtbot.waitSignal(window.server.attempt_ended, timeout=30_000):
        window.open_file(path)
    return window


def _sync_now(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.server.synced, timeout=30_000):
        window.server.sync_action.trigger()


def _click(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _tick(qtbot: QtBot, box: QListWidget, text: str) -> None:
    item = next(box.item(row) for row in range(box.count()) if box.item(row).text() == text)
    qtbot.mouseClick(
        box.viewport(), Qt.MouseButton.LeftButton, pos=box.visualItemRect(item).center()
    )
    qtbot.keyClick(box, Qt.Key.Key_Space)


def _click_row(qtbot: QtBot, table: QTableWidget, entity: str) -> None:
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == entity)
    rect = table.visualItemRect(table.item(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _statuses(table: QTableWidget) -> dict[str, str]:
    return {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}


def _rounds(qtbot: QtBot, window: MainWindow) -> RoundsDialog:
    dialog = open_rounds(window)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.view is not None, timeout=10_000)
    return dialog


def _step(qtbot: QtBot, dialog: RoundsDialog, button: QPushButton) -> None:
    with qtbot.waitSignal(dialog.page_shown, timeout=10_000):
        _click(qtbot, button)


def _rounds_panel(window: MainWindow) -> RoundsPanel:
    section = window.today_page.findChild(RoundsPanel, "roundsPanel")
    assert isinstance(section, RoundsPanel)
    return section


def _today_lines(section: RoundsPanel) -> list[str]:
    return [section.list.item(row).text() for row in range(section.list.count())]


def test_a_round_from_opening_to_approval_across_two_desktops(
    qtbot: QtBot, server: LiveServer, tmp_path: Path, typist: TypeText
) -> None:
    state = _window(qtbot, _clone(server, tmp_path / "Minas.sqlite", "bruno"))
    town = _window(qtbot, _clone(server, tmp_path / "Araponga.sqlite", "carla"))

    # the state office opens the round by typing, then synchronises
    dialog = open_rounds(state)  # Office › Collection rounds… (its menu has tests of its own)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.heading.text() == "No collection round yet", timeout=10_000)
    _click(qtbot, dialog.new_button)
    qtbot.waitUntil(lambda: dialog.findChild(NewRoundDialog) is not None)
    new = dialog.findChild(NewRoundDialog)
    assert isinstance(new, NewRoundDialog)
    typist(new.title, TITLE)
    typist(new.deadline, "31/01/2027")
    _tick(qtbot, new.indicators, "Estudantes em intercâmbio")
    _tick(qtbot, new.entities, "Araponga")
    _tick(qtbot, new.entities, "Nazareno")
    with qtbot.waitSignal(dialog.page_shown, timeout=10_000):
        qtbot.keyClick(new, Qt.Key.Key_Return)
    assert _statuses(dialog.table) == {"Araponga": "Not submitted yet",
                                       "Nazareno": "Not submitted yet"}  # fmt: skip
    dialog.close()
    _sync_now(qtbot, state)

    # the municipality's desktop: on its Today page after Sync now; it submits from there
    _sync_now(qtbot, town)
    section = _rounds_panel(town)
    qtbot.waitUntil(lambda: TITLE in " ".join(_today_lines(section)), timeout=10_000)
    assert _today_lines(section) == [
        f"{TITLE} — Araponga: 1 of 1 figures entered, due 31 Jan 2027"
    ]  # fmt: skip
    item = section.list.item(0)
    qtbot.mouseClick(
        section.list.viewport(), Qt.MouseButton.LeftButton,
        pos=section.list.visualItemRect(item).center(),
    )  # fmt: skip
    qtbot.keyClick(section.list, Qt.Key.Key_Return)  # opens the round
    qtbot.waitUntil(lambda: town.findChild(RoundsDialog) is not None, timeout=10_000)
    answering = town.findChild(RoundsDialog)
    assert isinstance(answering, RoundsDialog)
    qtbot.waitUntil(lambda: answering.view is not None, timeout=10_000)
    assert set(_statuses(answering.table)) == {"Araponga"}  # its own submission only
    _click_row(qtbot, answering.table, "Araponga")
    assert not answering.approve_button.isEnabled()  # the office approves, not the town
    _step(qtbot, answering, answering.submit_button)
    answering.close()
    _sync_now(qtbot, town)

    # the state office approves
    _sync_now(qtbot, state)
    reviewing = _rounds(qtbot, state)
    assert _statuses(reviewing.table)["Araponga"] == "Submitted, awaiting review"
    _click_row(qtbot, reviewing.table, "Araponga")
    _step(qtbot, reviewing, reviewing.approve_button)
    assert "1 of 2 answered, 1 approved" in reviewing.summary.text()
    reviewing.close()
    _sync_now(qtbot, state)

    # the municipality sees the approval: nothing owed on Today any more
    _sync_now(qtbot, town)
    qtbot.waitUntil(lambda: section.isHidden(), timeout=10_000)  # nothing owed any more
    seen = _rounds(qtbot, town)
    assert _statuses(seen.table) == {"Araponga": "Approved"}
    seen.close()
    for window in (state, town):
        window.close_file()
