"""The "Print sheet…" button of a record form: the record's sheet as PDF, then opened.

Unsaved changes are saved first, since the sheet is read from the file. Each form's own
module (``agreement_sheet_button``, ``entity_sheet_button``) says which sheet, under which
title, and keeps its ``ask_path``/``show_pdf`` for tests to replace.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QPushButton, QWidget

from intl_desk.core.i18n import _
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui.pdf_output import suggested_pdf_name, write_pdf

#: writes the sheet of (office, record id) to a path
SheetWriter = Callable[[OfficeFile, str, Path], object]


def ask_pdf_path(parent: QWidget, title: str, suggested: str) -> Path | None:
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, title, suggested, _("PDF documents (*.pdf)")
    )
    if not chosen:
        return None
    return Path(chosen if chosen.lower().endswith(".pdf") else f"{chosen}.pdf")


def open_pdf(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def add_sheet_button(
    dialog: Any, tooltip: str, print_sheet: Callable[[Any], Path | None]
) -> QPushButton:
    """Add the button to a :class:`~intl_desk.ui.record_dialog.RecordDialog`."""
    button = QPushButton(_("Print sheet…"))
    button.setObjectName("printSheetButton")
    button.setToolTip(tooltip)
    dialog.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
    button.clicked.connect(lambda: print_sheet(dialog))
    return button


def print_record_sheet(
    dialog: Any,
    name: Callable[[Any], str],
    kind_label: str,
    ask: Callable[[QWidget, str], Path | None],
    write: SheetWriter,
    show: Callable[[Path], None],
) -> Path | None:
    """Save what is unsaved, ask where, write the sheet off the GUI thread, show it."""
    unsaved = dialog.has_changes or dialog.is_new
    if unsaved and (dialog.office.read_only or not dialog.save()):
        return None
    record = dialog.record
    path = ask(dialog, suggested_pdf_name(name(record), kind_label))
    if path is None:
        return None
    office, record_id = dialog.office, record.id
    write_pdf(dialog, path, lambda target: write(office, record_id, target), show)
    return path
