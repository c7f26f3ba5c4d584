"""Network rows, with the office's memberships.

A network is found again by its name (ignoring case and accents). The network it is part
of is found by name in the file or anywhere in the sheet (its row may come after) and
linked once every row is written; one found nowhere refuses the row with the reason.
Memberships come from the sheet “Memberships” beside the list (an export of ours: each
network's memberships listed whole), else from the membership columns of the network's
row (a register of one membership per network: since when, role, annual fee), taken as
the membership of the row's local entity, or of the office's own government.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from intl_desk.core.i18n import N_
from intl_desk.core.model import Membership, Network
from intl_desk.core.validation import errors_of
from intl_desk.exchange import network_participations as participations
from intl_desk.exchange.bulk import transient
from intl_desk.exchange.carried_on import CarriesOnHandler
from intl_desk.exchange.context import ImportContext, name_key
from intl_desk.exchange.fields_networks import MEMBERSHIP_KEYS, NETWORKS
from intl_desk.exchange.importer import Issue, RowPreview, kept_as_written
from intl_desk.exchange.values import theme_codes

#: a membership's columns, the dates' precision among them
_MEMBERSHIP_COLUMNS = (
    "role",
    "since",
    "since_precision",
    "until",
    "until_precision",
    "annual_fee",
    "currency",
    "notes",
)


class NetworkHandler(CarriesOnHandler):
    model = Network
    scalars = ("name", "acronym", "scope", "themes", "website", "description")
    keys_name = "network_keys"
    link_field = "parent"
    link_column = "parent_id"
    unknown_msgid = N_(
        "“{name}”, the network this one is part of, is neither in the file nor in this sheet."
    )
    itself_msgid = N_("A network cannot be part of itself.")

    def _in_file(self, context: ImportContext) -> list[tuple[str, dict[str, Any]]]:
        return [
            (record_id, {"name": name})
            for record_id, name in context.session.execute(
                select(Network.id, Network.name).where(Network.deleted_at.is_(None))
            )
        ]

    def load(self, context: ImportContext, rows: list[RowPreview]) -> None:
        super().load(context, rows)
        members: dict[str, set[str]] = {}
        for network_id, entity_id in context.session.execute(
            select(Membership.network_id, Membership.local_entity_id).where(
                Membership.deleted_at.is_(None)
            )
        ):
            members.setdefault(network_id, set()).add(entity_id or "")
        context.extra["network_members"] = members

    def check(self, context: ImportContext, row: RowPreview) -> None:
        """A row repeating a network (of the file or of an earlier row) for a member it
        does not have yet is that member's membership, not a duplicate: a register of
        one row per member imports whole even when duplicates are skipped."""
        super().check(context, row)
        if row.errors or "membership" not in row.plan:
            return
        members: dict[str, set[str]] = context.extra["network_members"]
        member = _member_key(context, row.plan["membership"][1])
        network = row.duplicate_of or f"row:{row.number}"
        if row.duplicate_of and member not in members.get(network, set()):
            row.plan["member_of"] = network
            row.duplicate_of = None
            if network.startswith("row:"):
                row.warn(N_("Another member of the network of row {row}."), row=network[4:])
            else:
                row.warn(N_("Another member of a network already in the file."))
        members.setdefault(network, set()).add(member)

    def prepare(self, context: ImportContext, row: RowPreview) -> None:
        values = row.values
        if "themes" in values:
            codes, unknown = theme_codes(values.pop("themes"))
            for word in unknown:
                row.warn(N_("“{value}” is not a known theme: left out."), value=word)
            values["themes"] = ",".join(codes) or None
        if not values.get("scope"):
            values["scope"] = "global"
            row.plan["inferred"] = {"scope"}
        # an office's own word for the scope or role is kept on the record, never lost
        scope = kept_as_written(NETWORKS, row, {"scope": row.as_written.get("scope", "")})
        if scope:
            values["description"] = "\n".join([*filter(None, [values.get("description")]), *scope])
        listed_whole = Membership in row.plan.get("detail_kinds", ())
        if not listed_whole and any(values.get(key) is not None for key in MEMBERSHIP_KEYS):
            self._plan_membership(context, row)
        participations.check_members(row)

    def _plan_membership(self, context: ImportContext, row: RowPreview) -> None:
        """The membership the row's own columns give (a register of one per network)."""
        values = row.values
        membership = {key: values[key] for key in _MEMBERSHIP_COLUMNS if key in values}
        membership.setdefault("role", "member")
        role = kept_as_written(NETWORKS, row, {"role": row.as_written.get("role", "")})
        if role:
            membership["notes"] = "\n".join([*filter(None, [values.get("notes")]), *role])
        currency = str(values.get("currency") or "").strip().upper()
        if currency:
            membership["currency"] = currency
        elif context.office is not None:
            membership["currency"] = context.office.currency
        entity = values.get("local_entity")
        if entity:
            context.entity_for(str(entity))  # planned when the file has none of that name
        record = transient(Membership, membership)
        row.errors.extend(Issue(error.message) for error in errors_of(record))
        row.plan["membership"] = (membership, str(entity) if entity else None)

    def create(self, context: ImportContext, row: RowPreview) -> str:
        member_of = row.plan.get("member_of")
        if member_of is not None:  # another member of a network the import has
            network_id = (
                str(context.created[member_of]["id"]) if member_of.startswith("row:") else member_of
            )
            _queue(context, network_id, self._memberships(context, row)[0])
            return network_id
        network_id = super().create(context, row)
        added = []
        for values in self._memberships(context, row):
            if "membership" in row.plan:
                _queue(context, network_id, values)
            else:  # the sheet's lines, successive memberships of one entity among them
                added.append(context.writer.add(Membership, {"network_id": network_id, **values}))
        participations.add(context, row, added)
        return network_id

    def update(self, context: ImportContext, row: RowPreview, record_id: str) -> bool:
        changed = super().update(context, row, record_id)
        memberships = self._memberships(context, row)
        if record_id.startswith("row:"):  # created by an earlier row (one row per member)
            if "membership" not in row.plan:
                return changed
            network_id = str(context.created[record_id]["id"])
            return _queue(context, network_id, memberships[0]) or changed
        if "membership" in row.plan:
            return self._update_membership(context, record_id, memberships[0]) or changed
        return participations.replace(context, record_id, memberships, row) or changed

    def _memberships(self, context: ImportContext, row: RowPreview) -> list[dict[str, Any]]:
        """The row's memberships, each with its local entity's id (created if new)."""
        if "membership" in row.plan:
            values, entity = row.plan["membership"]
            if entity:
                return [{**values, "local_entity_id": context.entity_id(entity)}]
            return [{**values, "local_entity_id": context.own_government}]
        found = []
        for model, values in row.plan.get("details", []):
            if model is Membership:
                line = dict(values)
                entity = line.pop("local_entity", None)
                if entity:
                    line["local_entity_id"] = context.entity_id(str(entity))
                found.append(line)
        return found

    def _update_membership(
        self, context: ImportContext, network_id: str, values: dict[str, Any]
    ) -> bool:
        """A register's row for a network the file has: the membership of the same entity
        takes the row's values; an entity not yet a member gets a new membership."""
        existing = context.session.scalars(
            select(Membership).where(
                Membership.network_id == network_id,
                Membership.deleted_at.is_(None),
            )
        ).all()
        entity = values.get("local_entity_id")
        same = [m for m in existing if m.local_entity_id == entity]
        if not same:  # a new member (or one an earlier row of the sheet added)
            return _queue(context, network_id, values)
        membership = max(same, key=lambda m: (m.since is not None, m.since))
        changed = False
        for key, value in values.items():
            if value is not None and getattr(membership, key) != value:
                setattr(membership, key, value)
                changed = True
        return changed


def _queue(context: ImportContext, network_id: str, values: dict[str, Any]) -> bool:
    """Add the membership of ``values``'s entity to the network, or, when an earlier row
    of the sheet added that entity's already (a register of one row per member), give it
    this row's values; True when something changed."""
    queued: dict[Any, dict[str, Any]] = context.extra.setdefault(
        "network_memberships", {}
    ).setdefault(network_id, {})
    entity = values.get("local_entity_id")
    if entity not in queued:
        queued[entity] = context.writer.add(Membership, {"network_id": network_id, **values})
        return True
    record = queued[entity]
    changed = False
    for key, value in values.items():
        if value is not None and record.get(key) != value:
            record[key] = value
            changed = True
    return changed


def _member_key(context: ImportContext, entity: str | None) -> str:
    """Which entity a row's membership is of: its id, a name this import creates, or the
    office's own government (an empty key when the file has none)."""
    if not entity:
        return context.own_government or ""
    return context.entities.get(name_key(entity)) or f"new:{name_key(entity)}"
