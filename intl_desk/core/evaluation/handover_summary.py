"""The handover report's first pages: what needs a decision, where, and whom to call.

A new team reads these in twenty minutes; the full listings go to a workbook. Decisions
due within 12 months, each with the day it falls due:

- a renewal: an active agreement's expiry less its reminder lead time (as the calendar
  export), for agreements still in force today;
- a report owed to a funder, not yet submitted (late ones included);
- a network membership that ends: stay or leave, with its annual fee.

Open co-financing requests (awaiting a funder's answer) have no day of their own and are
listed apart, largest first. Counts per region — the entity under the office's own
government a municipality belongs to, or each entity of a city office — and the people
responsible for the decisions due come with them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from intl_desk.core.display import sort_key
from intl_desk.core.evaluation.handover import HandoverReport
from intl_desk.core.evaluation.lines import chunks
from intl_desk.core.model import (
    Agreement,
    AgreementParty,
    CofinancingLine,
    Contact,
    LocalEntity,
    Membership,
    Network,
    Partner,
    Project,
)

HALF_YEAR = 182
YEAR = 365
REGION_DECISIONS = 5
RENEWAL, REPORT, MEMBERSHIP = "renewal", "report", "membership"
KINDS = (RENEWAL, REPORT, MEMBERSHIP)


@dataclass(frozen=True)
class Decision:
    kind: str  # RENEWAL, REPORT or MEMBERSHIP
    due: date
    title: str  # the agreement, the report (and its project), the network
    counterpart: str  # partners, the report's project, "" for a network
    our_side: str  # the local entities concerned, as users read them
    responsible: str
    amount: Decimal | None = None  # a membership's annual fee
    currency: str = ""
    entity_ids: tuple[str, ...] = ()
    contact_id: str | None = None
    #: the regions (or top local entities) of ``entity_ids``, as the workbook's column
    region: str = ""


@dataclass(frozen=True)
class OpenRequest:
    """Co-financing asked of a funder, not yet granted or refused."""

    project: str
    funder: str
    amount: Decimal
    currency: str
    requested: date | None


@dataclass(frozen=True)
class RegionFigures:
    name: str
    entities: int
    active: int  # active agreements with a party in the region
    renewals: int  # renewal decisions due within 12 months
    reports: int  # reports due within 12 months
    projects: int  # projects running, led in the region
    memberships: int  # memberships current today
    busiest: tuple[tuple[str, int], ...]  # entities with most renewals due, and how many
    #: its decisions due within 12 months, soonest (so the late ones) first, at most
    #: REGION_DECISIONS of them: what a region's section of the report lists
    first_due: tuple[Decision, ...] = ()
    decisions_due: int = 0  # all its decisions due within 12 months


@dataclass(frozen=True)
class PersonToCall:
    name: str
    position: str
    organisation: str
    email: str
    phone: str
    decisions: int  # decisions due within 12 months in their hands


@dataclass(frozen=True)
class HandoverSummary:
    today: date
    decisions: tuple[Decision, ...]  # due within 12 months, soonest first
    open_requests: tuple[OpenRequest, ...]  # largest first
    regions: tuple[RegionFigures, ...]  # the office's own government first
    people: tuple[PersonToCall, ...]  # most decisions first

    @property
    def half_year(self) -> date:
        return self.today + timedelta(days=HALF_YEAR)

    @property
    def year(self) -> date:
        return self.today + timedelta(days=YEAR)

    def due_by(self, limit: date, kind: str | None = None) -> tuple[Decision, ...]:
        return tuple(
            decision
            for decision in self.decisions
            if decision.due <= limit and (kind is None or decision.kind == kind)
        )


def handover_summary(session: Session, report: HandoverReport) -> HandoverSummary:
    today = report.today
    horizon = today + timedelta(days=YEAR)
    tree = _tree(session)
    # read once for the decisions and the regions' figures (7,500 agreements of a state)
    entities = _agreement_entities(session, [line.id for line in report.agreements])
    leads = _project_leads(session, [line.id for line in report.projects])
    decisions = [
        *_renewals(session, report, horizon, entities),
        *_reports(report, horizon, leads),
        *_memberships_ending(session, report, today, horizon),
    ]
    decisions.sort(key=lambda item: (item.due, KINDS.index(item.kind), sort_key(item.title)))
    decisions = [replace(item, region=_region_names(item, tree)) for item in decisions]
    return HandoverSummary(
        today=today,
        decisions=tuple(decisions),
        open_requests=tuple(_open_requests(session)),
        regions=_regions(session, report, decisions, tree, entities, leads),
        people=tuple(_people(session, decisions)),
    )


# --- decisions --------------------------------------------------------------------------


def _renewals(
    session: Session, report: HandoverReport, horizon: date, entities: Mapping[str, list[str]]
) -> list[Decision]:
    """``entities``: the local entities party to each of the report's agreements."""
    lines = {line.id: line for line in report.agreements}
    rows = session.connection().execute(
        select(
            Agreement.id,
            Agreement.date_expires,
            Agreement.renewal_reminder_days,
            Agreement.responsible_id,
        ).where(
            Agreement.deleted_at.is_(None),
            Agreement.status == "active",
            Agreement.perpetual.is_not(True),
            Agreement.date_expires.is_not(None),
            Agreement.date_expires >= report.today,
        )
    ).all()
    due = {
        str(agreement_id): (expires - timedelta(days=reminder or 0), responsible)
        for agreement_id, expires, reminder, responsible in rows
        if expires - timedelta(days=reminder or 0) <= horizon and str(agreement_id) in lines
    }
    return [
        Decision(
            RENEWAL,
            deadline,
            lines[agreement_id].title,
            lines[agreement_id].partners,
            lines[agreement_id].entities,
            lines[agreement_id].responsible,
            entity_ids=tuple(entities.get(agreement_id, ())),
            contact_id=responsible,
        )
        for agreement_id, (deadline, responsible) in due.items()
    ]


def _agreement_entities(session: Session, ids: Iterable[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for part in chunks(list(ids)):
        for agreement_id, entity_id in session.execute(
            select(AgreementParty.agreement_id, AgreementParty.local_entity_id).where(
                AgreementParty.agreement_id.in_(part),
                AgreementParty.deleted_at.is_(None),
                AgreementParty.local_entity_id.is_not(None),
            )
        ):
            found[str(agreement_id)].append(str(entity_id))
    return found


def _reports(report: HandoverReport, horizon: date, leads: Mapping[str, str]) -> list[Decision]:
    """``leads``: the lead entity of each of the report's projects."""
    decisions = []
    for line in report.projects:
        lead_id = leads.get(line.id)
        for title, due in line.reports_due:
            if due <= horizon:
                decisions.append(
                    Decision(
                        REPORT,
                        due,
                        title,
                        line.title,
                        line.lead,
                        "",
                        entity_ids=(lead_id,) if lead_id else (),
                    )
                )
    return decisions


def _project_leads(session: Session, ids: Sequence[str]) -> dict[str, str]:
    leads: dict[str, str] = {}
    for part in chunks(ids):
        for project_id, lead_id in session.execute(
            select(Project.id, Project.lead_entity_id).where(Project.id.in_(part))
        ):
            if lead_id:
                leads[str(project_id)] = str(lead_id)
    return leads


def _memberships_ending(
    session: Session, report: HandoverReport, today: date, horizon: date
) -> list[Decision]:
    rows = session.execute(
        select(
            Network.name,
            Membership.until,
            Membership.local_entity_id,
            LocalEntity.name,
            Membership.annual_fee,
            Membership.currency,
            Membership.focal_contact_id,
            Contact.name,
        )
        .join(Network, Network.id == Membership.network_id)
        .outerjoin(LocalEntity, LocalEntity.id == Membership.local_entity_id)
        .outerjoin(Contact, Contact.id == Membership.focal_contact_id)
        .where(
            Membership.deleted_at.is_(None),
            Membership.until >= today,
            Membership.until <= horizon,
        )
    ).all()
    return [
        Decision(
            MEMBERSHIP,
            until,
            network,
            "",
            entity or "",
            focal or "",
            fee,
            currency or report.currency,
            (str(entity_id),) if entity_id else (),
            focal_id,
        )
        for network, until, entity_id, entity, fee, currency, focal_id, focal in rows
    ]  # fmt: skip


def _open_requests(session: Session) -> list[OpenRequest]:
    rows = session.execute(
        select(
            Project.title,
            Partner.name,
            CofinancingLine.funder_name,
            CofinancingLine.amount_requested,
            Project.currency,
            CofinancingLine.date_requested,
        )
        .join(Project, Project.id == CofinancingLine.project_id)
        .outerjoin(Partner, Partner.id == CofinancingLine.funder_partner_id)
        .where(
            CofinancingLine.deleted_at.is_(None),
            Project.deleted_at.is_(None),
            CofinancingLine.status == "requested",
        )
    ).all()
    requests = [
        OpenRequest(title, partner or funder or "", amount or Decimal(0), currency, requested)
        for title, partner, funder, amount, currency, requested in rows
    ]
    return sorted(requests, key=lambda item: (-item.amount, sort_key(item.project)))


# --- where and who ----------------------------------------------------------------------


@dataclass(frozen=True)
class _Tree:
    names: dict[str, str]
    group: dict[str, str]  # entity id → its region's id
    roots: tuple[str, ...]


def _tree(session: Session) -> _Tree:
    rows = session.execute(
        select(LocalEntity.id, LocalEntity.name, LocalEntity.parent_id).where(
            LocalEntity.deleted_at.is_(None)
        )
    ).all()
    names = {str(row[0]): str(row[1]) for row in rows}
    parents = {str(row[0]): (str(row[2]) if row[2] in names else None) for row in rows}
    roots = tuple(entity for entity, parent in parents.items() if parent is None)
    group: dict[str, str] = {}
    for entity in names:
        chain = [entity]
        while (above := parents.get(chain[-1])) is not None and above not in chain:
            chain.append(above)
        # the entity just under the top one, or the top one itself
        group[entity] = chain[-2] if len(chain) >= 2 else chain[-1]
    return _Tree(names, group, roots)


def _region_names(decision: Decision, tree: _Tree) -> str:
    groups = {tree.group[e] for e in decision.entity_ids if e in tree.group}
    return ", ".join(sorted((tree.names[group] for group in groups), key=sort_key))


def _regions(
    session: Session,
    report: HandoverReport,
    decisions: Sequence[Decision],
    tree: _Tree,
    entities: Mapping[str, list[str]],
    leads: Mapping[str, str],
) -> tuple[RegionFigures, ...]:
    members: dict[str, int] = defaultdict(int)
    for group in tree.group.values():
        members[group] += 1
    active: dict[str, set[str]] = defaultdict(set)
    for agreement_id, entity_ids in entities.items():
        for entity_id in entity_ids:
            if entity_id in tree.group:
                active[tree.group[entity_id]].add(agreement_id)
    renewals: dict[str, int] = defaultdict(int)
    reports: dict[str, int] = defaultdict(int)
    per_entity: dict[str, int] = defaultdict(int)
    first_due: dict[str, list[Decision]] = defaultdict(list)
    decisions_due: dict[str, int] = defaultdict(int)
    for decision in decisions:  # soonest first
        groups = {tree.group[e] for e in decision.entity_ids if e in tree.group}
        for group in groups:
            decisions_due[group] += 1
            if len(first_due[group]) < REGION_DECISIONS:
                first_due[group].append(decision)
            if decision.kind == RENEWAL:
                renewals[group] += 1
            elif decision.kind == REPORT:
                reports[group] += 1
        if decision.kind == RENEWAL:
            for entity_id in set(decision.entity_ids):
                per_entity[entity_id] += 1
    projects: dict[str, int] = defaultdict(int)
    for lead_id in leads.values():
        if lead_id in tree.group:
            projects[tree.group[lead_id]] += 1
    memberships: dict[str, int] = defaultdict(int)
    for (entity_id,) in session.execute(
        select(Membership.local_entity_id).where(
            Membership.deleted_at.is_(None),
            or_(Membership.until.is_(None), Membership.until >= report.today),
        )
    ):
        if entity_id and str(entity_id) in tree.group:
            memberships[tree.group[str(entity_id)]] += 1
    busiest: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for entity_id, count in per_entity.items():
        region = tree.group.get(entity_id)
        if region is not None and entity_id != region:
            busiest[region].append((tree.names[entity_id], count))
    figures = [
        RegionFigures(
            tree.names[group],
            members[group],
            len(active[group]),
            renewals[group],
            reports[group],
            projects[group],
            memberships[group],
            tuple(sorted(busiest[group], key=lambda item: (-item[1], sort_key(item[0])))[:3]),
            tuple(first_due[group]),
            decisions_due[group],
        )
        for group in members
    ]
    roots = {tree.names[root] for root in tree.roots}
    figures.sort(key=lambda item: (item.name not in roots, -item.active, sort_key(item.name)))
    return tuple(figures)


def _people(session: Session, decisions: Sequence[Decision]) -> list[PersonToCall]:
    counts: dict[str, int] = defaultdict(int)
    for decision in decisions:
        if decision.contact_id:
            counts[str(decision.contact_id)] += 1
    people = []
    for part in chunks(list(counts)):
        for row in session.execute(
            select(
                Contact.id,
                Contact.name,
                Contact.position,
                Contact.organisation,
                Contact.email,
                Contact.phone,
            ).where(Contact.id.in_(part), Contact.deleted_at.is_(None))
        ):
            people.append(
                PersonToCall(
                    row.name,
                    row.position or "",
                    row.organisation or "",
                    row.email or "",
                    row.phone or "",
                    counts[str(row.id)],
                )
            )
    return sorted(people, key=lambda person: (-person.decisions, sort_key(person.name)))
