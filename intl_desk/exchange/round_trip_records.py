"""Every field an office keeps, record by record, as plain values that can be compared
between two office files: the one a round trip through spreadsheets started from and the
new file the exported spreadsheets were imported into (see :mod:`.round_trip`).

Records are keyed by what an office tells them apart by (an agreement's title and
reference, a project's title, a mission's title and first day…); a partner is written
with its country and coordinates, so that a link to the wrong one of two namesakes (two
Jacksons in the United States) shows as a difference.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from intl_desk.core.model import (
    Activity,
    Agreement,
    AgreementParty,
    Contact,
    Indicator,
    LocalEntity,
    Membership,
    Network,
    Partner,
    Project,
    ProjectParticipant,
    StrategicLine,
)

Records = dict[Any, dict[str, Any]]
#: a section's records one at a time: (key, fields)
Pairs = Iterator[tuple[Any, dict[str, Any]]]

#: records read at once: with everything under them loaded, the state demo's 20,000
#: agreements read whole took 430 MiB (a snapshot peaked at 482 MiB, 58 without them)
BATCH = 1_000


def _batched(session: Session, query: Select[tuple[Any]]) -> Iterator[Any]:
    """The records of ``query`` (one model, its related rows loaded by its options), a
    :data:`BATCH` at a time; the session lets go of each batch before the next."""
    model = query.column_descriptions[0]["entity"]
    ids = list(session.scalars(query.with_only_columns(model.id).order_by(model.id)))
    for start in range(0, len(ids), BATCH):
        yield from session.scalars(query.where(model.id.in_(ids[start : start + BATCH])))
        session.expunge_all()


def partner_ref(partner: Partner | None) -> tuple[Any, ...] | None:
    """A partner as told apart from its namesakes: name, country and where it is."""
    if partner is None:
        return None
    return (partner.name, partner.country_code, partner.latitude, partner.longitude)


def _live(records: Iterable[Any]) -> list[Any]:
    return [r for r in records if r.deleted_at is None]


def _lines(records: Iterable[Any], *fields: str) -> list[tuple[Any, ...]]:
    return sorted((tuple(getattr(r, f) for f in fields) for r in _live(records)), key=repr)


def agreements(session: Session) -> Pairs:
    query = (
        select(Agreement)
        .where(Agreement.deleted_at.is_(None))
        .options(
            selectinload(Agreement.themes),
            selectinload(Agreement.sdgs),
            selectinload(Agreement.objectives),
            selectinload(Agreement.parties).selectinload(AgreementParty.partner),
            selectinload(Agreement.parties).selectinload(AgreementParty.local_entity),
            selectinload(Agreement.renews),
            selectinload(Agreement.amends),
        )
    )
    for a in _batched(session, query):
        parties = _live(a.parties)
        yield (
            (a.title, a.reference or ""),
            {
                "type": a.type,
                "status": a.status,
                "summary": a.summary,
                "signed": (a.date_signed, a.date_signed_precision),
                "in force": (a.date_in_force, a.date_in_force_precision),
                "expires": (a.date_expires, a.date_expires_precision),
                "perpetual": a.perpetual,
                "notes": a.notes,
                "themes": sorted(t.theme for t in _live(a.themes)),
                "sdgs": sorted(s.sdg for s in _live(a.sdgs)),
                "objectives": [
                    o.text for o in sorted(_live(a.objectives), key=lambda o: o.position)
                ],
                "partners": sorted(
                    (partner_ref(p.partner) for p in parties if p.partner), key=repr
                ),
                "entities": sorted(p.local_entity.name for p in parties if p.local_entity),
                "renews": a.renews.title if a.renews else None,
                "amends": a.amends.title if a.amends else None,
            },
        )


def local_entities(session: Session) -> Pairs:
    """The office's entities, keyed by name and kind: a region and a municipality of one
    name are two entities, and a round trip merging them shows."""
    return (
        (
            (e.name, e.kind),
            {
                "part of": e.parent.name if e.parent else None,
                "code": e.code,
                "population": e.population,
                "coordinates": (e.latitude, e.longitude),
                "notes": e.notes,
            },
        )
        for e in session.scalars(select(LocalEntity).where(LocalEntity.deleted_at.is_(None)))
    )


def partners(session: Session) -> Pairs:
    return (
        (
            partner_ref(p),
            {
                "kind": p.kind,
                "region": p.region,
                "website": p.website,
                "population": p.population,
                "iati": p.iati_org_ref,
                "notes": p.notes,
            },
        )
        for p in session.scalars(select(Partner).where(Partner.deleted_at.is_(None)))
    )


def projects(session: Session) -> Pairs:
    query = (
        select(Project)
        .where(Project.deleted_at.is_(None))
        .options(
            selectinload(Project.sdgs),
            selectinload(Project.participants).selectinload(ProjectParticipant.partner),
        )
    )
    return (
        (
            (p.title, p.planned_start),
            {
                "status": p.status,
                "country": p.country_code,
                "place": p.location_name,
                "description": p.description,
                "iati": p.iati_identifier,
                "currency": p.currency,
                "planned": (
                    p.planned_start,
                    p.planned_start_precision,
                    p.planned_end,
                    p.planned_end_precision,
                ),
                "actual": (
                    p.actual_start,
                    p.actual_start_precision,
                    p.actual_end,
                    p.actual_end_precision,
                ),
                "sdgs": sorted(s.sdg for s in _live(p.sdgs)),
                "partners": sorted(
                    (partner_ref(x.partner) for x in _live(p.participants) if x.partner), key=repr
                ),
                "notes": p.notes,
            },
        )
        for p in _batched(session, query)
    )


def _funder(line: Any) -> Any:
    return partner_ref(line.funder_partner) if line.funder_partner else line.funder_name


def project_details(session: Session) -> Pairs:
    """Each project's money lines and sectors, each funder as told apart from namesakes."""
    query = (
        select(Project)
        .where(Project.deleted_at.is_(None))
        .options(
            selectinload(Project.budget_lines),
            selectinload(Project.cofinancing),
            selectinload(Project.transactions),
            selectinload(Project.sectors),
        )
    )
    return (
        (
            (p.title, p.planned_start),
            {
                "budget": _lines(p.budget_lines, "year", "amount", "type", "status", "description"),
                "cofinancing": sorted(
                    (
                        (
                            _funder(c),
                            c.instrument,
                            c.status,
                            c.amount_requested,
                            c.amount_granted,
                            c.date_requested,
                            c.date_decided,
                        )
                        for c in _live(p.cofinancing)
                    ),
                    key=repr,
                ),
                "transactions": _lines(p.transactions, "type", "date", "amount", "description"),
                "sectors": _lines(p.sectors, "code", "percentage"),
            },
        )
        for p in _batched(session, query)
    )


def activities(session: Session) -> Pairs:
    return (
        (
            (a.title, a.start_date),
            {
                "kind": a.kind,
                "status": a.status,
                "dates": (a.start_date_precision, a.end_date, a.end_date_precision),
                "place": (a.location, a.country_code),
                "cost": (a.cost, a.currency),
                "people": (a.participant_count, a.participants),
                "texts": (a.purpose, a.justification, a.outcomes, a.lessons_learned),
                "transport": a.transport_mode,
                "entity": a.local_entity.name if a.local_entity else None,
                "partner": partner_ref(a.partner),
                "agreement": a.agreement.title if a.agreement else None,
                "project": a.project.title if a.project else None,
                "network": a.network.name if a.network else None,
            },
        )
        for a in session.scalars(select(Activity).where(Activity.deleted_at.is_(None)))
    )


def networks(session: Session) -> Pairs:
    """Each network (what it is part of, its themes) and the office's memberships of it,
    each with its focal contact and its participations (events, positions, statements)."""
    members: dict[str, list[tuple[Any, ...]]] = {}
    query = (
        select(Membership)
        .where(Membership.deleted_at.is_(None))
        .options(selectinload(Membership.participations), selectinload(Membership.focal_contact))
    )
    for m in session.scalars(query):
        members.setdefault(m.network_id, []).append(
            (
                m.local_entity.name if m.local_entity else None,
                m.role,
                (m.since, m.since_precision),
                (m.until, m.until_precision),
                (m.annual_fee, m.currency),
                m.notes,
                (m.focal_contact.name, m.focal_contact.is_staff) if m.focal_contact else None,
                _lines(
                    m.participations,
                    "kind",
                    "title",
                    "start_date",
                    "start_date_precision",
                    "end_date",
                    "end_date_precision",
                    "location",
                    "country_code",
                    "description",
                    "outcome",
                ),
            )
        )
    return (
        (
            n.name,
            {
                "network": (n.acronym, n.scope, n.website, n.description),
                "themes": sorted((n.themes or "").split(",")),
                "part of": n.parent.name if n.parent else None,
                "memberships": sorted(members.get(n.id, []), key=repr),
            },
        )
        for n in session.scalars(select(Network).where(Network.deleted_at.is_(None)))
    )


def contacts(session: Session) -> Pairs:
    query = (
        select(Contact).where(Contact.deleted_at.is_(None)).options(selectinload(Contact.positions))
    )
    return (
        # as the import tells contacts apart: by name and where they work
        (
            (c.name, partner_ref(c.partner), c.local_entity.name if c.local_entity else None),
            {
                "position": c.position,
                "organisation": c.organisation,
                "entity": c.local_entity.name if c.local_entity else None,
                "reach": (c.email, c.phone),
                "languages": sorted((c.languages or "").split(",")),
                "staff": c.is_staff,
                "notes": c.notes,
                "positions": _lines(c.positions, "position", "organisation", "since", "until"),
            },
        )
        for c in session.scalars(query)
    )


def plan(session: Session) -> Pairs:
    """Each plan line: its term, the line it carries on, its objectives and the indicators
    serving them (the indicators say which earlier one they carry on)."""
    serving: dict[str, list[tuple[str, str | None]]] = {}
    for i in session.scalars(select(Indicator).where(Indicator.objective_id.is_not(None))):
        serving.setdefault(str(i.objective_id), []).append(
            (i.name, i.continues.name if i.continues else None)
        )
    for line in session.scalars(select(StrategicLine).where(StrategicLine.deleted_at.is_(None))):
        yield (
            line.title,
            {
                "code": line.code,
                "description": line.description,
                "term": (line.term.leader, line.term.start_date) if line.term else None,
                "carries on": line.continues.title if line.continues else None,
                "objectives": sorted(
                    (o.title, o.domain, o.year, o.description, sorted(serving.get(o.id, [])))
                    for o in _live(line.objectives)
                ),
            },
        )


def mission_values(session: Session) -> Pairs:
    """Each mission's expected results (in order, with what they serve) and follow-ups."""
    query = (
        select(Activity)
        .where(Activity.deleted_at.is_(None))
        .options(selectinload(Activity.expected_results), selectinload(Activity.follow_ups))
    )
    for a in session.scalars(query):
        expected = sorted(_live(a.expected_results), key=lambda e: e.position)
        yield (
            (a.title, a.start_date),
            {
                "expected": [
                    (
                        e.expected,
                        e.obtained,
                        e.indicator.name
                        if e.indicator
                        else e.objective.title
                        if e.objective
                        else None,
                    )
                    for e in expected
                ],
                "follow-ups": _lines(a.follow_ups, "months", "done_on", "notes"),
            },
        )


#: what a round trip compares, by name
SECTIONS: dict[str, Callable[[Session], Pairs]] = {
    "local entities": local_entities,
    "agreements": agreements,
    "partners": partners,
    "projects": projects,
    "project details": project_details,
    "activities": activities,
    "mission values": mission_values,
    "networks": networks,
    "contacts": contacts,
    "plan": plan,
}


def snapshot(session: Session) -> dict[str, Records]:
    """Every section of :data:`SECTIONS`, read from ``session``'s file."""
    return {name: dict(read(session)) for name, read in SECTIONS.items()}
