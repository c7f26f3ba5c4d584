"""A Qt wait in a test gives a slow machine time: a short timeout is raised to 30 s."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot


def test_a_short_wait_still_sees_what_comes_a_little_later(qtbot: QtBot) -> None:
    arrived: list[bool] = []
    QTimer.singleShot(300, lambda: arrived.append(True))
    qtbot.waitUntil(lambda: bool(arrived), timeout=20)  # 20 ms alone would give up first
    assert arrived
