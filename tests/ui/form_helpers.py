"""What a person sees when a form refuses a save."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from intl_desk.ui.record_dialog import RecordDialog


def shown_messages(dialog: RecordDialog) -> list[str]:
    """Every error message on screen in the form: under fields, tables and at the bottom."""
    labels = [
        *dialog.error_labels.values(),
        *(panel.error_label for panel in dialog.panels),
        dialog.general_error,
    ]
    return [label.text() for label in labels if not label.isHidden() and label.text()]


def refused_save(qtbot: QtBot, dialog: RecordDialog) -> list[str]:
    """Click Save on a form that cannot be saved yet: nothing is written (a new record
    stays new) and the reasons are on screen."""
    new_before = dialog.is_new
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.is_new == new_before
    messages = shown_messages(dialog)
    assert messages, "the form refused to save without saying why"
    return messages


def message_under(dialog: RecordDialog, field: str) -> str:
    """The message shown under ``field`` ("" when none is shown)."""
    label = dialog.findChild(QLabel, f"{field}_error")
    return "" if label is None or label.isHidden() else label.text()
