"""What a list's row menu asks of the window: deleting the selected records and opening
a copy of one (exporting a selection is :mod:`intl_desk.ui.export_action`'s)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from intl_desk.core.display import first_few
from intl_desk.core.errors import IntlDeskError
from intl_desk.core.i18n import N_, Message, _, translate
from intl_desk.core.listing import LISTS
from intl_desk.core.records import delete_records, title_of
from intl_desk.ui.dialogs.registry import duplicate_record
from intl_desk.ui.record_dialog import RecordDialog

if TYPE_CHECKING:
    from intl_desk.ui.main_window import MainWindow

#: titles named in the confirmation before "and N more"
NAMED = 5


def connect_list_actions(window: MainWindow) -> None:
    for page in window.list_pages.values():
        page.delete_requested.connect(lambda kind, ids: delete_selected(window, kind, ids))
        page.duplicate_requested.connect(
            lambda kind, record_id: duplicate_record(window, kind, record_id)
        )


def delete_selected(window: MainWindow, kind: str, ids: list[str]) -> int:
    """Ask, then delete the records of ``ids`` in one transaction; returns how many were.

    A record open in a form is not deleted from under it: the form is brought forward
    and the person is told to close it first."""
    office = window.office
    if office is None or office.read_only or not ids:
        return 0
    for dialog in window.open_dialogs:
        if isinstance(dialog, RecordDialog) and dialog.isVisible() and dialog.record.id in ids:
            dialog.raise_()
            dialog.activateWindow()
            QMessageBox.information(
                window,
                _("Open in a form"),
                Message(
                    N_("“{title}” is open in a form: close it first, then delete."),
                    {"title": title_of(dialog.record)},
                ).render(),
            )
            return 0
    model = LISTS[kind].model
    with office.session() as session:
        records = [session.get(model, record_id) for record_id in ids]
        titles = [title_of(record) for record in records if record is not None]
    if not titles:
        return 0
    if not _confirmed(window, kind, titles):
        return 0
    try:
        with office.translate_errors(), office.session() as session:
            deleted = delete_records(session, model, ids)
            session.commit()
    except IntlDeskError as error:  # nothing was written: the list stays as it was
        QMessageBox.warning(window, _("Not deleted"), str(error))
        return 0
    window.reload()
    window.statusBar().showMessage(
        Message(
            N_("Deleted {count} record(s): they stay in the file's history."),
            {"count": len(deleted)},
        ).render(),
        8000,
    )
    return len(deleted)


def _confirmed(window: MainWindow, kind: str, titles: list[str]) -> bool:
    if len(titles) == 1:
        question = Message(
            N_(
                "Delete “{title}”? It stays in the file's history and can be merged "
                "with other copies of the file."
            ),
            {"title": titles[0]},
        ).render()
    else:
        named = first_few([f"• {title}" for title in titles], NAMED, "\n")
        question = Message(
            N_(
                "Delete these {count} {kind}? They stay in the file's history and can "
                "be merged with other copies of the file.\n\n{titles}"
            ),
            {
                "count": len(titles),
                "kind": translate(LISTS[kind].label).lower(),
                "titles": named,
            },
        ).render()
    answer = QMessageBox.question(window, _("Delete"), question)
    return answer == QMessageBox.StandardButton.Yes
