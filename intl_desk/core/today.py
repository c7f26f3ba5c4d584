"""The start page's questions: what needs attention today.

Agreements whose renewal reminder is due, project reports due soon or overdue,
indicators still without a measurement for the current period, and the records changed
most recently. Plain dataclasses, so the screen and tests read the same answers.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any, Protocol, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from intl_desk.core.date_precision import with_precision
from intl_desk.core.evaluation.entry import measured_entities
from intl_desk.core.model import (
    Activity,
    Agreement,
    AgreementParty,
    Change,
    Contact,
    Indicator,
    LocalEntity,
    Measurement,
    Network,
    Partner,
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
    #: the local entity it is grouped under (its first local party), "" when none
    entity: str = ""


class _Grouped(Protocol):
    @property
    def entity(self) -> str: ...


Due = TypeVar("Due", bound=_Grouped)


def group_by_entity(renewals: list[Due], own: str | None = None) -> list[tuple[str, list[Due]]]:
    """What is due (renewals, reports) by local entity, for a state with hundreds of
    them: the office's own entity first, then the entities with most items; soonest first
    within each."""
    groups: dict[str, list[Due]] = {}
    for due in renewals:
        groups.setdefault(due.entity, []).append(due)
    return sorted(
        groups.items(),
        key=lambda item: (item[0] != own, -len(item[1]), item[0] == "", item[0].casefold()),
    )


@dataclass(frozen=True)
class ReportDue:
    project_id: str
    project_title: str
    report_title: str
    due: date
    days_left: int  # negative when overdue
    #: the local entity leading the project, "" when none is recorded
    entity: str = ""


@dataclass(frozen=True)
class MeasurementDue:
    indicator_id: str
    name: str
    period_label: str
    #: days until the period ends; negative once it has ended without the measurement
    days_left: int = 0
    #: the local entity that owes it, "" for an indicator measured for the whole office
    entity: str = ""


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
            Agreement.date_expires_precision,
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
                    with_precision(row.date_expires, row.date_expires_precision),
                    row.renewal_decision,
                    (row.date_expires - today).days,
                )
            )
    return _with_entities(session, due)


def _with_entities(session: Session, due: list[RenewalDue]) -> list[RenewalDue]:
    """Each renewal with the local entity it is grouped under: of its live local
    parties, the first by name."""
    names: dict[str, str] = {}
    ids = [item.agreement_id for item in due]
    for start in range(0, len(ids), 500):
        names.update(
            (str(agreement_id), str(name))
            for agreement_id, name in session.execute(
                select(AgreementParty.agreement_id, func.min(LocalEntity.name))
                .join(LocalEntity, LocalEntity.id == AgreementParty.local_entity_id)
                .where(
                    AgreementParty.deleted_at.is_(None),
                    LocalEntity.deleted_at.is_(None),
                    AgreementParty.agreement_id.in_(ids[start : start + 500]),
                )
                .group_by(AgreementParty.agreement_id)
            )
        )
    return [replace(item, entity=names.get(item.agreement_id, "")) for item in due]


def own_entity_name(session: Session) -> str | None:
    """The office's own government among its local entities (made with the file)."""
    return session.scalar(
        select(LocalEntity.name)
        .where(LocalEntity.deleted_at.is_(None), LocalEntity.kind == "government")
        .order_by(LocalEntity.created_at)
        .limit(1)
    )


def reports_due(
    session: Session, today: date, horizon_days: int = REPORT_HORIZON_DAYS
) -> list[ReportDue]:
    limit = today + timedelta(days=horizon_days)
    rows = session.execute(
        select(
            Project.id,
            Project.title,
            ProjectReport.title.label("report"),
            ProjectReport.due_date,
            LocalEntity.name.label("lead"),
        )
        .join(Project, Project.id == ProjectReport.project_id)
        .outerjoin(
            LocalEntity,
            (LocalEntity.id == Project.lead_entity_id) & LocalEntity.deleted_at.is_(None),
        )
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
        ReportDue(
            row.id,
            row.title,
            row.report,
            row.due_date,
            (row.due_date - today).days,
            row.lead or "",
        )
        for row in rows
    ]


def measurements_due(session: Session, today: date) -> list[MeasurementDue]:
    """Typed-in indicators (not computed ones) still without a measurement for the
    period that has just ended or is running, whichever was last to end.

    An indicator measured for the whole office is due once, from the office's own
    government; one measured per local entity is due from every entity the measurement
    grid lists (a state's municipalities) that has not given its value yet — so a state
    sees who still owes what, entity by entity.
    """
    period = session.scalar(
        select(Period)
        .where(Period.deleted_at.is_(None), Period.start_date <= today)
        .order_by(Period.end_date.desc())
        .limit(1)
    )
    if period is None:
        return []
    days_left = (period.end_date - today).days
    # an indicator a later plan's carries on is measured through that one
    carried_on = select(Indicator.continues_id).where(
        Indicator.deleted_at.is_(None), Indicator.continues_id.is_not(None)
    )
    indicators = session.execute(
        select(Indicator.id, Indicator.name, Indicator.per_local_entity)
        .where(
            Indicator.deleted_at.is_(None),
            Indicator.formula.is_(None),
            Indicator.id.not_in(carried_on),
        )
        .order_by(func.lower(Indicator.name))
    ).all()
    measured = set(
        session.execute(
            select(Measurement.indicator_id, Measurement.local_entity_id)
            .where(Measurement.deleted_at.is_(None), Measurement.period_id == period.id)
            .distinct()
        )
        .tuples()
        .all()
    )
    measured_at_all = {indicator_id for indicator_id, _entity in measured}
    per_entity = [row for row in indicators if row.per_local_entity]
    entities = measured_entities(session) if per_entity else []
    office = own_entity_name(session) or ""
    due: list[MeasurementDue] = [
        MeasurementDue(row.id, row.name, period.label, days_left, office)
        for row in indicators
        if not row.per_local_entity and row.id not in measured_at_all
    ]
    for entity_id, entity_name, _parent in entities:
        due.extend(
            MeasurementDue(row.id, row.name, period.label, days_left, entity_name)
            for row in per_entity
            if (row.id, entity_id) not in measured
        )
    return due


def recent_changes(session: Session, limit: int = 15) -> list[RecentChange]:
    """The records changed last, across every kind a user opens from a list.

    Read from ``updated_at`` (always kept, even for rows written in bulk without history),
    with the author taken from the history when it has one.
    """
    candidates: list[RecentChange] = []
    for model in _TOP_LEVEL_MODELS:
        rows = session.execute(
            select(model.id, model.created_at, model.updated_at)
            .where(model.deleted_at.is_(None))
            .order_by(model.updated_at.desc())
            .limit(limit)
        ).all()
        for row in rows:
            action = "create" if row.created_at == row.updated_at else "update"
            candidates.append(
                RecentChange(model.__tablename__, row.id, action, row.updated_at, None)
            )
    candidates.sort(key=lambda change: change.changed_at, reverse=True)
    chosen = candidates[:limit]
    authors: dict[str, str | None] = dict(
        session.execute(
            select(Change.record_id, Change.changed_by)
            .where(Change.record_id.in_([change.record_id for change in chosen]))
            .order_by(Change.changed_at)
        )
        .tuples()
        .all()
    )
    return [
        RecentChange(c.record_kind, c.record_id, c.action, c.changed_at, authors.get(c.record_id))
        for c in chosen
    ]


_TOP_LEVEL_MODELS: tuple[Any, ...] = (
    Agreement,
    Project,
    Partner,
    LocalEntity,
    Network,
    Activity,
    Indicator,
    Contact,
)


def is_new_file(session: Session) -> bool:
    """True while the file holds no partner, agreement, project, network or activity yet:
    the start page then shows the first steps instead of four empty panels."""
    for model in (Partner, Agreement, Project, Network, Activity):
        if session.scalar(select(model.id).where(model.deleted_at.is_(None)).limit(1)):
            return False
    return True


#: the first steps of a new office, by list, and the record each one creates
FIRST_STEP_MODELS = {
    "local_entities": LocalEntity,
    "partners": Partner,
    "agreements": Agreement,
    "projects": Project,
    "indicators": Indicator,
}


def first_steps_left(session: Session) -> list[str]:
    """The first steps not taken yet (no live record of that kind): the start page keeps
    offering them after the first record instead of leaving the user with empty panels."""
    return [
        kind
        for kind, model in FIRST_STEP_MODELS.items()
        if session.scalar(select(model.id).where(model.deleted_at.is_(None)).limit(1)) is None
    ]


def measurement_gap(session: Session) -> str | None:
    """Why no measurement can be due: ``"no_indicators"`` (nothing typed in is measured),
    ``"no_periods"`` (no period has started), or None."""
    typed = select(Indicator.id).where(Indicator.deleted_at.is_(None), Indicator.formula.is_(None))
    if session.scalar(typed.limit(1)) is None:
        return "no_indicators"
    started = select(Period.id).where(Period.deleted_at.is_(None))
    if session.scalar(started.limit(1)) is None:
        return "no_periods"
    return None
