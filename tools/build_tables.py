"""Write ``intl_desk/core/tables.py``: the office file's tables for SQLAlchemy Core alone.

The model (:mod:`intl_desk.core.model`) is the one definition of the tables, but
importing it builds 44 mapped classes: 0.14 s of CPU, more than a seventh of printing a
state's overview, which reads figures as Core columns (:mod:`intl_desk.core.columns`)
and loads no record. This writes the same tables as plain ``Table`` objects — names,
column keys, types, primary and foreign keys, nullability: what a reading compiles — so
a report can read without importing the model.
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
"""The office file's tables for readings that do not import the model (generated).

Never used to create or change a file: the migrations define the schema and the model
writes records. :mod:`intl_desk.core.columns` uses these tables while the model is not
imported (a report command), the model's own tables once it is.
"""

from sqlalchemy import (
{names}
)

from intl_desk.core.utc_datetime import UtcDateTime

metadata = MetaData()'''


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


def render() -> str:
    """The module's text for the model as it is now."""
    sys.path.insert(0, str(ROOT))
    from intl_desk.core import model

    body: list[str] = []
    types = {"Column", "MetaData", "Table"}
    for table in sorted(model.Base.metadata.tables.values(), key=lambda table: table.name):
        body += ["", "", "Table(", f'    "{table.name}",', "    metadata,"]
        for column in table.columns:
            body.append(_column(column))
            if column.foreign_keys:
                types.add("ForeignKey")
            kind = type(column.type).__name__
            if kind != "UtcDateTime":
                types.add(kind)
        body.append(")")
    names = "\n".join(f"    {name}," for name in sorted(types))
    return HEADER.format(names=names) + "\n".join(body) + "\n"


def main() -> int:
    TARGET.write_text(render(), encoding="utf-8")
    print(f"-> {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
