"""The main window opened on a file with its overview shown, as the dashboard tests start."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from window_files import open_and_wait

from pytestqt.qtbot import QtBot

from intl_desk.ui.dashboard.page import DashboardPage
from intl_desk.ui.main_window import MainWindow


def shown_overview(
    qtbot: QtBot, path: Path, today: Callable[[], date] | None = None
) -> tuple[MainWindow, DashboardPage]:
    """Open ``path`` in a main window on screen and show its overview (read as of
    ``today()`` when given)."""
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    open_and_wait(qtbot, window, path)
    page: DashboardPage = window.overview.page
    if today is not None:
        page._today = today
    window.overview.show_action.trigger()
    page.load()
    return window, page
