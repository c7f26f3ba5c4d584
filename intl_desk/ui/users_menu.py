"""Office › Users and roles…, shown to administrators of the office server the open file is
connected to (the window's server connection says who is signed in, with which role)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from intl_desk.core.i18n import _

if TYPE_CHECKING:
    from intl_desk.sync.session import ServerSession
    from intl_desk.ui.main_window import MainWindow
    from intl_desk.ui.users_dialog import UsersDialog


def _administered_session(window: MainWindow) -> ServerSession | None:
    """The server session of the open file when its account is an administrator."""
    rights = window.server.rights
    return window.server.session if rights is not None and rights.role == "admin" else None


def may_manage_users(window: MainWindow) -> bool:
    """Whether Office › Users and roles… is offered: to an administrator's open file."""
    return _administered_session(window) is not None


def open_users(window: MainWindow) -> UsersDialog | None:
    from intl_desk.ui.users_dialog import UsersDialog

    session = _administered_session(window)
    if session is None or window.office is None:
        window.statusBar().showMessage(
            _("Users and roles are managed by an administrator of the office server."), 5000
        )
        return None
    dialog = UsersDialog(window.office, session.client, session.account, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
