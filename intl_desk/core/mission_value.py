"""A mission's value: what it was expected to bring, what it brought, what it cost in
money and carbon, and the follow-ups due 3, 6 and 12 months after it.

Plain dataclasses read once, so the mission form, Today and the yearly report say the same.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from intl_desk.core.carbon import CarbonEstimate, Place, estimate
from intl_desk.core.display import country_name, number_text, sort_key, tenths_text
from intl_desk.core.i18n import N_, Message
from intl_desk.core.mission_origin import origins
from intl_desk.core.model import (
    Activity,
    ExpectedResult,
    FollowUp,
    Indicator,
    LocalEntity,
    Partner,
    StrategicObjective,
)
from intl_desk.core.vocabularies import FOLLOW_UP_MONTHS

#: follow-ups shown on Today from this many days before they are due
FOLLOW_UP_LEAD_DAYS = 14
_CHUNK = 500


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (the month's last day when it is shorter)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def mission_end(activity: Any) -> date | None:
    """When the mission ended (its start when no end was typed): follow-ups count from it."""
    return activity.end_date or activity.start_date


@dataclass(frozen=True)
class ExpectedLine:
    expected: str
    obtained: str
    #: the strategic objective or indicator it serves, "" when none
    serves: str


@dataclass(frozen=True)
class MissionValue:
    id: str
    title: str
    start: date | None
    place: str
    cost: Decimal | None
    currency: str
    carbon: CarbonEstimate
    expected: tuple[ExpectedLine, ...]

    @property
    def obtained_count(self) -> int:
        return sum(1 for line in self.expected if line.obtained.strip())


def _places(session: Session, model: Any, ids: set[str]) -> dict[str, Place]:
    found: dict[str, Place] = {}
    wanted = sorted(ids)
    for start in range(0, len(wanted), _CHUNK):
        rows = session.execute(
            select(model.id, model.name, model.latitude, model.longitude).where(
                model.id.in_(wanted[start : start + _CHUNK])
            )
        ).all()
        found.update({row.id: Place(row.name, row.latitude, row.longitude) for row in rows})
    return found


def _serves(session: Session, results: Iterable[Any]) -> dict[str, str]:
    """The title of what each result serves, by objective or indicator id (``results``:
    rows or records with ``objective_id`` and ``indicator_id``)."""
    objective_ids = {r.objective_id for r in results if r.objective_id}
    indicator_ids = {r.indicator_id for r in results if r.indicator_id}
    names: dict[str, str] = {}
    if objective_ids:
        names.update(session.execute(
            select(StrategicObjective.id, StrategicObjective.title).where(
                StrategicObjective.id.in_(objective_ids))
        ).tuples().all())  # fmt: skip
    if indicator_ids:
        names.update(session.execute(
            select(Indicator.id, Indicator.name).where(Indicator.id.in_(indicator_ids))
        ).tuples().all())  # fmt: skip
    return names


#: what a mission's value is made of, read as plain rows
_MISSION_COLUMNS = (
    "id",
    "title",
    "start_date",
    "location",
    "country_code",
    "cost",
    "currency",
    "transport_mode",
    "local_entity_id",
    "partner_id",
    "participant_count",
)


def mission_values(session: Session, ids: Iterable[str]) -> list[MissionValue]:
    """The missions ``ids`` with their expected results and carbon, by date then title."""
    wanted = sorted(set(ids))
    activities: list[Any] = []  # plain rows (SQLAlchemy Core): no ORM objects to build
    results: list[Any] = []
    connection = session.connection()
    for start in range(0, len(wanted), _CHUNK):
        part = wanted[start : start + _CHUNK]
        activities += connection.execute(
            select(*(getattr(Activity, name) for name in _MISSION_COLUMNS)).where(
                Activity.id.in_(part)
            )
        ).all()
        results += connection.execute(
            select(
                ExpectedResult.activity_id,
                ExpectedResult.expected,
                ExpectedResult.obtained,
                ExpectedResult.objective_id,
                ExpectedResult.indicator_id,
            )
            .where(ExpectedResult.activity_id.in_(part), ExpectedResult.deleted_at.is_(None))
            .order_by(ExpectedResult.position)
        ).all()
    entities = origins(session, {a.local_entity_id for a in activities if a.local_entity_id})
    partners = _places(session, Partner, {a.partner_id for a in activities if a.partner_id})
    serves = _serves(session, results)
    by_activity: dict[str, list[ExpectedLine]] = {}
    for result in results:
        by_activity.setdefault(result.activity_id, []).append(
            ExpectedLine(
                result.expected,
                result.obtained or "",
                serves.get(result.objective_id or "") or serves.get(result.indicator_id or "", ""),
            )
        )
    values = [
        MissionValue(
            id=a.id,
            title=a.title,
            start=a.start_date,
            place=", ".join(p for p in (a.location or "", country_name(a.country_code)) if p),
            cost=a.cost,
            currency=a.currency or "",
            carbon=estimate(
                a.transport_mode,
                entities.get(a.local_entity_id or ""),
                partners.get(a.partner_id or ""),
                a.participant_count,
            ),
            expected=tuple(by_activity.get(a.id, ())),
        )
        for a in activities
    ]
    return sorted(values, key=lambda v: (v.start or date.min, sort_key(v.title)))


@dataclass(frozen=True)
class FollowUpDue:
    activity_id: str
    title: str
    months: int
    due: date
    days_left: int  # negative when overdue
    #: the local entity that went, "" when none is recorded (Today groups by it)
    entity: str = ""


@dataclass(frozen=True)
class FollowUpState:
    months: int
    due: date
    made_on: date | None
    #: still to be made: not made, and no later follow-up made (which closes it)
    asked: bool


def follow_up_states(end: date, made: Mapping[int, date | None]) -> list[FollowUpState]:
    """The follow-ups at 3, 6 and 12 months after ``end``; ``made`` gives the day each
    made one was made on, by its months."""
    latest = max((m for m in FOLLOW_UP_MONTHS if m in made), default=0)
    return [
        FollowUpState(
            months=months,
            due=add_months(end, months),
            made_on=made.get(months),
            asked=months > latest and months not in made,
        )
        for months in FOLLOW_UP_MONTHS
    ]


def follow_ups_due(
    session: Session, today: date, lead_days: int = FOLLOW_UP_LEAD_DAYS
) -> list[FollowUpDue]:
    """Follow-ups of missions with expected results, due within ``lead_days`` or overdue,
    not yet made; soonest first. Missions without expected results have nothing to follow
    up against (the yearly report lists them instead)."""
    with_results = (
        select(ExpectedResult.activity_id)
        .where(ExpectedResult.deleted_at.is_(None))
        .distinct()
        .scalar_subquery()
    )
    missions = session.execute(
        select(
            Activity.id,
            Activity.title,
            Activity.start_date,
            Activity.end_date,
            LocalEntity.name.label("entity"),
        )
        .outerjoin(LocalEntity, LocalEntity.id == Activity.local_entity_id)
        .where(
            Activity.deleted_at.is_(None),
            Activity.kind == "mission",
            Activity.status == "done",
            Activity.id.in_(with_results),
        )
    ).all()
    made = {
        (row.activity_id, row.months)
        for row in session.execute(
            select(FollowUp.activity_id, FollowUp.months).where(
                FollowUp.deleted_at.is_(None), FollowUp.done_on.is_not(None)
            )
        )
    }
    due: list[FollowUpDue] = []
    for mission in missions:
        end = mission_end(mission)
        if end is None:
            continue
        made_months = {m: today for m in FOLLOW_UP_MONTHS if (mission.id, m) in made}
        for state in follow_up_states(end, made_months):
            days_left = (state.due - today).days
            if state.asked and days_left <= lead_days:
                due.append(FollowUpDue(mission.id, mission.title, state.months, state.due,
                                       days_left, mission.entity or ""))  # fmt: skip
    return sorted(due, key=lambda d: (d.due, sort_key(d.title), d.months))


#: how every carbon figure of a report was computed, printed under them
CARBON_METHOD = N_(
    "Carbon: round trip on the great-circle distance between the position of the local "
    "entity (or, failing that, of the entity above it) and the partner's, × the travellers × "
    "the factor of the transport mode, from ADEME's "
    "Base Carbone (Licence Ouverte 2.0; planes with contrails, 2018; trains 2022). A mission "
    "without a transport mode, a position or a factor for its mode has no figure."
)


def mission_summary(values: Sequence[MissionValue]) -> str:
    """The carbon of the missions that have a figure and how many do; how many had
    expected results and how many of those were obtained — said as labels and counts,
    which read right for one mission or two hundred in every language."""
    estimated = [v.carbon.kg for v in values if v.carbon.kg is not None]
    figures = {
        "kg": tenths_text(sum(estimated, Decimal(0))),
        "estimated": number_text(len(estimated)),
        "count": number_text(len(values)),
        "with_results": number_text(sum(1 for v in values if v.expected)),
        "obtained": number_text(sum(v.obtained_count for v in values)),
        "expected": number_text(sum(len(v.expected) for v in values)),
    }
    if not estimated:
        carbon = N_(
            "No mission has a carbon estimate: each needs a transport mode and the positions "
            "of its local entity and its partner."
        )
    elif len(estimated) == len(values):
        carbon = N_("Carbon of the missions: {kg} kg CO2e.")
    else:
        carbon = N_("Carbon of the missions: {kg} kg CO2e ({estimated} of {count} estimated).")
    results = N_(
        "Missions with expected results: {with_results} of {count}; expected results "
        "obtained: {obtained} of {expected}."
    )
    return f"{Message(carbon, figures).render()} {Message(results, figures).render()}"
