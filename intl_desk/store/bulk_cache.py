"""A bulk write works in a roomier page cache than SQLite's default.

Writing 50,000 imported agreements goes through tens of thousands of index pages (each
party's UUID and agreement lands anywhere in indexes of hundreds of thousands of rows).
With SQLite's default cache of 2 MB, even the indexes' inner pages were let go between
two rows: a third of the write's CPU went into writing dirty pages out and reading them
back. 16 MB keeps most of them (measured on 50,000 rows: 3.2 s of system time with 2 MB,
1.2 s with 16 MB, 0.65 s with 32 MB). 32 MB was tried: the whole 50,000-row import took
7.67 s instead of 7.83 s but peaked at 217.8 MiB instead of 198.7, and the state's
round trip, which imports its 20,161 agreements with their preview held, went 19 MiB
nearer the 250 MiB every scenario must keep under (``intl-desk bench``). 4 MB since the
window's import of that register had to keep under it too (``ui_import_state_register``:
14 MiB lower at its peak than with 16 MB); the 50,000-row import took 8.02 s instead of
7.87 s with 8 MB (three runs each).
The setting lasts as long as the connection, which the engine
closes when the transaction ends (``NullPool``, see
:func:`intl_desk.store.connection.make_engine`): nothing else runs with it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from intl_desk.core.index_upkeep import register_preparer
from intl_desk.store.connection import driver_connection

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

#: the page cache of a connection writing in bulk, in KiB
BULK_CACHE_KIB = 4 * 1024


def roomier_cache(session: Session) -> None:
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        driver_connection(connection).execute(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")


register_preparer(roomier_cache)
