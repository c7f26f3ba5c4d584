"""The records behind report figures, read as plain lines (SQLAlchemy Core, no ORM).

Shared by the yearly and handover reports: agreements with their partners, projects with
their money, memberships, activities. Labels are already in the user's language.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from intl_desk.core import vocabularies as vocab
from intl_desk.core.date_precision import with_precision
from intl_desk.core.display import country_name, country_names, sort_key
from intl_desk.core.model import (
    Agreement,
    AgreementObjective,
    BudgetLine,
    CofinancingLine,
    Contact,
    LocalEntity,
    Membership,
    Network,
    Participation,
    Project,
    ProjectReport,
    ProjectTransaction,
)

#: IN lists are sent in slices: SQLite accepts 32,766 parameters, older builds 999
CHUNK = 900
SPENDING = ("3", "4")  # IATI disbursement, expenditure


#: beyond this many rows, a report's list gives its count by group instead of every
#: row: a state's thousands of agreements would take hundreds of pages nobody reads on
#: paper (the app's lists and the export give every one of them)
LISTED_UP_TO = 400

Ids = Sequence[Any]


def chunks(ids: Ids) -> Iterable[Sequence[Any]]:
    ids = list(ids)
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


@dataclass(frozen=True)
class AgreementLine:
    id: str
    title: str
    type: str
    status: str
    partners: str
    countries: str
    entities: str
    signed: date | None
    expires: date | None
    perpetual: bool
    renewal: str
    responsible: str
    objectives: tuple[str, ...] = ()
    lessons: str = ""


@dataclass(frozen=True)
class ProjectLine:
    id: str
    title: str
    status: str
    start: date | None
    end: date | None
    country: str
    lead: str
    currency: str
    budget: Decimal
    cofinancing: Decimal
    spent: Decimal
    reports_due: tuple[tuple[str, date], ...] = ()
    lessons: str = ""

    @property
    def progress(self) -> float | None:
        """Share of the budget spent (0–1), None without a budget."""
        return float(self.spent / self.budget) if self.budget else None


@dataclass(frozen=True)
class MembershipLine:
    network: str
    entity: str
    role: str
    since: date | None
    fee: Decimal | None
    currency: str
    focal: str
    events: int = 0


def agreement_lines(session: Session, ids: Ids, with_details: bool = False) -> list[AgreementLine]:
    """Agreements by id, sorted by signature date then title; ``with_details`` adds the
    objectives (the handover report lists them)."""
    objectives: dict[str, list[str]] = defaultdict(list)
    found: list[Any] = []
    names = country_names()

    @cache  # a state's thousands of agreements share a few hundred sets of countries
    def countries(codes: str | None) -> str:
        return ", ".join(names.get(code, code) for code in (codes or "").split(",") if code)

    type_label = cache(vocab.AGREEMENT_TYPES.label)
    status_label = cache(vocab.AGREEMENT_STATUSES.label)
    renewal_label = cache(vocab.RENEWAL_DECISIONS.label)

    contacts = dict(session.connection().execute(select(Contact.id, Contact.name)).tuples().all())
    for part in chunks(ids):
        found += (
            session.connection()
            .execute(
                select(
                    Agreement.id,
                    Agreement.title,
                    Agreement.type,
                    Agreement.status,
                    Agreement.partner_names,
                    Agreement.country_codes,
                    Agreement.entity_names,
                    Agreement.date_signed,
                    Agreement.date_expires,
                    Agreement.date_signed_precision,
                    Agreement.date_expires_precision,
                    Agreement.perpetual,
                    Agreement.renewal_decision,
                    Agreement.responsible_id,
                    Agreement.lessons_learned,
                    Agreement.search_key,
                ).where(Agreement.id.in_(part))
            )
            .all()
        )
        if with_details:
            for agreement_id, text in session.connection().execute(
                select(AgreementObjective.agreement_id, AgreementObjective.text)
                .where(
                    AgreementObjective.deleted_at.is_(None),
                    AgreementObjective.agreement_id.in_(part),
                )
                .order_by(AgreementObjective.position)
            ):
                objectives[agreement_id].append(text)
    found.sort(key=lambda row: (row[7] or date.min, row[15] or ""))  # signed, search key
    return [
        AgreementLine(
            agreement_id,
            title,
            type_label(kind),
            status_label(status),
            partners or "",
            countries(country_codes),
            entities or "",
            with_precision(signed, signed_precision),
            with_precision(expires, expires_precision),
            bool(perpetual),
            renewal_label(renewal),
            contacts.get(responsible_id, "") if responsible_id else "",
            tuple(objectives.get(agreement_id, ())),
            lessons or "",
        )
        for (agreement_id, title, kind, status, partners, country_codes, entities, signed,
             expires, signed_precision, expires_precision, perpetual, renewal, responsible_id,
             lessons, _search_key) in found
    ]  # fmt: skip


def agreement_types(session: Session, ids: Ids) -> tuple[tuple[str, int], ...]:
    """(type, how many) of the agreements ``ids``, the type in words ("" for none), most
    first: what a list too long to print gives instead of its rows."""
    counts: dict[str, int] = defaultdict(int)
    for part in chunks(ids):
        statement = (
            select(Agreement.type, func.count())
            .where(Agreement.id.in_(part))
            .group_by(Agreement.type)
        )
        for kind, count in session.connection().execute(statement):
            counts[vocab.AGREEMENT_TYPES.label(kind)] += int(count)
    return tuple(sorted(counts.items(), key=lambda pair: (-pair[1], pair[0])))


def project_lines(session: Session, ids: Ids, until: date) -> list[ProjectLine]:
    """Projects with their budget (the revised line of a year where there is one), the
    co-financing granted, what was spent up to ``until`` and the reports still due."""
    budgets: dict[str, Decimal] = defaultdict(Decimal)
    granted: dict[str, Decimal] = defaultdict(Decimal)
    spent: dict[str, Decimal] = defaultdict(Decimal)
    due: dict[str, list[tuple[str, date]]] = defaultdict(list)
    rows: list[Any] = []
    entities = dict(
        session.connection().execute(select(LocalEntity.id, LocalEntity.name)).tuples().all()
    )
    for part in chunks(ids):
        rows += (
            session.connection()
            .execute(
                select(
                    Project.id,
                    Project.title,
                    Project.status,
                    Project.actual_start,
                    Project.planned_start,
                    Project.actual_end,
                    Project.planned_end,
                    Project.actual_start_precision,
                    Project.planned_start_precision,
                    Project.actual_end_precision,
                    Project.planned_end_precision,
                    Project.country_code,
                    Project.lead_entity_id,
                    Project.currency,
                    Project.lessons_learned,
                ).where(Project.id.in_(part))
            )
            .all()
        )
        by_year: dict[tuple[str, int], dict[str, Decimal]] = defaultdict(dict)
        for project_id, year, kind, amount in session.connection().execute(
            select(
                BudgetLine.project_id, BudgetLine.year, BudgetLine.type, func.sum(BudgetLine.amount)
            )
            .where(BudgetLine.deleted_at.is_(None), BudgetLine.project_id.in_(part))
            .group_by(BudgetLine.project_id, BudgetLine.year, BudgetLine.type)
        ):
            by_year[(project_id, year)][kind] = Decimal(amount or 0)
        for (project_id, _year), kinds in by_year.items():
            budgets[project_id] += kinds.get("2", kinds.get("1", Decimal(0)))
        for project_id, amount in session.connection().execute(
            select(CofinancingLine.project_id, func.sum(CofinancingLine.amount_granted))
            .where(
                CofinancingLine.deleted_at.is_(None),
                CofinancingLine.status == "granted",
                CofinancingLine.project_id.in_(part),
            )
            .group_by(CofinancingLine.project_id)
        ):
            granted[project_id] = Decimal(amount or 0)
        for project_id, amount in session.connection().execute(
            select(ProjectTransaction.project_id, func.sum(ProjectTransaction.amount))
            .where(
                ProjectTransaction.deleted_at.is_(None),
                ProjectTransaction.type.in_(SPENDING),
                ProjectTransaction.date <= until,
                ProjectTransaction.project_id.in_(part),
            )
            .group_by(ProjectTransaction.project_id)
        ):
            spent[project_id] = Decimal(amount or 0)
        for project_id, title, due_date in session.connection().execute(
            select(ProjectReport.project_id, ProjectReport.title, ProjectReport.due_date)
            .where(
                ProjectReport.deleted_at.is_(None),
                ProjectReport.status == "due",
                ProjectReport.project_id.in_(part),
            )
            .order_by(ProjectReport.due_date)
        ):
            due[project_id].append((title, due_date))
    lines = [
        ProjectLine(
            row.id,
            row.title,
            vocab.PROJECT_STATUSES.label(row.status),
            with_precision(row.actual_start, row.actual_start_precision)
            or with_precision(row.planned_start, row.planned_start_precision),
            with_precision(row.actual_end, row.actual_end_precision)
            or with_precision(row.planned_end, row.planned_end_precision),
            country_name(row.country_code),
            entities.get(row.lead_entity_id, ""),
            row.currency or "",
            budgets[row.id],
            granted[row.id],
            spent[row.id],
            tuple(due.get(row.id, ())),
            row.lessons_learned or "",
        )
        for row in rows
    ]
    return sorted(lines, key=lambda line: sort_key(line.title))


def membership_lines(session: Session, ids: Ids, start: date, end: date) -> list[MembershipLine]:
    """Memberships with their role, fee, focal point and events attended in the window."""
    events: dict[str, int] = dict(
        session.connection()
        .execute(
            select(Participation.membership_id, func.count())
            .where(
                Participation.deleted_at.is_(None),
                Participation.kind == "event",
                Participation.start_date >= start,
                Participation.start_date <= end,
            )
            .group_by(Participation.membership_id)
        )
        .tuples()
        .all()
    )
    entities = dict(
        session.connection().execute(select(LocalEntity.id, LocalEntity.name)).tuples().all()
    )
    contacts = dict(session.connection().execute(select(Contact.id, Contact.name)).tuples().all())
    rows: list[Any] = []
    for part in chunks(ids):
        rows += (
            session.connection()
            .execute(
                select(
                    Membership.id,
                    Network.name,
                    Network.acronym,
                    Membership.local_entity_id,
                    Membership.role,
                    Membership.since,
                    Membership.since_precision,
                    Membership.annual_fee,
                    Membership.currency,
                    Membership.focal_contact_id,
                )
                .join(Network, Network.id == Membership.network_id)
                .where(Membership.id.in_(part))
            )
            .all()
        )
    lines = [
        MembershipLine(
            f"{row.name} ({row.acronym})" if row.acronym else row.name,
            entities.get(row.local_entity_id, ""),
            vocab.MEMBERSHIP_ROLES.label(row.role),
            with_precision(row.since, row.since_precision),
            row.annual_fee,
            row.currency or "",
            contacts.get(row.focal_contact_id, "") if row.focal_contact_id else "",
            events.get(row.id, 0),
        )
        for row in rows
    ]
    return sorted(lines, key=lambda line: sort_key(line.network))
