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

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from intl_desk.core.i18n import N_, Message
from intl_desk.core.model import LocalEntity
from intl_desk.server.accounts import Account
from intl_desk.store.ownership import Lookup, branch_of, owners_of

#: a collection round submission's states that only the office's own accounts set
REVIEWED = ("approved", "returned")
Row = Mapping[str, Any]


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
        return owners_of(self.connection, table, row, lookup, pushed_children, depth)


def closed_round_refusal(
    table: str, record_id: str, pushed: Row | None, on_server: Row | None, lookup: Lookup
) -> Message | None:
    """A closed collection round takes no new answer or correction, from any account: a
    submission sent (or returned) from a file that had not heard of the closing yet is
    refused, with the reason; reopening the round lets it through."""
    if table != "round_submission" or pushed is None:
        return None
    status = pushed.get("status")
    if status not in ("submitted", "returned") or status == (on_server or {}).get("status"):
        return None
    round_ = lookup("collection_round", str(pushed.get("round_id")))
    if round_ is None or round_.get("status") != "closed":
        return None
    return Message(
        N_(
            "The round “{title}” is closed: it takes no new answers. Ask the office "
            "to reopen it if the figures are still wanted."
        ),
        {"title": label_of(round_, record_id)},
    )
