"""What a client pulls: the history rows after its cursor and the records they concern
(and, asked by id, the present version of some records: :func:`read_records`).

A batch holds up to ``limit`` history rows in the server's order, the current version of
every record they touch and, so that the client's file never refers to a record it lacks,
of every record those refer to (an agreement's partner, an entity's parent…). Records are
sent as they are now — applying a newer version than the history row describes is what
the client would reach at the end anyway. Documents come without their bytes: the client
fetches the contents it does not hold yet, once per hash.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection, Engine

from intl_desk.core.model import Base
from intl_desk.server.accounts import Account
from intl_desk.server.scope import Scope
from intl_desk.server.tables import change_order_table
from intl_desk.store.merge.plan import table_specs
from intl_desk.store.row_codec import encode_row

_CHANGES = Base.metadata.tables["change"]
MAX_BATCH = 5000


@cache
def _references() -> dict[str, tuple[tuple[str, str], ...]]:
    merged = {spec.name for spec in table_specs()}
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for table in Base.metadata.sorted_tables:
        for key in table.foreign_keys:
            if key.column.table.name in merged:
                found[table.name].append((key.parent.name, key.column.table.name))
    return {table: tuple(pairs) for table, pairs in found.items()}


def _rows(connection: Connection, table: str, ids: set[str]) -> list[dict[str, Any]]:
    model_table = Base.metadata.tables[table]
    wanted = sorted(ids)
    rows: list[dict[str, Any]] = []
    for start in range(0, len(wanted), 1000):
        rows.extend(
            dict(row)
            for row in connection.execute(
                select(model_table).where(model_table.c.id.in_(wanted[start : start + 1000]))
            ).mappings()
        )
    return rows


def read_batch(engine: Engine, cursor: int, limit: int, account: Account) -> dict[str, Any]:
    """The batch after ``cursor`` as ``account`` may read it: a scoped account gets only the
    records it reads (see :mod:`intl_desk.server.scope`) and their history rows; the cursor
    moves past the others all the same."""
    limit = max(1, min(limit, MAX_BATCH))
    merged = {spec.name for spec in table_specs()}
    snapshot = engine.connect().execution_options(isolation_level="REPEATABLE READ")
    with snapshot as connection, connection.begin():
        rows = connection.execute(
            select(change_order_table.c.seq, _CHANGES)
            .join(_CHANGES, _CHANGES.c.id == change_order_table.c.change_id)
            .where(change_order_table.c.seq > cursor)
            .order_by(change_order_table.c.seq)
            .limit(limit)
        ).mappings().all()
        scope = Scope(connection, account)
        wanted: dict[str, set[str]] = defaultdict(set)
        for row in rows:
            if row["record_kind"] in merged:
                wanted[str(row["record_kind"])].add(str(row["record_id"]))
        hidden: set[tuple[str, str]] = set()
        if scope.branch is not None:

            def lookup(table: str, record_id: str) -> dict[str, Any] | None:
                found = _rows(connection, table, {record_id})
                return found[0] if found else None

            for table, ids in list(wanted.items()):
                for found in _rows(connection, table, ids):
                    if not scope.visible(table, found, lookup):
                        hidden.add((table, str(found["id"])))
                        ids.discard(str(found["id"]))
        return {
            "cursor": int(rows[-1]["seq"]) if rows else cursor,
            "more": len(rows) == limit,
            "changes": [
                encode_row("change", {key: value for key, value in row.items() if key != "seq"})
                for row in rows
                if (str(row["record_kind"]), str(row["record_id"])) not in hidden
            ],
            "records": _with_references(connection, wanted),
        }


def _with_references(
    connection: Connection, wanted: dict[str, set[str]]
) -> dict[str, list[dict[str, Any]]]:
    """The records ``wanted`` and every record they refer to, encoded, parents' tables
    first."""
    records: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    while wanted:  # the records, then what they refer to, until nothing is missing
        missing: dict[str, set[str]] = defaultdict(set)
        for table, ids in wanted.items():
            for found in _rows(connection, table, ids - set(records[table])):
                records[table][str(found["id"])] = found
                for column, target in _references().get(table, ()):
                    value = found.get(column)
                    if value is not None and str(value) not in records[target]:
                        missing[target].add(str(value))
        wanted = {table: ids for table, ids in missing.items() if ids - set(records[table])}
    return {
        spec.name: [encode_row(spec.name, row) for row in records[spec.name].values()]
        for spec in table_specs()
        if records.get(spec.name)
    }


def read_records(
    engine: Engine, keys: list[tuple[str, str]], account: Account
) -> dict[str, list[dict[str, Any]]]:
    """The server's present version of these records ((table, id)) that ``account`` may
    read, with what they refer to: a desktop giving up the edits the server refused
    puts these values back (:mod:`intl_desk.sync.revert`). A record the server does not
    hold, or the account may not read, is not among them."""
    merged = {spec.name for spec in table_specs()}
    wanted: dict[str, set[str]] = defaultdict(set)
    for table, record_id in keys[:MAX_BATCH]:
        if table in merged:
            wanted[table].add(record_id)
    with engine.connect() as connection, connection.begin():
        scope = Scope(connection, account)
        if scope.branch is not None:

            def lookup(table: str, record_id: str) -> dict[str, Any] | None:
                found = _rows(connection, table, {record_id})
                return found[0] if found else None

            for table, ids in list(wanted.items()):
                for found in _rows(connection, table, ids):
                    if not scope.visible(table, found, lookup):
                        ids.discard(str(found["id"]))
        return _with_references(connection, wanted)
