"""The main window is built from the rows of ui/window_features.py: a page or a menu
command added there shows in the window and works, with no other code."""

from __future__ import annotations

from pathlib import Path

import pytest
from menu_helpers import choose, window_on

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMenu, QWidget
from pytestqt.qtbot import QtBot

from intl_desk.core.i18n import N_
from intl_desk.ui import window_features
from intl_desk.ui.main_window import MainWindow
from intl_desk.ui.window_features import COMMANDS, PAGES, Command, Page


def _navigation(window: MainWindow) -> list[str]:
    return [window.navigation.item(row).text() for row in range(window.navigation.count())]


def test_the_declared_menus_and_pages_are_the_windows(qtbot: QtBot, office_path: Path) -> None:
    window = window_on(qtbot, office_path)
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["&File", "&Office", "&Reports", "&Help"]
    for command in COMMANDS:
        menu = window.findChild(QMenu, command.menu)
        assert menu is not None
        entry = next(action for action in menu.actions() if action.objectName() == command.name)
        assert entry.text() == command.text
    navigation = _navigation(window)
    assert navigation[:2] == ["Today", "Overview"]  # the office's front page under Today
    assert navigation[-1] == "Measurements"


def test_a_row_added_to_the_registry_gives_a_page_and_a_working_command(
    qtbot: QtBot, office_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[MainWindow] = []

    def make_notes(_window: MainWindow) -> QWidget:
        return QLabel("Notes of the office")

    def open_notes(window: MainWindow) -> None:
        opened.append(window)

    monkeypatch.setattr(window_features, "PAGES", (*PAGES, Page("notes", N_("Notes"), make_notes)))
    notes = Command("officeMenu", N_("&Notes…"), "notesAction", open_notes)
    monkeypatch.setattr(window_features, "COMMANDS", (*COMMANDS, notes))
    window = window_on(qtbot, office_path)
    assert _navigation(window)[-1] == "Notes"
    page = window.feature_page("notes")
    assert isinstance(page, QLabel) and page.text() == "Notes of the office"
    choose(qtbot, window, "&Office", Qt.Key.Key_N)  # the underlined letter of "&Notes…"
    qtbot.waitUntil(lambda: opened == [window], timeout=5000)


def test_a_command_offered_only_sometimes_is_asked_again_when_a_file_opens(
    qtbot: QtBot, office_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def offered(window: MainWindow) -> bool:
        return window.office is not None

    later = Command("officeMenu", N_("&Notes…"), "notesAction", lambda _w: None, offered)
    monkeypatch.setattr(window_features, "COMMANDS", (*COMMANDS, later))
    window = MainWindow()
    qtbot.addWidget(window)
    menu = window.findChild(QMenu, "officeMenu")
    assert menu is not None
    entry = next(action for action in menu.actions() if action.objectName() == "notesAction")
    assert not entry.isVisible()
    with qtbot.waitSignal(window.file_opened, timeout=10_000):
        window.open_file(office_path)
    assert entry.isVisible()
