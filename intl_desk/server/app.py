"""The office server's HTTP service (FastAPI): the application, its log and health.

Routes live under ``/v1`` (a later, incompatible protocol gets ``/v2`` beside it): sign-in
and the account (:mod:`.auth`), clone, push, pull and documents (:mod:`.sync_routes`).
``/health`` and the OpenAPI schema (``/openapi.json``, ``/docs``) are outside, and they
alone — with sign-in itself — answer without a token. One log line per request names the
account, the route, the status and the time taken (never a password or token).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable

from fastapi import APIRouter, FastAPI, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from intl_desk import __version__
from intl_desk.core.i18n import N_, Message
from intl_desk.server.admin_routes import add_admin_routes
from intl_desk.server.admission import Admission
from intl_desk.server.auth import (
    AccountOut,
    LoginResponse,
    Refusal,
    login,
    me,
    refresh,
    refusal_body,
    renew,
)
from intl_desk.server.setup import prepare_for_service
from intl_desk.server.sync_routes import add_sync_routes
from intl_desk.server.throttle import LoginThrottle
from intl_desk.server.tokens import token_secret

request_log = logging.getLogger("intl_desk.server.requests")


class Health(BaseModel):
    status: str
    version: str


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


async def _busy(request: Request, error: Exception) -> JSONResponse:
    message = Message(N_("The office server is busy; synchronise again in a few minutes."))
    return JSONResponse(refusal_body(message), status_code=503, headers={"Retry-After": "60"})


async def _refused(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, Refusal)
    return JSONResponse(
        refusal_body(error.message), status_code=error.status, headers=error.headers
    )


def create_app(
    engine: Engine, throttle: LoginThrottle | None = None, admission: Admission | None = None
) -> FastAPI:
    """The service over the server database of ``engine`` (set up by ``server init``);
    ``admission`` limits the heavy work taken on at once (:mod:`.admission`)."""
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
    app.state.admission = admission or Admission()
    app.add_exception_handler(Refusal, _refused)
    app.add_exception_handler(PoolTimeout, _busy)  # every database connection in use
    app.middleware("http")(_log_request)
    app.add_api_route("/health", _health, methods=["GET"], response_model=Health)
    v1 = APIRouter(prefix="/v1")
    v1.add_api_route("/login", login, methods=["POST"], response_model=LoginResponse)
    v1.add_api_route("/me", me, methods=["GET"], response_model=AccountOut)
    v1.add_api_route("/token", renew, methods=["POST"], response_model=LoginResponse)
    v1.add_api_route("/token/refresh", refresh, methods=["POST"], response_model=LoginResponse)
    add_sync_routes(v1)
    add_admin_routes(v1)  # accounts, for Office › Users and roles…
    app.include_router(v1)
    return app
