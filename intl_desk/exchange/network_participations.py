"""A network's participations (events attended, positions held, statements) on the sheet
“Participations” beside the networks list: each names its member (the membership's local
entity) and is given to that entity's membership of the network — of successive ones, the
membership whose period holds the participation's start. Re-importing a network the file
has replaces its memberships and participations only when they differ; a participation
never stays on a membership the import deleted."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from intl_desk.core.i18n import N_
from intl_desk.core.model import Membership, Participation
from intl_desk.core.tracking import restore, soft_delete
from intl_desk.exchange.context import ImportContext, name_key
from intl_desk.exchange.importer import RowPreview
from intl_desk.exchange.kinds_projects import same_lines

#: a membership as participations are placed on it: (id, local entity id, since, until)
Target = tuple[str, str | None, date | None, date | None]

NOT_A_MEMBER = N_(
    "Participation “{title}”: “{member}” has no membership of this network on the "
    "memberships sheet."
)


def lines(row: RowPreview, model: type) -> list[dict[str, Any]]:
    return [values for kind, values in row.plan.get("details", []) if kind is model]


def check_members(row: RowPreview) -> None:
    """Each participation names a member the memberships sheet lists for its network."""
    if Membership not in row.plan.get("detail_kinds", ()):
        return
    members = {name_key(str(line.get("local_entity") or "")) for line in lines(row, Membership)}
    for line in lines(row, Participation):
        if name_key(str(line.get("member") or "")) not in members:
            row.error(NOT_A_MEMBER, title=line.get("title") or "", member=line.get("member") or "")


def membership_for(candidates: list[Target], day: date | None) -> str | None:
    """Of one entity's memberships, the one whose period holds ``day``, else the latest."""
    if not candidates:
        return None
    holding = [
        target
        for target in candidates
        if day is not None
        and (target[2] is None or target[2] <= day)
        and (target[3] is None or day <= target[3])
    ]
    if holding:
        return holding[0][0]
    return max(candidates, key=lambda t: (t[2] is not None, t[2] or date.min))[0]


def placed(context: ImportContext, row: RowPreview, targets: list[Target]) -> list[dict[str, Any]]:
    """The row's participations, each with the id of the membership it belongs to."""
    found = []
    for values in lines(row, Participation):
        line = dict(values)
        member = line.pop("member", None)
        entity = context.entity_id(str(member)) if member else None
        chosen = membership_for([t for t in targets if t[1] == entity], line.get("start_date"))
        if chosen is not None:
            found.append({"membership_id": chosen, **line})
    return found


def add(context: ImportContext, row: RowPreview, memberships: list[dict[str, Any]]) -> None:
    """The participations of a network this import creates, on its new memberships."""
    targets = [
        (str(m["id"]), m.get("local_entity_id"), m.get("since"), m.get("until"))
        for m in memberships
    ]
    for values in placed(context, row, targets):
        context.writer.add(Participation, values)


def replace(
    context: ImportContext,
    network_id: str,
    memberships: list[dict[str, Any]],
    row: RowPreview,
) -> bool:
    """A network of the file: its memberships become the sheet's when they differ (the
    old ones deleted with their participations, or their participations moved to the
    same member's new membership when the workbook has no participations sheet); its
    participations become the sheet's when it has one and they differ."""
    kinds = row.plan.get("detail_kinds", ())
    session = context.session
    existing = list(
        session.scalars(
            select(Membership).where(
                Membership.network_id == network_id, Membership.deleted_at.is_(None)
            )
        )
    )
    current = list(
        session.scalars(
            select(Participation).where(
                Participation.membership_id.in_([m.id for m in existing]),
                Participation.deleted_at.is_(None),
            )
        )
    )
    targets: list[Target] = [(m.id, m.local_entity_id, m.since, m.until) for m in existing]
    changed = False
    if Membership in kinds and not same_lines(memberships, existing):
        entity_of = {m.id: m.local_entity_id for m in existing}
        for membership in existing:
            soft_delete(session, membership)  # its participations with it
        added = [
            context.writer.add(Membership, {"network_id": network_id, **values})
            for values in memberships
        ]
        targets = [
            (str(m["id"]), m.get("local_entity_id"), m.get("since"), m.get("until"))
            for m in added
        ]
        changed = True
        if Participation not in kinds:  # kept, each with its member's new membership
            for participation in current:
                entity = entity_of.get(participation.membership_id)
                moved = membership_for(
                    [t for t in targets if t[1] == entity], participation.start_date
                )
                if moved is not None:
                    restore(participation)
                    participation.membership_id = moved
    if Participation in kinds:
        wanted = placed(context, row, targets)
        if changed or not same_lines(wanted, current):
            for participation in current:
                soft_delete(session, participation)
            for values in wanted:
                context.writer.add(Participation, values)
            changed = True
    return changed
