"""The sign-in token of each account on each office server, in the system's credential
store (Windows Credential Manager, macOS Keychain, the Secret Service on Linux) through
``keyring``. The password itself is never stored anywhere.

A computer without a usable credential store (a Linux session with no Secret Service) is
not an error: the token is then kept only while the app runs, and the person signs in
again at the next start.
"""

from __future__ import annotations

import contextlib
import logging

import keyring
from keyring.errors import KeyringError

log = logging.getLogger(__name__)

SERVICE = "Intl Desk office server"

#: tokens kept for this run only, when the credential store cannot be used
_IN_MEMORY: dict[str, str] = {}


def _key(server_url: str, account: str) -> str:
    return f"{account}@{server_url.rstrip('/')}"


def _load(key: str) -> str | None:
    try:
        stored = keyring.get_password(SERVICE, key)
    except (KeyringError, RuntimeError):
        log.info("no credential store: tokens kept for this run only", exc_info=True)
        stored = None
    return stored or _IN_MEMORY.get(key)


def _save(key: str, secret: str) -> None:
    try:
        keyring.set_password(SERVICE, key, secret)
    except (KeyringError, RuntimeError):
        log.info("no credential store: tokens kept for this run only", exc_info=True)
        _IN_MEMORY[key] = secret
    else:
        _IN_MEMORY.pop(key, None)


def _refresh_key(server_url: str, account: str) -> str:
    return f"{_key(server_url, account)} refresh"


def load_token(server_url: str, account: str) -> str | None:
    return _load(_key(server_url, account))


def save_token(server_url: str, account: str, token: str) -> None:
    _save(_key(server_url, account), token)


def load_refresh_token(server_url: str, account: str) -> str | None:
    """What renews the sign-in without the password once the token expired (a desktop
    closed over a weekend): kept in the credential store beside the token."""
    return _load(_refresh_key(server_url, account))


def save_refresh_token(server_url: str, account: str, token: str) -> None:
    _save(_refresh_key(server_url, account), token)


def forget_token(server_url: str, account: str) -> None:
    """Forget the account's token and refresh token (signing out)."""
    for key in (_key(server_url, account), _refresh_key(server_url, account)):
        _IN_MEMORY.pop(key, None)
        with contextlib.suppress(KeyringError, RuntimeError):  # nothing kept: nothing to forget
            keyring.delete_password(SERVICE, key)
