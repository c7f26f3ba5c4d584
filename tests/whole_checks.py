"""Which files were read whole by one of SQLite's checks, seen in the statements run."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

Opener = Callable[..., sqlite3.Connection]


def watch_whole_checks(
    monkeypatch: pytest.MonkeyPatch,
    *modules: ModuleType,
    entry: Callable[[str, str], str] = "{} {}".format,
) -> list[str]:
    """An ``entry`` (by default ``"FILE CHECK"``: "Lyon.sqlite quick_check") for every
    ``quick_check`` or ``integrity_check`` run on a connection the ``modules``'
    ``open_sqlite`` opens."""
    ran: list[str] = []

    def traced(opened: Opener) -> Opener:
        def connect(path: Path, **options: object) -> sqlite3.Connection:
            def note(sql: str) -> None:
                if sql.startswith("PRAGMA") and "_check" in sql:  # quick_check(5) → quick_check
                    ran.append(entry(Path(path).name, sql.split()[1].split("(")[0]))

            connection = opened(path, **options)
            connection.set_trace_callback(note)
            return connection

        return connect

    for module in modules:
        monkeypatch.setattr(module, "open_sqlite", traced(module.open_sqlite))
    return ran
