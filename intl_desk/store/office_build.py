"""Writing a whole new office file from rows read elsewhere (the office server's database).

The file is built under a temporary name beside the target: its schema by the migrations
(like every new file), its identity pragmas, then every row the caller hands over, in one
transaction with foreign keys checked at commit (rows may come in any order within a
table); then the full integrity check and the file's seal (:mod:`intl_desk.store.seal`),
and the file is renamed into place. A failure at
any step leaves nothing under the target's name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.engine import Connection

from intl_desk.store.backup import fsync_file, publish, temporary_sibling, verify_and_seal
from intl_desk.store.connection import make_engine
from intl_desk.store.db_errors import translate_db_errors
from intl_desk.store.schema import APPLICATION_ID, SCHEMA_VERSION, upgrade

#: ``write(table, rows)``: what a filler calls for each batch of rows it has
RowWriter = Callable[[Table, Iterable[Mapping[Any, Any]]], None]


def build_office_file(target: Path, fill: Callable[[RowWriter], None]) -> Path:
    """A new office file at ``target`` (which must not exist) holding the rows ``fill``
    writes; see the module docstring."""
    work = temporary_sibling(target, "build")
    try:
        with translate_db_errors(target):
            engine = make_engine(work, create=True)
            try:
                with engine.begin() as connection:
                    upgrade(connection)
                    connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
                    connection.exec_driver_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")
                with engine.begin() as connection:
                    connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
                    fill(_writer(connection))
            finally:
                engine.dispose()
            verify_and_seal(work)
            fsync_file(work)
            publish(work, target, overwrite=False)
    finally:
        work.unlink(missing_ok=True)
        Path(f"{work}-journal").unlink(missing_ok=True)
    return target


def _writer(connection: Connection) -> RowWriter:
    def write(table: Table, rows: Iterable[Mapping[Any, Any]]) -> None:
        batch = [dict(row) for row in rows]
        if batch:
            connection.execute(insert(table), batch)

    return write
