"""Live records that point at deleted ones (``intl-desk check``).

Deleting a record leaves a tombstone, so a reference to it still satisfies the foreign
key: SQLite's ``foreign_key_check`` sees nothing wrong. Yet an agreement whose party is a
deleted partner (the partner deleted here while a copy added the party, then the copies
merged; or the partner deleted while agreements still named it) shows a party nobody
can open. Every foreign key of the model is followed from live rows to tombstones; each
kind of dangling reference is reported once, with a count and one example to open.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

from sqlalchemy import Column, Table

from intl_desk.core.i18n import N_, Message
from intl_desk.core.model import Base, Record

#: columns that name a record, in the order they are tried
_LABELS = ("title", "name", "filename")


def _model(table: Table) -> type[Record] | None:
    for mapper in Base.registry.mappers:
        if mapper.local_table is table and issubclass(mapper.class_, Record):
            return mapper.class_
    return None


def _kind(table: Table) -> Message | str:
    model = _model(table)
    return Message(model.kind_label) if model is not None and model.kind_label else table.name


def _label_sql(table: Table, alias: str) -> str | None:
    column = next((name for name in _LABELS if name in table.c), None)
    return f'{alias}."{column}"' if column else None


def _owner(table: Table, reference: Column[object]) -> tuple[Table, Column[object]] | None:
    """The record a child row belongs to (a party's agreement), to name it by."""
    for key in table.foreign_keys:
        parent = key.column.table
        if key.parent is not reference and not key.parent.nullable and isinstance(parent, Table):
            return parent, key.parent
    return None


def _example_sql(table: Table, reference: Column[object]) -> str:
    """The SQL naming a dangling row: its own label, else its owner's label."""
    own = _label_sql(table, "c")
    if own is not None:
        return own
    owner = _owner(table, reference)
    if owner is not None:
        owner_table, owner_column = owner
        label = _label_sql(owner_table, "o")
        if label is not None:
            return (
                f'(SELECT {label} FROM "{owner_table.name}" o '
                f'WHERE o.id = c."{owner_column.name}")'
            )
    return "c.id"


def dangling_references(connection: sqlite3.Connection) -> Iterator[Message]:
    """One message per (kind, reference) with live rows pointing at deleted records."""
    for table in Base.metadata.sorted_tables:
        if "deleted_at" not in table.c:
            continue
        for key in sorted(table.foreign_keys, key=lambda k: k.parent.name):
            parent = key.column.table
            if not isinstance(parent, Table) or "deleted_at" not in parent.c:
                continue
            column = key.parent
            target = _label_sql(parent, "p") or "p.id"
            row = connection.execute(
                f"SELECT count(*) OVER (), {_example_sql(table, column)} AS record, "
                f'{target} FROM "{table.name}" c '
                f'JOIN "{parent.name}" p ON p.id = c."{column.name}" '
                "WHERE c.deleted_at IS NULL AND p.deleted_at IS NOT NULL "
                "ORDER BY record, c.id LIMIT 1"
            ).fetchone()
            if row is None or not row[0]:
                continue
            yield Message(
                N_(
                    "{count} record(s) of kind “{kind}” refer to a deleted “{parent}”, e.g. "
                    "“{record}” (“{target}”): open it and choose another one or remove it."
                ),
                {
                    "count": row[0],
                    "kind": _kind(table),
                    "parent": _kind(parent),
                    "record": row[1] or "?",
                    "target": row[2] or "?",
                },
            )
