"""A new office file's schema, made from a script instead of by running the migrations.

The migrations stay the one definition of the schema: ``tools/build_blank_schema.py`` runs
them on an empty database and writes what they made — its ``sqlite_master`` statements
and the rows of its tables (the revision in ``alembic_version``) — to
``resources/schema/blank_office.sql``, and a test fails when the script no longer makes
the same database as the migrations. A new file is made from the script because running
the migrations imports Alembic, which imports Mako and Pygments: 11 MiB that stayed in
the window's process after File › New for as long as it ran (the state's register
imported in the same window then peaked 12 MiB higher, ``ui_import_state_register``).
Files made by older versions are still brought up to date by the migrations
(:func:`intl_desk.store.schema.upgrade`).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from intl_desk.paths import resources_dir

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection


def script_path() -> Path:
    return resources_dir() / "schema" / "blank_office.sql"


def statements(script: str) -> list[str]:
    """The script's statements, each whole (a trigger's body holds semicolons)."""
    found: list[str] = []
    pending = ""
    for line in script.splitlines(keepends=True):
        if not pending and (not line.strip() or line.startswith("--")):
            continue
        pending += line
        if sqlite3.complete_statement(pending):
            found.append(pending.strip())
            pending = ""
    if pending.strip():
        raise ValueError(f"the schema script ends inside a statement: {pending[:80]!r}")
    return found


def make_blank_schema(connection: Connection) -> None:
    """Create the newest schema on an empty file, inside the caller's transaction."""
    if not connection.in_transaction():
        raise RuntimeError("the schema must be made inside the caller's transaction")
    for statement in statements(script_path().read_text(encoding="utf-8")):
        connection.exec_driver_sql(statement)
    from intl_desk.store import search_index
    from intl_desk.store.connection import driver_connection

    search_index.prepare(driver_connection(connection))
