"""Many new rows of one table in one statement, without SQLAlchemy's work for each row.

``session.execute(insert(table), rows)`` prepares every row's parameters one at a time
(a compiled parameter dictionary, each value through its type): about half the time of
writing 50,000 imported agreements with their parties and history. On SQLite the rows go
to the driver's ``executemany`` as tuples, each value through the very bind processor
SQLAlchemy would apply to it, so what is stored is the same to the byte. Any other
database (the office server's PostgreSQL) gets SQLAlchemy's insert, as before.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import Column, Table, insert
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session


def insert_rows(session: Session, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """INSERT ``rows`` (all with the same keys, each a column of ``table``) into ``table``
    in the session's transaction."""
    if not rows:
        return
    connection = session.connection()
    dialect = connection.dialect
    if dialect.name != "sqlite":
        session.execute(insert(table), list(rows))
        return
    keys = list(rows[0])
    columns = [table.columns[key] for key in keys]
    quote = dialect.identifier_preparer
    names = ", ".join(quote.format_column(column) for column in columns)
    marks = ", ".join("?" for _ in columns)
    statement = f"INSERT INTO {quote.format_table(table)} ({names}) VALUES ({marks})"
    values = [
        _processed([row[key] for row in rows], _bind_processor(column, dialect))
        for key, column in zip(keys, columns, strict=True)
    ]
    connection.exec_driver_sql(statement, list(zip(*values, strict=True)))


def _bind_processor(column: Column[Any], dialect: Dialect) -> Callable[[Any], Any] | None:
    """What SQLAlchemy does to a value of ``column`` before the driver gets it (a date
    written as text, an aware time made naive UTC…); None when it passes as it is."""
    processor: Callable[[Any], Any] | None = column.type.dialect_impl(dialect).bind_processor(
        dialect
    )
    return processor


def _processed(values: list[Any], processor: Callable[[Any], Any] | None) -> list[Any]:
    """``values`` through ``processor``, each distinct value once (every row of an import
    has the same creation time, and a register's dates repeat)."""
    if processor is None:
        return values
    done: dict[tuple[type, Any], Any] = {}  # by type too: 1, 1.0 and True are equal keys
    result = []
    for value in values:
        key = (type(value), value)
        try:
            result.append(done[key])
        except KeyError:
            done[key] = converted = processor(value)
            result.append(converted)
        except TypeError:  # not hashable: converted each time
            result.append(processor(value))
    return result
