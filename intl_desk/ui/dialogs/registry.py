"""Which dialog opens which list's records (imported on first use)."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from intl_desk.core.i18n import _
from intl_desk.ui.record_dialog import RecordDialog

if TYPE_CHECKING:
    from intl_desk.ui.main_window import MainWindow

DIALOG_PATHS: dict[str, str] = {
    "agreements": "intl_desk.ui.dialogs.agreement:AgreementDialog",
    "projects": "intl_desk.ui.dialogs.project:ProjectDialog",
    "partners": "intl_desk.ui.dialogs.partner:PartnerDialog",
    "local_entities": "intl_desk.ui.dialogs.local_entity:LocalEntityDialog",
    "networks": "intl_desk.ui.dialogs.network:NetworkDialog",
    "activities": "intl_desk.ui.dialogs.activity:ActivityDialog",
    "indicators": "intl_desk.ui.dialogs.indicator:IndicatorDialog",
    "contacts": "intl_desk.ui.dialogs.contact:ContactDialog",
}


def dialog_class(kind: str) -> type[RecordDialog]:
    module_name, _sep, class_name = DIALOG_PATHS[kind].partition(":")
    cls = getattr(importlib.import_module(module_name), class_name)
    assert issubclass(cls, RecordDialog)
    return cls


def open_dialog(window: MainWindow, kind: str, record_id: str | None) -> RecordDialog | None:
    """Open the record's form, or bring forward the one already open: two forms of one
    record would let the older one save its stale values over the newer ones."""
    if window.office is None or kind not in DIALOG_PATHS:
        return None
    window.open_dialogs[:] = [d for d in window.open_dialogs if d.isVisible()]
    if record_id is not None:
        cls = dialog_class(kind)
        for dialog in window.open_dialogs:
            record = getattr(dialog, "record", None)
            if isinstance(dialog, cls) and getattr(record, "id", None) == record_id:
                dialog.raise_()
                dialog.activateWindow()
                return dialog
    try:
        dialog = dialog_class(kind)(window.office, record_id, window)
    except LookupError:
        _gone(window)
        return None
    _limit_to_scope(window, dialog)
    dialog.saved.connect(lambda _record_id: window.reload())
    _show(window, dialog)
    return dialog


def duplicate_record(window: MainWindow, kind: str, record_id: str) -> RecordDialog | None:
    """A new form holding a copy of the record (from a list's menu), as its form's
    Duplicate button makes it; nothing is written until the copy is saved."""
    if window.office is None or kind not in DIALOG_PATHS:
        return None
    cls = dialog_class(kind)
    try:
        source = cls(window.office, record_id, window)
    except LookupError:
        _gone(window)
        return None
    template = source.copy_template()
    source.done(0)  # never shown: only its session is let go
    source.deleteLater()
    copy = cls(window.office, None, window, template=template)
    copy.saved.connect(lambda _record_id: window.reload())
    _show(window, copy)
    return copy


def _limit_to_scope(window: MainWindow, dialog: RecordDialog) -> None:
    """A record out of the account's scope on the office server opens read-only, saying
    whose it is."""
    if dialog.is_new:
        return
    reason = window.server.write_refusal(dialog.model.__tablename__, dialog.record.id)
    if reason is not None:
        dialog.open_read_only(reason)


def _show(window: MainWindow, dialog: RecordDialog) -> None:
    """Show a form as one of the window's open forms (closed, with their questions,
    before the file is closed or the app quits)."""
    dialog.copied.connect(lambda copy: _show(window, copy))
    dialog.show()
    dialog.activateWindow()  # typing goes to the new form, whatever the window manager
    window.open_dialogs.append(dialog)


def _gone(window: MainWindow) -> None:
    QMessageBox.information(
        window, _("Not found"), _("This record has been deleted in the meantime.")
    )
    window.reload()


def register_all() -> None:
    from intl_desk.ui.main_window import RECORD_OPENERS

    for kind in DIALOG_PATHS:
        RECORD_OPENERS[kind] = open_dialog
