"""The start page's questions: what needs attention today.

Agreements whose renewal reminder is due, project reports due soon or overdue,
indicators still without a measurement for the current period, and the records changed
most recently. Plain dataclasses, so the screen and tests read the same answers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from intl_desk.core.model import (
    Agreement,
    Change,
    Indicator,
    Measurement,
    Period,
    Project,
    ProjectReport,
)

REPORT_HORIZON_DAYS = 60


@dataclass(frozen=True)
class RenewalDue:
    agreement_id: str
    title: str
    expires: date
    decision: str | None
    days_left: int


@dataclass(frozen=True)
class ReportDue:
    project_id: str
    project_title: str
    report_title: str
    due: date
    days_left: int  # negative when overdue


@dataclass(frozen=True)
class MeasurementDue:
    indicator_id: str
    name: str
    period_label: str


@dataclass(frozen=True)
class RecentChange:
    record_kind: str
    record_id: str
    action: str
    changed_at: datetime
    changed_by: str | None


def renewals_due(session: Session, today: date) -> list[RenewalDue]:
    """Active agreements that expire within their reminder lead time (or have expired
    while still marked active), soonest first."""
    rows = session.execute(
        select(
            Agreement.id,
            Agreement.title,
            Agreement.date_expires,
            Agreement.renewal_decision,
            Agreement.renewal_reminder_days,
        )
        .where(
            Agreement.deleted_at.is_(None),
            Agreement.status == "active",
            Agreement.date_expires.is_not(None),
            Agreement.perpetual.is_(False),
        )
        .order_by(Agreement.date_expires)
    ).all()
    due = []
    for row in rows:
        lead = timedelta(days=row.renewal_reminder_days or 0)
        if row.date_expires - lead <= today:
            due.append(
                RenewalDue(
                    row.id,
                    row.title,
                    row.date_expires,
                    row.renewal_decision,
                    (row.date_expires - today).days,
                )
            )
    return due


def reports_due(
    session: Session, today: date, horizon_days: int = REPORT_HORIZON_DAYS
) -> list[ReportDue]:
    limit = today + timedelta(days=horizon_days)
    rows = session.execute(
        select(
            Project.id, Project.title, ProjectReport.title.label("report"), ProjectReport.due_date
        )
        .join(Project, Project.id == ProjectReport.project_id)
        .where(
            ProjectReport.deleted_at.is_(None),
            Project.deleted_at.is_(None),
            ProjectReport.submitted_date.is_(None),
            ProjectReport.status == "due",
            ProjectReport.due_date <= limit,
        )
        .order_by(ProjectReport.due_date)
    ).all()
    return [
        ReportDue(row.id, row.title, row.report, row.due_date, (row.due_date - today).days)
        for row in rows
    ]


def current_period(session: Session, today: date) -> Period | None:
    return session.scalar(
        select(Period)
        .where(Period.deleted_at.is_(None), Period.start_date <= today, Period.end_date >= today)
        .order_by(Period.start_date.desc())
    )


def measurements_due(session: Session, today: date) -> list[MeasurementDue]:
    """Typed-in indicators (not computed ones) with no measurement for the period that
    has just ended or is running, whichever was last to end."""
    period = session.scalar(
        select(Period)
        .where(Period.deleted_at.is_(None), Period.start_date <= today)
        .order_by(Period.end_date.desc())
        .limit(1)
    )
    if period is None:
        return []
    measured = select(Measurement.indicator_id).where(
        Measurement.deleted_at.is_(None), Measurement.period_id == period.id
    )
    rows = session.execute(
        select(Indicator.id, Indicator.name)
        .where(
            Indicator.deleted_at.is_(None),
            Indicator.formula.is_(None),
            Indicator.id.not_in(measured),
        )
        .order_by(func.lower(Indicator.name))
    ).all()
    return [MeasurementDue(row.id, row.name, period.label) for row in rows]


def recent_changes(session: Session, limit: int = 15) -> list[RecentChange]:
    """The last records touched, one line per record (its latest change)."""
    latest = (
        select(Change.record_id, func.max(Change.changed_at).label("at"))
        .where(Change.record_kind.in_(_TOP_LEVEL_KINDS))
        .group_by(Change.record_id)
        .order_by(func.max(Change.changed_at).desc())
        .limit(limit)
        .subquery()
    )
    rows = session.execute(
        select(
            Change.record_kind,
            Change.record_id,
            Change.action,
            Change.changed_at,
            Change.changed_by,
        )
        .join(
            latest, and_(latest.c.record_id == Change.record_id, latest.c.at == Change.changed_at)
        )
        .order_by(Change.changed_at.desc())
    ).all()
    seen: set[str] = set()
    changes = []
    for row in rows:
        if row.record_id not in seen:
            seen.add(row.record_id)
            changes.append(
                RecentChange(
                    row.record_kind, row.record_id, row.action, row.changed_at, row.changed_by
                )
            )
    return changes


_TOP_LEVEL_KINDS = (
    "agreement",
    "project",
    "partner",
    "local_entity",
    "network",
    "membership",
    "activity",
    "indicator",
    "contact",
    "measurement",
)
