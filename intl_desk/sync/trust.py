"""The office server's TLS certificate, accepted once by the person and then required.

An office server often runs with a certificate of its own (made for the office, not
signed by an authority the computer knows). So the desktop does what SSH does: on the
first connection it shows the certificate's SHA-256 fingerprint, to compare with the one
the administrator gives; once accepted, the certificate is remembered for that server
(:class:`KnownServers`) and every later connection trusts that certificate and nothing
else: a server presenting another certificate is refused before anything is sent.

Plain ``http://`` addresses (a server on this computer, or behind a TLS proxy on it)
have no certificate.
"""

from __future__ import annotations

import hashlib
import json
import os
import ssl
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from intl_desk.core.i18n import N_, Message
from intl_desk.sync.client import ServerError, ServerUnreachable


class CertificateChanged(ServerError):
    """The server shows another certificate than the one accepted for it."""


@dataclass(frozen=True)
class Certificate:
    pem: str

    @property
    def fingerprint(self) -> str:
        """SHA-256 of the certificate, as browsers and ``openssl x509 -fingerprint`` show it."""
        digest = hashlib.sha256(ssl.PEM_cert_to_DER_cert(self.pem)).hexdigest().upper()
        return ":".join(digest[index : index + 2] for index in range(0, len(digest), 2))


def server_key(url: str) -> str:
    """``host:port`` of an address: what a certificate is remembered under."""
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return f"{(parts.hostname or '').lower()}:{port}"


def uses_tls(url: str) -> bool:
    return urlsplit(url).scheme == "https"


def fetch_certificate(url: str, timeout: float = 5) -> Certificate:
    """The certificate the server at ``url`` presents (not checked: it is shown to the
    person, or compared with the one accepted)."""
    parts = urlsplit(url)
    host, port = parts.hostname or "", parts.port or 443
    try:
        pem = ssl.get_server_certificate((host, port), timeout=timeout)
    except (OSError, ssl.SSLError) as error:  # time-outs are OSErrors
        raise ServerUnreachable(
            Message(
                N_("Cannot reach the office server at {url} ({reason})."),
                {"url": url, "reason": str(error) or type(error).__name__},
            )
        ) from None
    return Certificate(pem)


def pinned_context(certificate: Certificate) -> ssl.SSLContext:
    """A TLS context trusting exactly this certificate (even when no authority signed it,
    and whatever name it was made for: the person accepted this very certificate)."""
    context = ssl.create_default_context(cadata=certificate.pem)
    context.check_hostname = False
    context.verify_flags |= ssl.VERIFY_X509_PARTIAL_CHAIN
    return context


def changed_certificate(url: str, accepted: Certificate, shown: Certificate) -> CertificateChanged:
    return CertificateChanged(
        Message(
            N_(
                "The office server at {url} shows another certificate than the one you "
                "accepted (SHA-256 {accepted}; now {shown}). Nothing was sent. Ask your "
                "administrator whether the server's certificate was replaced."
            ),
            {"url": url, "accepted": accepted.fingerprint, "shown": shown.fingerprint},
        )
    )


#: one read-modify-write of the file at a time (the syncs write from a worker thread)
_WRITING = threading.RLock()


class KnownServers:
    """What this computer remembers about office servers, in one JSON file of the user's
    configuration folder: the certificate accepted for each, for each account the role
    and scope the server gave it at its last sign-in (so a file opened offline still
    knows which records the account may change), when each cloned file last
    synchronised and what its syncs left to look at (conflicts, refused records). Never a
    password or token."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def _read(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _write(self, data: dict[str, Any]) -> None:
        with _WRITING:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            work = self.path.with_name(self.path.name + ".tmp")
            work.write_text(json.dumps(data, indent=1, sort_keys=True), encoding="utf-8")
            os.replace(work, self.path)

    def _update(self, change: Callable[[dict[str, Any]], None]) -> None:
        with _WRITING:
            data = self._read()
            change(data)
            self._write(data)

    def certificate(self, url: str) -> Certificate | None:
        pem = self._read().get(server_key(url), {}).get("certificate")
        return Certificate(str(pem)) if pem else None

    def accept(self, url: str, certificate: Certificate) -> None:
        def change(data: dict[str, Any]) -> None:
            data.setdefault(server_key(url), {})["certificate"] = certificate.pem

        self._update(change)

    def account(self, url: str, account: str) -> dict[str, Any]:
        """What the server said about ``account`` at its last sign-in (role, scope)."""
        found = self._read().get(server_key(url), {}).get("accounts", {}).get(account, {})
        return dict(found) if isinstance(found, dict) else {}

    def last_sync(self, url: str, client_id: str) -> datetime | None:
        """When the file of ``client_id`` last synchronised with the server (UTC)."""
        found = self._read().get(server_key(url), {}).get("synced", {}).get(client_id)
        try:
            return datetime.fromisoformat(str(found)) if found else None
        except ValueError:
            return None

    def remember_sync(self, url: str, client_id: str, when: datetime) -> None:
        def change(data: dict[str, Any]) -> None:
            synced = data.setdefault(server_key(url), {}).setdefault("synced", {})
            synced[client_id] = when.isoformat()

        self._update(change)

    def remember_account(self, url: str, account: str, role: str, scope: str | None) -> None:
        def change(data: dict[str, Any]) -> None:
            accounts = data.setdefault(server_key(url), {}).setdefault("accounts", {})
            accounts[account] = {"role": role, "scope_entity_id": scope}

        self._update(change)

    def left_to_review(self, url: str, client_id: str) -> dict[str, Any]:
        """What the syncs of the file of ``client_id`` left for the person to look at
        (see :mod:`intl_desk.sync.to_review`)."""
        found = self._read().get(server_key(url), {}).get("to_review", {}).get(client_id)
        return dict(found) if isinstance(found, dict) else {}

    def update_left_to_review(
        self, url: str, client_id: str, change: Callable[[dict[str, Any]], None]
    ) -> None:
        def update(data: dict[str, Any]) -> None:
            files = data.setdefault(server_key(url), {}).setdefault("to_review", {})
            found = files.get(client_id)
            kept = dict(found) if isinstance(found, dict) else {}
            change(kept)
            files[client_id] = kept

        self._update(update)


def known_servers() -> KnownServers:
    """This user's record of office servers (in the user's configuration folder)."""
    from intl_desk.paths import user_config_dir

    return KnownServers(user_config_dir() / "office-servers.json")
