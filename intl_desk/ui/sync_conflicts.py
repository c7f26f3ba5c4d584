"""The conflicts of a synchronisation, in the same per-field dialog as merging two files.

The server has kept the value it received first (already in this file); for each
conflict the person may keep their own value instead. Those are written into the file as
new changes (:func:`intl_desk.sync.conflicts.keep_mine`) and sent at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog

from intl_desk.core.i18n import N_, _
from intl_desk.store.merge import MergeReport
from intl_desk.store.merge.plan import Conflict
from intl_desk.ui.merge_dialog import ConflictWording, MergeDialog
from intl_desk.ui.operations import Operation

if TYPE_CHECKING:
    from intl_desk.ui.server_connection import ServerConnection

SERVER_WORDING = ConflictWording(
    this_column=N_("Your value"),
    other_column=N_("Kept by the server"),
    keep_this=N_("Your value"),
    keep_other=N_("The server's value"),
    hint=N_(
        "Someone else changed the same field before your change reached the office "
        "server, which kept theirs. Choose the value to keep: yours is sent to the server "
        "again; the other value stays in the record's history."
    ),
    accept=N_("Keep these values"),
    default="other",
)


def review_conflicts(connection: ServerConnection) -> MergeDialog | None:
    """Open the dialog (window-modal, not blocking); its OK writes the choices."""
    conflicts = list(connection.conflicts)
    if not conflicts:
        return None
    report = MergeReport(
        conflicts=[
            Conflict(item.table, item.record_id, item.label, item.field, item.yours, item.kept)
            for item in conflicts
        ]
    )
    dialog = MergeDialog(
        connection.window,
        report,
        None,
        title=_("Conflicts with the office server"),
        wording=SERVER_WORDING,
    )
    dialog.setObjectName("syncConflictsDialog")

    def chosen(result: int) -> None:
        if result != QDialog.DialogCode.Accepted:
            return
        mine = [item for row, item in enumerate(conflicts) if dialog.kept(row) == "this"]
        connection.conflicts_resolved(conflicts)
        office = connection.window.office
        if not mine or office is None:
            return
        from intl_desk.sync.conflicts import keep_mine

        Operation(
            connection.window,
            lambda _progress: keep_mine(office, mine),
            lambda _written: _written_back(connection),
            label=_("Keeping your values…"),
            indicator=connection.window.busy,
            failure_title=_("Cannot keep your values"),
        ).run()

    dialog.finished.connect(chosen)
    dialog.open()
    return dialog


def _written_back(connection: ServerConnection) -> None:
    connection.window.reload()  # the forms and lists show the values kept
    connection.sync_now(automatic=False)
