"""``server init --from FILE``: an office's existing file becomes its server's database.

An office that has kept its register in an office file for years starts its server from
it rather than from nothing: every record, the whole history and the documents are
copied, table by table in batches, into the empty database in one transaction, and every
history row is numbered in the server's order (oldest first), so clones start after it.
Nothing is recomputed: the rows arrive as the file holds them (its summary columns
included). The file is only read; an older file is read through an upgraded copy.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Table, insert, inspect, select, text
from sqlalchemy.engine import Connection, Engine

from intl_desk.core.i18n import N_, Message
from intl_desk.core.model import Base, Office, SentChange, ServerLink
from intl_desk.server import schema as server_schema
from intl_desk.server.accounts import add_account
from intl_desk.server.setup import ServerDatabaseError
from intl_desk.store import schema
from intl_desk.store.connection import make_engine
from intl_desk.store.safety import current_version_of

#: a clone's own bookkeeping, never part of an office's records
_NOT_LOADED = frozenset({ServerLink.__tablename__, SentChange.__tablename__})
_BATCH = 2000


def _parents_first(table: Table, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows of a table that refers to itself (an entity's parent, an agreement it renews),
    each after the rows it names, so every insert finds its reference already there."""
    columns = [key.parent.name for key in table.foreign_keys if key.column.table is table]
    by_id = {str(row["id"]): row for row in rows}
    ordered: list[dict[str, Any]] = []
    placed: set[str] = set()
    for row in rows:
        chain: list[dict[str, Any]] = []
        current: dict[str, Any] | None = row
        while current is not None and str(current["id"]) not in placed:
            chain.append(current)
            placed.add(str(current["id"]))
            parents = [by_id.get(str(current[name])) for name in columns if current[name]]
            current = next((parent for parent in parents if parent is not None
                            and str(parent["id"]) not in placed), None)  # fmt: skip
        ordered.extend(reversed(chain))
    if len(columns) > 1:  # two references each: place again until none comes too early
        position = {str(row["id"]): index for index, row in enumerate(ordered)}
        late = any(
            position.get(str(row[name]), -1) > position[str(row["id"])]
            for row in ordered
            for name in columns
            if row[name]
        )
        if late:
            return _parents_first_slowly(columns, ordered)
    return ordered


def _parents_first_slowly(columns: list[str], rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    by_id = {str(row["id"]): row for row in rows}
    ordered: list[dict[str, Any]] = []
    done: set[str] = set()

    def visit(row: dict[str, Any], trail: frozenset[str]) -> None:
        key = str(row["id"])
        if key in done or key in trail:
            return
        for name in columns:
            parent = by_id.get(str(row[name])) if row[name] else None
            if parent is not None:
                visit(parent, trail | {key})
        done.add(key)
        ordered.append(row)

    for row in rows:
        visit(row, frozenset())
    return ordered


def _batches(source: Connection, table: Table) -> Iterator[Sequence[Mapping[Any, Any]]]:
    statement = select(table).order_by(*table.primary_key.columns)
    if any(key.column.table is table for key in table.foreign_keys):
        rows = [dict(row) for row in source.execute(statement).mappings()]
        ordered = _parents_first(table, rows)
        for start in range(0, len(ordered), _BATCH):
            yield ordered[start : start + _BATCH]
        return
    result = source.execution_options(yield_per=_BATCH).execute(statement)
    yield from result.mappings().partitions()


def load_office_file(
    engine: Engine, path: Path, admin_name: str, admin_password: str
) -> tuple[str, int]:
    """Set up the empty database of ``engine`` from the office file at ``path``, with its
    first administrator; return the office's name and the number of history rows."""
    if inspect(engine).get_table_names():
        raise ServerDatabaseError(
            Message(
                N_(
                    "The database {url} is already in use; server init only sets up an empty "
                    "database."
                ),
                {"url": engine.url.render_as_string()},
            )
        )
    with current_version_of(Path(path)) as readable:
        source_engine = make_engine(readable, read_only=True)
        try:
            with source_engine.connect() as source, engine.begin() as target:
                schema.upgrade(target)
                server_schema.upgrade(target)
                for table in Base.metadata.sorted_tables:
                    if table.name in _NOT_LOADED:
                        continue
                    for rows in _batches(source, table):
                        target.execute(insert(table), rows)
                office = target.scalar(select(Office.name).order_by(Office.created_at).limit(1))
                numbered = target.execute(
                    text(
                        "INSERT INTO server_change_order (change_id) "
                        'SELECT id FROM "change" ORDER BY changed_at, id'
                    )
                ).rowcount
                add_account(target, admin_name, admin_password, "admin")
        finally:
            source_engine.dispose()
    return str(office or ""), int(numbered or 0)
