"""Short-lived signed tokens: what a client shows on every request after signing in.

A token is ``payload.signature``: the payload (account name, issue and expiry times, as
JSON) and its HMAC-SHA256 under the server's own secret, both base64url. The secret is
made once per server, at random, and kept in the server's database (``server_setting``),
never in code or on the command line; every process serving that database signs and
checks with it. A token says who signed in, nothing more: the account's role, scope and
whether it is still enabled are read again on every request, so disabling an account
takes effect at once.

Each token also carries the account's *token generation* (``gen``): a new password or
disabling the account moves it on, and every token made before — above all a refresh
token good for a month on a laptop — is refused from then on.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import secrets
import time
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from intl_desk.server.tables import setting_table

#: how long a token is good for; clients renew it (or refresh it) before or after that
TOKEN_LIFETIME_SECONDS = 15 * 60
#: how long a refresh token is good for: a desktop away for up to this long (a holiday)
#: gets a fresh token without the password; each renewal gives a new one
REFRESH_LIFETIME_SECONDS = 30 * 24 * 3600
#: what a token is for: every request (``access``) or only getting a new pair (``refresh``)
ACCESS, REFRESH = "access", "refresh"
SECRET_SETTING = "token_secret"

@dataclass(frozen=True)
class TokenClaims:
    account: str
    issued_at: int
    expires_at: int
    #: the account's token generation when the token was made (see the module's note)
    generation: int = 0


class BadToken(Exception):
    """The token was not made by this server, was changed, or is unreadable."""


class ExpiredToken(Exception):
    """The token was made by this server but its time is up."""


def token_secret(connection: Connection) -> bytes:
    """The server's signing secret, made (once, at random) when it has none yet."""
    stored = connection.scalar(
        select(setting_table.c.value).where(setting_table.c.name == SECRET_SETTING)
    )
    if stored is None:
        fresh = secrets.token_hex(32)
        try:
            with connection.begin_nested():
                connection.execute(setting_table.insert().values(name=SECRET_SETTING, value=fresh))
            stored = fresh
        except IntegrityError:  # another process made it meanwhile: use theirs
            stored = connection.scalar(
                select(setting_table.c.value).where(setting_table.c.name == SECRET_SETTING)
            )
    return bytes.fromhex(str(stored))


def _encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _signature(secret: bytes, payload: str) -> str:
    return _encode(hmac.new(secret, payload.encode("ascii"), hashlib.sha256).digest())


def sign_token(
    secret: bytes,
    account: str,
    *,
    now: float | None = None,
    lifetime: int = TOKEN_LIFETIME_SECONDS,
    kind: str = ACCESS,
    generation: int = 0,
) -> str:
    issued = int(time.time() if now is None else now)
    claims: dict[str, object] = {"sub": account, "iat": issued, "exp": issued + lifetime}
    if generation:
        claims["gen"] = generation
    if kind != ACCESS:
        claims["use"] = kind  # an access token's payload stays as it always was
        claims["jti"] = secrets.token_urlsafe(9)  # each renewal a new one, even within a second
    payload = _encode(json.dumps(claims, separators=(",", ":")).encode("utf-8"))
    return f"{payload}.{_signature(secret, payload)}"


def read_token(
    secret: bytes, token: str, *, now: float | None = None, kind: str = ACCESS
) -> TokenClaims:
    """The claims of a token this server signed for ``kind``; :class:`BadToken` (also for
    a refresh token shown as an access token, or the reverse) or :class:`ExpiredToken`."""
    payload, _dot, signature = token.partition(".")
    if not payload or not signature:
        raise BadToken
    try:
        expected = _signature(secret, payload)
    except UnicodeEncodeError:
        raise BadToken from None
    if not hmac.compare_digest(expected.encode("ascii"), signature.encode("utf-8", "replace")):
        raise BadToken
    try:
        claims = json.loads(_decode(payload))
        result = TokenClaims(
            str(claims["sub"]), int(claims["iat"]), int(claims["exp"]), int(claims.get("gen", 0))
        )
        use = str(claims.get("use", ACCESS))
    except (binascii.Error, ValueError, KeyError, TypeError, AttributeError):
        raise BadToken from None
    if use != kind:
        raise BadToken
    if (time.time() if now is None else now) >= result.expires_at:
        raise ExpiredToken
    return result
