"""Office › Users and roles…, shown to administrators of the office server the open file is
connected to (the window's server connection says who is signed in, with which role)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from intl_desk.core.i18n import _

if TYPE_CHECKING:
    from intl_desk.sync.session import ServerSession
    from intl_desk.ui.main_window import MainWindow
    from intl_desk.ui.users_dialog import UsersDialog


def _administered_session(window: MainWindow) -> ServerSession | None:
    """The server session of the open file when its account is an administrator."""
    rights = window.server.rights
    return window.server.session if rights is not None and rights.role == "admin" else None


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


def install_users_menu(window: MainWindow) -> QAction | None:
    menu = window.findChild(QMenu, "officeMenu")
    if menu is None:
        return None
    action = menu.addAction(_("&Users and roles…"))
    action.setObjectName("usersAction")
    action.triggered.connect(lambda: open_users(window))

    def offer() -> None:
        action.setVisible(_administered_session(window) is not None)

    offer()
    window.file_opened.connect(lambda _path: offer())
    window.server.state_changed.connect(offer)  # signed in again, or the file closed
    return action
