"""A "Print sheet…" button for the local entity form: the entity's sheet as PDF (its
agreements, partners by country, signatures per year, projects and network roles), the
same page as in Reports › Sheet per local entity. For an entity with others under it (a
region) the sheets of every entity of its branch, with their contents page.

Unsaved changes are saved first, since the sheet is read from the file; the file dialog
and the viewer go through :func:`ask_path` and :func:`show_pdf` so tests can replace them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QPushButton, QWidget

from intl_desk.core.i18n import _
from intl_desk.reports.entity_sheets import print_entity_sheets
from intl_desk.ui.agreement_sheet_button import show_pdf as _show_pdf
from intl_desk.ui.pdf_output import suggested_pdf_name, write_pdf


def ask_path(parent: QWidget, suggested: str) -> Path | None:
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, _("Save the local entity's sheet as PDF"), suggested, _("PDF documents (*.pdf)")
    )
    if not chosen:
        return None
    return Path(chosen if chosen.lower().endswith(".pdf") else f"{chosen}.pdf")


def show_pdf(path: Path) -> None:
    _show_pdf(path)


def add_print_sheet_button(dialog: Any) -> QPushButton:
    """Add the button to a local entity's :class:`~intl_desk.ui.record_dialog.RecordDialog`."""
    button = QPushButton(_("Print sheet…"))
    button.setObjectName("printSheetButton")
    button.setToolTip(_("The local entity's sheet, as PDF"))
    dialog.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
    button.clicked.connect(lambda: print_sheet(dialog))
    return button


def print_sheet(dialog: Any) -> Path | None:
    unsaved = dialog.has_changes or dialog.is_new
    if unsaved and (dialog.office.read_only or not dialog.save()):
        return None
    record = dialog.record
    path = ask_path(dialog, suggested_pdf_name(record.name, _("Local entity")))
    if path is None:
        return None
    office, entity_id = dialog.office, record.id
    write_pdf(
        dialog,
        path,
        lambda target: print_entity_sheets(office, target, entity_id),
        lambda written: show_pdf(written),
    )
    return path
