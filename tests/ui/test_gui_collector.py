"""Reference cycles are collected on the GUI thread only: a collection on a worker could
destroy a Qt object there and stop the window for good (intl_desk.ui.gui_collector)."""

from __future__ import annotations

import gc
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from intl_desk.core.background import submit
from intl_desk.ui.gui_collector import collect_on_gui_thread
from intl_desk.ui.main_window import MainWindow


class Cycle:
    """An object only the collector can free: it refers to itself."""

    def __init__(self) -> None:
        self.me = self


@pytest.fixture
def collections() -> Iterator[list[str]]:
    """The name of the thread each collection ran on."""
    seen: list[str] = []

    def heard(phase: str, _info: dict[str, Any]) -> None:
        if phase == "start":
            seen.append(threading.current_thread().name)

    gc.callbacks.append(heard)
    yield seen
    gc.callbacks.remove(heard)


def test_cycles_made_on_a_worker_are_collected_on_the_gui_thread(
    qtbot: QtBot, collections: list[str]
) -> None:
    window = MainWindow()  # the window's process collects so from its first window
    qtbot.addWidget(window)
    assert not gc.isenabled()

    def make_cycles() -> int:
        for _ in range(20_000):  # many times the youngest generation's threshold
            Cycle()
        return len(collections)

    made_by_the_worker = submit(make_cycles).result(timeout=30)
    assert made_by_the_worker == 0  # the worker never collected
    assert threading.current_thread() is threading.main_thread()
    qtbot.waitUntil(lambda: bool(collections), timeout=5_000)  # the timer collects them
    assert set(collections) == {threading.main_thread().name}
    assert not any(isinstance(thing, Cycle) for thing in gc.get_objects())


def test_one_collector_for_the_process(qtbot: QtBot) -> None:
    first = collect_on_gui_thread()
    window = MainWindow()
    qtbot.addWidget(window)
    assert isinstance(first, QObject) and collect_on_gui_thread() is first


def test_the_windows_process_never_collects_on_a_worker() -> None:
    """As the app runs: a process whose first window is open (no test fixture)."""
    code = textwrap.dedent(
        """
        import gc, os, threading
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from intl_desk.core.background import submit
        from intl_desk.ui.main_window import MainWindow
        window = MainWindow()
        on_workers = []
        def heard(phase, info):
            if phase == "start" and threading.current_thread() is not threading.main_thread():
                on_workers.append(1)
        gc.callbacks.append(heard)
        class Cycle:
            def __init__(self):
                self.me = self
        def make_cycles():
            for _ in range(20_000):
                Cycle()
        submit(make_cycles).result(timeout=30)
        print(gc.isenabled(), len(on_workers))
        """
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[-2] == "False 0"
