"""Bench: the office server on the state demo, in PostgreSQL.

``intl-desk bench --server-db URL`` loads the state demo into that database once (``server
init --from``, timed on a line of its own) — a database the bench may empty: it must be
empty or one the bench filled before (marked in ``server_setting``). Each scenario starts
a real ``intl-desk server run`` process on it, works against it over HTTP and stops it:

* ``server_clone_state``: the whole state cloned into a new file (a new desktop's first
  sync of everything);
* ``server_clone_entity``: the clone of an editor of one municipality (its branch and what
  the state shares);
* ``server_50_clients``: 50 desktops at once, each a copy of that municipality's clone
  adding 100 partners and synchronising (``intl-desk sync`` processes): pushes, then
  everyone's changes pulled. Throughput is changes sent per second of the whole run;
  latencies are the server's own per-request times (its log lines), median and 95th
  percentile; a desk's own time is its whole sync, start to exit, the waits a busy server
  asked for included (with the number of those busy answers).

The scenario's "peak" is the client process's (the cloning one, or the 50 clients' driver);
the server's peak (its maximum resident set) is on the line below.
"""

from __future__ import annotations

import hashlib
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

DB_VARIABLE = "INTL_DESK_BENCH_DB"
PASSWORD = "bench-password-1234"
ADMIN = "bench_admin"
EDITOR = "bench_editor"
CLIENTS = 50
CHANGES_PER_CLIENT = 100
_MARK = "bench_source"
_ADDRESS = re.compile(r"(https?://[0-9.]+:[0-9]+)")
_REQUEST = re.compile(r"route=(\w+) (\S+) status=(\d+) ms=([0-9.]+)")


def _source_mark(state_file: Path) -> str:
    stat = state_file.stat()
    identity = f"{state_file.resolve()}:{stat.st_size}:{stat.st_mtime_ns}"
    return hashlib.sha256(identity.encode()).hexdigest()[:40]


def _url() -> str:
    url = os.environ.get(DB_VARIABLE)
    if not url:
        raise RuntimeError(f"server scenarios need --server-db URL ({DB_VARIABLE})")
    return url


def load_state(url: str, state_file: Path) -> float:
    """Load the state demo into the bench's database unless it holds it already; return
    the seconds it took (0 when it was there)."""
    from sqlalchemy import create_engine, inspect, select, text

    from intl_desk.server.tables import setting_table

    engine = create_engine(url)
    mark = _source_mark(state_file)
    try:
        if inspect(engine).get_table_names():
            with engine.connect() as connection:
                found = (
                    connection.scalar(
                        select(setting_table.c.value).where(setting_table.c.name == _MARK)
                    )
                    if "server_setting" in inspect(engine).get_table_names()
                    else None
                )
            if found is None:
                raise RuntimeError(
                    f"{engine.url.render_as_string()} is not empty and was not filled by the "
                    "bench: give the bench a database of its own"
                )
            if found == mark:
                return 0.0
            with engine.begin() as connection:  # the bench's own, of another demo: again
                connection.execute(text("DROP SCHEMA public CASCADE"))
                connection.execute(text("CREATE SCHEMA public"))
        started = time.perf_counter()
        environment = {**os.environ, "INTL_DESK_PASSWORD": PASSWORD}
        subprocess.run(
            [sys.executable, "-m", "intl_desk", "server", "init", "--db", url,
             "--from", str(state_file), "--admin", ADMIN],
            check=True, capture_output=True, text=True, env=environment,
        )  # fmt: skip
        seconds = time.perf_counter() - started
        with engine.begin() as connection:
            entity = _busiest_municipality(connection)
        subprocess.run(
            [sys.executable, "-m", "intl_desk", "server", "user", "add", EDITOR, "--db", url,
             "--role", "editor", "--scope", entity],
            check=True, capture_output=True, text=True, env=environment,
        )  # fmt: skip
        with engine.begin() as connection:
            connection.execute(setting_table.insert().values(name=_MARK, value=mark))
        return seconds
    finally:
        engine.dispose()


def _busiest_municipality(connection: Connection) -> str:
    from sqlalchemy import func, select

    from intl_desk.core.model import AgreementParty, LocalEntity

    name = connection.scalar(
        select(LocalEntity.name)
        .join(AgreementParty, AgreementParty.local_entity_id == LocalEntity.id)
        .where(LocalEntity.kind == "municipality")
        .group_by(LocalEntity.id, LocalEntity.name)
        .order_by(func.count().desc(), LocalEntity.name)
        .limit(1)
    )
    return str(name)


@dataclass
class _Server:
    process: subprocess.Popen[str]
    address: str
    log: list[str] = field(default_factory=list)

    def peak_mib(self) -> float:
        """The server process's maximum resident set so far (Linux)."""
        try:
            status = Path(f"/proc/{self.process.pid}/status").read_text(encoding="ascii")
        except OSError:
            return float("nan")
        found = re.search(r"VmHWM:\s+(\d+) kB", status)
        return int(found.group(1)) / 1024 if found else float("nan")

    def count_status(self, status: str) -> int:
        return sum(
            1 for line in list(self.log)
            if (found := _REQUEST.search(line)) and found.group(3) == status
        )  # fmt: skip

    def durations(self, method: str, route: str) -> list[float]:
        return [
            float(found.group(4))
            for line in list(self.log)
            if (found := _REQUEST.search(line)) and found.group(1) == method
            and found.group(2) == route and found.group(3) == "200"
        ]  # fmt: skip


@contextmanager
def _server() -> Iterator[_Server]:
    process = subprocess.Popen(
        [sys.executable, "-m", "intl_desk", "server", "run", "--db", _url(), "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"},
    )  # fmt: skip
    first = process.stdout.readline() if process.stdout else ""
    found = _ADDRESS.search(first)
    if found is None:
        process.kill()
        raise RuntimeError(f"the server did not start: {first!r} {process.communicate()[1]!r}")
    server = _Server(process, found.group(1))
    reader = threading.Thread(
        target=lambda: server.log.extend(iter(process.stderr.readline, "")) if process.stderr
        else None, daemon=True,
    )  # fmt: skip
    reader.start()
    try:
        yield server
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=120)
        reader.join(timeout=10)


def _clone(address: str, account: str, target: Path) -> None:
    from intl_desk.sync.clone import clone

    clone(address, target, account, PASSWORD)


def _report(server: _Server, text: str) -> None:
    """A line of figures under the scenario's line (the runner prints the child's stderr
    notes)."""
    print(f"note: {text}; server peak {server.peak_mib():.0f} MiB", file=sys.stderr)


def clone_state(state_file: Path) -> float:
    with _server() as server, tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        _clone(server.address, ADMIN, Path(folder) / "state.sqlite")
        seconds = time.perf_counter() - started
        size = (Path(folder) / "state.sqlite").stat().st_size / 1e6
        _report(server, f"{size:.0f} MB file")
    return seconds


def clone_entity(state_file: Path) -> float:
    with _server() as server, tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        _clone(server.address, EDITOR, Path(folder) / "entity.sqlite")
        seconds = time.perf_counter() - started
        size = (Path(folder) / "entity.sqlite").stat().st_size / 1e6
        _report(server, f"{size:.1f} MB file")
    return seconds


def _add_partners(path: Path, client: int) -> None:
    from intl_desk.core.model import Partner
    from intl_desk.store.office_file import OfficeFile

    with OfficeFile.open(path) as office, office.session() as session:
        session.add_all(
            Partner(name=f"Bench partner {client:02d}-{number:03d}", country_code="PT")
            for number in range(CHANGES_PER_CLIENT)
        )
        session.commit()


def fifty_clients(state_file: Path) -> float:
    from intl_desk.store.backup import backup_copy

    with _server() as server, tempfile.TemporaryDirectory() as folder:
        base = Path(folder) / "base.sqlite"
        _clone(server.address, EDITOR, base)
        clients = []
        for client in range(CLIENTS):
            path = backup_copy(base, Path(folder) / f"desk-{client:02d}.sqlite", another_desk=True)
            _add_partners(path, client)
            clients.append(path)
        environment = {**os.environ, "INTL_DESK_PASSWORD": PASSWORD, "LANG": "C.UTF-8"}
        started = time.perf_counter()
        running = [
            subprocess.Popen(
                [sys.executable, "-m", "intl_desk", "sync", str(path)],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment,
            )
            for path in clients
        ]  # fmt: skip
        failures: list[str] = []
        took = _wait_all(running, started, failures)
        seconds = time.perf_counter() - started
        if len(failures) == CLIENTS:
            raise RuntimeError(f"every sync failed: {failures[0]}")
        if failures:  # said with the figures: what a crowded server does is the point
            print(f"note: {len(failures)} of {CLIENTS} syncs failed: {failures[0]}",
                  file=sys.stderr)  # fmt: skip
        pushes = server.durations("POST", "/v1/sync/push")
        pulls = server.durations("GET", "/v1/sync/pull")
        changes = (CLIENTS - len(failures)) * CHANGES_PER_CLIENT
        busy = server.count_status("503")
        print(
            f"note: a whole sync as a desk sees it (start to exit, busy waits included) p50 "
            f"{_percentile(took, 50):.1f} s p95 {_percentile(took, 95):.1f} s max "
            f"{max(took, default=float('nan')):.1f} s; {busy} busy answers (503)",
            file=sys.stderr,
        )
        _report(
            server,
            f"{changes / seconds:.0f} changes/s; push p50 {_percentile(pushes, 50):.0f} ms "
            f"p95 {_percentile(pushes, 95):.0f} ms ({len(pushes)}); pull p50 "
            f"{_percentile(pulls, 50):.0f} ms p95 {_percentile(pulls, 95):.0f} ms ({len(pulls)})",
        )
    return seconds


def _wait_all(
    running: list[subprocess.Popen[str]], started: float, failures: list[str]
) -> list[float]:
    """Wait for every sync process, each in a thread of its own so that each one's end is
    seen when it comes; returns the seconds each successful sync took, start to exit."""
    took: list[float] = []
    lock = threading.Lock()

    def wait(process: subprocess.Popen[str]) -> None:
        out, err = process.communicate()
        ended = time.perf_counter()
        with lock:
            if process.returncode != 0:
                failures.append(err.strip() or out.strip())
            else:
                took.append(ended - started)

    waiting = [threading.Thread(target=wait, args=(process,)) for process in running]
    for thread in waiting:
        thread.start()
    for thread in waiting:
        thread.join()
    return took


def _percentile(values: list[float], percent: int) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[percent - 1]
