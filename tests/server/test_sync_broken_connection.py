"""A connection that breaks under a request is sent again: among 50 desks syncing at once
one pull, after its push was accepted, ended in "Connection reset by peer" (the server
closed the kept-alive connection as the request went out on it). Every request of the
protocol may be sent twice safely; here the answers are lost after the real server has
done the work (the push applied, the pull read), which is the hardest case: the push
must still be stored once, and the sync must end with everyone's records."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from live_server import PASSWORD, LiveServer, fresh_server_database, live_server
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from intl_desk.cli import main
from intl_desk.core.model import Change, Partner
from intl_desk.store.office_file import OfficeFile
from intl_desk.sync.client import ServerUnreachable
from intl_desk.sync.sync import sync_file


@pytest.fixture(scope="module")
def server_db() -> Iterator[Engine]:
    engine = fresh_server_database()
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def server(server_db: Engine) -> Iterator[LiveServer]:
    with live_server(server_db) as running:
        yield running


def _clone(server: LiveServer, target: Path, partner: str) -> Path:
    assert main(["clone", server.address, "-o", str(target), "--user", "ana"]) == 0
    with OfficeFile.open(target) as office, office.session() as session:
        session.add(Partner(name=partner, country_code="FR"))
        session.commit()
    return target


def _answers_lost(monkeypatch: pytest.MonkeyPatch, routes: dict[str, int]) -> list[str]:
    """The answers to the first ``routes[route]`` requests to each route are lost after
    the server has answered: the connection is reset. Returns the routes sent, in order."""
    sent: list[str] = []
    handle = httpx.HTTPTransport.handle_request

    def resetting(self: httpx.HTTPTransport, request: httpx.Request) -> httpx.Response:
        sent.append(request.url.path)
        response = handle(self, request)
        if routes.get(request.url.path, 0) > 0:
            routes[request.url.path] -= 1
            response.read()
            response.close()
            raise httpx.ReadError("[Errno 104] Connection reset by peer", request=request)
        return response

    monkeypatch.setattr(httpx.HTTPTransport, "handle_request", resetting)
    return sent


def test_a_push_and_a_pull_whose_connection_broke_are_sent_again_and_applied_once(
    server: LiveServer, server_db: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INTL_DESK_PASSWORD", PASSWORD)
    other = _clone(server, tmp_path / "bruno.sqlite", "Ville de Lyon")
    assert main(["sync", str(other)]) == 0
    mine = _clone(server, tmp_path / "ana.sqlite", "Łódź")

    sent = _answers_lost(monkeypatch, {"/v1/sync/push": 1, "/v1/sync/pull": 1})
    report = sync_file(mine, PASSWORD)

    assert sent.count("/v1/sync/push") == 2 and sent.count("/v1/sync/pull") >= 2
    assert report.pushed >= 1 and not report.refused and not report.conflicts
    with server_db.connect() as connection:
        lodz = connection.scalars(select(Partner.id).where(Partner.name == "Łódź")).all()
        assert len(lodz) == 1  # stored once though it arrived twice
        created = connection.scalar(
            select(func.count()).select_from(Change).where(Change.record_id == lodz[0])
        )
    with OfficeFile.open(mine, read_only=True) as office, office.session() as session:
        names = set(session.scalars(select(Partner.name)))
        history = session.scalar(
            select(func.count()).select_from(Change).where(Change.record_id == lodz[0])
        )
    assert {"Ville de Lyon", "Łódź"} <= names
    assert history == created


def test_a_connection_that_keeps_breaking_is_said_in_one_sentence_and_the_next_sync_ends(
    server: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INTL_DESK_PASSWORD", PASSWORD)
    mine = _clone(server, tmp_path / "ana.sqlite", "Kraków")
    routes = {"/v1/sync/pull": 3}
    sent = _answers_lost(monkeypatch, routes)

    with pytest.raises(ServerUnreachable) as raised:
        sync_file(mine, PASSWORD)
    assert "Connection reset by peer" in str(raised.value)
    assert sent.count("/v1/sync/pull") == 3  # sent, then sent again twice: no more

    report = sync_file(mine, PASSWORD)  # the push went through before; the pull ends now
    assert not report.refused
    with OfficeFile.open(mine, read_only=True) as office, office.session() as session:
        assert "Kraków" in set(session.scalars(select(Partner.name)))
