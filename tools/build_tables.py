"""Write ``intl_desk/core/tables.py``: the office file's tables for SQLAlchemy Core alone.

The model (:mod:`intl_desk.core.model`) is the one definition of the tables, but
importing it builds 44 mapped classes: 0.14 s of CPU, more than a seventh of printing a
state's overview, which reads figures as Core columns (:mod:`intl_desk.core.columns`)
and loads no record. This writes the same tables as plain ``Table`` objects — names,
column keys, types, primary and foreign keys, nullability: what a reading compiles — so
a report can read without importing the model. Only the tables the readings name (those
of :mod:`intl_desk.core.columns`) are written: the others (contacts, documents, the
changes a desk sends…) are read and written through the model's classes.
Run after changing the model:  .venv/bin/python tools/build_tables.py
A test fails when the written module no longer matches the model.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "intl_desk" / "core" / "tables.py"
HEADER = '''\
# Generated from intl_desk.core.model by tools/build_tables.py: do not edit.
"""The office file's tables that readings name, for readings that do not import the
model (generated).

Never used to create or change a file: the migrations define the schema and the model
writes records. :mod:`intl_desk.core.columns` uses these tables while the model is not
imported (a report command), the model's own tables once it is; a table it does not name
is not written here.
"""

from typing import Any

from sqlalchemy import (
{names}
)

from intl_desk.core.utc_datetime import UtcDateTime

metadata = MetaData()


def _record_columns() -> list[Column[Any]]:
    """The columns every record has (``intl_desk.core.model.base.Record``), made anew
    for each table."""
    return [
{record}
    ]

'''


def _column(column) -> str:  # type: ignore[no-untyped-def]
    parts = [f'"{column.name}"', repr(column.type)]
    parts += [f'ForeignKey("{key.target_fullname}")' for key in column.foreign_keys]
    if column.key != column.name:
        parts.append(f'key="{column.key}"')
    if column.primary_key:
        parts.append("primary_key=True")
    elif not column.nullable:
        parts.append("nullable=False")
    return f"    Column({', '.join(parts)}),"


#: the columns of intl_desk.core.model.base.Record, in the order every table has them
RECORD = ("id", "created_at", "updated_at", "origin_office", "deleted_at")


def _lines(table) -> list[str]:  # type: ignore[no-untyped-def]
    """The table's columns, the record's own as one call when they are the usual ones."""
    lines = [_column(column) for column in table.columns]
    keys = [column.key for column in table.columns]
    start = next((i for i in range(len(keys)) if tuple(keys[i : i + 5]) == RECORD), None)
    if start is not None and lines[start : start + 5] == _record_lines():
        lines[start : start + 5] = ["    *_record_columns(),"]
    return lines


def _record_lines() -> list[str]:
    from intl_desk.core.model import Agreement

    return [_column(Agreement.__table__.c[key]) for key in RECORD]


def read_tables() -> frozenset[str]:
    """The tables :mod:`intl_desk.core.columns` names, which readings use without the
    model."""
    from intl_desk.core import columns

    return frozenset(
        value._name for value in vars(columns).values() if isinstance(value, columns.TableColumns)
    )


def render() -> str:
    """The module's text for the model as it is now."""
    sys.path.insert(0, str(ROOT))
    from intl_desk.core import model

    body: list[str] = []
    types = {"Column", "MetaData", "Table"}
    read = read_tables()
    for table in sorted(model.Base.metadata.tables.values(), key=lambda table: table.name):
        if table.name not in read:
            continue
        body += ["", f'Table(\n    "{table.name}",\n    metadata,', *_lines(table), ")"]
        for column in table.columns:
            if column.foreign_keys:
                types.add("ForeignKey")
            kind = type(column.type).__name__
            if kind != "UtcDateTime":
                types.add(kind)
    names = "\n".join(f"    {name}," for name in sorted(types))
    record = "\n".join(f"    {line}" for line in _record_lines())
    return HEADER.format(names=names, record=record) + "\n".join(body) + "\n"


def main() -> int:
    TARGET.write_text(render(), encoding="utf-8")
    print(f"-> {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
