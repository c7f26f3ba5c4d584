"""A real ``intl-desk server run`` process on 127.0.0.1, for tests that talk HTTP to it.

The server picks a free port itself (``--port 0``) and says which on its first line, so
tests never guess a port. The database is the test PostgreSQL (see tests/postgresql.py),
set up with ``server init`` and the accounts the test needs.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from postgresql import test_database_url
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import Engine

from intl_desk.cli import main
from intl_desk.core.model import Office
from intl_desk.core.tracking import TrackedSession

PASSWORD = "correct-horse-battery"

#: the exit status of a process ended by ``Popen.kill()``: SIGKILL on POSIX; on Windows
#: ``kill()`` is TerminateProcess, which ends it with exit code 1
KILLED = 1 if sys.platform == "win32" else -signal.SIGKILL

#: for tests of a graceful stop: Windows cannot ask another process to stop —
#: ``Popen.send_signal(SIGTERM)`` there is TerminateProcess, a kill
needs_sigterm = pytest.mark.skipif(
    sys.platform == "win32",
    reason="Windows has no SIGTERM for another process (send_signal is TerminateProcess)",
)
_ADDRESS = re.compile(r"(https?://[0-9.]+:[0-9]+)")


def fresh_server_database() -> Engine:
    """An engine on the emptied test database, set up by ``server init`` for Minas Gerais
    with ``ana`` as administrator (password :data:`PASSWORD`)."""
    engine = create_engine(test_database_url())
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    os.environ["INTL_DESK_PASSWORD"] = PASSWORD
    try:
        assert main(["server", "init", "--db", database_url(engine),
                     "--office", "Estado de Minas Gerais", "--admin", "ana"]) == 0
    finally:
        del os.environ["INTL_DESK_PASSWORD"]
    return engine


def administrator_session(engine: Engine) -> TrackedSession:
    """A session writing on the server's database as ``ana``, the administrator, so the
    records a test puts there carry its office and author in their history."""
    with engine.connect() as connection:
        office_id = connection.scalar(select(Office.id))
    return TrackedSession(bind=engine, info={"office_id": office_id, "user": "ana"})


def database_url(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def add_account(engine: Engine, name: str, role: str, *, scope: str | None = None) -> None:
    os.environ["INTL_DESK_PASSWORD"] = PASSWORD
    try:
        arguments = ["server", "user", "add", name, "--db", database_url(engine), "--role", role]
        assert main([*arguments, *(["--scope", scope] if scope else [])]) == 0
    finally:
        del os.environ["INTL_DESK_PASSWORD"]


@dataclass
class LiveServer:
    process: subprocess.Popen[str]
    address: str

    def stop(self) -> tuple[int, str, str]:
        """Ask the server to stop (SIGTERM) and return its exit code, stdout and stderr."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        stdout, stderr = self.process.communicate(timeout=60)
        return self.process.returncode, stdout, stderr


@contextmanager
def live_server(engine: Engine, extra: Sequence[str] = ()) -> Iterator[LiveServer]:
    command = [sys.executable, "-m", "intl_desk", "server", "run", "--db", database_url(engine),
               "--host", "127.0.0.1", "--port", "0", *extra]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"},
    )
    first_line = process.stdout.readline() if process.stdout else ""
    found = _ADDRESS.search(first_line)
    if found is None:
        process.kill()
        _out, err = process.communicate(timeout=60)
        pytest.fail(f"the server did not start: {first_line!r} {err!r}")
    server = LiveServer(process, found.group(1))
    try:
        yield server
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate(timeout=60)


def sync_process(path: Path) -> subprocess.Popen[str]:
    """``intl-desk sync FILE`` in a process of its own (the password from the environment)."""
    return subprocess.Popen(
        [sys.executable, "-m", "intl_desk", "sync", str(path)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "INTL_DESK_PASSWORD": PASSWORD, "LANG": "C.UTF-8",
             "LC_ALL": "C.UTF-8"},
    )  # fmt: skip


@contextmanager
def holding(engine: Engine, statement: str, **params: object) -> Iterator[None]:
    """Run ``statement`` (a ``LOCK`` or ``SELECT … FOR UPDATE``) in a transaction kept open
    until the block ends: whatever the server does that needs the lock waits meanwhile."""
    with engine.connect() as connection:
        connection.execute(text(statement), params)
        try:
            yield
        finally:
            connection.rollback()


def wait_until(condition: Callable[[], bool], what: str, limit: float = 120) -> None:
    """Poll ``condition`` until it holds (the test fails after ``limit`` seconds)."""
    deadline = time.monotonic() + limit
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"waited {limit} s in vain for {what}")
        time.sleep(0.05)


def _server_statements(engine: Engine, start: str, *, waiting: bool) -> int:
    query = (
        "SELECT count(*) FROM pg_stat_activity WHERE pid <> pg_backend_pid() "
        "AND query LIKE :start AND state <> 'idle'"
    )
    if waiting:
        query += " AND wait_event_type = 'Lock'"
    with engine.connect() as connection:
        return int(connection.scalar(text(query), {"start": start + "%"}) or 0)


def wait_until_the_server_waits_at(engine: Engine, start: str) -> None:
    """Until a server transaction waits for a lock at a statement beginning with ``start``."""
    wait_until(
        lambda: _server_statements(engine, start, waiting=True) > 0,
        f"a server statement {start!r} waiting for a lock",
    )


def wait_until_no_server_transaction_at(engine: Engine, start: str) -> None:
    """Until no database session is left at a statement beginning with ``start`` (one whose
    server process died ends when PostgreSQL finds its connection closed)."""
    wait_until(
        lambda: _server_statements(engine, start, waiting=False) == 0,
        f"the end of the server's transaction at {start!r}",
    )
