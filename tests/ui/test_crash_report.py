"""An unexpected error shows a report the user can copy, kept in their data folder."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from intl_desk import __version__
from intl_desk.ui import crash_report
from intl_desk.ui.crash_report import CrashDialog


def broken_save() -> None:
    raise ValueError("budget line for Łódź has no year")


def raised() -> ValueError:
    try:
        broken_save()
    except ValueError as error:
        return error
    raise AssertionError("broken_save did not raise")


def test_the_report_names_the_version_the_error_and_where_it_happened() -> None:
    report = crash_report.build_report(raised())
    assert f"Intl Desk {__version__}" in report
    assert "ValueError: budget line for Łódź has no year" in report
    assert "broken_save" in report


def test_an_unexpected_error_is_logged_and_shown(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(crash_report, "user_data_dir", lambda: tmp_path)
    shown: list[CrashDialog] = []

    def capture(dialog: CrashDialog) -> int:
        qtbot.addWidget(dialog)
        shown.append(dialog)
        return 0

    monkeypatch.setattr(CrashDialog, "exec", capture)
    error = raised()
    crash_report.handle_exception(type(error), error, error.__traceback__)

    log = (tmp_path / crash_report.LOG_NAME).read_text(encoding="utf-8")
    assert "budget line for Łódź has no year" in log
    (dialog,) = shown
    assert "budget line for Łódź has no year" in dialog.details.toPlainText()
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == dialog.report


def test_installing_replaces_the_excepthook(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.__excepthook__)
    crash_report.install()
    assert sys.excepthook is crash_report.handle_exception


def test_a_log_that_cannot_be_written_still_shows_the_dialog(tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the folder should be")
    assert crash_report.write_report("report", blocked) is None
