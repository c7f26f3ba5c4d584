"""Office › Users and roles…, shown to administrators of the office server the open file is
connected to (the window's server connection says who is signed in, with which role)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from intl_desk.core.i18n import _

if TYPE_CHECKING:
    from intl_desk.ui.main_window import MainWindow
    from intl_desk.ui.users_dialog import UsersDialog


def _administered_session(window: MainWindow) -> Any | None:
    """The server session of the open file when its account is an administrator."""
    connection = getattr(window, "server", None)  # the server connection (File › Connect…)
    session = getattr(connection, "session", None)
    rights = getattr(session, "rights", None)
    return session if getattr(rights, "role", None) == "admin" else None


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
    connection = getattr(window, "server", None)
    changed = getattr(connection, "state_changed", None)
    if changed is not None:
        changed.connect(offer)
    return action
