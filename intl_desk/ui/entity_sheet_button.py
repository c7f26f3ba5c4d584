"""A "Print sheet…" button for the local entity form: the entity's sheet as PDF (its
agreements, partners by country, signatures per year, projects and network roles), the
same page as in Reports › Sheet per local entity. For an entity with others under it (a
region) the sheets of every entity of its branch, with their contents page.

The button itself is :mod:`intl_desk.ui.sheet_button`'s; :func:`ask_path` and
:func:`show_pdf` are here for tests to replace.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QPushButton, QWidget

from intl_desk.core.i18n import _
from intl_desk.reports.entity_sheets import print_entity_sheets
from intl_desk.ui.sheet_button import add_sheet_button, ask_pdf_path, open_pdf, print_record_sheet


def ask_path(parent: QWidget, suggested: str) -> Path | None:
    return ask_pdf_path(parent, _("Save the local entity's sheet as PDF"), suggested)


def show_pdf(path: Path) -> None:
    open_pdf(path)


def add_print_sheet_button(dialog: Any) -> QPushButton:
    return add_sheet_button(dialog, _("The local entity's sheet, as PDF"), print_sheet)


def print_sheet(dialog: Any) -> Path | None:
    return print_record_sheet(
        dialog,
        lambda record: record.name,
        _("Local entity"),
        lambda parent, name: ask_path(parent, name),
        lambda office, record_id, target: print_entity_sheets(office, target, record_id),
        lambda written: show_pdf(written),
    )
