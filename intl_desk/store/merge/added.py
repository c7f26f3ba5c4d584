"""The other file's records this one lacks: found once per table, then read by id.

Finding them takes a walk of the other table's id index against this one's (the ids
alone, so SQLite reads neither table's rows); the plan does it once per table and keeps
the ids, and everything else — counting them, looking for records they repeat, copying
them in, the agreements whose summaries they change — reads those rows by id.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

#: ids named in one statement
_IDS_AT_ONCE = 500


def quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def new_ids(connection: sqlite3.Connection, table: str) -> tuple[Any, ...]:
    """The ids of ``other``'s rows of ``table`` that ``main`` lacks, tombstones included,
    in the other file's order (by rowid: the rowid is in the id index too)."""
    rows = connection.execute(
        f"SELECT rowid, id FROM other.{quoted(table)} "
        f"WHERE id NOT IN (SELECT id FROM main.{quoted(table)})"
    )
    return tuple(record_id for _rowid, record_id in sorted(rows))


def in_chunks(ids: Sequence[Any]) -> Iterator[tuple[str, Sequence[Any]]]:
    """``(marks, chunk)``: ``IN ({marks})`` names the ids of ``chunk``."""
    for start in range(0, len(ids), _IDS_AT_ONCE):
        chunk = ids[start : start + _IDS_AT_ONCE]
        yield ", ".join("?" * len(chunk)), chunk


def rows_by_id(
    connection: sqlite3.Connection,
    table: str,
    columns: Sequence[str],
    ids: Sequence[Any],
) -> Iterable[tuple[Any, ...]]:
    """``columns`` of ``other``'s rows of ``table`` whose id is one of ``ids``, in the
    table's order where ``ids`` are."""
    names = ", ".join(quoted(column) for column in columns)
    for marks, chunk in in_chunks(ids):
        yield from connection.execute(
            f"SELECT {names} FROM other.{quoted(table)} WHERE id IN ({marks}) ORDER BY rowid",
            chunk,
        )


def copy_in(
    connection: sqlite3.Connection,
    table: str,
    columns: Sequence[str],
    ids: Sequence[Any],
    *,
    deleted_at: str | None = None,
) -> None:
    """Insert ``other``'s rows ``ids`` of ``table`` into ``main`` as they are, or as
    tombstones deleted at ``deleted_at`` when it is given."""
    names = ", ".join(quoted(column) for column in columns)
    picked = ", ".join(
        "? AS deleted_at" if deleted_at is not None and column == "deleted_at" else quoted(column)
        for column in columns
    )
    stamp = [] if deleted_at is None else [deleted_at]
    for marks, chunk in in_chunks(ids):
        connection.execute(
            f"INSERT INTO main.{quoted(table)} ({names}) "
            f"SELECT {picked} FROM other.{quoted(table)} WHERE id IN ({marks}) ORDER BY rowid",
            [*stamp, *chunk],
        )
