"""File › Connect to an office server…: address, account and password, then a clone of
what the server holds into an office file the person chooses, opened at once.

The first connection to an ``https`` server shows its certificate's SHA-256 fingerprint,
to compare with the one the administrator gives, before anything is sent; once trusted
it is remembered, and a server showing another certificate later is refused (see
:mod:`intl_desk.sync.trust`). The password signs in once and is cleared from the dialog;
the token the server gives is kept in the system's credential store. Checking the
certificate and cloning run in the background: the window stays usable. A plain
``http://`` address is warned about (the password would travel in clear) and used only
once the person ticks that they connect without encryption all the same.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intl_desk.core.errors import IntlDeskError
from intl_desk.core.i18n import N_, Message, _
from intl_desk.sync.clone import CloneReport
from intl_desk.sync.session import ServerSession
from intl_desk.sync.trust import Certificate, known_servers, uses_tls
from intl_desk.ui.new_office_dialog import suggested_file_name
from intl_desk.ui.operations import BusyIndicator, Operation, show_failure

ERROR_STYLE = "color: #b3261e;"
CERTIFICATE_STYLE = "QFrame#certificateBox { background: #eef3fb; border-radius: 3px; }"
PLAIN_STYLE = "QFrame#plainBox { background: #fdf0e6; border-radius: 3px; }"


def server_address(text: str) -> str | None:
    """The address typed, with ``https://`` when no scheme was given; None when it is
    not an address at all."""
    text = text.strip().rstrip("/")
    if not text:
        return None
    if "://" not in text:
        text = f"https://{text}"
    parts = urlsplit(text)
    try:
        parts.port  # noqa: B018 (raises on a port that is not a number)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return text


def suggested_file(address: str, account: str) -> Path:
    """``joão`` on ``servidor.mg.gov.br`` → ``Documents/joao - servidor.mg.gov.br.sqlite``."""
    host = urlsplit(address).hostname or "server"
    documents = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    )
    return Path(documents or Path.home()) / suggested_file_name(f"{account} - {host}")


class ConnectDialog(QDialog):
    #: the new office file, cloned and ready to open
    cloned = Signal(Path)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectDialog")
        self.setWindowTitle(_("Connect to an office server"))
        self._session: ServerSession | None = None
        self._certificate: Certificate | None = None
        self._operation: Operation[Any] | None = None
        self._file_chosen = False

        layout = QVBoxLayout(self)
        intro = QLabel(
            _(
                "Your administrator gives you the server's address and your account. A copy "
                "of what your account may see is made on this computer: you work in it, "
                "online or not, and it is synchronised with the server."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.address = QLineEdit()
        self.address.setObjectName("address")
        self.address.setPlaceholderText("https://server.example:8700")
        self.account = QLineEdit()
        self.account.setObjectName("account")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.file = QLineEdit()
        self.file.setObjectName("file")
        self.file.textEdited.connect(self._file_typed)
        choose = QPushButton(_("Choose…"))
        choose.setObjectName("chooseFile")
        choose.clicked.connect(self._choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(choose)
        form.addRow(_("Server address:"), self.address)
        form.addRow(_("Account:"), self.account)
        form.addRow(_("Password:"), self.password)
        form.addRow(_("Save the office file as:"), file_row)
        layout.addLayout(form)
        for field in (self.address, self.account):
            field.textChanged.connect(self._suggest_file)

        self.certificate_box = QFrame()
        self.certificate_box.setObjectName("certificateBox")
        self.certificate_box.setStyleSheet(CERTIFICATE_STYLE)
        certificate_layout = QVBoxLayout(self.certificate_box)
        self.certificate_text = QLabel()
        self.certificate_text.setObjectName("certificateText")
        self.certificate_text.setWordWrap(True)
        self.fingerprint = QLabel()
        self.fingerprint.setObjectName("fingerprint")
        self.fingerprint.setWordWrap(True)
        self.fingerprint.setStyleSheet("font-family: monospace;")
        self.trust = QCheckBox(_("It is the fingerprint my administrator gave me"))
        self.trust.setObjectName("trustCertificate")
        for widget in (self.certificate_text, self.fingerprint, self.trust):
            certificate_layout.addWidget(widget)
        self.certificate_box.hide()
        layout.addWidget(self.certificate_box)

        # a plain http:// address: the password would travel in clear, so only by choice
        self.plain_box = QFrame()
        self.plain_box.setObjectName("plainBox")
        self.plain_box.setStyleSheet(PLAIN_STYLE)
        plain_layout = QVBoxLayout(self.plain_box)
        self.plain_warning = QLabel(
            _(
                "This address starts with “http://”: your password and the office's records "
                "would cross the network unencrypted, readable by anyone on the way. Ask "
                "your administrator for the “https://” address; use “http://” only for a "
                "server on this computer."
            )
        )
        self.plain_warning.setObjectName("plainWarning")
        self.plain_warning.setWordWrap(True)
        self.allow_plain = QCheckBox(_("Connect without encryption all the same"))
        self.allow_plain.setObjectName("allowPlain")
        plain_layout.addWidget(self.plain_warning)
        plain_layout.addWidget(self.allow_plain)
        self.plain_box.hide()
        layout.addWidget(self.plain_box)
        self.address.textChanged.connect(self._address_changed)

        self.error = QLabel()
        self.error.setObjectName("connectError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        layout.addWidget(self.error)
        self.busy = BusyIndicator()
        layout.addWidget(self.busy)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.connect_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.connect_button.setText(_("Connect"))
        self.connect_button.setObjectName("connectButton")
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())

    # --- the form ------------------------------------------------------------------------

    def _suggest_file(self) -> None:
        address = server_address(self.address.text())
        if self._file_chosen or address is None or not self.account.text().strip():
            return
        self.file.setText(str(suggested_file(address, self.account.text().strip())))

    def _address_changed(self) -> None:
        address = server_address(self.address.text())
        if self._certificate is not None and (
            self._session is None or address != self._session.server_url
        ):  # another server: the fingerprint shown was another's
            self._certificate = None
            self.certificate_box.hide()
            self.trust.setChecked(False)
            self.connect_button.setText(_("Connect"))
            self._fit_height()
        plain = address is not None and not uses_tls(address)
        if plain != self.plain_box.isVisible():
            self.allow_plain.setChecked(False)  # chosen for this address, not another
            self.plain_box.setVisible(plain)
            self._fit_height()

    def _fit_height(self) -> None:
        """As tall as the wrapped sentences need at the present width (adjustSize would
        narrow the dialog and cut them)."""
        layout = self.layout()
        assert layout is not None
        layout.activate()
        width = self.width()
        height = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else 0
        self.resize(width, max(height, self.sizeHint().height()))

    def _file_typed(self) -> None:
        self._file_chosen = True

    def _choose_file(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Save the office file as"), self.file.text(), _("Office files (*.sqlite)")
        )
        if path:
            if not path.endswith((".sqlite", ".intldesk")):
                path += ".sqlite"
            self.file.setText(path)
            self._file_chosen = True

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
        self._fit_height()

    def _problem(self) -> str | None:
        address = server_address(self.address.text())
        if address is None:
            return _("Type the server's address, e.g. https://server.example:8700.")
        if not uses_tls(address) and not self.allow_plain.isChecked():
            return _(
                "Type the server's https:// address, or tick “Connect without encryption all "
                "the same”."
            )
        if not self.account.text().strip():
            return _("Type your account's name.")
        if not self.password.text():
            return _("Type your password.")
        if not self.file.text().strip():
            return _("Choose where to save the office file.")
        if Path(self.file.text().strip()).exists():
            return Message(
                N_("“{file}” exists already: choose another name for the new office file."),
                {"file": Path(self.file.text().strip()).name},
            ).render()
        return None

    def _set_working(self, working: bool) -> None:
        for widget in (
            self.address, self.account, self.password, self.file, self.trust, self.allow_plain
        ):
            widget.setEnabled(not working)
        self.connect_button.setEnabled(not working)

    # --- connecting ----------------------------------------------------------------------

    def start(self) -> None:
        """Connect: the certificate first (shown on a first connection), then the clone."""
        if self._operation is not None and self._operation.running:
            return
        problem = self._problem()
        if problem is not None:
            self._show_error(problem)
            return
        self._show_error("")
        address = server_address(self.address.text())
        assert address is not None
        session = ServerSession(address, self.account.text().strip(), known_servers())
        if self._certificate is not None and self._session is not None:
            if self._session.server_url == session.server_url:
                if not self.trust.isChecked():
                    self._show_error(
                        _(
                            "Compare the fingerprint with the one your administrator gave "
                            "you, then tick the box to trust this server."
                        )
                    )
                    return
                session.accept_certificate(self._certificate)
            self._certificate = None
            self.certificate_box.hide()
        self._session = session
        self._set_working(True)
        self._operation = Operation(
            self,
            lambda _progress: session.certificate_to_accept(),
            self._certificate_checked,
            failure=self._failed,
            label=_("Reaching the server…"),
            indicator=self.busy,
        ).run()

    def _certificate_checked(self, result: object) -> None:
        if isinstance(result, Certificate):  # a first connection: the person compares
            self._set_working(False)
            self._certificate = result
            assert self._session is not None
            self.certificate_text.setText(
                Message(
                    N_(
                        "This is your first connection to {server}. Its certificate's "
                        "SHA-256 fingerprint is below: compare it with the one your "
                        "administrator gave you before connecting."
                    ),
                    {"server": self._session.server_url},
                ).render()
            )
            self.fingerprint.setText(result.fingerprint)
            self.trust.setChecked(False)
            self.certificate_box.show()
            self.connect_button.setText(_("Trust and connect"))
            self.adjustSize()
            return
        self._clone()

    def _clone(self) -> None:
        session = self._session
        assert session is not None
        password = self.password.text()
        self.password.clear()  # used for this sign-in only, never kept
        target = Path(self.file.text().strip())
        self._operation = Operation(
            self,
            lambda _progress: session.clone(password, target),
            self._cloned,
            failure=self._failed,
            label=Message(
                N_("Copying the office from {server}…"), {"server": session.server_url}
            ).render(),
            indicator=self.busy,
        ).run()

    def _cloned(self, result: object) -> None:
        assert isinstance(result, CloneReport)
        self.accept()
        self.cloned.emit(result.path)

    def _failed(self, error: BaseException) -> None:
        self._set_working(False)
        self.connect_button.setText(_("Connect"))
        if isinstance(error, IntlDeskError):
            self._show_error(str(error))
            self.password.setFocus()
        else:
            show_failure(self, _("Cannot connect"), error)
