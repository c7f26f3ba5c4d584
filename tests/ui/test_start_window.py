"""Starting the app: a window at once, saying it is opening, nothing usable until loaded.

The application's heavy modules load on a worker thread behind the start window
(intl_desk/ui/start_window.py). This test process has long imported them, so the loading
is held open by one more module that waits for the test (loading_gate.py).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import loading_gate
import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from intl_desk.ui import app as desktop
from intl_desk.ui import start_window
from intl_desk.ui.main_window import MainWindow
from intl_desk.ui.start_window import StartWindow

HELD = "held_application_part"


@pytest.fixture
def held_loading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    (tmp_path / f"{HELD}.py").write_text(
        "from loading_gate import OPEN\nOPEN.wait(timeout=60)\n", encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, HELD, raising=False)
    monkeypatch.setattr(
        start_window, "APPLICATION_MODULES", (*start_window.APPLICATION_MODULES, HELD)
    )
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # start_app installs its own
    loading_gate.OPEN.clear()
    yield
    loading_gate.OPEN.set()  # never leave the loading thread waiting
    for window in [*desktop._windows, *visible(StartWindow)]:
        window.close()
        window.deleteLater()
    desktop._windows.clear()


def visible(kind: type[QWidget]) -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def test_the_start_window_says_opening_and_offers_nothing_until_the_app_is_loaded(
    qtbot: QtBot, office_path: Path, held_loading: None
) -> None:
    start = desktop.start_app(office_path, language="en")
    qtbot.waitUntil(lambda: start.isVisible() and start._loading is not None, timeout=10_000)
    assert start.message.text() == "Opening Intl Desk…"
    assert visible(MainWindow) == []
    # a person who tries to work at once: Ctrl+O, a click in the window, Alt+F
    qtbot.keyClick(start, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(start.centralWidget(), Qt.MouseButton.LeftButton)
    qtbot.keyClick(start, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    assert start.menuBar().actions() == []  # no menu, page or command to reach
    assert QApplication.activeModalWidget() is None
    assert visible(MainWindow) == [] and start.isVisible()

    loading_gate.OPEN.set()
    qtbot.waitUntil(lambda: bool(visible(MainWindow)), timeout=20_000)
    (window,) = visible(MainWindow)
    assert visible(StartWindow) == []  # the main window took its place
    qtbot.waitUntil(lambda: isinstance(window, MainWindow) and window.office is not None,
                    timeout=20_000)
    assert office_path.name in window.windowTitle()

