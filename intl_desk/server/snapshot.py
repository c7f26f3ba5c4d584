"""A consistent office file of what the server holds: for ``clone`` and ``server backup``.

Everything is read in one REPEATABLE READ transaction, so the file is the database at one
moment: no push half in it. The server's cursor at that moment is returned with it; a
clone starts from there and pulls only what came after. The file is an ordinary office
file (the same migrations made it), openable by the desktop app.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Select, Table, func, or_, select, text
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


def write_branch_snapshot(engine: Engine, target: Path, entity_id: str) -> int:
    """Write what a scoped account reads — the records of the entity ``entity_id`` and
    those under it, with what they refer to and their history (the choice of
    :func:`intl_desk.store.extract.choose`) — to a new office file ``target``, reading
    only those rows; return the server's cursor the file is consistent with. The whole
    office is never written out first (a municipality's clone of a state office took
    longer than the whole state's)."""
    from intl_desk.store.extract import choose
    from intl_desk.store.merge.plan import table_specs

    snapshot = engine.connect().execution_options(isolation_level="REPEATABLE READ")
    with snapshot as connection, connection.begin():
        cursor = current_cursor(connection)

        def query(sql: str, params: tuple[Any, ...]) -> Iterable[Sequence[Any]]:
            return connection.exec_driver_sql(sql.replace("?", "%s"), params).all()

        chosen = choose(query, target, None, None, entity_id=entity_id)
        connection.execute(text(
            "CREATE TEMPORARY TABLE branch_keep (kind TEXT, id TEXT, PRIMARY KEY (kind, id)) "
            "ON COMMIT DROP"
        ))  # fmt: skip
        keep = [{"kind": table, "id": record_id} for table, ids in chosen.items()
                for record_id in ids]  # fmt: skip
        for start in range(0, len(keep), 5000):
            connection.execute(
                text("INSERT INTO branch_keep VALUES (:kind, :id)"), keep[start : start + 5000]
            )
        connection.execute(text(
            "INSERT INTO branch_keep SELECT 'document', d.id FROM document AS d "
            "JOIN branch_keep AS k ON k.kind = d.record_kind AND k.id = d.record_id "
            "ON CONFLICT DO NOTHING"
        ))  # fmt: skip
        tables = Base.metadata.tables

        def fill(write: RowWriter) -> None:
            write(tables["office"], connection.execute(select(tables["office"])).mappings())
            for spec in table_specs():
                table = tables[spec.name]
                picked = select(table).where(
                    table.c.id.in_(
                        text("SELECT id FROM branch_keep WHERE kind = :kind")
                        .bindparams(kind=spec.name)
                        .columns(id=table.c.id.type)
                    )
                )
                _write_all(connection, write, table, picked)
            changes = tables["change"]
            _write_all(connection, write, changes, select(changes).where(or_(
                changes.c.record_kind == "office",
                text("EXISTS (SELECT 1 FROM branch_keep AS k "
                     "WHERE k.kind = change.record_kind AND k.id = change.record_id)"),
            )))  # fmt: skip

        build_office_file(target, fill)
    return cursor


def _write_all(connection: Connection, write: RowWriter, table: Table, query: Select[Any]) -> None:
    result = connection.execution_options(yield_per=_BATCH).execute(
        query.order_by(*table.primary_key.columns)
    )
    for rows in result.mappings().partitions():
        write(table, rows)
