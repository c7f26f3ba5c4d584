"""What the window asks when the office file is being edited elsewhere, and warns about.

Opening for editing fails with :class:`FileLocked` when another program holds the file's
lock (see :mod:`intl_desk.store.lock`). Instead of a dead end the user is told who has it
and since when, and offered to open it read-only. When the lock comes from another
computer, whose programs this one cannot see, they may also take it over: they are the
only one who can know that the colleague's computer crashed or was switched off.

A file on a network share or in a cloud-sync folder opens normally; the status bar says
why that place is risky.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal, Protocol

from PySide6.QtWidgets import QAbstractButton, QMainWindow, QMessageBox, QWidget

from intl_desk.core.i18n import _
from intl_desk.store.errors import FileLocked, FileLockedElsewhere
from intl_desk.store.lock import break_lock
from intl_desk.store.office_file import OfficeFile

Choice = Literal["read_only", "take_over", "cancel"]
WARNING_SHOWN_MS = 20_000


class Opener(Protocol):
    def open_file(self, path: Path, read_only: bool = False) -> object: ...


def lock_box(
    parent: QWidget | None, error: FileLocked
) -> tuple[QMessageBox, dict[Choice, QAbstractButton]]:
    """The question, with one button per choice (take-over only for another computer)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_("The file is being edited"))
    box.setText(str(error))
    box.setInformativeText(
        _("Read-only, you can look at everything, print reports and save a copy, but not edit.")
    )
    read_only = box.addButton(_("Open read-only"), QMessageBox.ButtonRole.AcceptRole)
    buttons: dict[Choice, QAbstractButton] = {"read_only": read_only}
    if isinstance(error, FileLockedElsewhere):
        buttons["take_over"] = box.addButton(
            _("Take over editing"), QMessageBox.ButtonRole.DestructiveRole
        )
    buttons["cancel"] = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(read_only)
    return box, buttons


def ask(parent: QWidget | None, error: FileLocked) -> Choice:
    box, buttons = lock_box(parent, error)
    box.exec()
    clicked = box.clickedButton()
    return next((choice for choice, button in buttons.items() if button is clicked), "cancel")


def retry_when_locked(window: Opener, path: Path, error: BaseException) -> bool | None:
    """None when ``error`` is not about the lock; else whether another opening was started
    (read-only, or for editing after a confirmed take-over)."""
    if not isinstance(error, FileLocked):
        return None
    choice = ask(window if isinstance(window, QWidget) else None, error)
    if choice == "read_only":
        window.open_file(path, read_only=True)
        return True
    if choice == "take_over" and error.holder is not None:
        break_lock(path, error.holder)
        window.open_file(path)
        return True
    return False


def show_location_warning(window: QMainWindow, office: OfficeFile) -> None:
    """Say in the status bar when the file lives on a share or in a cloud-sync folder."""
    warning = office.location_warning()
    if warning is not None:
        window.statusBar().showMessage(warning.render(), WARNING_SHOWN_MS)
