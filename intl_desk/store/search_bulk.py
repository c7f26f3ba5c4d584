"""A bulk write notes its agreements for the full-text index once, not row by row.

Registered with :mod:`intl_desk.core.index_upkeep` when an engine is made (see
:func:`intl_desk.store.connection.make_engine`). On an office file with the index, the
per-row triggers of inserts are dropped for the write (inside its transaction, so a
rollback restores them), the written agreements are noted in one statement, and the
triggers are made again; the catch-up before the commit then indexes them as before.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from intl_desk.core.index_upkeep import Note, register_suspender
from intl_desk.store import search_index
from intl_desk.store.connection import driver_connection

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@contextmanager
def noting_once(session: Session) -> Iterator[Note]:
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        yield lambda _ids: None
        return
    raw = driver_connection(connection)
    if not search_index.suspend_noting(raw):
        yield lambda _ids: None
        return
    written: set[str] = set()

    def note(agreement_ids: Collection[str]) -> None:
        written.update(agreement_ids)

    yield note
    search_index.note(raw, sorted(written))
    search_index.prepare(raw)


register_suspender(noting_once)
