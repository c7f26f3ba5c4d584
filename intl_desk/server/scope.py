"""Which records an account may change: its role, and its scope in the local-entity tree.

Every account reads the local entities and the records shared by the whole office; an
account scoped to a local entity reads, beyond those, only its branch's records (its clone
is an extract of that branch, its pulls leave the others out).

Readers change nothing. An account without a scope (the office's own staff) changes
everything. An editor scoped to a local entity changes the records that belong to that
entity or an entity under it — the entity itself, the agreements it is a party to, the
projects it leads or takes part in, its memberships, activities, contacts, targets and
measurements, and the child rows of those — and may add records shared by the whole office
(a new partner for its agreement), but not change shared records that exist already: they
are everybody's. It answers its own collection-round submissions but does not approve or
return them. Each refusal is a message naming the record, sent back to the client.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import cache
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.engine import Connection

from intl_desk.core.i18n import N_, Message
from intl_desk.core.model import AgreementParty, Base, LocalEntity, ProjectParticipant
from intl_desk.server.accounts import Account
from intl_desk.store.merge.plan import parent_links

#: a collection round submission's states that only the office's own accounts set
REVIEWED = ("approved", "returned")
#: columns naming the local entity a record belongs to
ENTITY_COLUMNS = ("local_entity_id", "lead_entity_id")
#: a record whose owners come from its child rows: (table, child table, column to the parent)
OWNED_THROUGH: dict[str, tuple[Table, str]] = {
    "agreement": (Base.metadata.tables[AgreementParty.__tablename__], "agreement_id"),
    "project": (Base.metadata.tables[ProjectParticipant.__tablename__], "project_id"),
}

Row = Mapping[str, Any]
#: (table, id) -> the row as it will be (pushed) or is (on the server), or None
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


def label_of(row: Row | None, record_id: str) -> str:
    for name in ("name", "title", "label", "filename", "code", "text", "position"):
        if row and row.get(name):
            return str(row[name])[:80]
    return record_id[:8]


class Scope:
    def __init__(self, connection: Connection, account: Account) -> None:
        self.connection = connection
        self.account = account
        self.branch = (
            branch_of(connection, account.scope_entity_id) if account.scope_entity_id else None
        )
        scope = account.scope_entity_id
        self.scope_name = (
            connection.scalar(select(LocalEntity.name).where(LocalEntity.id == scope))
            if scope
            else None
        )

    def visible(self, table: str, row: Row, lookup: Lookup) -> bool:
        """Whether this account reads the record: every account reads the local entities
        and the records shared by the whole office; a scoped account reads, beyond those,
        only the records of its branch."""
        if self.branch is None or table == "local_entity":
            return True
        owners = self._owners(table, row, lookup, {}, depth=0)
        return not owners or bool(owners & self.branch)

    def refusal(
        self,
        table: str,
        record_id: str,
        pushed: Row | None,
        on_server: Row | None,
        lookup: Lookup,
        pushed_children: Mapping[str, Iterable[Row]],
    ) -> Message | None:
        """Why this account may not send this record's changes, or None when it may."""
        label = label_of(pushed or on_server, record_id)
        if self.account.role == "reader":
            return Message(
                N_("“{label}”: your account may only read."),
                {"label": label},
            )
        if self.branch is None:
            return None
        owners: set[str] = set()
        for row in (on_server, pushed):
            if row is not None:
                owners |= self._owners(table, row, lookup, pushed_children, depth=0)
        if not owners:
            if on_server is None:
                return None  # a new shared record: a partner for one's own agreement
            return Message(
                N_(
                    "“{label}” is shared by the whole office: only an account for the whole "
                    "office changes it."
                ),
                {"label": label},
            )
        if owners & self.branch:
            return self._review_refusal(table, pushed, on_server, lookup)
        return Message(
            N_(
                "“{label}” is outside {scope}: your account changes only the records of "
                "{scope} and of the entities under it."
            ),
            {"label": label, "scope": self.scope_name or "-"},
        )

    def _review_refusal(
        self, table: str, pushed: Row | None, on_server: Row | None, lookup: Lookup
    ) -> Message | None:
        """A scoped account answers its collection rounds but does not judge its answers:
        only the office's own accounts approve or return a submission."""
        if table != "round_submission" or pushed is None:
            return None
        status = pushed.get("status")
        if status not in REVIEWED or status == (on_server or {}).get("status"):
            return None
        entity = lookup("local_entity", str(pushed.get("local_entity_id")))
        return Message(
            N_(
                "The figures of {entity}: only an account for the whole office approves or "
                "returns them."
            ),
            {"entity": label_of(entity, str(pushed.get("local_entity_id")))},
        )

    def _owners(
        self,
        table: str,
        row: Row,
        lookup: Lookup,
        pushed_children: Mapping[str, Iterable[Row]],
        depth: int,
    ) -> set[str]:
        if depth > 5:
            return set()
        owners: set[str] = set()
        if table == "local_entity":
            owners |= {str(value) for value in (row.get("id"), row.get("parent_id")) if value}
        owners |= {str(row[column]) for column in ENTITY_COLUMNS if row.get(column)}
        if table in OWNED_THROUGH:
            child_table, column = OWNED_THROUGH[table]
            stored = self.connection.execute(
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
                owners |= self._owners(
                    str(row["record_kind"]), owner, lookup, pushed_children, depth + 1
                )
        for column, parent_table in _links(table):
            parent_id = row.get(column)
            parent = lookup(parent_table, str(parent_id)) if parent_id else None
            if parent is not None:
                owners |= self._owners(parent_table, parent, lookup, pushed_children, depth + 1)
        return owners
