"""When something breaks: a dialog with a copyable report, and the report kept on disk.

Installed as ``sys.excepthook`` by :func:`intl_desk.ui.app.run_app`. An exception that
escapes a slot would otherwise be printed to a console nobody sees (the windowed app has
none) or end the process. The office file needs no rescue here: every change is written
in one transaction when the user saves, so an error can lose at most the form being
edited, never what is in the file; the dialog says so.
"""

from __future__ import annotations

import platform
import sys
import traceback
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intl_desk import __version__
from intl_desk.core.i18n import N_, Message, _
from intl_desk.paths import user_data_dir

LOG_NAME = "intl-desk.log"


def build_report(error: BaseException, when: datetime | None = None) -> str:
    """The text a user pastes into an e-mail to whoever supports them."""
    moment = (when or datetime.now()).isoformat(timespec="seconds")
    lines = [
        f"Intl Desk {__version__} — {moment}",
        f"{platform.platform()} · Python {platform.python_version()} · "
        f"Qt {qVersion()} · PySide6 {pyside_version}",
        "",
        "".join(traceback.format_exception(error)).rstrip(),
    ]
    return "\n".join(lines) + "\n"


def write_report(report: str, folder: Path | None = None) -> Path | None:
    """Append the report to the log in the user's data folder; None if that fails too."""
    try:
        log = (folder or user_data_dir()) / LOG_NAME
        with log.open("a", encoding="utf-8") as handle:
            handle.write("--- " + report)
        return log
    except OSError:
        return None


class CrashDialog(QDialog):
    """Says what happened in plain words, shows the report and copies it."""

    def __init__(self, report: str, log: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Unexpected error"))
        self.report = report
        intro = QLabel(
            Message(
                N_(
                    "Intl Desk met an unexpected error. Everything you had saved is safe in "
                    "the office file; changes not yet saved in an open form may be lost.\n\n"
                    "Please send the report below to whoever supports Intl Desk in your "
                    "office. It is also kept in {log}."
                ),
                {"log": str(log) if log else _("(the log could not be written)")},
            ).render()
        )
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QPlainTextEdit(report)
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.copy_button = QPushButton(_("Copy the report"))
        self.copy_button.clicked.connect(self.copy_report)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(720, 460)

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report)
        self.copy_button.setText(_("Copied"))


def handle_exception(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    """``sys.excepthook`` of the windowed app."""
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, trace)
        return
    report = build_report(error.with_traceback(trace))
    log = write_report(report)
    CrashDialog(report, log).exec()  # top-level: the window that broke may be unusable


def install() -> None:
    sys.excepthook = handle_exception
