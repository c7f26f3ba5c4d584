"""Which dialog opens which list's records."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from intl_desk.core.i18n import _
from intl_desk.ui.record_dialog import RecordDialog

if TYPE_CHECKING:
    from intl_desk.ui.main_window import MainWindow

DIALOGS: dict[str, type[RecordDialog]] = {}


def _dialogs() -> dict[str, type[RecordDialog]]:
    if not DIALOGS:
        from intl_desk.ui.dialogs.partner import PartnerDialog

        DIALOGS.update({"partners": PartnerDialog})
    return DIALOGS


def open_dialog(window: MainWindow, kind: str, record_id: str | None) -> RecordDialog | None:
    dialog_class = _dialogs().get(kind)
    if dialog_class is None or window.office is None:
        return None
    try:
        dialog = dialog_class(window.office, record_id, window)
    except LookupError:
        QMessageBox.information(
            window, _("Not found"), _("This record has been deleted in the meantime.")
        )
        window.reload()
        return None
    dialog.saved.connect(lambda _record_id: window.reload())
    dialog.show()
    window.open_dialogs.append(dialog)
    return dialog


def register_all() -> None:
    from intl_desk.ui.main_window import RECORD_OPENERS

    for kind in _dialogs():
        RECORD_OPENERS[kind] = open_dialog
