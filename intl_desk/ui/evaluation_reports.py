"""The yearly and handover reports from the app: a Reports menu in the main window.

Each action asks what it needs (the year; where to save), writes the PDF with the same
code as ``intl-desk report yearly|handover`` and opens it. The questions go through small
functions (:func:`ask_year`, :func:`ask_path`, :func:`show_pdf`) that tests replace.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from intl_desk.core.i18n import N_, Message, _
from intl_desk.ui import settings as options
from intl_desk.ui.pdf_output import write_pdf

if TYPE_CHECKING:
    from intl_desk.ui.main_window import MainWindow


def ask_year(window: MainWindow) -> int | None:
    year, ok = QInputDialog.getInt(
        window, _("Yearly report"), _("Year reported on:"), date.today().year - 1, 1900, 2200
    )
    return year if ok else None


def ask_path(window: MainWindow, title: str, suggested: str) -> Path | None:
    chosen, _filter = QFileDialog.getSaveFileName(
        window, title, suggested, _("PDF documents (*.pdf)")
    )
    if not chosen:
        return None
    return Path(chosen if chosen.lower().endswith(".pdf") else f"{chosen}.pdf")


def replace_beside(window: MainWindow, workbook: Path) -> bool:
    """The save dialog asked about the PDF only: a workbook of the same name beside it
    is replaced only when the person says so."""
    if not workbook.exists():
        return True
    answer = QMessageBox.question(
        window,
        _("Handover report"),
        Message(
            N_(
                "The handover's full lists are written beside it as “{workbook}”, and a file "
                "of that name is already there. Replace it?"
            ),
            {"workbook": workbook.name},
        ).render(),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def show_pdf(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def yearly_report(window: MainWindow) -> Path | None:
    from intl_desk.reports.saving import save_yearly

    if window.office is None:
        window.statusBar().showMessage(_("Open an office file first."), 5000)
        return None
    year = ask_year(window)
    if year is None:
        return None
    suggested = Message(N_("Yearly report {year}.pdf"), {"year": year}).render()
    path = ask_path(window, _("Save the yearly report as PDF"), suggested)
    office = window.office
    approved_only = options.APPROVED_ONLY.get(options.app_settings())
    connected = window.server.connected

    def save(target: Path) -> Path:
        as_of = None
        if connected:  # a cloned file: the figures are the office's as of the last sync
            from intl_desk.sync.as_of import file_as_of

            as_of = file_as_of(office)
        return save_yearly(office, year, target, approved_only=approved_only, as_of=as_of)

    return _write(window, path, save)


def handover_report(window: MainWindow) -> Path | None:
    from intl_desk.reports.saving import handover_workbook_path, save_handover

    if window.office is None:
        window.statusBar().showMessage(_("Open an office file first."), 5000)
        return None
    path = ask_path(window, _("Save the handover report as PDF"), _("Handover report.pdf"))
    if path is not None and not replace_beside(window, handover_workbook_path(path)):
        return None
    office = window.office

    def saved(result: Path) -> str:  # the full lists are written beside it
        return Message(
            N_("Handover report written to {file}, its full lists to {workbook}."),
            {"file": str(result), "workbook": str(handover_workbook_path(result))},
        ).render()

    return _write(window, path, lambda target: save_handover(office, target), saved)


def entity_sheets_report(window: MainWindow) -> Path | None:
    from intl_desk.reports.entity_sheets import print_entity_sheets

    if window.office is None:
        window.statusBar().showMessage(_("Open an office file first."), 5000)
        return None
    path = ask_path(window, _("Save the sheets per local entity as PDF"), _("Local entities.pdf"))
    office = window.office
    return _write(window, path, lambda target: print_entity_sheets(office, target))


def _write(
    window: MainWindow,
    path: Path | None,
    write: Callable[[Path], object],
    saved: Callable[[Path], str] | None = None,
) -> Path | None:
    """Write in the background (seconds for a state's yearly report), then open it;
    ``saved`` says what was written, when more than the PDF."""
    if path is None:
        return None

    def written(result: Path) -> None:
        message = (
            saved(result)
            if saved is not None
            else Message(N_("Report saved as {file}."), {"file": str(result)}).render()
        )
        window.statusBar().showMessage(message, 5000)
        show_pdf(result)

    write_pdf(window, path, write, written)
    return path
