"""Connections to an office file, hardened the same way every time.

Every connection, raw or through SQLAlchemy, gets the same pragmas: the file may come from
anywhere (an e-mail, a share), so its schema is not trusted to run functions; foreign keys
are enforced; the journal is a rollback journal deleted at commit, never WAL, because WAL's
side files do not survive network shares or being attached to an e-mail; and every commit
is synced to disk.

Files are always opened through an SQLite URI with an explicit mode: ``ro`` writes nothing
(not even a journal), ``rw`` never creates a missing file by accident, ``rwc`` is only used
by :meth:`OfficeFile.create`.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from intl_desk.core.carbon_sql import CARBON_KG, carbon_kg
from intl_desk.files.office_paths import remember_engine_file
from intl_desk.store import search_index

if TYPE_CHECKING:  # imported when an engine is made: the raw connections do without
    from sqlalchemy import Engine
    from sqlalchemy.engine import Connection

BUSY_TIMEOUT_MS = 5000

Mode = Literal["ro", "rw", "rwc"]


def sqlite_uri(path: Path | str, mode: Mode) -> str:
    """The ``file:`` URI of ``path`` (percent-encoded, so ``?``, ``#`` and ``%`` are safe)."""
    return f"{Path(path).resolve().as_uri()}?mode={mode}"


def harden(connection: sqlite3.Connection, *, read_only: bool) -> None:
    """Apply the pragmas described in the module docstring to a fresh connection."""
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    connection.execute("PRAGMA trusted_schema = OFF")
    connection.execute("PRAGMA foreign_keys = ON")
    if not read_only:  # a read-only connection cannot change the mode and needs no journal
        connection.execute("PRAGMA journal_mode = DELETE")
    connection.execute("PRAGMA synchronous = FULL")
    # the activities list's carbon column (not usable by the file's own schema: trusted_schema)
    connection.create_function(CARBON_KG, 6, carbon_kg, deterministic=True)


def open_sqlite(path: Path | str, *, mode: Mode = "ro") -> sqlite3.Connection:
    """A hardened DB-API connection in autocommit mode (``isolation_level=None``).

    Autocommit leaves transactions to the caller: SQLAlchemy emits ``BEGIN`` itself (see
    :func:`make_engine`), and ``VACUUM INTO`` or ``PRAGMA foreign_keys`` work at all only
    outside a transaction.
    """
    connection = sqlite3.connect(
        sqlite_uri(path, mode),
        uri=True,
        isolation_level=None,
        timeout=BUSY_TIMEOUT_MS / 1000,
        check_same_thread=False,  # SQLAlchemy may close it from another thread
    )
    try:
        harden(connection, read_only=mode == "ro")
        if mode != "ro":  # every writer notes the agreements it changes for the index
            search_index.prepare(connection)
    except BaseException:
        connection.close()
        raise
    return connection


def _begin(connection: Connection) -> None:
    connection.exec_driver_sql("BEGIN")


def _catch_up_search_index(connection: Connection) -> None:
    """Before each commit, the agreements changed in the transaction get their searched
    text and index rows (see :mod:`intl_desk.store.search_index`)."""
    search_index.catch_up(driver_connection(connection))


def make_engine(path: Path | str, *, read_only: bool = False, create: bool = False) -> Engine:
    """An engine on the office file at ``path``.

    ``NullPool`` opens a connection per checkout and closes it on release, so the file is
    never held open between uses (it can be renamed, backed up or unplugged), and the
    hardening runs on every connection. Transactions follow SQLAlchemy's documented pysqlite
    recipe: the driver's own implicit transaction handling is off and the ``begin`` event
    emits ``BEGIN``, so transactions (DDL included) are real and roll back completely.
    """
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import NullPool

    from intl_desk.store import (
        bulk_cache,  # noqa: F401  (registers the bulk write's page cache)
        search_bulk,  # noqa: F401  (registers bulk noting)
        search_query,  # noqa: F401  (registers the index's finder)
    )

    if read_only and create:
        raise ValueError("a file cannot be created read-only")
    mode: Mode = "ro" if read_only else ("rwc" if create else "rw")

    def connect() -> sqlite3.Connection:
        return open_sqlite(path, mode=mode)

    engine = create_engine("sqlite://", creator=connect, poolclass=NullPool)
    event.listen(engine, "begin", _begin)
    if not read_only:
        event.listen(engine, "commit", _catch_up_search_index)
    remember_engine_file(engine, path)
    return engine


def driver_connection(connection: Connection) -> Any:
    """The sqlite3 connection under ``connection``, for statements SQLAlchemy must not wrap
    in a transaction (``PRAGMA foreign_keys``, ``VACUUM``)."""
    return connection.connection.driver_connection
