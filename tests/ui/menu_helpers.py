"""The main window opened on a file and its menus used as a person does: a click on the
menu's title in the menu bar, then the key of the entry's underlined letter."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from intl_desk.ui.dialogs.registry import register_all
from intl_desk.ui.main_window import MainWindow


def window_on(qtbot: QtBot, path: Path) -> MainWindow:
    """A shown, active main window with ``path`` open."""
    register_all()
    window = MainWindow()
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.file_opened, timeout=10_000):
        window.open_file(path)
    with qtbot.waitActive(window):  # (a context manager: called bare it waits for nothing)
        window.show()
        window.activateWindow()
    return window


def choose(qtbot: QtBot, window: MainWindow, menu_title: str, key: Qt.Key) -> None:
    """Click ``menu_title`` ("&File") in the menu bar, then press ``key`` in its menu."""
    bar = window.menuBar()
    title = next(action for action in bar.actions() if action.text() == menu_title)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(title).center())
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    qtbot.keyClick(QApplication.activePopupWidget(), key)
