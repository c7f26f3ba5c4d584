"""Benchmark scenarios that need the real window (run by ``intl-desk bench``).

Each returns the seconds of the work it measures, so Qt's own start-up is not counted;
``intl_desk.bench.runner`` runs each in a fresh process for its peak memory.
"""

from __future__ import annotations

import os
import statistics
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from intl_desk.ui.main_window import MainWindow

SEARCH_KEYSTROKES = ("b", "be", "bel", "belo", "belo ", "belo h", "belo ho")


def _window(file: Path) -> tuple[QApplication, MainWindow]:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    window = MainWindow()
    window.resize(1280, 800)
    window.show()
    if not window.open_file(file):
        raise RuntimeError(f"cannot open {file}")
    return app, window


def open_to_painted_list(file: Path) -> float:
    """From asking to open the file to the agreements list painted on screen."""
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    window = MainWindow()
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    started = time.perf_counter()
    window.open_file(file)
    window.show_list("agreements")
    app.processEvents()
    window.grab()
    return time.perf_counter() - started


def filter_per_keystroke(file: Path) -> float:
    """Median time to re-filter the agreements list after each key typed."""
    app, window = _window(file)
    page = window.show_list("agreements")
    app.processEvents()
    timings = []
    for text in SEARCH_KEYSTROKES:
        started = time.perf_counter()
        page.search_box.blockSignals(True)
        page.search_box.setText(text)
        page.search_box.blockSignals(False)
        page.apply_filters()
        page.table.viewport().repaint()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def sort_every_column(file: Path) -> float:
    """The slowest of sorting the full agreements list by each of its columns."""
    app, window = _window(file)
    page = window.show_list("agreements")
    app.processEvents()
    slowest = 0.0
    for number in range(page.model.columnCount()):
        started = time.perf_counter()
        page.model.sort(number)
        page.table.viewport().repaint()
        slowest = max(slowest, time.perf_counter() - started)
    return slowest
