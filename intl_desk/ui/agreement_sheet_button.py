"""A "Print sheet…" button for the agreement form: the one-page agreement sheet as PDF.

The form calls :func:`add_print_sheet_button` once (``intl_desk/ui/dialogs/agreement.py``
belongs to the forms; this module only adds to its button box). Unsaved changes are saved
first, since the sheet is read from the file; the file dialog and the viewer go through
:func:`ask_path` and :func:`show_pdf` so tests can replace them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QPushButton, QWidget

from intl_desk.core.i18n import _
from intl_desk.reports.agreement_sheet import print_agreement_sheet
from intl_desk.ui.pdf_output import suggested_pdf_name, write_pdf


def ask_path(parent: QWidget, suggested: str) -> Path | None:
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, _("Save the agreement sheet as PDF"), suggested, _("PDF documents (*.pdf)")
    )
    if not chosen:
        return None
    return Path(chosen if chosen.lower().endswith(".pdf") else f"{chosen}.pdf")


def show_pdf(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def add_print_sheet_button(dialog: Any) -> QPushButton:
    """Add the button to a :class:`~intl_desk.ui.record_dialog.RecordDialog` of an agreement."""
    button = QPushButton(_("Print sheet…"))
    button.setObjectName("printSheetButton")
    button.setToolTip(_("The agreement on one page, as PDF"))
    dialog.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
    button.clicked.connect(lambda: print_sheet(dialog))
    return button


def print_sheet(dialog: Any) -> Path | None:
    unsaved = dialog.has_changes or dialog.is_new
    if unsaved and (dialog.office.read_only or not dialog.save()):
        return None
    record = dialog.record
    path = ask_path(dialog, suggested_pdf_name(record.title, _("Agreement")))
    if path is None:
        return None
    office, agreement_id = dialog.office, record.id
    write_pdf(
        dialog,
        path,
        lambda target: print_agreement_sheet(office, agreement_id, target),
        lambda written: show_pdf(written),
    )
    return path
