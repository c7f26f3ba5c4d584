"""Signing in and the token every other route needs; refusals as JSON messages.

A refusal is JSON with the message's ``msgid`` and ``params`` beside its English text, so
a client shows it in its user's own language.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel
from sqlalchemy.engine import Connection

from intl_desk.core.i18n import N_, Message
from intl_desk.server.accounts import Account, authenticate, enabled_account
from intl_desk.server.tokens import (
    REFRESH,
    REFRESH_LIFETIME_SECONDS,
    TOKEN_LIFETIME_SECONDS,
    BadToken,
    ExpiredToken,
    TokenClaims,
    read_token,
    sign_token,
)


class Refusal(Exception):
    """A request the server refuses, with the HTTP status and the message for the user."""

    def __init__(
        self, status: int, msgid: str, params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(msgid)
        self.status = status
        self.message = Message(msgid, dict(params or {}))
        self.headers = dict(headers or {})


def refusal_body(message: Message) -> dict[str, Any]:
    return {
        "detail": message.render("en"),
        "msgid": message.msgid,
        "params": dict(message.params),
    }


class LoginRequest(BaseModel):
    name: str
    password: str


class AccountOut(BaseModel):
    name: str
    role: str
    scope_entity_id: str | None


class LoginResponse(BaseModel):
    token: str
    expires_at: datetime
    account: AccountOut
    #: exchanged at POST /v1/token/refresh for a new pair once ``token`` has expired
    refresh_token: str | None = None


class RefreshRequest(BaseModel):
    refresh_token: str


def _tokens(secret: bytes, account: Account) -> LoginResponse:
    """A fresh token and refresh token for ``account``."""
    now = time.time()
    generation = account.token_generation
    return LoginResponse(
        token=sign_token(secret, account.name, now=now, generation=generation),
        expires_at=datetime.fromtimestamp(int(now) + TOKEN_LIFETIME_SECONDS, UTC),
        account=_account_out(account),
        refresh_token=sign_token(
            secret, account.name, now=now, lifetime=REFRESH_LIFETIME_SECONDS, kind=REFRESH,
            generation=generation,
        ),
    )


def _account_out(account: Account) -> AccountOut:
    return AccountOut(
        name=account.name, role=account.role, scope_entity_id=account.scope_entity_id
    )


_bearer = HTTPBearer(auto_error=False, description="the token given by POST /v1/login")


def signed_in(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Account:
    """The account behind the request's token; every route under /v1 but login needs it."""
    if credentials is None:
        raise Refusal(401, N_("Sign in first: the server answers only signed-in accounts."))
    try:
        claims = read_token(request.app.state.secret, credentials.credentials)
    except ExpiredToken:
        raise Refusal(401, N_("Your sign-in has expired; sign in again.")) from None
    except BadToken:
        raise Refusal(
            401, N_("The server does not recognise this sign-in; sign in again.")
        ) from None
    with request.app.state.engine.connect() as connection:
        account = _still_signed_in(connection, claims)
    request.state.account = account.name
    return account


def _still_signed_in(connection: Connection, claims: TokenClaims) -> Account:
    """The account a good token names, if it may still sign in and the token was made
    after its last new password or disabling; else the refusal to answer."""
    account = enabled_account(connection, claims.account)
    if account is None:
        raise Refusal(
            401, N_("The account {name} can no longer sign in."), {"name": claims.account}
        )
    if claims.generation != account.token_generation:
        raise Refusal(
            401,
            N_(
                "The server has ended this sign-in (a new password was set, or the account "
                "was disabled for a while); sign in again."
            ),
        )
    return account


SignedIn = Annotated[Account, Depends(signed_in)]


def login(request: Request, body: LoginRequest) -> LoginResponse:
    state = request.app.state
    client = request.client.host if request.client else "-"
    wait = state.throttle.wait_seconds(client, body.name)
    if wait:
        raise Refusal(
            429,
            N_("Too many failed sign-ins for {name}; try again in {seconds} seconds."),
            {"name": body.name, "seconds": wait},
            headers={"Retry-After": str(wait)},
        )
    with state.engine.connect() as connection:
        account = authenticate(connection, body.name, body.password)
    if account is None:
        state.throttle.failed(client, body.name)
        raise Refusal(401, N_("Wrong account name or password."))
    state.throttle.succeeded(client, body.name)
    request.state.account = account.name
    return _tokens(state.secret, account)


def me(account: SignedIn) -> AccountOut:
    return _account_out(account)


def renew(request: Request, account: SignedIn) -> LoginResponse:
    """A fresh token (and refresh token) for an account still signed in: a desktop that
    synchronises every few minutes keeps working without asking for the password again."""
    return _tokens(request.app.state.secret, account)


def refresh(request: Request, body: RefreshRequest) -> LoginResponse:
    """A fresh pair for a desktop whose token expired while it was away (closed, asleep,
    offline): its refresh token, good for :data:`REFRESH_LIFETIME_SECONDS`, stands for the
    password. The account must still be enabled; its role and scope are read again."""
    state = request.app.state
    try:
        claims = read_token(state.secret, body.refresh_token, kind=REFRESH)
    except ExpiredToken:
        raise Refusal(401, N_("Your sign-in has expired; sign in again.")) from None
    except BadToken:
        raise Refusal(
            401, N_("The server does not recognise this sign-in; sign in again.")
        ) from None
    with state.engine.connect() as connection:
        account = _still_signed_in(connection, claims)
    request.state.account = account.name
    return _tokens(state.secret, account)
