"""A sync interrupted by force, with real processes: ``kill -9`` of the client while its
push is under way, ``kill -9`` of the server in the middle of a push's transaction, and
the server told to stop (SIGTERM) while it applies a push.

Each time the test holds a lock in PostgreSQL that the server's push needs, so the push
is known to be under way (the server's statement is seen waiting for it) when the blow
falls. Afterwards nothing is half-written or doubled, and the next sync completes.
"""

from __future__ import annotations

import os
import signal
import socket
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from live_server import (
    KILLED,
    PASSWORD,
    LiveServer,
    add_account,
    administrator_session,
    fresh_server_database,
    holding,
    live_server,
    needs_sigterm,
    sync_process,
    wait_until,
    wait_until_no_server_transaction_at,
    wait_until_the_server_waits_at,
)
from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from intl_desk.cli import main
from intl_desk.core.model import Agreement, AgreementParty, Change, LocalEntity, Partner
from intl_desk.core.tracking import TrackedSession
from intl_desk.server.tables import change_order_table
from intl_desk.store.office_file import OfficeFile, check
from intl_desk.store.server_link import pending_changes

TITLE = "Geminação Araponga–Lyon"


@pytest.fixture(scope="module")
def server_db() -> Iterator[Engine]:
    engine = fresh_server_database()
    with administrator_session(engine) as session:
        araponga = LocalEntity(name="Araponga", kind="municipality")
        agreement = Agreement(title=TITLE, type="twinning", status="active",
                              date_signed=date(2019, 5, 14))  # fmt: skip
        agreement.parties.extend([
            AgreementParty(local_entity=araponga),
            AgreementParty(partner=Partner(name="Ville de Lyon", country_code="FR")),
        ])  # fmt: skip
        session.add(agreement)
        session.commit()
    add_account(engine, "bruno", "editor")
    yield engine
    engine.dispose()


@pytest.fixture(autouse=True)
def _password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTL_DESK_PASSWORD", PASSWORD)


class Service:
    """The server process of this module's tests, started again (on the port the clones
    know) after a test killed or stopped it."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._stack = ExitStack()
        self._port: list[str] = []
        self.server = self.running()

    def running(self) -> LiveServer:
        if getattr(self, "server", None) is None or self.server.process.poll() is not None:
            self.server = self._stack.enter_context(live_server(self.engine, self._port))
            self._port = ["--port", str(urlsplit(self.server.address).port)]
        return self.server

    def close(self) -> None:
        self._stack.close()


@pytest.fixture(scope="module")
def service(server_db: Engine) -> Iterator[Service]:
    service = Service(server_db)
    yield service
    service.close()


@pytest.fixture(scope="module")
def clones(service: Service, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Two clones of bruno's: ``mine`` is interrupted, ``theirs`` receives afterwards."""
    folder = tmp_path_factory.mktemp("clones")
    os.environ["INTL_DESK_PASSWORD"] = PASSWORD
    try:
        for name in ("mine", "theirs"):
            target = folder / f"{name}.sqlite"
            assert main(["clone", service.server.address, "-o", str(target),
                         "--user", "bruno"]) == 0  # fmt: skip
    finally:
        del os.environ["INTL_DESK_PASSWORD"]
    return folder / "mine.sqlite", folder / "theirs.sqlite"


def _edit(path: Path, title: str, new_partner: str) -> None:
    """A new partner and the agreement renamed: a push touching two tables."""
    with OfficeFile.open(path) as office, office.session() as session:
        session.add(Partner(name=new_partner, country_code="PT"))
        session.scalars(select(Agreement)).one().title = title
        session.commit()


def _read(path: Path, question: Callable[[Session], object]) -> object:
    with OfficeFile.open(path, read_only=True) as office, office.session() as session:
        return question(session)


def _on_server(engine: Engine, question: Callable[[Session], object]) -> object:
    with TrackedSession(bind=engine) as session:
        return question(session)


def _partners_named(name: str) -> Callable[[Session], object]:
    return lambda session: session.scalar(
        select(func.count()).select_from(Partner).where(Partner.name == name)
    )


def _title(session: Session) -> object:
    return session.scalar(select(Agreement.title))


def _history_of(path: Path) -> list[str]:
    with OfficeFile.open(path, read_only=True) as office, office.engine.connect() as connection:
        return [str(value) for value in connection.scalars(select(Change.id))]


def _pending(path: Path) -> list[str]:
    """The ids of the file's history rows not yet known to the server."""
    with OfficeFile.open(path, read_only=True) as office, office.engine.connect() as connection:
        return [str(row["id"]) for row in pending_changes(connection)]


def _agreement_row_lock(engine: Engine) -> tuple[str, dict[str, object]]:
    with engine.connect() as connection:
        agreement_id = connection.scalar(select(Agreement.id))
    return "SELECT id FROM agreement WHERE id = :id FOR UPDATE", {"id": agreement_id}


def _sync_completes(path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    assert main(["sync", str(path)]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    return captured.out


def _each_change_once(engine: Engine, path: Path, sent: list[str]) -> None:
    """The file's history has no row twice, and each row it sent is on the server once,
    numbered once in the server's order."""
    history = _history_of(path)
    assert len(history) == len(set(history)) and set(sent) <= set(history)
    with engine.connect() as connection:
        on_server = connection.scalar(
            select(func.count()).select_from(Change).where(Change.id.in_(sent))
        )
        numbered = connection.scalar(
            select(func.count())
            .select_from(change_order_table)
            .where(change_order_table.c.change_id.in_(sent))
        )
    assert on_server == numbered == len(sent) > 0


def test_a_client_killed_while_its_push_is_under_way_resumes_without_duplicates(
    server_db: Engine, service: Service, clones: tuple[Path, Path],
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    mine, theirs = clones
    service.running()
    _edit(mine, "Geminação Araponga–Lyon (2025)", "Câmara Municipal do Porto")
    sent = _pending(mine)
    with holding(server_db, "LOCK TABLE server_change_order IN EXCLUSIVE MODE"):
        client = sync_process(mine)
        wait_until_the_server_waits_at(server_db, "LOCK TABLE server_change_order")
        client.kill()  # kill -9 while the server holds its push
        client.communicate(timeout=60)
    assert client.returncode == KILLED
    # the server finishes the push nobody waits for any more; the file never heard back
    assert _pending(mine) == sent
    out = _sync_completes(mine, capsys)  # the dead process's lock is taken over
    assert "Synchronised with" in out
    assert _pending(mine) == []
    assert check(mine).problems == []
    _each_change_once(server_db, mine, sent)
    _sync_completes(theirs, capsys)
    assert _read(theirs, _partners_named("Câmara Municipal do Porto")) == 1
    assert _read(theirs, _title) == "Geminação Araponga–Lyon (2025)"
    assert sorted(_history_of(theirs)) == sorted(_history_of(mine))


def test_a_server_killed_in_the_middle_of_a_push_keeps_nothing_of_it_and_the_sync_resumes(
    server_db: Engine, service: Service, clones: tuple[Path, Path],
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    mine, theirs = clones
    server = service.running()
    before = _on_server(server_db, _title)
    _edit(mine, "Geminação Araponga–Lyon (2026)", "Prefeitura de Ouro Preto")
    sent = _pending(mine)
    statement, params = _agreement_row_lock(server_db)
    with holding(server_db, statement, **params):
        client = sync_process(mine)
        # the new partner is written in the server's transaction; the agreement waits
        wait_until_the_server_waits_at(server_db, "UPDATE agreement")
        server.process.kill()  # kill -9 of the server in the middle of the transaction
        server.process.communicate(timeout=60)
        _out, err = client.communicate(timeout=120)
    assert client.returncode == 2
    assert err.startswith("intl-desk: Cannot reach the office server")
    assert len(err.splitlines()) == 1
    wait_until_no_server_transaction_at(server_db, "UPDATE agreement")
    assert _on_server(server_db, _partners_named("Prefeitura de Ouro Preto")) == 0
    assert _on_server(server_db, _title) == before
    assert _pending(mine) == sent
    service.running()  # the same database served again
    _sync_completes(mine, capsys)
    _each_change_once(server_db, mine, sent)
    assert _on_server(server_db, _partners_named("Prefeitura de Ouro Preto")) == 1
    _sync_completes(theirs, capsys)
    assert _read(theirs, _title) == "Geminação Araponga–Lyon (2026)"


def _refuses_connections(address: str) -> bool:
    parts = urlsplit(address)
    try:
        with socket.create_connection((parts.hostname or "", parts.port or 0), timeout=5):
            return False
    except OSError:
        return True


@needs_sigterm
def test_a_server_told_to_stop_during_a_push_finishes_it_and_exits_cleanly(
    server_db: Engine, service: Service, clones: tuple[Path, Path],
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    mine, theirs = clones
    server = service.running()
    _edit(mine, "Geminação Araponga–Lyon (2027)", "Concello de Vigo")
    sent = _pending(mine)
    with holding(server_db, "LOCK TABLE server_change_order IN EXCLUSIVE MODE"):
        client = sync_process(mine)
        wait_until_the_server_waits_at(server_db, "LOCK TABLE server_change_order")
        server.process.send_signal(signal.SIGTERM)
        # stopping: no new connection is taken, the push under way goes on
        wait_until(lambda: _refuses_connections(server.address), "the server to stop listening")
    code, _stdout, log = server.stop()
    out, err = client.communicate(timeout=120)
    assert code == 0
    assert "route=POST /v1/sync/push status=200" in log
    # the push was saved and the client knows it; only receiving was cut short
    assert _on_server(server_db, _partners_named("Concello de Vigo")) == 1
    assert _pending(mine) == []
    assert client.returncode == 2, out
    assert err.startswith("intl-desk: Your 2 changes were sent, but receiving the others")
    assert len(err.splitlines()) == 1
    service.running()
    assert "0 changes sent" in _sync_completes(mine, capsys)
    _each_change_once(server_db, mine, sent)
    _sync_completes(theirs, capsys)
    assert _read(theirs, _partners_named("Concello de Vigo")) == 1
