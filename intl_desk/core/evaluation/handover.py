"""The handover report's figures: every live commitment, for a new team after an election.

Plain dataclasses drawn by ``intl_desk.reports.handover``. "Live" means, as of ``today``:
agreements whose status is active, with their objectives, responsible contact and next
renewal date (the expiry date, and the day the renewal reminder falls); projects in
implementation or finalisation with their money and the reports still due; memberships
not ended, with fees and roles; activities planned from today on; the contacts
directory; and the lessons learned recorded on agreements, projects and activities.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from intl_desk.core import vocabularies as vocab
from intl_desk.core.currency_rates import (
    Converted,
    Rates,
    budget_groups,
    granted_groups,
    spent_groups,
)
from intl_desk.core.display import sort_key
from intl_desk.core.evaluation.lines import (
    AgreementLine,
    MembershipLine,
    ProjectLine,
    agreement_lines,
    chunks,
    membership_lines,
    project_lines,
)
from intl_desk.core.evaluation.lines_activities import ActivityLine, activity_lines
from intl_desk.core.i18n import _
from intl_desk.core.model import Activity, Agreement, Contact, Membership, Office, Partner, Project
from intl_desk.core.model import LocalEntity as Entity
from intl_desk.core.terms import SurvivalReading, TermInfo, outgoing_term, survival_readings

if TYPE_CHECKING:
    from intl_desk.core.evaluation.handover_summary import HandoverSummary


@dataclass(frozen=True)
class ContactLine:
    name: str
    position: str
    organisation: str
    email: str
    phone: str
    languages: str
    staff: bool


@dataclass(frozen=True)
class Lesson:
    kind: str  # the record kind as users read it
    title: str
    text: str


@dataclass(frozen=True)
class HandoverMoney:
    budget: Converted
    cofinancing: Converted
    spent: Converted
    #: a year's fees, at the current year's rates
    fees: Converted

    @property
    def rate_years(self) -> tuple[int, ...]:
        parts = (self.budget, self.cofinancing, self.spent, self.fees)
        return tuple(sorted({year for part in parts for year in part.rate_years}))

    @property
    def left_out(self) -> tuple[tuple[str, int], ...]:
        counts: dict[str, int] = {}
        for part in (self.budget, self.cofinancing, self.spent, self.fees):
            for currency, count in part.left_out:
                counts[currency] = counts.get(currency, 0) + count
        return tuple(sorted(counts.items()))


@dataclass(frozen=True)
class HandoverReport:
    office_name: str
    currency: str
    today: date
    agreements: tuple[AgreementLine, ...]
    projects: tuple[ProjectLine, ...]
    memberships: tuple[MembershipLine, ...]
    planned: tuple[ActivityLine, ...]
    contacts: tuple[ContactLine, ...]
    lessons: tuple[Lesson, ...]
    #: the first pages: decisions due, where, whom to call (core/evaluation/handover_summary)
    summary: HandoverSummary | None = None
    #: the running projects' money and the memberships' fees in the office's currency,
    #: converted by core/currency_rates.py (never added across currencies)
    money: HandoverMoney | None = None
    #: the team handing over (core/terms.py): its plan and what it commits the next one to
    term: TermInfo | None = None
    #: each active agreement's "survives a change of team" reading, by agreement id
    survival: Mapping[str, SurvivalReading] = field(default_factory=dict)

    def survival_counts(self) -> dict[str, int]:
        """Active agreements per level: likely, uncertain, at risk."""
        counts = {"likely": 0, "uncertain": 0, "at_risk": 0}
        for reading in self.survival.values():
            counts[reading.level] += 1
        return counts

    @property
    def is_empty(self) -> bool:
        return not (
            self.agreements or self.projects or self.memberships or self.planned or self.contacts
        )

    @property
    def fees(self) -> Decimal:
        return sum((m.fee or Decimal(0) for m in self.memberships), Decimal(0))

    @property
    def roles(self) -> tuple[MembershipLine, ...]:
        plain = {vocab.MEMBERSHIP_ROLES.label("member"), vocab.MEMBERSHIP_ROLES.label("observer")}
        return tuple(m for m in self.memberships if m.role not in plain)

    def renewal_due(self, within_days: int = 365) -> tuple[AgreementLine, ...]:
        """Active agreements expiring within ``within_days``, soonest first."""
        limit = self.today + timedelta(days=within_days)
        due = [
            a
            for a in self.agreements
            if a.expires and not a.perpetual and self.today <= a.expires <= limit
        ]
        return tuple(sorted(due, key=lambda a: a.expires or date.max))


def next_renewal(line: AgreementLine) -> date | None:
    return None if line.perpetual else line.expires


def compute_handover(session: Session, today: date | None = None) -> HandoverReport:
    today = today or date.today()
    live = Agreement.deleted_at.is_(None)
    active = select(Agreement.id).where(live, Agreement.status == "active")
    agreement_ids = list(session.scalars(active))
    agreements = agreement_lines(session, agreement_ids, with_details=True)
    agreements.sort(key=lambda a: (next_renewal(a) or date.max, sort_key(a.title)))
    project_ids = list(
        session.scalars(
            select(Project.id).where(
                Project.deleted_at.is_(None), Project.status.in_(vocab.PROJECT_RUNNING_STATUSES)
            )
        )
    )
    membership_ids = list(
        session.scalars(
            select(Membership.id).where(
                Membership.deleted_at.is_(None),
                or_(Membership.until.is_(None), Membership.until >= today),
            )
        )
    )
    planned_ids = list(
        session.scalars(
            select(Activity.id).where(
                Activity.deleted_at.is_(None),
                Activity.status == "planned",
                or_(Activity.start_date.is_(None), Activity.start_date >= today),
            )
        )
    )
    year_start = date(today.year, 1, 1)
    own = session.scalar(select(Office).where(Office.deleted_at.is_(None)).limit(1))
    report = HandoverReport(
        office_name=own.name if own else "",
        currency=own.currency if own else "EUR",
        today=today,
        agreements=tuple(agreements),
        projects=tuple(project_lines(session, project_ids, today)),
        memberships=tuple(membership_lines(session, membership_ids, year_start, today)),
        planned=tuple(activity_lines(session, planned_ids)),
        contacts=tuple(_contacts(session)),
        lessons=tuple(_lessons(session)),
    )
    from intl_desk.core.evaluation.handover_summary import handover_summary

    return replace(
        report,
        summary=handover_summary(session, report),
        money=_money(session, report, project_ids),
        term=outgoing_term(session, today),
        survival=survival_readings(session, active, today),
    )


def _money(session: Session, report: HandoverReport, project_ids: list[str]) -> HandoverMoney:
    rates = Rates.of(session, report.currency)
    running = [group for part in chunks(project_ids) for group in budget_groups(session, part)]
    granted = [group for part in chunks(project_ids) for group in granted_groups(session, part)]
    spent = [
        group for part in chunks(project_ids) for group in spent_groups(session, part, report.today)
    ]
    return HandoverMoney(
        rates.total(running),
        rates.total(granted),
        rates.total(spent),
        rates.total(
            (m.currency, report.today.year, m.fee, 1) for m in report.memberships if m.fee
        ),
    )


def _contacts(session: Session) -> list[ContactLine]:
    rows = session.execute(
        select(
            Contact.name,
            Contact.position,
            Contact.organisation,
            Contact.email,
            Contact.phone,
            Contact.languages,
            Contact.is_staff,
            Partner.name.label("partner"),
            Entity.name.label("entity"),
        )
        .outerjoin(Partner, Partner.id == Contact.partner_id)
        .outerjoin(Entity, Entity.id == Contact.local_entity_id)
        .where(Contact.deleted_at.is_(None))
    ).all()
    lines = [
        ContactLine(
            row.name,
            row.position or "",
            row.organisation or row.partner or row.entity or "",
            row.email or "",
            row.phone or "",
            _languages(row.languages),
            bool(row.is_staff),
        )
        for row in rows
    ]
    return sorted(lines, key=lambda line: (not line.staff, sort_key(line.name)))


def _languages(codes: str | None) -> str:
    return ", ".join(
        vocab.LANGUAGES.label(code.strip()) for code in (codes or "").split(",") if code.strip()
    )


def _lessons(session: Session) -> list[Lesson]:
    """Lessons recorded on agreements, projects and activities, most recent records first."""
    found: list[tuple[Any, Lesson]] = []
    models: tuple[Any, ...] = (Agreement, Project, Activity)
    for model in models:
        label = _(model.kind_label)  # once a kind: a state has 7,000 lessons
        for title, lessons, updated in session.connection().execute(
            select(model.title, model.lessons_learned, model.updated_at).where(
                model.deleted_at.is_(None),
                model.lessons_learned.is_not(None),
                model.lessons_learned != "",
            )
        ):
            found.append((updated, Lesson(label, title, lessons)))
    found.sort(key=lambda pair: pair[0], reverse=True)
    return [lesson for _updated, lesson in found]
