"""The office server from the desktop app, against a real server process over TLS on
127.0.0.1 and PostgreSQL (see tests/server): connecting by typing, working offline and
synchronising by itself when the server is back, a conflict chosen in the dialog.

One server database for the module: the state of Minas Gerais with two municipalities,
each with an agreement. Accounts: bruno (editor of the whole office), ana (administrator),
carla (editor of Araponga only), rita (reader).
"""

from __future__ import annotations

import socket
import subprocess
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import httpx
import pytest
from memory_keyring import MemoryKeyring
from pypdf import PdfReader
from server.live_server import (
    PASSWORD,
    LiveServer,
    add_account,
    administrator_session,
    fresh_server_database,
    live_server,
)
from sqlalchemy import select
from sqlalchemy.engine import Engine

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QComboBox, QFileDialog
from pytestqt.qtbot import QtBot

from intl_desk.core.model import Agreement, AgreementParty, LocalEntity, Partner
from intl_desk.server.accounts import change_account, set_password
from intl_desk.server.tokens import REFRESH_LIFETIME_SECONDS, sign_token, token_secret
from intl_desk.store.office_file import OfficeFile
from intl_desk.sync import credentials
from intl_desk.sync.client import SignInNeeded
from intl_desk.sync.session import ServerSession
from intl_desk.sync.trust import Certificate, CertificateChanged, known_servers
from intl_desk.ui import server_connection
from intl_desk.ui.connect_dialog import ConnectDialog
from intl_desk.ui.dialogs.registry import register_all
from intl_desk.ui.main_window import MainWindow
from intl_desk.ui.merge_dialog import KEEP_COLUMN, MergeDialog
from intl_desk.ui.refused_dialog import RefusedDialog
from intl_desk.ui.sign_in_dialog import SignInDialog

ARAPONGA = "Geminação Araponga–Lyon"
NAZARENO = "Cooperação Nazareno–Łódź"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server_db() -> Iterator[Engine]:
    engine = fresh_server_database()
    with administrator_session(engine) as session:
        state = LocalEntity(name="Estado de Minas Gerais", kind="government")
        araponga = LocalEntity(name="Araponga", kind="municipality", parent=state)
        nazareno = LocalEntity(name="Nazareno", kind="municipality", parent=state)
        for title, entity, partner in (
            (ARAPONGA, araponga, Partner(name="Ville de Lyon", country_code="FR")),
            (NAZARENO, nazareno, Partner(name="Łódź", country_code="PL")),
        ):
            agreement = Agreement(title=title, type="twinning", status="active",
                                  date_signed=date(2019, 5, 14))
            agreement.parties.extend(
                [AgreementParty(local_entity=entity), AgreementParty(partner=partner)]
            )
            session.add(agreement)
        session.commit()
    add_account(engine, "bruno", "editor")
    add_account(engine, "carla", "editor", scope="Araponga")
    add_account(engine, "rita", "reader")
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def tls(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "server.pem", folder / "server.key"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    return ["--tls-cert", str(cert), "--tls-key", str(key)]


@pytest.fixture(scope="module")
def port() -> int:
    return _free_port()


@pytest.fixture(scope="module")
def server(server_db: Engine, tls: list[str], port: int) -> Iterator[LiveServer]:
    with live_server(server_db, ["--port", str(port), *tls]) as running:
        yield running


@pytest.fixture(autouse=True)
def _own_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, memory_keyring: MemoryKeyring
) -> None:
    """This test's certificates and tokens only (its own config folder, keyring in memory)."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


def _trust(server: LiveServer) -> None:
    """What a first connection does once the person accepted the certificate."""
    session = ServerSession(server.address, "bruno", known_servers())
    certificate = session.certificate_to_accept()
    if certificate is not None:  # None: accepted already
        session.accept_certificate(certificate)


def _clone(server: LiveServer, target: Path, account: str = "bruno") -> Path:
    _trust(server)
    ServerSession(server.address, account, known_servers()).clone(PASSWORD, target)
    return target


def _window(qtbot: QtBot, path: Path | None = None) -> MainWindow:
    register_all()
    window = MainWindow()
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    if path is not None:
        with qtbot.waitSignal(window.server.attempt_ended, timeout=20_000):
            window.open_file(path)
    return window


def _status(window: MainWindow) -> str:
    return window.server.status.text()


def test_connect_by_typing_clones_opens_and_syncs(
    qtbot: QtBot, server: LiveServer, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    window = _window(qtbot)
    window.server.connect_action.trigger()
    dialog = window.findChild(ConnectDialog)
    assert dialog is not None and dialog.isVisible()
    target = tmp_path / "Minas.sqlite"
    qtbot.keyClicks(dialog.address, server.address.removeprefix("https://"))
    qtbot.keyClicks(dialog.account, "bruno")
    qtbot.keyClicks(dialog.password, PASSWORD)
    dialog.file.selectAll()
    qtbot.keyClicks(dialog.file, str(target))
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)

    # first connection: the certificate's fingerprint, to compare before anything is sent
    qtbot.waitUntil(lambda: dialog.certificate_box.isVisible(), timeout=10_000)
    shown = Certificate(Path(server_tls_cert(server)).read_text())
    assert dialog.fingerprint.text() == shown.fingerprint
    assert dialog.connect_button.text() == "Trust and connect"
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)  # not ticked yet
    assert "tick the box" in dialog.error.text()
    assert not target.exists()
    # another address typed: the fingerprint shown was that server's, it goes
    dialog.address.end(False)
    qtbot.keyClick(dialog.address, Qt.Key.Key_0)
    assert dialog.certificate_box.isHidden() and dialog.connect_button.text() == "Connect"
    qtbot.keyClick(dialog.address, Qt.Key.Key_Backspace)
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.certificate_box.isVisible(), timeout=10_000)
    qtbot.mouseClick(dialog.trust, Qt.MouseButton.LeftButton, pos=QPoint(8, 8))  # its box
    assert dialog.trust.isChecked()
    with qtbot.waitSignal(window.server.attempt_ended, timeout=30_000):
        qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)

    assert window.office is not None and window.office.path == target
    assert _status(window) == "Synced just now"
    assert dialog.password.text() == ""
    stored = list(memory_keyring.secrets.values())
    assert len(stored) == 2 and PASSWORD not in stored  # token and refresh, never the password
    assert PASSWORD not in (tmp_path / "config").joinpath(
        "IntlDesk", "office-servers.json"
    ).read_text()
    assert window.server.rights is not None and window.server.rights.role == "editor"
    with window.session() as session:
        titles = set(session.scalars(select(Agreement.title)))
    assert ARAPONGA in titles

    # the certificate is remembered: a second connection asks nothing
    again = ConnectDialog(window)
    qtbot.addWidget(again)
    qtbot.keyClicks(again.address, server.address)
    assert again.certificate_box.isHidden()


def test_a_plain_http_address_is_used_only_by_explicit_choice(
    qtbot: QtBot, server_db: Engine, tmp_path: Path
) -> None:
    window = _window(qtbot)
    window.server.connect_action.trigger()
    dialog = window.findChild(ConnectDialog)
    assert dialog is not None
    target = tmp_path / "Minas.sqlite"
    with live_server(server_db) as plain:  # no certificate: http://
        assert plain.address.startswith("http://")
        qtbot.keyClicks(dialog.address, plain.address)
        assert dialog.plain_box.isVisible()
        assert "your password and the office's records would cross the network unencrypted" in (
            dialog.plain_warning.text()
        )
        qtbot.keyClicks(dialog.account, "bruno")
        qtbot.keyClicks(dialog.password, PASSWORD)
        dialog.file.selectAll()
        qtbot.keyClicks(dialog.file, str(target))
        qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
        assert dialog.error.text() == (
            "Type the server's https:// address, or tick “Connect without encryption all the "
            "same”."
        )
        assert not target.exists() and dialog.password.text() == PASSWORD  # nothing sent

        qtbot.mouseClick(dialog.allow_plain, Qt.MouseButton.LeftButton, pos=QPoint(8, 8))
        assert dialog.allow_plain.isChecked()
        with qtbot.waitSignal(window.server.attempt_ended, timeout=30_000):
            qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
        assert window.office is not None and window.office.path == target
        assert _status(window) == "Synced just now"
        window.close_file()


def test_an_https_address_asks_for_no_such_choice(qtbot: QtBot) -> None:
    dialog = ConnectDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.address, "http://desk.example.org")
    assert dialog.plain_box.isVisible()
    dialog.address.selectAll()
    qtbot.keyClicks(dialog.address, "desk.example.org:8700")  # https:// when none is typed
    assert dialog.plain_box.isHidden()


def server_tls_cert(server: LiveServer) -> str:
    arguments = server.process.args
    assert isinstance(arguments, list)
    return str(arguments[arguments.index("--tls-cert") + 1])


def test_offline_edits_are_sent_by_themselves_when_the_server_is_back(
    qtbot: QtBot,
    server_db: Engine,
    tls: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(server_connection, "RETRY_OFFLINE_MS", 300)
    monkeypatch.setattr(server_connection, "AFTER_SAVE_MS", 50)
    port = _free_port()
    with live_server(server_db, ["--port", str(port), *tls]) as first:
        path = _clone(first, tmp_path / "Minas.sqlite")
        window = _window(qtbot, path)
        assert _status(window) == "Synced just now"
    # the server has stopped: a record edited meanwhile waits in the file
    window.show_list("agreements")
    with window.session() as session:
        agreement_id = session.scalar(select(Agreement.id).where(Agreement.title == ARAPONGA))
    window.open_record("agreements", agreement_id)
    dialog = window.open_dialogs[-1]
    dialog.ui.title.selectAll()
    qtbot.keyClicks(dialog.ui.title, "Geminacao Araponga-Lyon 2026")
    with qtbot.waitSignal(window.server.attempt_ended, timeout=20_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert _status(window).startswith("Offline — ")
    assert _status(window).endswith("to send")

    with live_server(server_db, ["--port", str(port), *tls]):
        qtbot.waitUntil(lambda: _status(window) == "Synced just now", timeout=20_000)
    with server_db.connect() as connection:
        title = connection.scalar(select(Agreement.title).where(Agreement.id == agreement_id))
    assert title == "Geminacao Araponga-Lyon 2026"
    window.close_file()


def test_a_conflict_is_resolved_in_the_dialog(
    qtbot: QtBot,
    server: LiveServer,
    server_db: Engine,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(server_connection, "AFTER_SAVE_MS", 50)
    mine = _clone(server, tmp_path / "mine.sqlite")
    theirs = _clone(server, tmp_path / "theirs.sqlite", account="ana")
    window = _window(qtbot, mine)
    with window.session() as session:
        agreement_id = session.scalar(select(Agreement.id).where(Agreement.title == NAZARENO))
    # someone else changes the title first
    with OfficeFile.open(theirs) as other:
        with other.session() as session:
            session.get(Agreement, agreement_id).title = "Cooperação Nazareno–Łódź (ana)"
            session.commit()
        ServerSession(server.address, "ana", known_servers()).sync(other)

    window.open_record("agreements", agreement_id)
    dialog = window.open_dialogs[-1]
    dialog.ui.title.selectAll()
    qtbot.keyClicks(dialog.ui.title, "Cooperacao Nazareno-Lodz (bruno)")
    with qtbot.waitSignal(window.server.attempt_ended, timeout=20_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert _status(window) == "1 conflict"
    with window.session() as session:  # the server kept the first value
        assert session.get(Agreement, agreement_id).title == "Cooperação Nazareno–Łódź (ana)"

    # closed and opened again (the app restarted): the conflict is still there to choose
    window.close_file()
    window.close()
    window = _window(qtbot, mine)
    assert _status(window) == "1 conflict"
    qtbot.mouseClick(window.server.status, Qt.MouseButton.LeftButton)
    conflicts = window.findChild(MergeDialog, "syncConflictsDialog")
    assert conflicts is not None and conflicts.isVisible()
    assert conflicts.table.item(0, 3).text() == "Cooperacao Nazareno-Lodz (bruno)"
    assert conflicts.table.item(0, 4).text() == "Cooperação Nazareno–Łódź (ana)"
    keep = conflicts.table.cellWidget(0, KEEP_COLUMN)
    assert isinstance(keep, QComboBox) and keep.currentText() == "The server's value"
    qtbot.keyClick(keep, Qt.Key.Key_Up)
    assert keep.currentText() == "Your value"
    with qtbot.waitSignal(window.server.synced, timeout=20_000):
        qtbot.keyClick(conflicts, Qt.Key.Key_Return)
    # the value kept is saved, which asks for a sync of its own: when that one comes
    # while the other runs, it runs after it ("Syncing…" again), so wait for both
    qtbot.waitUntil(lambda: _status(window) == "Synced just now", timeout=20_000)
    with server_db.connect() as connection:
        title = connection.scalar(select(Agreement.title).where(Agreement.id == agreement_id))
    assert title == "Cooperacao Nazareno-Lodz (bruno)"
    with window.session() as session:
        assert session.get(Agreement, agreement_id).title == "Cooperacao Nazareno-Lodz (bruno)"
    assert credentials.load_token(server.address, "bruno") is not None
    window.close_file()
    window.close()
    assert _status(_window(qtbot, mine)) == "Synced just now"  # resolved: not kept


def test_records_the_server_refused_are_listed_until_read(
    qtbot: QtBot, server: LiveServer, tmp_path: Path
) -> None:
    path = _clone(server, tmp_path / "Leitura.sqlite", account="rita")
    with OfficeFile.open(path) as office, office.session() as session:
        # changed in the file outside the app (rita may only read on the server)
        entity = session.scalar(select(LocalEntity).where(LocalEntity.name == "Nazareno"))
        entity.name = "Nazareno (rita)"
        session.commit()
    window = _window(qtbot, path)
    assert _status(window) == "1 record refused by the server"
    assert window.statusBar().currentMessage() == (  # short: the list says why
        "The server refused your changes to “Nazareno (rita)”: click the note on the right to "
        "see why."
    )
    window.close_file()
    window.close()

    window = _window(qtbot, path)  # the app started again: still said, still listed
    assert _status(window) == "1 record refused by the server"
    qtbot.mouseClick(window.server.status, Qt.MouseButton.LeftButton)
    listed = window.findChild(RefusedDialog)
    assert listed is not None and listed.isVisible()
    assert listed.table.rowCount() == 1
    assert listed.table.item(0, 0).text() == "Local entity: Nazareno (rita)"
    assert listed.table.item(0, 1).text() == "“Nazareno (rita)”: your account may only read."
    assert "Ask a colleague whose account may change the record" in listed.what_to_do.text()
    qtbot.mouseClick(listed.clear_button, Qt.MouseButton.LeftButton)
    assert not listed.isVisible()
    assert _status(window) == "Synced just now"
    window.close_file()
    window.close()
    assert _status(_window(qtbot, path)) == "Synced just now"  # cleared: not kept


def test_records_out_of_scope_open_read_only_saying_whose_they_are(
    qtbot: QtBot, server: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _window(qtbot, _clone(server, tmp_path / "Araponga.sqlite", account="carla"))
    assert window.server.rights is not None
    assert window.list_pages["agreements"].new_button.isEnabled()  # she adds her own
    with window.session() as session:
        entities = dict(session.execute(select(LocalEntity.name, LocalEntity.id)).all())
        lyon = session.scalar(select(Partner.id).where(Partner.name == "Ville de Lyon"))

    assert "Nazareno" not in entities  # her clone holds her branch and what is above it
    window.open_record("local_entities", entities["Estado de Minas Gerais"])
    state = window.open_dialogs[-1]
    assert state.read_only_banner.isVisible()
    assert state.read_only_banner.text() == (
        "This record belongs to Estado de Minas Gerais: your account changes only the records "
        "of Araponga and of the entities under it, so it opens read-only here."
    )
    assert not state.save_button.isEnabled() and not state.form.isEnabled()

    window.open_record("partners", lyon)
    partner = window.open_dialogs[-1]
    assert partner.read_only_banner.text().startswith("This record is shared by the whole office")

    window.open_record("local_entities", entities["Araponga"])
    araponga = window.open_dialogs[-1]
    assert araponga.read_only_banner.isHidden() and araponga.save_button.isEnabled()
    for dialog in (state, partner, araponga):
        dialog.close()

    # the overview is the territory as of the last sync (the clone, a moment ago)
    window.overview.show_action.trigger()
    as_of = window.overview.page.as_of_label
    assert as_of.isVisible() and as_of.text().startswith("As of the last sync, ")
    # and so does its PDF, at the top of every page
    target = tmp_path / "overview.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kw: (str(target), ""))
    )
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda _url: True))
    with qtbot.waitSignal(window.overview.page.pdf_written, timeout=30_000):
        qtbot.mouseClick(window.overview.page.print_button, Qt.MouseButton.LeftButton)
    assert all(as_of.text() in page.extract_text() for page in PdfReader(target).pages)
    window.close_file()


def test_a_clone_moved_to_another_computer_knows_its_scope_before_syncing_there(
    qtbot: QtBot, server: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    memory_keyring: MemoryKeyring,
) -> None:
    path = _clone(server, tmp_path / "Araponga.sqlite", account="carla")
    # another computer: its own configuration folder, nothing in its credential store
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "other-computer"))
    memory_keyring.secrets.clear()
    window = _window(qtbot)
    window.open_file(path)
    qtbot.waitUntil(lambda: window.office is not None, timeout=20_000)
    assert _status(window) != "Synced just now"  # nothing said by the server here yet
    with window.session() as session:
        entities = dict(session.execute(select(LocalEntity.name, LocalEntity.id)).all())
    window.open_record("local_entities", entities["Estado de Minas Gerais"])
    state = window.open_dialogs[-1]
    assert state.read_only_banner.isVisible()
    assert state.read_only_banner.text().startswith(
        "This record belongs to Estado de Minas Gerais: your account changes only the records "
        "of Araponga"
    )
    window.open_record("local_entities", entities["Araponga"])
    araponga = window.open_dialogs[-1]
    assert araponga.read_only_banner.isHidden() and araponga.save_button.isEnabled()
    for dialog in (state, araponga):
        dialog.close()
    window.close_file()


def test_a_reader_is_offered_no_new_record(
    qtbot: QtBot, server: LiveServer, tmp_path: Path
) -> None:
    window = _window(qtbot, _clone(server, tmp_path / "Leitura.sqlite", account="rita"))
    page = window.show_list("agreements")
    assert not page.new_button.isEnabled()
    assert page.new_button.toolTip() == (
        "Your account on the office server may only read: nothing can be added."
    )
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert not [dialog for dialog in window.open_dialogs if dialog.isVisible()]
    window.close_file()


def test_an_expired_sign_in_is_asked_for_again_and_nothing_is_lost(
    qtbot: QtBot, server: LiveServer, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    path = _clone(server, tmp_path / "Minas.sqlite")
    credentials.save_token(server.address, "bruno", "expired.token")  # refused by the server
    credentials.save_refresh_token(server.address, "bruno", "expired.refresh")  # and that
    window = _window(qtbot, path)
    sign_in = window.findChild(SignInDialog)
    assert sign_in is not None and sign_in.isVisible()
    assert sign_in.reason.isHidden()  # the dialog's first sentence says why already
    assert _status(window) == "Sign in to synchronise"
    assert credentials.load_token(server.address, "bruno") is None  # the refused one forgotten

    qtbot.keyClicks(sign_in.password, PASSWORD)
    with qtbot.waitSignal(window.server.synced, timeout=20_000):
        qtbot.mouseClick(sign_in.sign_in_button, Qt.MouseButton.LeftButton)
    assert _status(window) == "Synced just now"
    token = credentials.load_token(server.address, "bruno")
    assert token not in (None, "expired.token", PASSWORD)
    assert PASSWORD not in memory_keyring.secrets.values()
    window.close_file()


def _signed(server_db: Engine, kind: str, seconds_ago: float, lifetime: int) -> str:
    """A token as the server makes them, issued ``seconds_ago``."""
    with server_db.begin() as connection:
        secret = token_secret(connection)
    return sign_token(secret, "bruno", now=time.time() - seconds_ago, lifetime=lifetime,
                      kind=kind)  # fmt: skip


def test_a_desktop_away_for_a_weekend_syncs_without_the_password(
    qtbot: QtBot, server: LiveServer, server_db: Engine, tmp_path: Path
) -> None:
    path = _clone(server, tmp_path / "Minas.sqlite")
    refresh = credentials.load_refresh_token(server.address, "bruno")
    assert refresh is not None
    # closed on Friday: the token expired long ago, the refresh token is still good
    friday = 3 * 24 * 3600
    expired = _signed(server_db, "access", friday, 15 * 60)
    credentials.save_token(server.address, "bruno", expired)
    window = _window(qtbot, path)
    assert window.findChild(SignInDialog) is None
    assert _status(window) == "Synced just now"
    assert credentials.load_token(server.address, "bruno") not in (None, expired)
    assert credentials.load_refresh_token(server.address, "bruno") not in (None, refresh)
    window.close_file()

    # a refresh token is no token for the other routes
    answer = httpx.get(f"{server.address}/v1/me", verify=False,
                       headers={"Authorization": f"Bearer {refresh}"})  # fmt: skip
    assert answer.status_code == 401


def test_away_longer_than_a_refresh_token_means_signing_in_again(
    server: LiveServer, server_db: Engine, tmp_path: Path
) -> None:
    path = _clone(server, tmp_path / "Minas.sqlite")
    away = 31 * 24 * 3600
    credentials.save_token(server.address, "bruno", _signed(server_db, "access", away, 900))
    credentials.save_refresh_token(
        server.address, "bruno", _signed(server_db, "refresh", away, REFRESH_LIFETIME_SECONDS)
    )
    session = ServerSession(server.address, "bruno", known_servers())
    with OfficeFile.open(path) as office, pytest.raises(SignInNeeded) as refused:
        session.sync(office)
    assert str(refused.value) == "Your sign-in has expired; sign in again."
    assert not session.signed_in  # both forgotten: the next attempt asks for the password


def test_a_new_password_ends_the_sign_in_of_a_desktop_signed_in_before(
    qtbot: QtBot, server: LiveServer, server_db: Engine, tmp_path: Path
) -> None:
    add_account(server_db, "dora", "editor")
    path = _clone(server, tmp_path / "Minas.sqlite", account="dora")
    window = _window(qtbot, path)
    assert _status(window) == "Synced just now"
    # dora's laptop is lost: the administrator gives her a new password
    with server_db.begin() as connection:
        set_password(connection, "dora", "a-brand-new-password")
    window.server.sync_action.trigger()
    qtbot.waitUntil(lambda: window.findChild(SignInDialog) is not None, timeout=20_000)
    sign_in = window.findChild(SignInDialog)
    assert sign_in is not None and sign_in.isVisible()
    assert sign_in.reason.isVisible() and sign_in.reason.text() == (
        "The server has ended this sign-in (a new password was set, or the account was "
        "disabled for a while); sign in again."
    )
    assert _status(window) == "Sign in to synchronise"
    assert credentials.load_refresh_token(server.address, "dora") is None
    qtbot.keyClicks(sign_in.password, "a-brand-new-password")
    with qtbot.waitSignal(window.server.synced, timeout=20_000):
        qtbot.mouseClick(sign_in.sign_in_button, Qt.MouseButton.LeftButton)
    assert _status(window) == "Synced just now"
    window.close_file()


def test_an_account_disabled_for_a_while_signs_in_again_with_its_password(
    server: LiveServer, server_db: Engine, tmp_path: Path
) -> None:
    add_account(server_db, "elisa", "editor")
    path = _clone(server, tmp_path / "Minas.sqlite", account="elisa")
    session = ServerSession(server.address, "elisa", known_servers())
    for disabled in (True, False):  # disabled over the holidays, enabled again after
        with server_db.begin() as connection:
            change_account(connection, "elisa", role="editor", scope_entity_id=None,
                           disabled=disabled)  # fmt: skip
    with OfficeFile.open(path) as office, pytest.raises(SignInNeeded) as refused:
        session.sync(office)
    assert "The server has ended this sign-in" in str(refused.value)
    assert not session.signed_in
    # the password still opens it
    session.sign_in(PASSWORD)
    with OfficeFile.open(path) as office:
        session.sync(office)


def test_a_server_showing_another_certificate_is_refused_before_anything_is_sent(
    server_db: Engine, tmp_path: Path, tls: list[str]
) -> None:
    accepted = Certificate(Path(tls[1]).read_text())  # the certificate accepted earlier
    cert, key = tmp_path / "other.pem", tmp_path / "other.key"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    with live_server(server_db, ["--tls-cert", str(cert), "--tls-key", str(key)]) as other:
        session = ServerSession(other.address, "bruno", known_servers())
        session.accept_certificate(accepted)
        with pytest.raises(CertificateChanged) as refused:
            session.sign_in(PASSWORD)
        _code, _out, log = other.stop()
    assert accepted.fingerprint in str(refused.value)
    assert Certificate(cert.read_text()).fingerprint in str(refused.value)
    assert "/v1/login" not in log  # the password never left


def test_closing_the_file_sends_its_last_changes(
    qtbot: QtBot, server: LiveServer, server_db: Engine, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(server_connection, "AFTER_SAVE_MS", 600_000)  # only the closing sends
    window = _window(qtbot, _clone(server, tmp_path / "Minas.sqlite"))
    with window.session() as session:
        lyon = session.scalar(select(Partner.id).where(Partner.name == "Ville de Lyon"))
    window.open_record("partners", lyon)
    dialog = window.open_dialogs[-1]
    dialog.ui.name.selectAll()
    qtbot.keyClicks(dialog.ui.name, "Lyon Metropole")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _status(window) == "Synced just now — 1 change to send")
    dialog.close()
    window.close_file()
    with server_db.connect() as connection:
        name = connection.scalar(select(Partner.name).where(Partner.id == lyon))
    assert name == "Lyon Metropole"
