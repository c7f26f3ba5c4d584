"""Benchmark scenarios that need the real window (run by ``intl-desk bench``).

Each returns the seconds of the work it measures, so Qt's own start-up is not counted;
``intl_desk.bench.runner`` runs each in a fresh process for its peak memory. Reads run in
the background (see :mod:`intl_desk.ui.operations`), so each scenario runs the event loop
until the list shows the result the user asked for, then paints it, and stops the clock.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer, SignalInstance
from PySide6.QtWidgets import QApplication

from intl_desk.ui.import_wizard import ImportWizard
from intl_desk.ui.list_page import ListPage
from intl_desk.ui.main_window import MainWindow
from intl_desk.ui.operations import Operation

SEARCH_KEYSTROKES = ("b", "be", "bel", "belo", "belo ", "belo h", "belo ho")
TIMEOUT_MS = 60_000


def _wait(signals: tuple[SignalInstance, ...], done: Callable[[], bool]) -> None:
    """Run the event loop until ``done()``, checked whenever one of ``signals`` fires."""
    loop = QEventLoop()
    for signal in signals:
        signal.connect(loop.quit)
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    timer.start(TIMEOUT_MS)
    try:
        while not done():
            if not timer.isActive():
                raise RuntimeError("the window did not get there in time")
            loop.exec()
    finally:
        for signal in signals:
            signal.disconnect(loop.quit)


def _shows(page: ListPage, **wanted: str) -> Callable[[], bool]:
    """Whether the list shows the result of a query with the ``wanted`` fields."""

    def shows() -> bool:
        query = page.model.query
        return page.model.loaded and all(getattr(query, k) == v for k, v in wanted.items())

    return shows


def _app() -> QApplication:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    return app


def _until(done: Callable[[], bool]) -> None:
    """Run the event loop until ``done()``, checked every 10 ms."""
    ticks = QTimer()
    ticks.start(10)
    try:
        _wait((ticks.timeout,), done)
    finally:
        ticks.stop()


def _main_window() -> tuple[MainWindow, Operation[None]]:
    """The main window as the app starts it (:func:`intl_desk.ui.app.start_app`): on
    screen, then reading the place gazetteer in the background while a file opens. The
    scenarios left the gazetteer out until 2026-12-05, though the app holds it (35 MiB
    as City objects then, 6 as columns since): their peaks said less than the app's."""
    _app()
    window = MainWindow()
    window.resize(1280, 800)
    window.show()
    return window, window.warm_up_in_background()


def _warmed(warming: Operation[None]) -> None:
    """Once the gazetteer is read, as it is a moment after the app starts."""
    _until(lambda: not warming.running)


def _open(window: MainWindow, file: Path) -> ListPage:
    """Open ``file`` on the agreements list; return once the list shows its first rows."""
    page = window.list_pages["agreements"]
    if window.open_file(file, page="agreements") is None:
        raise RuntimeError(f"cannot open {file}")
    _wait(
        (window.file_opened, window.open_failed, page.refreshed),
        lambda: not window.opening and (window.office is None or page.model.loaded),
    )
    if window.office is None:
        raise RuntimeError(f"cannot open {file}")
    return page


def _window(file: Path) -> MainWindow:
    """A window on ``file`` whose agreements list is completely read, the gazetteer
    read too."""
    app = _app()
    window, warming = _main_window()
    page = _open(window, file)
    _wait((page.completed,), lambda: page.model.complete and not page.reading)
    _warmed(warming)
    app.processEvents()
    return window


def open_to_painted_list(file: Path) -> float:
    """From asking to open the file to the agreements list painted on screen (the
    gazetteer read meanwhile, as when the app starts on the file)."""
    app = _app()
    window, warming = _main_window()
    app.processEvents()
    started = time.perf_counter()
    _open(window, file)
    app.processEvents()
    window.grab()
    elapsed = time.perf_counter() - started
    _warmed(warming)
    return elapsed


def filter_per_keystroke(file: Path) -> float:
    """Median time from a key typed to the agreements list refreshed and painted."""
    window = _window(file)
    page = window.list_pages["agreements"]
    timings = []
    for text in SEARCH_KEYSTROKES:
        started = time.perf_counter()
        page.search_box.blockSignals(True)
        page.search_box.setText(text)
        page.search_box.blockSignals(False)
        page.apply_filters()
        _wait((page.refreshed,), _shows(page, search=text))
        page.table.viewport().repaint()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def sort_every_column(file: Path) -> float:
    """The slowest of sorting the full agreements list by each of its columns."""
    window = _window(file)
    page = window.list_pages["agreements"]
    slowest = 0.0
    for number, column in enumerate(page.spec.columns):
        started = time.perf_counter()
        page.model.sort(number)
        _wait((page.refreshed,), _shows(page, sort_key=column.key))
        page.table.viewport().repaint()
        slowest = max(slowest, time.perf_counter() - started)
    return slowest


def dashboard_filter_refresh(file: Path) -> float:
    """Median time from choosing a filter on the dashboard to the page repainted."""
    from intl_desk.core.reference import warm_up
    from intl_desk.store.office_file import OfficeFile
    from intl_desk.ui.dashboard.page import DashboardPage

    app = QApplication.instance() or QApplication([])
    warm_up()  # the gazetteer the app holds (see _main_window)
    with OfficeFile.open(file, read_only=True) as office:
        page = DashboardPage(office.session)
        page.resize(1100, 740)
        page.show()
        page.load()
        app.processEvents()
        changes = [
            (page.country_box, page.country_box.findData("PT")),
            (page.entity_box, 2),  # a region: everything under it
            (page.country_box, 0),
            (page.year_box, 1),
            (page.entity_box, 0),
            (page.year_box, 2),
        ]  # every combination new: none is answered from the dashboard's memory
        timings = []
        for box, index in changes:
            started = time.perf_counter()
            box.setCurrentIndex(max(index, 0))
            page.repaint()
            app.processEvents()
            timings.append(time.perf_counter() - started)
        page.close()
    return statistics.median(timings)


def drill_to_list(file: Path) -> float:
    """From a click on the overview's longest theme bar to the agreements behind it,
    every row read and the list painted (the overview and the list already read, as
    when a manager looks at the overview, then clicks)."""
    from intl_desk.ui.dashboard.install import open_drill

    app = _app()
    window = _window(file)
    page = window.overview.page
    page.load()
    app.processEvents()
    drill = page.themes.bars[0].drill if page.themes.bars else None
    if drill is None:
        raise RuntimeError("the overview shows no theme to click")
    agreements = window.list_pages["agreements"]
    wanted = drill.facet_dict()

    def shows_everything() -> bool:
        chosen = {key: value for key, value in agreements.model.query.facets.items() if value}
        return (
            chosen == wanted
            and agreements.model.complete
            and not agreements.reading
        )

    started = time.perf_counter()
    open_drill(window, drill)
    _wait((agreements.refreshed, agreements.completed), shows_everything)
    agreements.table.viewport().repaint()
    return time.perf_counter() - started


def _reaches(wizard: ImportWizard, step: int) -> Callable[[], bool]:
    return lambda: wizard.step == step


def _exported_agreements(file: Path, register: Path) -> int:
    """Export ``file``'s agreements to ``register`` with the command line, in its own
    process; the number of rows exported."""
    command = [sys.executable, "-m", "intl_desk", "--language", "en", "export", str(file)]
    done = subprocess.run(
        [*command, "--kind", "agreements", "-o", str(register)],
        capture_output=True, text=True, check=False,
    )
    said = re.search(r"Exported (\d+) row", done.stdout)
    if done.returncode != 0 or said is None:
        raise RuntimeError(f"the register could not be exported: {done.stdout}{done.stderr}")
    return int(said.group(1))


def import_state_register(file: Path) -> float:
    """A state moving its register in: ``file``'s agreements (20,000, exported to xlsx as
    the app writes them) imported through File › Import… into a new office file (File ›
    New, in the window's process), the window open on it — the columns read, every row
    checked, then written. The window's own memory is in the peak, which the bench's
    imports without a window leave out. The register is written by another process, as
    it comes to an office: exporting it here first left 2 MiB more in the peak."""
    import tempfile

    from intl_desk.store.office_file import OfficeFile
    from intl_desk.ui.import_steps import CHECK, COLUMNS, DONE
    from intl_desk.ui.import_wizard import start_import

    app = _app()
    with tempfile.TemporaryDirectory(prefix="intl-desk-bench-wizard-") as folder:
        register = Path(folder) / "acordos São João.xlsx"
        rows = _exported_agreements(file, register)
        new_file = Path(folder) / "Estado.sqlite"
        OfficeFile.create(new_file, "Estado", kind="state", own_entity="Governo").close()
        window, warming = _main_window()
        _open(window, new_file)
        _warmed(warming)
        wizard = start_import(window)
        if wizard is None:
            raise RuntimeError("File › Import… did not open the wizard")
        wizard.choose_file(register)
        app.processEvents()
        started = time.perf_counter()
        for step in (COLUMNS, CHECK, DONE):
            wizard.remember_box.setChecked(False)  # the columns never saved in the profile
            wizard.go_next()
            _wait((wizard.steps.currentChanged,), _reaches(wizard, step))
        elapsed = time.perf_counter() - started
        outcome = wizard.outcome
        if outcome is None or outcome.imported < rows * 0.99:
            raise RuntimeError(f"only {outcome and outcome.imported} of {rows} rows imported")
        wizard.close()
        window.close()
        app.processEvents()
    return elapsed
