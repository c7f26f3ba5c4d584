"""A consistent office file of what the server holds: for ``clone`` and ``server backup``.

Everything is read in one REPEATABLE READ transaction, so the file is the database at one
moment: no push half in it. The server's cursor at that moment is returned with it; a
clone starts from there and pulls only what came after. The file is an ordinary office
file (the same migrations made it), openable by the desktop app.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.engine import Connection, Engine

from intl_desk.core.model import Base, SentChange, ServerLink
from intl_desk.server.tables import change_order_table
from intl_desk.store.office_build import RowWriter, build_office_file

#: a client's own bookkeeping: never part of what the server hands out
_NOT_SERVED = frozenset({ServerLink.__tablename__, SentChange.__tablename__})
_BATCH = 2000


def current_cursor(connection: Connection) -> int:
    return int(connection.scalar(select(func.max(change_order_table.c.seq))) or 0)


def write_snapshot(engine: Engine, target: Path) -> int:
    """Write every office record and the whole history to a new office file ``target``;
    return the server's cursor the file is consistent with."""
    snapshot = engine.connect().execution_options(isolation_level="REPEATABLE READ")
    with snapshot as connection, connection.begin():
        cursor = current_cursor(connection)

        def fill(write: RowWriter) -> None:
            for table in Base.metadata.sorted_tables:
                if table.name in _NOT_SERVED:
                    continue
                result = connection.execution_options(yield_per=_BATCH).execute(
                    select(table).order_by(*table.primary_key.columns)
                )
                for rows in result.mappings().partitions():
                    write(table, rows)

        build_office_file(target, fill)
    return cursor
