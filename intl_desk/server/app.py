"""The office server's HTTP service (FastAPI): sign-in, tokens and the versioned routes.

Routes live under ``/v1`` (a later, incompatible protocol gets ``/v2`` beside it);
``/health`` and the OpenAPI schema (``/openapi.json``, ``/docs``) are outside, and they
alone — with sign-in itself — answer without a token. Every refusal is JSON with the
message's ``msgid`` and ``params`` beside its English text, so a client shows it in its
user's own language. One log line per request names the account, the route, the status and
the time taken (never a password or token).
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import tempfile
import time
from collections.abc import Awaitable, Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Request, Response
from fastapi.responses import FileResponse, JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DataError, IntegrityError, OperationalError
from starlette.background import BackgroundTask

from intl_desk import __version__
from intl_desk.core.i18n import N_, Message
from intl_desk.server.accounts import Account, authenticate, enabled_account
from intl_desk.server.setup import prepare_for_service
from intl_desk.server.snapshot import write_snapshot
from intl_desk.server.throttle import LoginThrottle
from intl_desk.server.tokens import (
    TOKEN_LIFETIME_SECONDS,
    BadToken,
    ExpiredToken,
    read_token,
    sign_token,
    token_secret,
)
from intl_desk.store.extract import extract

request_log = logging.getLogger("intl_desk.server.requests")


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


class Health(BaseModel):
    status: str
    version: str


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
        account = enabled_account(connection, claims.account)
    if account is None:
        raise Refusal(
            401, N_("The account {name} can no longer sign in."), {"name": claims.account}
        )
    request.state.account = account.name
    return account


SignedIn = Annotated[Account, Depends(signed_in)]


def _login(request: Request, body: LoginRequest) -> LoginResponse:
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
    now = time.time()
    return LoginResponse(
        token=sign_token(state.secret, account.name, now=now),
        expires_at=datetime.fromtimestamp(int(now) + TOKEN_LIFETIME_SECONDS, UTC),
        account=_account_out(account),
    )


def _me(account: SignedIn) -> AccountOut:
    return _account_out(account)


CURSOR_HEADER = "X-Intl-Desk-Cursor"


def _clone(request: Request, account: SignedIn) -> FileResponse:
    """The office as an office file (a scoped account's branch only), with the cursor it is
    consistent with."""
    folder = Path(tempfile.mkdtemp(prefix="intl-desk-clone-"))
    target = folder / "office.sqlite"
    try:
        cursor = write_snapshot(request.app.state.engine, target)
        if account.scope_entity_id:  # what a scoped account reads: its branch's extract
            whole, target = target, folder / "branch.sqlite"
            extract(whole, target, entity_id=account.scope_entity_id)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return FileResponse(
        target,
        media_type="application/vnd.sqlite3",
        headers={CURSOR_HEADER: str(cursor)},
        background=BackgroundTask(shutil.rmtree, folder, ignore_errors=True),
    )


class PushRequest(BaseModel):
    client_id: str
    cursor: int
    changes: list[dict[str, Any]]
    records: dict[str, list[dict[str, Any]]]


class PushResponse(BaseModel):
    accepted: list[str]
    refused: list[dict[str, Any]]
    conflicts: list[dict[str, Any]]


class HashList(BaseModel):
    hashes: list[str]


MAX_DOCUMENT_BYTES = 50 * 1024 * 1024


def _push(request: Request, account: SignedIn, body: PushRequest) -> PushResponse:
    from intl_desk.server.push import MalformedPush, apply_push

    try:
        result = apply_push(
            request.app.state.engine, account, body.client_id, body.cursor, body.changes,
            body.records,
        )  # fmt: skip
    except MalformedPush as error:
        raise Refusal(
            422,
            N_("The server cannot read what was sent ({detail}); nothing was saved."),
            {"detail": str(error)[:200]},
        ) from None
    except IntegrityError as error:
        raise Refusal(
            409,
            N_(
                "The server saved nothing of this batch: a record refers to one the server "
                "does not have ({detail}). Synchronise again; if it persists, run check on "
                "the file."
            ),
            {"detail": str(error.orig).strip().splitlines()[0][:200]},
        ) from None
    except DataError as error:  # a value the database refuses (too long, out of range)
        raise Refusal(
            422,
            N_("The server cannot read what was sent ({detail}); nothing was saved."),
            {"detail": str(error.orig).strip().splitlines()[0][:200]},
        ) from None
    return PushResponse(
        accepted=result.accepted, refused=result.refused, conflicts=result.conflicts
    )


def _pull(request: Request, account: SignedIn, cursor: int = 0, limit: int = 1000) -> Any:
    from intl_desk.server.pull import read_batch

    return read_batch(request.app.state.engine, cursor, limit, account)


def _missing_documents(request: Request, account: SignedIn, body: HashList) -> HashList:
    from intl_desk.server.push import missing_contents

    with request.app.state.engine.connect() as connection:
        return HashList(hashes=missing_contents(connection, body.hashes))


async def _upload_document(request: Request, account: SignedIn, sha256: str) -> Response:
    from intl_desk.server.push import store_content

    if account.role == "reader":
        raise Refusal(403, N_("Your account may only read: nothing was saved."))
    content = bytearray()
    async for chunk in request.stream():
        content.extend(chunk)
        if len(content) > MAX_DOCUMENT_BYTES:
            raise Refusal(413, N_("A document may hold at most 50 MB."))
    if hashlib.sha256(content).hexdigest() != sha256.lower():
        raise Refusal(
            400, N_("The document's content does not match its fingerprint; send it again.")
        )
    with request.app.state.engine.begin() as connection:
        store_content(connection, sha256.lower(), bytes(content))
    return Response(status_code=204)


def _download_document(request: Request, account: SignedIn, sha256: str) -> Response:
    from intl_desk.server.push import content_for

    with request.app.state.engine.connect() as connection:
        content = content_for(connection, sha256.lower())
    if content is None:
        raise Refusal(404, N_("The server holds no document with this fingerprint."))
    return Response(content, media_type="application/octet-stream")


def _health(request: Request) -> JSONResponse:
    try:
        with request.app.state.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except OperationalError:
        return JSONResponse(
            {"status": "database unreachable", "version": __version__}, status_code=503
        )
    return JSONResponse(Health(status="ok", version=__version__).model_dump())


async def _log_request(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    started = time.perf_counter()
    status = 500
    try:
        response = await call_next(request)
        status = response.status_code
        return response
    finally:
        route = request.scope.get("route")
        path = getattr(route, "path", request.url.path)
        request_log.info(
            "user=%s route=%s %s status=%d ms=%.1f",
            getattr(request.state, "account", "-"),
            request.method,
            path,
            status,
            (time.perf_counter() - started) * 1000,
        )


async def _refused(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, Refusal)
    return JSONResponse(
        refusal_body(error.message), status_code=error.status, headers=error.headers
    )


def create_app(engine: Engine, throttle: LoginThrottle | None = None) -> FastAPI:
    """The service over the server database of ``engine`` (set up by ``server init``)."""
    prepare_for_service(engine)  # migrations and server tables added since server init
    with engine.begin() as connection:
        secret = token_secret(connection)
    app = FastAPI(
        title="Intl Desk office server",
        version=__version__,
        description="Synchronises the office files of an office network with one database.",
    )
    app.state.engine = engine
    app.state.secret = secret
    app.state.throttle = throttle or LoginThrottle()
    app.add_exception_handler(Refusal, _refused)
    app.middleware("http")(_log_request)
    app.add_api_route("/health", _health, methods=["GET"], response_model=Health)
    v1 = APIRouter(prefix="/v1")
    v1.add_api_route("/login", _login, methods=["POST"], response_model=LoginResponse)
    v1.add_api_route("/me", _me, methods=["GET"], response_model=AccountOut)
    v1.add_api_route(
        "/clone",
        _clone,
        methods=["GET"],
        response_class=FileResponse,
        summary="The office as an office file (SQLite), with the server's cursor in a header",
    )
    v1.add_api_route(
        "/sync/push", _push, methods=["POST"], response_model=PushResponse,
        summary="Send the history rows the server lacks and the records they changed",
    )  # fmt: skip
    v1.add_api_route(
        "/sync/pull", _pull, methods=["GET"],
        summary="The history rows after a cursor and the records they concern",
    )  # fmt: skip
    v1.add_api_route(
        "/documents/missing", _missing_documents, methods=["POST"], response_model=HashList,
        summary="Which of these document contents (SHA-256) the server lacks",
    )  # fmt: skip
    v1.add_api_route(
        "/documents/{sha256}", _upload_document, methods=["PUT"], status_code=204,
        summary="A document's content, sent once, before the records naming it",
    )  # fmt: skip
    v1.add_api_route(
        "/documents/{sha256}", _download_document, methods=["GET"],
        response_class=Response, summary="A document's content by its SHA-256",
    )  # fmt: skip
    app.include_router(v1)
    return app
