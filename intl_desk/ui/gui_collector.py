"""Python's cyclic garbage collector, run on the GUI thread only.

Python collects reference cycles in whichever thread happens to allocate when a threshold
is passed. On a worker thread a collection may destroy a Qt object's Python wrapper: Qt
then holds its signal lock while PySide waits for the interpreter lock, which the GUI
thread holds while it waits for that same Qt lock (``QStatusBar.showMessage`` connecting
a signal). Both stop for good. A test run hung so, a worker reading the window's rounds
panel while the GUI thread showed "Calendar written…", until the watchdog ended it.

In the window's process automatic collection is therefore off, and a timer on the GUI
thread collects each generation when CPython would have (its thresholds, checked twice a
second). Workers allocate and free as before; reference counting still frees everything
that is not in a cycle at once.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

#: how often the GUI thread looks whether a collection is due
INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect_if_due)
        self._timer.start(INTERVAL_MS)

    def collect_if_due(self) -> None:
        """Collect the oldest generation whose count passed its threshold, if any."""
        gc.disable()  # kept off: a `collector_paused` block may have enabled it again
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self._thresholds[generation]:
                gc.collect(generation)
                return

    def stop(self) -> None:
        """Automatic collection again, in any thread (for a process that closes its
        windows and goes on)."""
        self._timer.stop()
        gc.enable()


_COLLECTOR: GuiThreadCollector | None = None


def collect_on_gui_thread() -> GuiThreadCollector | None:
    """Have only the GUI thread collect from now on (once per process); None without a
    Qt application."""
    global _COLLECTOR
    app = QCoreApplication.instance()
    if app is None:
        return None
    if _COLLECTOR is None:
        _COLLECTOR = GuiThreadCollector(app)
    return _COLLECTOR


def stop_collecting_on_gui_thread() -> None:
    """Automatic collection again, in any thread, until a window asks otherwise (the
    tests' process, whose next test may be a command that expects it on)."""
    global _COLLECTOR
    if _COLLECTOR is not None:
        _COLLECTOR.stop()
        _COLLECTOR.deleteLater()
        _COLLECTOR = None
