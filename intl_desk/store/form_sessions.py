"""A session that stays open behind a form on screen without holding the office file.

SQLAlchemy keeps a transaction open from a session's first read until its commit or
rollback, and with SQLite's rollback journal an open read transaction keeps every other
connection from committing. A form keeps its session for as long as it is on screen (its
record and unsaved child rows live there), so a second form's save waited five seconds
and failed with "database is locked", and imports and merges did the same.

:func:`release_reads` ends the read transaction at the database while the session keeps
its objects and their unsaved changes (reads between two releases see the file as it is
then, which is what a person expects of a form). :func:`begin_write` opens a real
write transaction again just before the session flushes, so a save stays all or nothing.
SQLite only: this module lives in the store, beside the connection it manages.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session

_WROTE = "intl_desk_wrote"


def _driver(session: Session) -> sqlite3.Connection | None:
    if not session.in_transaction():
        return None  # nothing read since the last commit: nothing held
    driver = session.connection().connection.driver_connection
    return driver if isinstance(driver, sqlite3.Connection) else None


def track_writes(session: Session) -> None:
    """Remember whether the session has sent changes in its current transaction (then
    its reads are part of a write and are never released)."""

    def wrote(*_args: Any) -> None:
        session.info[_WROTE] = True

    def ended(*_args: Any) -> None:
        session.info[_WROTE] = False

    event.listen(session, "after_flush", wrote)
    for name in ("after_begin", "after_commit", "after_rollback", "after_soft_rollback"):
        event.listen(session, name, ended)


def release_reads(session: Session) -> None:
    """Let other connections write: end the session's read-only transaction at the
    database, keeping its objects. Nothing happens if it has sent changes."""
    if session.info.get(_WROTE):
        return
    driver = _driver(session)
    if driver is not None and driver.in_transaction:
        driver.execute("COMMIT")  # only reads were made: nothing is written


def begin_write(session: Session) -> None:
    """Before a commit: make sure the flush runs inside one database transaction (the
    reads before it may have been released), taking the write lock at once."""
    driver = _driver(session)
    if driver is not None and not driver.in_transaction:
        driver.execute("BEGIN IMMEDIATE")
