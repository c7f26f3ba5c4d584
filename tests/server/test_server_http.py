"""``intl-desk server run``: a real uvicorn process on 127.0.0.1, talked to over HTTP.

Signing in gives a short-lived token; every route but /health and sign-in refuses a
request without a valid one (missing, tampered, expired, of a disabled account); failed
sign-ins are limited; each request is one log line; SIGTERM stops the server cleanly.
"""

from __future__ import annotations

import base64
import json
import ssl
import subprocess
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from live_server import (
    PASSWORD,
    LiveServer,
    add_account,
    database_url,
    fresh_server_database,
    live_server,
    needs_sigterm,
)
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from intl_desk.cli import main
from intl_desk.core.model import Change, Partner
from intl_desk.server.tables import setting_table
from intl_desk.server.tokens import sign_token
from intl_desk.store.row_codec import encode_row


@pytest.fixture(scope="module")
def server_db() -> Iterator[Engine]:
    engine = fresh_server_database()
    add_account(engine, "rita", "reader")
    add_account(engine, "bruno", "editor")
    add_account(engine, "guesser", "editor")
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def server(server_db: Engine) -> Iterator[LiveServer]:
    with live_server(server_db) as running:
        yield running


def _login(server: LiveServer, name: str, password: str = PASSWORD) -> httpx.Response:
    return httpx.post(f"{server.address}/v1/login", json={"name": name, "password": password})


def _token(server: LiveServer, name: str) -> str:
    response = _login(server, name)
    assert response.status_code == 200, response.text
    return str(response.json()["token"])


def _me(server: LiveServer, token: str) -> httpx.Response:
    return httpx.get(f"{server.address}/v1/me", headers={"Authorization": f"Bearer {token}"})


def test_health_answers_and_the_schema_is_published(server: LiveServer) -> None:
    health = httpx.get(f"{server.address}/health")
    assert health.status_code == 200
    assert health.json()["status"] == "ok"
    schema = httpx.get(f"{server.address}/openapi.json").json()
    assert {"/v1/login", "/v1/me", "/health"} <= set(schema["paths"])


def test_signing_in_gives_a_token_that_opens_the_routes(server: LiveServer) -> None:
    response = _login(server, "rita")
    assert response.status_code == 200
    body = response.json()
    assert body["account"] == {"name": "rita", "role": "reader", "scope_entity_id": None}
    me = _me(server, body["token"])
    assert me.status_code == 200
    assert me.json()["name"] == "rita"


def test_every_route_but_health_and_sign_in_refuses_a_request_without_a_token(
    server: LiveServer,
) -> None:
    schema = httpx.get(f"{server.address}/openapi.json").json()
    guarded = [
        (method, path)
        for path, operations in schema["paths"].items()
        for method in operations
        if path not in ("/health", "/v1/login", "/v1/token/refresh")  # a refresh token instead
    ]
    assert guarded, "the schema lists the routes"
    for method, path in guarded:
        response = httpx.request(method.upper(), f"{server.address}{path}", json={})
        assert response.status_code == 401, (method, path)
        assert response.json()["msgid"].startswith("Sign in first")


def test_a_wrong_password_is_refused_without_a_token(server: LiveServer) -> None:
    response = _login(server, "bruno", "not-the-password")
    assert response.status_code == 401
    assert "token" not in response.json()
    assert response.json()["detail"] == "Wrong account name or password."
    assert _login(server, "nobody-here", PASSWORD).status_code == 401


def test_a_tampered_token_is_refused(server: LiveServer) -> None:
    token = _token(server, "rita")
    payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["sub"] = "ana"  # a reader claiming to be the administrator
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    for bad in (f"{forged}.{signature}", token[:-2] + "xx", "not-a-token", token + "."):
        response = _me(server, bad)
        assert response.status_code == 401, bad
        assert response.json()["msgid"].startswith("The server does not recognise")


def test_an_expired_token_is_refused(server: LiveServer, server_db: Engine) -> None:
    with server_db.connect() as connection:
        secret = bytes.fromhex(connection.scalar(select(setting_table.c.value)))
    expired = sign_token(secret, "rita", now=time.time() - 3600)  # good for 15 minutes
    response = _me(server, expired)
    assert response.status_code == 401
    assert response.json()["detail"] == "Your sign-in has expired; sign in again."
    assert _me(server, sign_token(secret, "rita")).status_code == 200


def test_the_token_of_a_disabled_account_stops_working(
    server: LiveServer, server_db: Engine
) -> None:
    add_account(server_db, "carla", "editor")
    token = _token(server, "carla")
    assert _me(server, token).status_code == 200
    assert main(["server", "user", "disable", "carla", "--db", database_url(server_db)]) == 0
    response = _me(server, token)
    assert response.status_code == 401
    assert response.json()["params"] == {"name": "carla"}


def test_repeated_failed_sign_ins_are_refused_for_a_while(server: LiveServer) -> None:
    for _attempt in range(5):
        assert _login(server, "guesser", "guess-number-x").status_code == 401
    response = _login(server, "guesser")  # even the right password now
    assert response.status_code == 429
    assert int(response.headers["Retry-After"]) > 0
    assert response.json()["msgid"].startswith("Too many failed sign-ins")
    assert _login(server, "bruno").status_code == 200  # other accounts are not held up


def _self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    cert, key = folder / "server.pem", folder / "server.key"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


@needs_sigterm
def test_behind_tls_each_request_is_logged_and_sigterm_stops_cleanly(
    server_db: Engine, tmp_path: Path
) -> None:
    cert, key = _self_signed_certificate(tmp_path)
    with live_server(server_db, ["--tls-cert", str(cert), "--tls-key", str(key)]) as running:
        assert running.address.startswith("https://")
        trusted = ssl.create_default_context(cafile=str(cert))
        with httpx.Client(base_url=running.address, verify=trusted) as client:
            assert client.get("/health").status_code == 200
            token = client.post("/v1/login", json={"name": "ana", "password": PASSWORD})
            assert client.get(
                "/v1/me", headers={"Authorization": f"Bearer {token.json()['token']}"}
            ).status_code == 200
            assert client.get("/v1/me").status_code == 401
        with pytest.raises(httpx.TransportError):  # no plain HTTP on a TLS port
            httpx.get(running.address.replace("https", "http") + "/health")
        code, stdout, stderr = running.stop()
    assert code == 0
    assert "The office server stopped." in stdout
    lines = [line for line in stderr.splitlines() if "route=" in line]
    assert len(lines) == 4 and all("ms=" in line for line in lines)
    assert any("user=- route=GET /health status=200" in line for line in lines)
    assert any("user=ana route=POST /v1/login status=200" in line for line in lines)
    assert any("user=ana route=GET /v1/me status=200" in line for line in lines)
    assert any("user=- route=GET /v1/me status=401" in line for line in lines)
    assert PASSWORD not in stderr and token.json()["token"] not in stderr


def test_tls_needs_both_the_certificate_and_its_key(
    server_db: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cert = tmp_path / "server.pem"
    cert.write_text("not used")
    code = main(["server", "run", "--db", database_url(server_db), "--tls-cert", str(cert)])
    assert code == 2
    assert "TLS needs both --tls-cert and --tls-key" in capsys.readouterr().err


def test_a_push_the_server_cannot_store_is_refused_whole_and_writes_nothing(
    server: LiveServer, server_db: Engine
) -> None:
    token = _token(server, "bruno")
    now = datetime.now(UTC)
    partner = {
        "id": str(uuid.uuid4()), "created_at": now, "updated_at": now, "origin_office": None,
        "deleted_at": None, "name": "Ł" * 201, "kind": "city", "country_code": "PL",
        "region": None, "latitude": None, "longitude": None, "population": None,
        "geonames_id": None, "iati_org_ref": None, "iati_org_type": None, "website": None,
        "notes": None, "search_key": None,
    }  # fmt: skip
    change = {
        "id": str(uuid.uuid4()), "changed_at": now, "changed_by": "bruno", "office_id": None,
        "record_kind": "partner", "record_id": partner["id"], "action": "create",
        "field": None, "old_value": None, "new_value": None,
    }  # fmt: skip
    body = {"client_id": str(uuid.uuid4()), "cursor": 0,
            "changes": [encode_row("change", change)],
            "records": {"partner": [encode_row("partner", partner)]}}  # fmt: skip
    with server_db.connect() as connection:
        before = connection.scalar(select(func.count()).select_from(Change))
    for broken in (body, {**body, "records": {"partner": [{"id": partner["id"]}]}}):
        response = httpx.post(
            f"{server.address}/v1/sync/push", json=broken,
            headers={"Authorization": f"Bearer {token}"},
        )  # fmt: skip
        assert response.status_code == 422, response.text
        assert response.json()["msgid"].startswith("The server cannot read what was sent")
    with server_db.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(Partner)) == 0
        assert connection.scalar(select(func.count()).select_from(Change)) == before
