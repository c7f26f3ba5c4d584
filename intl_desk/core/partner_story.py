"""A partner's whole story: everything the office did with one partner (or with every
partner in one country) over the years, read with SQLAlchemy Core.

The seminar's question was "what has this partnership brought us over the decades?". The
answer is assembled from records the office already keeps: agreements and their objectives,
projects the partner took part in or co-financed (and projects under its agreements), the
money both ways, missions and delegations, networks where the two met, contacts, the
results and evidence written down, and a timeline by year.

Money is never added across currencies: every sum is a mapping currency → amount. The
figures are the office's *contribution* to a partnership, not a measure of what the
partnership alone caused (attribution); the printed sheet says so.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from intl_desk.core import vocabularies as vocab
from intl_desk.core.date_precision import with_precision
from intl_desk.core.display import country_name
from intl_desk.core.errors import IntlDeskError
from intl_desk.core.i18n import N_, Message
from intl_desk.core.model import (
    Activity,
    Agreement,
    AgreementObjective,
    AgreementParty,
    AgreementProject,
    BudgetLine,
    CofinancingLine,
    Contact,
    ContactPosition,
    Document,
    Network,
    Office,
    Partner,
    Project,
    ProjectParticipant,
    ProjectTransaction,
)

#: Transactions that are money the office's side paid out (IATI codes).
SPENDING_TRANSACTIONS = ("3", "4")

Money = dict[str, Decimal]


class PartnerNotFound(IntlDeskError):
    def __init__(self, what: str) -> None:
        super().__init__(Message(N_("No partner {name} in this file."), {"name": what}))


@dataclass(frozen=True)
class StoryAgreement:
    id: str
    title: str
    type: str
    status: str
    status_code: str
    signed: date | None
    expires: date | None
    partners: tuple[str, ...]
    objectives: tuple[str, ...]


@dataclass(frozen=True)
class StoryProject:
    id: str
    title: str
    status: str
    start: date | None
    end: date | None
    currency: str
    budget: Decimal
    spent: Decimal
    cofinancing_obtained: Decimal  # granted by the partner(s) of this story
    results: str


@dataclass(frozen=True)
class StoryActivity:
    id: str
    kind: str  # the vocabulary code: mission, delegation, event, meeting
    kind_label: str
    status: str  # the vocabulary code: planned, done, cancelled
    title: str
    start: date | None
    location: str
    cost: Decimal | None
    currency: str
    outcomes: str


@dataclass(frozen=True)
class StoryContact:
    name: str
    position: str
    organisation: str
    email: str
    #: the positions held over time, oldest first ("Mayor of Qingdao, 2008–2016")
    career: tuple[str, ...] = ()

    @property
    def details(self) -> str:
        """What follows the name: the positions over time, else the current one; e-mail."""
        held = " · ".join(self.career) if self.career else self.position
        return ", ".join(part for part in (held, self.email) if part)


def held_text(
    position: str, organisation: str | None, since: date | None, until: date | None
) -> str:
    """ "Governor, Shandong Province (since 2017)", "Mayor, Qingdao (2008–2016)"."""
    where = f"{position}, {organisation}" if organisation else position
    if since and until:
        years = f"{since.year}–{until.year}"
    elif since:
        years = Message(N_("since {year}"), {"year": since.year}).render()
    elif until:
        years = Message(N_("until {year}"), {"year": until.year}).render()
    else:
        return where
    return f"{where} ({years})"


@dataclass(frozen=True)
class TimelineEntry:
    day: date
    text: str


@dataclass(frozen=True)
class PartnerStory:
    """What the partner form's Story tab and the partner sheet show."""

    office_name: str
    title: str  # the partner's name, or the country's
    subtitle: str  # "City · Poland", or "12 partners"
    partner_count: int
    agreements: tuple[StoryAgreement, ...]
    projects: tuple[StoryProject, ...]
    activities: tuple[StoryActivity, ...]
    networks: tuple[str, ...]
    contacts: tuple[StoryContact, ...]
    documents: tuple[str, ...]
    timeline: tuple[tuple[int, tuple[TimelineEntry, ...]], ...]  # newest year first
    budget: Money = field(default_factory=dict)
    spent: Money = field(default_factory=dict)
    cofinancing_obtained: Money = field(default_factory=dict)
    mission_cost: Money = field(default_factory=dict)

    @property
    def first_year(self) -> int | None:
        return self.timeline[-1][0] if self.timeline else None

    @property
    def missions(self) -> int:
        return sum(1 for a in self.activities if a.kind == "mission" and a.status != "cancelled")

    @property
    def delegations(self) -> int:
        return sum(1 for a in self.activities if a.kind == "delegation" and a.status != "cancelled")

    @property
    def active_agreements(self) -> int:
        return sum(1 for a in self.agreements if a.status_code == "active")

    @property
    def is_empty(self) -> bool:
        return not (self.agreements or self.projects or self.activities or self.contacts)


def partner_by_name(session: Session, name: str) -> str:
    """The id of the live partner called ``name`` (accents and case ignored)."""
    from intl_desk.core.queries import id_by_folded_name

    found = id_by_folded_name(session, Partner, name)
    if found is None:
        raise PartnerNotFound(name)
    return found


def partner_story(session: Session, partner_id: str) -> PartnerStory:
    row = session.execute(
        select(Partner.name, Partner.kind, Partner.country_code).where(
            Partner.id == partner_id, Partner.deleted_at.is_(None)
        )
    ).one_or_none()
    if row is None:
        raise PartnerNotFound(partner_id)
    name, kind, code = row
    subtitle = " · ".join(
        part for part in (vocab.PARTNER_KINDS.label(kind), country_name(code)) if part
    )
    return _story(session, (partner_id,), name, subtitle)


def country_story(session: Session, country_code: str) -> PartnerStory:
    """The story of every live partner in ``country_code`` taken together."""
    code = country_code.upper()
    ids = tuple(
        session.scalars(
            select(Partner.id).where(Partner.country_code == code, Partner.deleted_at.is_(None))
        ).all()
    )
    if not ids:
        raise PartnerNotFound(country_name(code) or code)
    subtitle = Message(N_("{count} partners"), {"count": len(ids)}).render()
    return _story(session, ids, country_name(code) or code, subtitle)


def _story(session: Session, ids: Sequence[str], title: str, subtitle: str) -> PartnerStory:
    agreements = _agreements(session, ids)
    agreement_ids = [a.id for a in agreements]
    projects = _projects(session, ids, agreement_ids)
    activities = _activities(session, ids, agreement_ids)
    networks = _networks(session, [a.id for a in activities])
    office = session.scalar(select(Office.name).where(Office.deleted_at.is_(None)).limit(1))
    return PartnerStory(
        office_name=office or "",
        title=title,
        subtitle=subtitle,
        partner_count=len(ids),
        agreements=agreements,
        projects=projects,
        activities=activities,
        networks=networks,
        contacts=_contacts(session, ids),
        documents=_documents(
            session,
            {
                "partner": list(ids),
                "agreement": agreement_ids,
                "project": [p.id for p in projects],
                "activity": [a.id for a in activities],
            },
        ),
        timeline=_timeline(agreements, projects, activities),
        budget=_by_currency((p.currency, p.budget) for p in projects),
        spent=_by_currency((p.currency, p.spent) for p in projects),
        cofinancing_obtained=_by_currency((p.currency, p.cofinancing_obtained) for p in projects),
        mission_cost=_by_currency(
            (a.currency, a.cost)
            for a in activities
            if a.kind in ("mission", "delegation") and a.status != "cancelled"
        ),
    )


def _agreements(session: Session, ids: Sequence[str]) -> tuple[StoryAgreement, ...]:
    parties = (
        select(AgreementParty.agreement_id, Partner.name)
        .join(Partner, Partner.id == AgreementParty.partner_id)
        .where(AgreementParty.deleted_at.is_(None), AgreementParty.partner_id.in_(list(ids)))
    )
    partners_of: dict[str, list[str]] = defaultdict(list)
    for agreement_id, name in session.execute(parties):
        if name not in partners_of[agreement_id]:
            partners_of[agreement_id].append(name)
    if not partners_of:
        return ()
    rows = session.execute(
        select(
            Agreement.id,
            Agreement.title,
            Agreement.type,
            Agreement.status,
            Agreement.date_signed,
            Agreement.date_expires,
            Agreement.date_signed_precision,
            Agreement.date_expires_precision,
        ).where(Agreement.deleted_at.is_(None), Agreement.id.in_(list(partners_of)))
    ).all()
    objectives: dict[str, list[str]] = defaultdict(list)
    for agreement_id, text in session.execute(
        select(AgreementObjective.agreement_id, AgreementObjective.text)
        .where(
            AgreementObjective.deleted_at.is_(None),
            AgreementObjective.agreement_id.in_([r.id for r in rows]),
        )
        .order_by(AgreementObjective.position)
    ):
        objectives[agreement_id].append(text)
    stories = [
        StoryAgreement(
            id=r.id,
            title=r.title,
            type=vocab.AGREEMENT_TYPES.label(r.type),
            status=vocab.AGREEMENT_STATUSES.label(r.status),
            status_code=r.status,
            signed=with_precision(r.date_signed, r.date_signed_precision),
            expires=with_precision(r.date_expires, r.date_expires_precision),
            partners=tuple(partners_of[r.id]),
            objectives=tuple(objectives[r.id]),
        )
        for r in rows
    ]
    stories.sort(key=lambda a: (a.signed or date.max, a.title))
    return tuple(stories)


def _projects(
    session: Session, ids: Sequence[str], agreement_ids: Sequence[str]
) -> tuple[StoryProject, ...]:
    participant = select(ProjectParticipant.project_id).where(
        ProjectParticipant.deleted_at.is_(None), ProjectParticipant.partner_id.in_(list(ids))
    )
    funded = select(CofinancingLine.project_id).where(
        CofinancingLine.deleted_at.is_(None), CofinancingLine.funder_partner_id.in_(list(ids))
    )
    linked = select(AgreementProject.project_id).where(
        AgreementProject.deleted_at.is_(None),
        AgreementProject.agreement_id.in_(list(agreement_ids)),
    )
    rows = session.execute(
        select(
            Project.id,
            Project.title,
            Project.status,
            func.coalesce(Project.actual_start, Project.planned_start),
            func.coalesce(Project.actual_end, Project.planned_end),
            Project.currency,
            Project.results,
        )
        .where(
            Project.deleted_at.is_(None),
            or_(Project.id.in_(participant), Project.id.in_(funded), Project.id.in_(linked)),
        )
        .order_by(Project.title)
    ).all()
    project_ids = [r[0] for r in rows]
    budget = _sums(
        session,
        select(BudgetLine.project_id, func.sum(BudgetLine.amount)).where(
            BudgetLine.deleted_at.is_(None), BudgetLine.project_id.in_(project_ids)
        ),
        BudgetLine.project_id,
    )
    spent = _sums(
        session,
        select(ProjectTransaction.project_id, func.sum(ProjectTransaction.amount)).where(
            ProjectTransaction.deleted_at.is_(None),
            ProjectTransaction.project_id.in_(project_ids),
            ProjectTransaction.type.in_(SPENDING_TRANSACTIONS),
        ),
        ProjectTransaction.project_id,
    )
    obtained = _sums(
        session,
        select(CofinancingLine.project_id, func.sum(CofinancingLine.amount_granted)).where(
            CofinancingLine.deleted_at.is_(None),
            CofinancingLine.project_id.in_(project_ids),
            CofinancingLine.funder_partner_id.in_(list(ids)),
            CofinancingLine.status == "granted",
        ),
        CofinancingLine.project_id,
    )
    return tuple(
        StoryProject(
            id=pid,
            title=title,
            status=vocab.PROJECT_STATUSES.label(status),
            start=start,
            end=end,
            currency=currency,
            budget=budget.get(pid, Decimal(0)),
            spent=spent.get(pid, Decimal(0)),
            cofinancing_obtained=obtained.get(pid, Decimal(0)),
            results=results or "",
        )
        for pid, title, status, start, end, currency, results in rows
    )


def _sums(session: Session, query: Select[Any], key: object) -> dict[str, Decimal]:
    return {
        pid: Decimal(str(total))
        for pid, total in session.execute(query.group_by(key))  # type: ignore[arg-type]
        if total is not None
    }


def _activities(
    session: Session, ids: Sequence[str], agreement_ids: Sequence[str]
) -> tuple[StoryActivity, ...]:
    rows = session.execute(
        select(
            Activity.id,
            Activity.kind,
            Activity.status,
            Activity.title,
            Activity.start_date,
            Activity.start_date_precision,
            Activity.location,
            Activity.country_code,
            Activity.cost,
            Activity.currency,
            Activity.outcomes,
        )
        .where(
            Activity.deleted_at.is_(None),
            or_(Activity.partner_id.in_(list(ids)), Activity.agreement_id.in_(list(agreement_ids))),
        )
        .order_by(Activity.start_date, Activity.title)
    ).all()
    return tuple(
        StoryActivity(
            id=r.id,
            kind=r.kind,
            kind_label=vocab.ACTIVITY_KINDS.label(r.kind),
            status=r.status,
            title=r.title,
            start=with_precision(r.start_date, r.start_date_precision),
            location=", ".join(p for p in (r.location, country_name(r.country_code)) if p),
            cost=Decimal(str(r.cost)) if r.cost is not None else None,
            currency=r.currency,
            outcomes=r.outcomes or "",
        )
        for r in rows
    )


def _networks(session: Session, activity_ids: Sequence[str]) -> tuple[str, ...]:
    if not activity_ids:
        return ()
    return tuple(
        session.scalars(
            select(Network.name)
            .join(Activity, Activity.network_id == Network.id)
            .where(Network.deleted_at.is_(None), Activity.id.in_(list(activity_ids)))
            .distinct()
            .order_by(Network.name)
        ).all()
    )


def _contacts(session: Session, ids: Sequence[str]) -> tuple[StoryContact, ...]:
    rows = session.execute(
        select(Contact.id, Contact.name, Contact.position, Contact.organisation, Contact.email)
        .where(Contact.deleted_at.is_(None), Contact.partner_id.in_(list(ids)))
        .order_by(Contact.name)
    ).all()
    careers: dict[str, list[str]] = {}
    for contact_id, held, where, since, until in session.execute(
        select(
            ContactPosition.contact_id,
            ContactPosition.position,
            ContactPosition.organisation,
            ContactPosition.since,
            ContactPosition.until,
        )
        .join(Contact, Contact.id == ContactPosition.contact_id)
        .where(ContactPosition.deleted_at.is_(None), Contact.partner_id.in_(list(ids)))
        .order_by(ContactPosition.since)
    ):
        careers.setdefault(contact_id, []).append(held_text(held, where, since, until))
    return tuple(
        StoryContact(
            name, position or "", organisation or "", email or "", tuple(careers.get(cid, ()))
        )
        for cid, name, position, organisation, email in rows
    )


def _documents(session: Session, by_kind: dict[str, list[str]]) -> tuple[str, ...]:
    conditions = [
        (Document.record_kind == kind) & Document.record_id.in_(ids)
        for kind, ids in by_kind.items()
        if ids
    ]
    if not conditions:
        return ()
    return tuple(
        session.scalars(
            select(Document.title)
            .where(Document.deleted_at.is_(None), or_(*conditions))
            .order_by(Document.title)
        ).all()
    )


def _timeline(
    agreements: Iterable[StoryAgreement],
    projects: Iterable[StoryProject],
    activities: Iterable[StoryActivity],
) -> tuple[tuple[int, tuple[TimelineEntry, ...]], ...]:
    today = date.today()
    entries: list[TimelineEntry] = []
    for agreement in agreements:
        if agreement.signed:
            entries.append(
                TimelineEntry(
                    agreement.signed,
                    Message(N_("Signed: {title}"), {"title": agreement.title}).render(),
                )
            )
    for project in projects:
        if project.start:
            entries.append(
                TimelineEntry(
                    project.start,
                    Message(
                        N_("Project to start: {title}")
                        if project.start > today
                        else N_("Project started: {title}"),
                        {"title": project.title},
                    ).render(),
                )
            )
    for activity in activities:
        if activity.start and activity.status != "cancelled":
            entries.append(
                TimelineEntry(
                    activity.start,
                    Message(
                        N_("{kind}: {name}"), {"kind": activity.kind_label, "name": activity.title}
                    ).render(),
                )
            )
    by_year: dict[int, list[TimelineEntry]] = defaultdict(list)
    for entry in sorted(entries, key=lambda e: (e.day, e.text)):
        by_year[entry.day.year].append(entry)
    return tuple((year, tuple(by_year[year])) for year in sorted(by_year, reverse=True))


def _by_currency(amounts: Iterable[tuple[str, Decimal | None]]) -> Money:
    totals: Money = {}
    for currency, amount in amounts:
        if amount:
            totals[currency] = totals.get(currency, Decimal(0)) + amount
    return totals


__all__ = [
    "PartnerNotFound",
    "PartnerStory",
    "StoryActivity",
    "StoryAgreement",
    "StoryContact",
    "StoryProject",
    "TimelineEntry",
    "country_story",
    "partner_by_name",
    "partner_story",
]
