"""One desktop's connection to one office server as one account, without Qt.

The desktop app (and every feature of it that talks to the server: synchronising, users
and roles, collection rounds) goes through a :class:`ServerSession`: it knows the
server's address, the account, the certificate accepted for the server and the token kept
in the credential store, and hands out clients that use them. The password is used once,
to sign in (:meth:`ServerSession.sign_in`), and never kept; the token (good for 15
minutes) is renewed at every synchronisation, and the refresh token kept beside it in the
credential store gets a new pair once the token has expired, so a desktop closed over a
weekend or a holiday goes on without the password; one away longer than a refresh token's
life (30 days), or whose account was disabled, is asked to sign in again
(:class:`~intl_desk.sync.client.SignInNeeded`).

Timeouts are short: offline is normal, and the app never waits for the network.
"""

from __future__ import annotations

import ssl
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TypeVar

import httpx

from intl_desk.core.i18n import N_, Message
from intl_desk.core.model import utc_now
from intl_desk.store.link_row import Link
from intl_desk.store.office_file import OfficeFile
from intl_desk.sync.client import ServerClient, ServerUnreachable, SignInNeeded
from intl_desk.sync.clone import CloneReport, clone_with
from intl_desk.sync.credentials import (
    forget_token,
    load_refresh_token,
    load_token,
    save_refresh_token,
    save_token,
)
from intl_desk.sync.sync import Refused, SyncConflict, SyncReport, link_of, sync_office
from intl_desk.sync.to_review import (
    ToReview,
    forget_conflicts,
    forget_refused,
    note_report,
    read_to_review,
)
from intl_desk.sync.trust import (
    Certificate,
    KnownServers,
    changed_certificate,
    fetch_certificate,
    pinned_context,
    uses_tls,
)

T = TypeVar("T")

#: seconds to wait for the server to answer a connection: offline must be noticed at once
CONNECT_TIMEOUT = 3.0
#: seconds to wait for an answer once connected (a big pull batch takes a while)
READ_TIMEOUT = 60.0


@dataclass(frozen=True)
class AccountRights:
    """What the server said about the account at its last sign-in on this computer."""

    #: ``admin``, ``editor`` or ``reader``; None when never signed in here
    role: str | None
    #: the local entity whose branch the account changes; None for the whole office
    scope_entity_id: str | None

    @property
    def reads_only(self) -> bool:
        return self.role == "reader"


class ServerSession:
    def __init__(
        self,
        server_url: str,
        account: str,
        known: KnownServers,
        client_id: str | None = None,
        rights_in_file: AccountRights | None = None,
    ) -> None:
        self.server_url = server_url.rstrip("/")
        self.account = account
        self.known = known
        #: the cloned file's own id (None before the clone)
        self.client_id = client_id
        #: the role and scope the file's link keeps (its last sync, on any computer)
        self.rights_in_file = rights_in_file

    @classmethod
    def of_link(cls, link: Link, known: KnownServers) -> ServerSession:
        in_file = AccountRights(link.role, link.scope_entity_id) if link.role else None
        return cls(link.server_url, link.account, known, link.client_id, in_file)

    @property
    def last_sync(self) -> datetime | None:
        """When the file last synchronised (its clone counts), on this computer."""
        if self.client_id is None:
            return None
        return self.known.last_sync(self.server_url, self.client_id)

    # --- what this computer knows ------------------------------------------------------

    def to_review(self) -> ToReview:
        """The conflicts and refused records the file's syncs left for the person."""
        if self.client_id is None:
            return ToReview()
        return read_to_review(self.known, self.server_url, self.client_id)

    def reviewed(
        self, conflicts: Iterable[SyncConflict] = (), refused: Iterable[Refused] = ()
    ) -> None:
        """The person dealt with these: they are no longer kept."""
        if self.client_id is None:
            return
        conflicts, refused = list(conflicts), list(refused)
        if conflicts:
            forget_conflicts(self.known, self.server_url, self.client_id, conflicts)
        if refused:
            forget_refused(self.known, self.server_url, self.client_id, refused)

    @property
    def rights(self) -> AccountRights:
        """The account's role and scope as this computer last heard them from the server;
        else as the file keeps them (a file copied or moved here, not yet synchronised
        here: its read-only parts show at once — the server decides all the same)."""
        stored = self.known.account(self.server_url, self.account)
        scope = stored.get("scope_entity_id")
        role = stored.get("role")
        if not role and self.rights_in_file is not None:
            return self.rights_in_file
        return AccountRights(str(role) if role else None, str(scope) if scope else None)

    @property
    def signed_in(self) -> bool:
        """Whether a token or refresh token is kept for the account (they may have
        expired meanwhile)."""
        return (
            load_token(self.server_url, self.account) is not None
            or load_refresh_token(self.server_url, self.account) is not None
        )

    def accepted_certificate(self) -> Certificate | None:
        return self.known.certificate(self.server_url)

    def certificate_to_accept(self) -> Certificate | None:
        """The certificate to show the person before the first connection: None for a
        plain http address or a server whose certificate was accepted already."""
        if not uses_tls(self.server_url) or self.accepted_certificate() is not None:
            return None
        return fetch_certificate(self.server_url, CONNECT_TIMEOUT)

    def accept_certificate(self, certificate: Certificate) -> None:
        self.known.accept(self.server_url, certificate)

    # --- talking to the server ---------------------------------------------------------

    def _verify(self) -> ssl.SSLContext | bool:
        accepted = self.accepted_certificate()
        return pinned_context(accepted) if accepted is not None else True

    def client(self, password: str | None = None) -> ServerClient:
        """A client for the account: with the kept token, or the password to sign in with.
        :class:`SignInNeeded` when there is neither."""
        token = refresh = None
        if password is None:
            token = load_token(self.server_url, self.account)
            refresh = load_refresh_token(self.server_url, self.account)
            if token is None and refresh is None:
                raise SignInNeeded(_sign_in_message())
        return ServerClient(
            self.server_url,
            self.account,
            password,
            token=token,
            refresh_token=refresh,
            timeout=httpx.Timeout(READ_TIMEOUT, connect=CONNECT_TIMEOUT),
            verify=self._verify(),
        )

    def _keep(self, client: ServerClient) -> None:
        """Keep what the server just said: the fresh token, the role and the scope."""
        if client.token:
            save_token(self.server_url, self.account, client.token)
        if client.refresh_token is not None:
            save_refresh_token(self.server_url, self.account, client.refresh_token)
        if client.role is not None:
            self.known.remember_account(
                self.server_url, self.account, client.role, client.scope_entity_id
            )

    def _checked(self, work: Callable[[], T]) -> T:
        """Run ``work``; a TLS refusal against the accepted certificate is said to be a
        changed certificate (nothing was sent: the handshake failed)."""
        try:
            return work()
        except ServerUnreachable as error:
            accepted = self.accepted_certificate()
            if accepted is None or "CERTIFICATE_VERIFY_FAILED" not in str(error):
                raise
            shown = fetch_certificate(self.server_url, CONNECT_TIMEOUT)
            if shown.fingerprint == accepted.fingerprint:
                raise
            raise changed_certificate(self.server_url, accepted, shown) from None

    def sign_in(self, password: str) -> AccountRights:
        """Sign in with the password (used for this request only) and keep the token."""

        def work() -> None:
            with self.client(password) as client:
                client.sign_in()
                self._keep(client)

        self._checked(work)
        return self.rights

    def sign_out(self) -> None:
        forget_token(self.server_url, self.account)

    def clone(self, password: str, target: Path) -> CloneReport:
        """A new office file of what the server holds for the account, signed in with
        ``password``; the token is kept for the syncs that follow."""

        def work() -> CloneReport:
            with self.client(password) as client:
                report = clone_with(client, target)
                self._keep(client)
            link = link_of(report.path)
            if link is not None:
                self.known.remember_sync(self.server_url, link.client_id, utc_now())
            return report

        return self._checked(work)

    def sync(self, office: OfficeFile) -> SyncReport:
        """Renew the token, then push and pull (see :func:`sync_office`). An expired token
        is forgotten and :class:`SignInNeeded` raised: the person signs in again, and the
        file's changes wait, untouched, for the next sync."""

        def work() -> SyncReport:
            with self.client() as client:
                try:
                    client.renew()
                except SignInNeeded:
                    self.sign_out()
                    raise
                self._keep(client)
                report = sync_office(office, client)
            if self.client_id is not None:
                self.known.remember_sync(self.server_url, self.client_id, utc_now())
                note_report(self.known, self.server_url, self.client_id, report)
            return report

        return self._checked(work)


def _sign_in_message() -> Message:
    return Message(N_("Sign in to the office server to synchronise."))
