"""Background operations: work off the GUI thread, callbacks on it, progress, errors."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from intl_desk.core.display import date_text
from intl_desk.core.i18n import _, set_language
from intl_desk.store.errors import CorruptFile
from intl_desk.ui.operations import BusyIndicator, Cancelled, Operation, Progress


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_work_runs_off_the_gui_thread_and_success_on_it(parent: QWidget, qtbot: QtBot) -> None:
    threads: dict[str, threading.Thread] = {}
    results: list[int] = []

    def work(progress: Progress) -> int:
        threads["work"] = threading.current_thread()
        return 42

    def success(value: int) -> None:
        threads["success"] = threading.current_thread()
        results.append(value)

    Operation(parent, work, success).run()
    assert results == []  # run() returns at once; the result arrives through the event loop
    qtbot.waitUntil(lambda: results == [42])
    assert threads["work"] is not threading.main_thread()
    assert threads["success"] is threading.main_thread()


def test_a_failure_is_shown_as_a_message(
    parent: QWidget, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        "intl_desk.ui.operations.QMessageBox.warning",
        lambda _parent, title, text: shown.append((title, text)),
    )

    def broken(progress: Progress) -> None:
        raise CorruptFile(Path("/shares/ri/office.sqlite"), detail="page 7")

    def buggy(progress: Progress) -> None:
        raise ValueError("no such column")

    Operation(parent, broken, lambda _result: None, failure_title="Cannot read").run()
    qtbot.waitUntil(lambda: len(shown) == 1)
    assert shown[0][0] == "Cannot read"
    assert "office.sqlite" in shown[0][1] and "Traceback" not in shown[0][1]
    Operation(parent, buggy, lambda _result: None).run()
    qtbot.waitUntil(lambda: len(shown) == 2)
    assert shown[1] == ("Something went wrong", "Something went wrong: no such column")


def test_a_failure_callback_replaces_the_message(parent: QWidget, qtbot: QtBot) -> None:
    errors: list[BaseException] = []

    def broken(progress: Progress) -> None:
        raise OSError("share unplugged")

    Operation(parent, broken, lambda _result: None, failure=errors.append).run()
    qtbot.waitUntil(lambda: len(errors) == 1)
    assert str(errors[0]) == "share unplugged"


def test_cancelled_work_delivers_nothing(parent: QWidget, qtbot: QtBot) -> None:
    release = threading.Event()
    started = threading.Event()
    stopped = threading.Event()
    delivered: list[object] = []
    interrupted: list[bool] = []

    def work(progress: Progress) -> str:
        with progress.cancelling(lambda: interrupted.append(True)):
            started.set()
            release.wait(5)
        try:
            progress.check()
        except Cancelled:
            stopped.set()
            raise
        return "stale"

    operation = Operation(parent, work, delivered.append).run()
    qtbot.waitUntil(started.is_set)
    operation.cancel()
    assert interrupted == [True]  # e.g. a query interrupted at once
    release.set()
    qtbot.waitUntil(lambda: not operation.running)
    assert stopped.is_set() and delivered == []


def test_progress_shows_only_for_long_work(parent: QWidget, qtbot: QtBot) -> None:
    indicator = BusyIndicator(parent)
    parent.show()
    release = threading.Event()
    done: list[str] = []

    def long_work(progress: Progress) -> str:
        progress.update("Checking office.sqlite…", 3, 10)
        release.wait(10)
        return "opened"

    Operation(parent, lambda _p: "quick", done.append, indicator=indicator).run()
    qtbot.waitUntil(lambda: done == ["quick"])
    assert indicator.isHidden() and not indicator.busy

    Operation(parent, long_work, done.append, label="Opening…", indicator=indicator).run()
    assert indicator.busy
    qtbot.waitUntil(indicator.isVisible)  # after SHOW_AFTER_MS
    qtbot.waitUntil(lambda: indicator.label.text() == "Checking office.sqlite…")
    assert (indicator.bar.value(), indicator.bar.maximum()) == (3, 10)
    release.set()
    qtbot.waitUntil(lambda: done == ["quick", "opened"])
    assert indicator.isHidden() and not indicator.busy


def test_work_keeps_the_language_it_was_started_in(parent: QWidget, qtbot: QtBot) -> None:
    """A report started in French stays French when the user switches to Portuguese
    while it is being written (the language menu calls ``set_language``)."""
    set_language("fr")
    started, switched = threading.Event(), threading.Event()
    written: list[str] = []

    def write_report(progress: Progress) -> str:
        started.set()
        switched.wait(timeout=5)
        return f"{_('Agreements')} · {date_text(date(2026, 3, 15))}"

    Operation(parent, write_report, written.append).run()
    assert started.wait(timeout=5)
    set_language("pt")
    switched.set()
    qtbot.waitUntil(lambda: len(written) == 1)
    assert written == ["Accords · 15 mars 2026"]
    assert _("Agreements") == "Acordos"  # the screen follows the new choice
