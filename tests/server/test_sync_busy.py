"""A busy server says when to come back, and the desktop comes back then, a bounded number
of times: a push that cannot have its turn within the server's ``--queue-wait`` is
answered 503 with ``Retry-After`` (nothing of it applied) rather than kept waiting past
the client's time-out. The change order is held here by another connection, as another
server process's long push would hold it."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from live_server import PASSWORD, LiveServer, fresh_server_database, holding, live_server
from sqlalchemy import select
from sqlalchemy.engine import Engine

from intl_desk.cli import main
from intl_desk.core.model import Partner
from intl_desk.server.admission import Admission, ServerBusy
from intl_desk.store.office_file import OfficeFile
from intl_desk.sync import client as client_module
from intl_desk.sync.sync import SyncReport, sync_file

HOLD_ORDER = "LOCK TABLE server_change_order IN SHARE ROW EXCLUSIVE MODE"


@pytest.fixture(scope="module")
def server_db() -> Iterator[Engine]:
    engine = fresh_server_database()
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def server(server_db: Engine) -> Iterator[LiveServer]:
    with live_server(server_db, ["--queue-wait", "0.3"]) as running:
        yield running


@pytest.fixture
def clone_with_a_partner(
    server: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Path:
    monkeypatch.setenv("INTL_DESK_PASSWORD", PASSWORD)
    target = tmp_path / "ana.sqlite"
    assert main(["clone", server.address, "-o", str(target), "--user", "ana"]) == 0
    with OfficeFile.open(target) as office, office.session() as session:
        session.add(Partner(name=f"Ville de Lyon {tmp_path.name}", country_code="FR"))
        session.commit()
    return target


def _statuses(
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[list[tuple[str, int, str]], threading.Event]:
    """Every answer the client receives (route, status, Retry-After); the event is set at
    the first 503."""
    seen: list[tuple[str, int, str]] = []
    busy = threading.Event()
    send = client_module.ServerClient._send

    def recording(self: client_module.ServerClient, method: str, route: str, **options: Any
                  ) -> httpx.Response:  # fmt: skip
        response = send(self, method, route, **options)
        seen.append((route, response.status_code, response.headers.get("Retry-After", "")))
        if response.status_code == 503:
            busy.set()
        return response

    monkeypatch.setattr(client_module.ServerClient, "_send", recording)
    return seen, busy


def test_a_push_kept_waiting_is_told_when_to_come_back_and_goes_through_then(
    server: LiveServer,
    server_db: Engine,
    clone_with_a_partner: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen, busy = _statuses(monkeypatch)
    outcome: list[SyncReport | BaseException] = []

    def synchronise() -> None:
        try:
            outcome.append(sync_file(clone_with_a_partner, PASSWORD))
        except BaseException as error:
            outcome.append(error)

    worker = threading.Thread(target=synchronise)
    try:
        with holding(server_db, HOLD_ORDER):
            worker.start()
            assert busy.wait(timeout=60), seen
        worker.join(timeout=120)
        assert not worker.is_alive()
    finally:
        worker.join(timeout=120)
    (report,) = outcome
    assert isinstance(report, SyncReport), report
    assert report.pushed >= 1
    pushes = [(status, after) for route, status, after in seen if route == "/v1/sync/push"]
    assert pushes[0][0] == 503 and int(pushes[0][1]) >= 1
    assert pushes[-1] == (200, "")
    with server_db.connect() as connection:
        names = connection.scalars(select(Partner.name)).all()
    assert f"Ville de Lyon {clone_with_a_partner.parent.name}" in names


def test_a_server_busy_for_longer_than_the_desk_waits_is_said_and_nothing_is_lost(
    server: LiveServer,
    server_db: Engine,
    clone_with_a_partner: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(client_module, "BUSY_PATIENCE", 1.0)
    seen, _busy = _statuses(monkeypatch)
    capsys.readouterr()
    with holding(server_db, HOLD_ORDER):
        code = main(["sync", str(clone_with_a_partner)])
    said = capsys.readouterr().err
    assert code != 0
    assert "The office server is busy with other desks; synchronise again in a minute." in said
    assert 2 <= [route for route, _s, _a in seen].count("/v1/sync/push") <= 3  # bounded
    assert main(["sync", str(clone_with_a_partner)]) == 0  # the edit waited in the file
    with server_db.connect() as connection:
        names = connection.scalars(select(Partner.name)).all()
    assert f"Ville de Lyon {clone_with_a_partner.parent.name}" in names


def test_reads_beyond_the_limit_wait_their_turn_then_are_told_to_come_back() -> None:
    admission = Admission(heavy_reads=1, read_wait=0.05)
    with admission.heavy_read(), pytest.raises(ServerBusy) as refused, admission.heavy_read():
        pass
    assert refused.value.status == 503
    assert refused.value.headers["Retry-After"] == "1"
    with admission.heavy_read():  # free again once the first read is done
        pass
