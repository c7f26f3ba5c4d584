"""The tables readings use without the model are the model's tables, written out."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from sqlalchemy import select
from sqlalchemy.dialects import sqlite

from intl_desk.core import columns, model, tables
from intl_desk.core.columns import TableColumns

ROOT = Path(__file__).resolve().parents[2]


def _builder() -> ModuleType:
    builder = ROOT / "tools" / "build_tables.py"
    spec = importlib.util.spec_from_file_location("build_tables", builder)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_written_tables_are_the_models() -> None:
    """Changing the model without writing the tables again fails here."""
    written = (ROOT / "intl_desk" / "core" / "tables.py").read_text(encoding="utf-8")
    assert written == _builder().render(), "stale: run python tools/build_tables.py"


def test_every_table_reads_with_the_same_sql_and_types() -> None:
    """Every table the readings name (intl_desk.core.columns) is written, and only those."""
    dialect = sqlite.dialect()
    named = {value._name for value in vars(columns).values() if isinstance(value, TableColumns)}
    assert named <= set(model.Base.metadata.tables)
    assert set(tables.metadata.tables) == named
    for name in named:
        ours, written = model.Base.metadata.tables[name], tables.metadata.tables[name]
        assert str(select(written).compile(dialect=dialect)) == str(
            select(ours).compile(dialect=dialect)
        )
        for column in ours.columns:
            copy = written.c[column.key]
            assert repr(copy.type) == repr(column.type), f"{name}.{column.key}"
            assert copy.primary_key == column.primary_key
            assert {key.target_fullname for key in copy.foreign_keys} == {
                key.target_fullname for key in column.foreign_keys
            }
