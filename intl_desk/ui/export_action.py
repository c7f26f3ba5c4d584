"""Export…: the list on screen, with its search and filters, to xlsx or csv (IATI for projects).

The rows are exactly the page's (its :meth:`~intl_desk.ui.list_page.ListPage.current_query`
and the list's columns), written off the GUI thread with a session of the work's own.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QMessageBox, QPushButton, QWidget

from intl_desk.core.i18n import N_, Message, _
from intl_desk.exchange.export import export_format, export_list
from intl_desk.exchange.iati import IatiExport, export_iati
from intl_desk.ui.list_page import ListPage
from intl_desk.ui.operations import Operation


def _filters(kind: str, selection: bool = False) -> str:
    choices = [_("Excel workbook (*.xlsx)"), _("CSV, for any spreadsheet (*.csv)")]
    if kind == "projects" and not selection:
        choices.append(_("IATI activity file (*.xml)"))
    return ";;".join(choices)


def export_page(
    page: ListPage,
    parent: QWidget,
    sessions: Callable[[], Session],
    path: Path | None = None,
    *,
    indicator: Any = None,
    ids: list[str] | None = None,
) -> Operation[Any] | None:
    """Ask where (unless ``path`` is given), then write the page's current rows (or the
    selected ones, ``ids``) there, reading them in a session of ``sessions`` on a
    worker thread."""
    if path is None:
        name = f"{_(page.spec.label)} {date.today().isoformat()}.xlsx"
        title = _("Export the selection") if ids is not None else _("Export this list")
        chosen, selected = QFileDialog.getSaveFileName(
            parent, title, name, _filters(page.spec.kind, ids is not None)
        )
        if not chosen:
            return None
        path = Path(chosen)
        if not path.suffix:
            path = path.with_suffix(
                ".xml" if "xml" in selected else ".csv" if "csv" in selected else ".xlsx"
            )
    target, query, kind = path, page.current_query(), page.spec.kind
    chosen_format = export_format(target)

    def run(prefix: bool) -> Operation[Any]:
        def work(progress: object) -> tuple[str, list[str], IatiExport | None]:
            with sessions() as session:
                if chosen_format == "iati" and kind == "projects" and ids is None:
                    result = export_iati(session, target, query, prefix_identifiers=prefix)
                    return (
                        Message(
                            N_("Wrote {count} IATI activities to {file}."),
                            {"count": result.activities, "file": target.name},
                        ).render(),
                        [warning.render() for warning in result.warnings],
                        result,
                    )
                beside: list[Path] = []
                count = export_list(session, kind, target, query, ids=ids, beside=beside)
            return (exported_text(count, _(page.spec.label), target, beside), [], None)

        def done(outcome: tuple[str, list[str], IatiExport | None]) -> None:
            text, warnings, iati = outcome
            bar = getattr(parent, "statusBar", None)
            if bar is not None:
                bar().showMessage(text, 10_000)
            if iati is not None and iati.unprefixed and not prefix and ask_prefix(parent, iati):
                run(prefix=True)  # written again, with the office's identifier in front
                return
            if warnings:
                _show_warnings(parent, text, warnings)

        return Operation(
            parent,
            work,
            done,
            label=Message(N_("Exporting to {file}…"), {"file": target.name}).render(),
            indicator=indicator,
            failure_title=_("Cannot export"),
        ).run()

    return run(prefix=False)


def exported_text(count: int, kind: str, target: Path, beside: list[Path]) -> str:
    """What an export says when done: its rows and file, and the files a csv has beside
    it (what one row cannot hold)."""
    said = Message(
        N_("Exported {count} row(s) of {kind} to {file}."),
        {"count": count, "kind": kind, "file": target.name},
    ).render()
    if beside:
        said += " " + Message(
            N_("What one row cannot hold is in the files beside it: {files}."),
            {"files": ", ".join(path.name for path in beside)},
        ).render()
    return said


def ask_prefix(parent: QWidget, result: IatiExport) -> bool:
    """Offer to put the office's organisation identifier in front of the activities'
    identifiers that lack it (in the file; the projects keep their own)."""
    answer = QMessageBox.question(
        parent,
        _("Before publishing this file"),
        Message(
            N_(
                "{count} activity(ies) have an identifier that does not begin with the "
                "office's “{ref}-”, as IATI requires. Write the file again with “{ref}-” in "
                "front of them? The projects keep their own identifiers."
            ),
            {"count": result.unprefixed, "ref": result.ref},
        ).render(),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes


def _show_warnings(parent: QWidget, text: str, warnings: list[str]) -> None:
    """What to correct before publishing, in a box that does not block the window."""
    box = QMessageBox(parent)
    box.setObjectName("exportWarnings")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_("Before publishing this file"))
    box.setText(text)
    box.setInformativeText("\n\n".join(warnings))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


def export_current_list(window: Any) -> Operation[Any] | None:
    """File › Export this list…: the list page on screen, if one is."""
    page = window.pages.currentWidget()
    if window.office is None or not isinstance(page, ListPage):
        window.statusBar().showMessage(_("Show a list first: its rows are what is exported."), 5000)
        return None
    return export_page(page, window, window.session, indicator=getattr(window, "busy", None))


def _header_row(page: ListPage) -> QHBoxLayout | None:
    """The row holding the page's "New…" button."""
    outer = page.layout()
    if outer is None:
        return None
    for index in range(outer.count()):
        item = outer.itemAt(index)
        row = item.layout() if item is not None else None
        if isinstance(row, QHBoxLayout) and row.indexOf(page.new_button) >= 0:
            return row
    return None


def add_export_buttons(window: Any) -> None:
    """An "Export…" button beside each list's "New…" button."""
    for page in window.list_pages.values():
        row = _header_row(page)
        if row is None:
            continue
        button = QPushButton(_("Export…"))
        button.setObjectName("exportButton")
        button.setToolTip(_("Export the rows shown, with this search and these filters"))
        button.clicked.connect(
            lambda _checked=False, p=page: export_page(
                p, window, window.session, indicator=getattr(window, "busy", None)
            )
        )
        row.insertWidget(row.indexOf(page.new_button), button)
        page.export_requested.connect(
            lambda ids, p=page: export_page(
                p, window, window.session, indicator=getattr(window, "busy", None), ids=ids
            )
        )
