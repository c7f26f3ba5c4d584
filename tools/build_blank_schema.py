"""Write ``intl_desk/resources/schema/blank_office.sql``: the schema the migrations make.

A new office file is made from this script (:mod:`intl_desk.store.blank_schema`), so
that File › New does not import Alembic. The migrations remain the one definition of
the schema: this runs them on an empty database and writes what they made.
Run after adding a migration:  .venv/bin/python tools/build_blank_schema.py
A test fails when the written script no longer makes what the migrations make.
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "intl_desk" / "resources" / "schema" / "blank_office.sql"
HEADER = """\
-- Generated from the migrations by tools/build_blank_schema.py: do not edit.
-- The schema of a new office file (intl_desk.store.blank_schema).
"""
#: the order objects are created in: the tables before their indexes and triggers
KINDS = ("table", "index", "trigger", "view")


def migrated_database(path: Path) -> None:
    """Run every migration on a new database at ``path``, as a new file was made before."""
    from intl_desk.store.connection import make_engine
    from intl_desk.store.schema import upgrade

    engine = make_engine(path, create=True)
    try:
        with engine.begin() as connection:
            upgrade(connection)
    finally:
        engine.dispose()


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def script_of(path: Path) -> str:
    """The statements that make the database at ``path`` again, then its rows."""
    connection = sqlite3.connect(path)
    try:
        listed = connection.execute("PRAGMA table_list").fetchall()
        # SQLite makes a full-text index's own ("shadow") tables with the index
        made_with_another = {name for _schema, name, kind, *_rest in listed if kind == "shadow"}
        objects = connection.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master "
            "WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'"
        ).fetchall()
        kept = [
            (kind, name, sql)
            for kind, name, table, sql in objects
            if name not in made_with_another and table not in made_with_another
        ]
        lines = [HEADER]
        for wanted in KINDS:  # by name: the migrations make some indexes in a set's order
            lines += [f"{sql};\n" for kind, _name, sql in sorted(kept) if kind == wanted]
        for _kind, name, sql in sorted(kept):  # a full-text index as the migration leaves it
            if "USING fts5" in sql:
                lines.append(f"INSERT INTO {_quoted(name)} ({_quoted(name)}) VALUES ('rebuild');\n")
        plain = [
            name
            for schema, name, kind, *_rest in listed
            if schema == "main" and kind == "table" and not name.startswith("sqlite_")
        ]
        for table in plain:
            columns = [row[1] for row in connection.execute(f"PRAGMA table_info({_quoted(table)})")]
            values = " || ', ' || ".join(f"quote({_quoted(column)})" for column in columns)
            query = f"SELECT {values} FROM {_quoted(table)} ORDER BY rowid"
            for (row,) in connection.execute(query):
                lines.append(f"INSERT INTO {_quoted(table)} VALUES ({row});\n")
        return "".join(lines)
    finally:
        connection.close()


def render() -> str:
    with tempfile.TemporaryDirectory(prefix="intl-desk-blank-") as folder:
        database = Path(folder) / "blank.sqlite"
        migrated_database(database)
        return script_of(database)


def main() -> int:
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(render(), encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
