"""A "Print sheet…" button for the agreement form: the one-page agreement sheet as PDF.

The form calls :func:`add_print_sheet_button` once; the button itself is
:mod:`intl_desk.ui.sheet_button`'s. :func:`ask_path` and :func:`show_pdf` are here for
tests to replace.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QPushButton, QWidget

from intl_desk.core.i18n import _
from intl_desk.reports.agreement_sheet import print_agreement_sheet
from intl_desk.ui.sheet_button import add_sheet_button, ask_pdf_path, open_pdf, print_record_sheet


def ask_path(parent: QWidget, suggested: str) -> Path | None:
    return ask_pdf_path(parent, _("Save the agreement sheet as PDF"), suggested)


def show_pdf(path: Path) -> None:
    open_pdf(path)


def add_print_sheet_button(dialog: Any) -> QPushButton:
    return add_sheet_button(dialog, _("The agreement on one page, as PDF"), print_sheet)


def print_sheet(dialog: Any) -> Path | None:
    return print_record_sheet(
        dialog,
        lambda record: record.title,
        _("Agreement"),
        lambda parent, name: ask_path(parent, name),
        lambda office, record_id, target: print_agreement_sheet(office, record_id, target),
        lambda written: show_pdf(written),
    )
