"""Long work off the GUI thread: one helper with success/failure callbacks and progress.

Opening a file (integrity check, upgrade), reading a big list or saving many rows can take
seconds on a state's file; done on the GUI thread it would freeze the window. An
:class:`Operation` runs its ``work`` on a worker thread and calls ``success`` or
``failure`` back on the GUI thread (the pattern of Anki's ``aqt.operations``). While it
runs, a :class:`BusyIndicator` (the main window has one in its status bar) shows what is
being done once the work has lasted :data:`SHOW_AFTER_MS`, so quick work does not flicker.

The work runs in the language the user had when it started (``language_pinned``): a report
started in French stays French if the language is switched while it is written.

The work must not touch widgets, and must open its own database session: sessions and
SQLite connections belong to the thread that made them (the store hands out a new
connection per session, see :func:`intl_desk.store.connection.make_engine`).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QProgressBar, QWidget

from intl_desk.core import background
from intl_desk.core.errors import IntlDeskError
from intl_desk.core.i18n import N_, Message, _, current_language, language_pinned

T = TypeVar("T")
log = logging.getLogger(__name__)

#: work shorter than this shows no progress at all
SHOW_AFTER_MS = 200

#: operations between run() and their callback, so that none is collected meanwhile
_RUNNING: set[Operation[Any]] = set()


class Cancelled(Exception):
    """Raised inside work that noticed its result is no longer wanted."""


class Progress:
    """Handed to the work: report what is being done, notice a cancellation.

    Thread-safe: the work calls it on its worker thread, the indicator reads it on the GUI
    thread through a queued signal.
    """

    def __init__(self, relay: _Relay) -> None:
        self._relay = relay
        self._cancelled = threading.Event()
        self._lock = threading.Lock()
        self._on_cancel: list[Callable[[], object]] = []

    def update(self, text: str, done: int | None = None, total: int | None = None) -> None:
        self._relay.progressed.emit(text, -1 if done is None else done, total or 0)

    def cancel(self) -> None:
        with self._lock:  # held while calling back: see cancelling()
            self._cancelled.set()
            for callback in self._on_cancel:
                _quietly(callback)

    @contextmanager
    def cancelling(self, callback: Callable[[], object]) -> Iterator[None]:
        """Within the block, a cancellation also calls ``callback`` (from the cancelling
        thread), e.g. to interrupt the query the work is running. The callback is never
        called once the block has been left, so it may use what the block holds (a
        connection about to be closed)."""
        with self._lock:
            if self._cancelled.is_set():
                raise Cancelled
            self._on_cancel.append(callback)
        try:
            yield
        finally:
            with self._lock:
                self._on_cancel.remove(callback)

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def check(self) -> None:
        """Stop the work here if it has been cancelled."""
        if self._cancelled.is_set():
            raise Cancelled


def _quietly(callback: Callable[[], object]) -> None:
    try:
        callback()
    except Exception:  # e.g. interrupting a connection already closed: nothing to stop
        log.debug("cancel callback failed", exc_info=True)


class _Relay(QObject):
    """Lives on the GUI thread; signals emitted from the worker arrive there queued."""

    finished = Signal(object, object)  # result, exception
    progressed = Signal(str, int, int)


class BusyIndicator(QWidget):
    """A label and a progress bar, shown while at least one operation runs long enough.

    Several operations may run at once (a list query while a file opens): the indicator
    shows the latest one's text and stays until the last has finished.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("busyIndicator")
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(160)
        self.bar.setMaximumHeight(14)
        self.bar.setTextVisible(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        self._running: dict[int, str] = {}
        self._next = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SHOW_AFTER_MS)
        self._timer.timeout.connect(self._appear)
        self.hide()

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def begin(self, text: str) -> int:
        self._next += 1
        self._running[self._next] = text
        self.label.setText(text)
        self.bar.setRange(0, 0)  # busy until the work says how far it is
        if not self.isVisible() and not self._timer.isActive():
            self._timer.start()
        return self._next

    def progress(self, token: int, text: str, done: int, total: int) -> None:
        if token not in self._running:
            return
        self._running[token] = text or self._running[token]
        self.label.setText(self._running[token])
        if done >= 0 and total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
        else:
            self.bar.setRange(0, 0)

    def end(self, token: int) -> None:
        self._running.pop(token, None)
        if self._running:
            self.label.setText(list(self._running.values())[-1])
            return
        self._timer.stop()
        self.hide()

    def end_all(self) -> None:
        """Hide at once: the operations shown were cancelled (their results are dropped)."""
        self._running.clear()
        self._timer.stop()
        self.hide()

    def _appear(self) -> None:
        if self._running:
            self.show()


def _damaged_page(error: BaseException) -> bool:
    """SQLite met a damaged page while reading (a file opened read-only as damaged)."""
    cause = getattr(error, "orig", error)
    return isinstance(cause, sqlite3.DatabaseError) and "malformed" in str(cause)


def show_failure(parent: QWidget | None, title: str, error: BaseException) -> None:
    """Tell the user in one sentence; our typed errors carry a translated one."""
    if isinstance(error, IntlDeskError):
        text = str(error)
    elif _damaged_page(error):
        text = _(
            "This part of the file cannot be read: the file is damaged. Restore your latest "
            "backup copy to go on working."
        )
    else:
        log.error("background operation failed", exc_info=error)
        text = Message(
            N_("Something went wrong: {detail}"), {"detail": str(error) or type(error).__name__}
        ).render()
    QMessageBox.warning(parent, title, text)


class Operation(Generic[T]):
    """``work(progress)`` on a worker thread, then ``success(result)`` on the GUI thread.

    An exception from the work goes to ``failure`` (by default a warning box titled
    ``failure_title``), except :class:`Cancelled`, which is dropped silently, as is any
    result once :meth:`cancel` was called or the parent widget deleted; ``discard`` then
    receives the result, to release what it holds (or to say that the work was done
    before it could be stopped). ``stopped`` is called once a cancelled work has ended
    without a result, so a caller whose work cannot stop at once (a write taking back its
    rows) says "stopped" only when it is true. Keep a reference only to cancel it.
    """

    def __init__(
        self,
        parent: QWidget,
        work: Callable[[Progress], T],
        success: Callable[[T], Any],
        *,
        failure: Callable[[BaseException], Any] | None = None,
        label: str = "",
        indicator: BusyIndicator | None = None,
        failure_title: str = "",
        discard: Callable[[T], Any] | None = None,
        stopped: Callable[[], Any] | None = None,
    ) -> None:
        self._parent = parent
        self._work = work
        self._success = success
        self._failure = failure
        self._label = label or _("Working…")
        self._indicator = indicator
        self._failure_title = failure_title or _("Something went wrong")
        self._discard = discard
        self._stopped = stopped
        self._relay = _Relay()
        self._relay.finished.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        self.progress = Progress(self._relay)
        self._token: int | None = None
        self.running = False

    def run(self) -> Operation[T]:
        """Start the work and return at once."""
        self.running = True
        if self._indicator is not None:
            self._token = self._indicator.begin(self._label)
            self._relay.progressed.connect(self._progressed, Qt.ConnectionType.QueuedConnection)
        _RUNNING.add(self)
        background.submit(self._run_work, current_language())
        return self

    def cancel(self) -> None:
        """Forget the result (the work stops at its next ``progress.check()``)."""
        self.progress.cancel()

    def _progressed(self, text: str, done: int, total: int) -> None:
        if self._indicator is not None and self._token is not None:
            self._indicator.progress(self._token, text, done, total)

    def _run_work(self, language: str) -> None:
        try:
            with language_pinned(language):
                result: Any = self._work(self.progress)
        except BaseException as error:  # delivered to the GUI thread, shown or dropped there
            self._relay.finished.emit(None, error)
        else:
            self._relay.finished.emit(result, None)

    def _finished(self, result: Any, error: BaseException | None) -> None:
        self.running = False
        _RUNNING.discard(self)
        indicator = self._indicator
        if indicator is not None and self._token is not None and shiboken6.isValid(indicator):
            indicator.end(self._token)
        dropped_by_parent = not shiboken6.isValid(self._parent)
        dropped = self.progress.cancelled or dropped_by_parent
        if dropped or isinstance(error, Cancelled):  # cancelled, or the window was closed
            if error is None and self._discard is not None:
                self._discard(result)  # e.g. close the file opened meanwhile
            elif error is not None and self._stopped is not None and not dropped_by_parent:
                self._stopped()
            return
        if error is None:
            self._success(result)
        elif self._failure is not None:
            self._failure(error)
        else:
            show_failure(self._parent, self._failure_title, error)
