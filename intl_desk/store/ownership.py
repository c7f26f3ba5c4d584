"""Which local entities a record belongs to: the rule that limits an account scoped to a
branch of the local-entity tree, shared by the office server (which refuses changes out
of scope) and the desktop app (which opens those records read-only, saying whose they are).

A local entity belongs to itself and its parent; a record naming a local entity
(``local_entity_id``, ``lead_entity_id``) to that entity; an agreement to the local
entities among its parties, a project to those taking part; a document to the owners of
the record it is attached to; a child row (a budget line, an objective) to its parent's
owners. A record belonging to no entity (a partner, a network) is shared by the whole office.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import cache
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.engine import Connection

from intl_desk.core.model import AgreementParty, Base, LocalEntity, ProjectParticipant
from intl_desk.store.merge.plan import parent_links

#: columns naming the local entity a record belongs to
ENTITY_COLUMNS = ("local_entity_id", "lead_entity_id")
#: a record whose owners come from its child rows: (table, child table, column to the parent)
OWNED_THROUGH: dict[str, tuple[Table, str]] = {
    "agreement": (Base.metadata.tables[AgreementParty.__tablename__], "agreement_id"),
    "project": (Base.metadata.tables[ProjectParticipant.__tablename__], "project_id"),
}

Row = Mapping[str, Any]
#: (table, id) -> the row as it will be (pushed) or is (stored), or None
Lookup = Callable[[str, str], Row | None]


def branch_of(connection: Connection, entity_id: str) -> frozenset[str]:
    """The entity and every entity under it."""
    children: dict[str, list[str]] = {}
    for entity, parent in connection.execute(select(LocalEntity.id, LocalEntity.parent_id)):
        if parent is not None:
            children.setdefault(str(parent), []).append(str(entity))
    found, waiting = {entity_id}, [entity_id]
    while waiting:
        for child in children.get(waiting.pop(), ()):
            if child not in found:
                found.add(child)
                waiting.append(child)
    return frozenset(found)


@cache
def _links(table: str) -> tuple[tuple[str, str], ...]:
    return parent_links().get(table, ())


def stored_row(connection: Connection) -> Lookup:
    """A :data:`Lookup` reading rows as they are stored through ``connection``."""

    def lookup(table: str, record_id: str) -> Row | None:
        model_table = Base.metadata.tables.get(table)
        if model_table is None:
            return None
        row = connection.execute(
            select(model_table).where(model_table.c.id == record_id)
        ).mappings().first()
        return dict(row) if row is not None else None

    return lookup


def owners_of(
    connection: Connection,
    table: str,
    row: Row,
    lookup: Lookup,
    pushed_children: Mapping[str, Iterable[Row]] | None = None,
    depth: int = 0,
) -> set[str]:
    """The ids of the local entities ``row`` of ``table`` belongs to (see the module's
    doc); ``pushed_children`` are child rows not stored yet (a push under way)."""
    if depth > 5:
        return set()
    pushed_children = pushed_children or {}
    owners: set[str] = set()
    if table == "local_entity":
        owners |= {str(value) for value in (row.get("id"), row.get("parent_id")) if value}
    owners |= {str(row[column]) for column in ENTITY_COLUMNS if row.get(column)}
    if table in OWNED_THROUGH:
        child_table, column = OWNED_THROUGH[table]
        stored = connection.execute(
            select(child_table.c.local_entity_id).where(
                child_table.c[column] == row["id"], child_table.c.deleted_at.is_(None)
            )
        )
        owners |= {str(value) for (value,) in stored if value}
        owners |= {
            str(child["local_entity_id"])
            for child in pushed_children.get(child_table.name, ())
            if child.get(column) == row["id"] and child.get("local_entity_id")
        }
    if table == "document" and row.get("record_kind") and row.get("record_id"):
        # a document belongs to whoever owns the record it is attached to
        owner = lookup(str(row["record_kind"]), str(row["record_id"]))
        if owner is not None:
            owners |= owners_of(
                connection, str(row["record_kind"]), owner, lookup, pushed_children, depth + 1
            )
    for column, parent_table in _links(table):
        parent_id = row.get(column)
        parent = lookup(parent_table, str(parent_id)) if parent_id else None
        if parent is not None:
            owners |= owners_of(
                connection, parent_table, parent, lookup, pushed_children, depth + 1
            )
    return owners
