"""Opening an office file in a main window as a user does, and waiting until it shows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from intl_desk.ui.main_window import MainWindow


def open_and_wait(qtbot: QtBot, window: MainWindow, path: Path, **options: Any) -> None:
    """Open ``path`` in ``window`` and wait until the window shows it."""
    with qtbot.waitSignal(window.file_opened, timeout=10_000):
        assert window.open_file(path, **options)
