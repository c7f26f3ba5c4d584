"""The small dialog that asks for the password again when the server's sign-in expired.

Only the password is asked (the server and the account are the file's); it is used once
to sign in, in the background, and never kept. Nothing of the file is touched: its
changes wait for the next synchronisation.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from intl_desk.core.errors import IntlDeskError
from intl_desk.core.i18n import N_, Message, _
from intl_desk.sync.session import AccountRights, ServerSession
from intl_desk.ui.operations import Operation, show_failure

ERROR_STYLE = "color: #b3261e;"
#: reasons the dialog's first sentence says already (any other is shown under it: the
#: administrator set a new password, the account was disabled)
_SAID_ALREADY = frozenset({
    N_("Your sign-in has expired; sign in again."),
    N_("Sign in to the office server to synchronise."),
    N_("The server does not recognise this sign-in; sign in again."),
})  # fmt: skip


class SignInDialog(QDialog):
    def __init__(
        self,
        parent: QWidget,
        session: ServerSession,
        signed_in: Callable[[AccountRights], object],
        reason: Message | None = None,
    ) -> None:
        """``reason``: why the server asked for the password again (shown unless it is
        the plain expiry the dialog's first sentence speaks of)."""
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self.session = session
        self._signed_in = signed_in
        self._operation: Operation[AccountRights] | None = None
        self.setWindowTitle(_("Sign in to the office server"))
        layout = QVBoxLayout(self)
        explained = reason is not None and reason.msgid not in _SAID_ALREADY
        self.reason = QLabel(reason.render() if explained and reason is not None else "")
        self.reason.setObjectName("signInReason")
        self.reason.setWordWrap(True)
        self.reason.setVisible(explained)
        layout.addWidget(self.reason)
        intro = QLabel(
            Message(
                N_(
                    "Type the password of {account} to go on synchronising with {server}; "
                    "your changes are kept in this file meanwhile."
                )
                if explained
                else N_(
                    "Your sign-in to {server} has expired. Type the password of {account} to "
                    "go on synchronising; your changes are kept in this file meanwhile."
                ),
                {"server": session.server_url, "account": session.account},
            ).render()
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(_("Password:"), self.password)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("signInError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.sign_in_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.sign_in_button.setText(_("Sign in"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Later"))
        self.buttons.accepted.connect(self._sign_in)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(460, self.sizeHint().height())

    def _sign_in(self) -> None:
        password = self.password.text()
        if not password:
            self._show_error(_("Type your password."))
            return
        if self._operation is not None and self._operation.running:
            return
        self.password.clear()  # the password lives only as long as the request
        self.sign_in_button.setEnabled(False)
        session = self.session
        self._operation = Operation(
            self,
            lambda _progress: session.sign_in(password),
            self._done,
            failure=self._failed,
            label=_("Signing in…"),
        ).run()

    def _done(self, rights: AccountRights) -> None:
        self.accept()
        self._signed_in(rights)

    def _failed(self, error: BaseException) -> None:
        self.sign_in_button.setEnabled(True)
        if not isinstance(error, IntlDeskError):
            show_failure(self, _("Cannot sign in"), error)
            return
        self._show_error(str(error))
        self.password.setFocus()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
