"""The yearly report's figures, computed once as plain dataclasses (drawn by
``intl_desk.reports.yearly``).

Every headline figure is a computed-indicator formula over the calendar year (see
:mod:`intl_desk.core.evaluation.formulas`), and every list in the annexes is read from
the very ids that formula counted, so a figure and the list behind it always agree.
Indicators are judged by the engine for the year's period (the period labelled with the
year, else the longest one inside it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from intl_desk.core import vocabularies as vocab
from intl_desk.core.agreement_health import HealthCount, active_gaps
from intl_desk.core.agreement_time import SIGNED_STATUSES
from intl_desk.core.currency_rates import Rates, budget_groups, granted_groups
from intl_desk.core.evaluation.engine import Assessment, Evaluation, IndicatorInfo, PeriodInfo
from intl_desk.core.evaluation.executive import ExecutiveSummary, executive_summary
from intl_desk.core.evaluation.formulas import Window, keys
from intl_desk.core.evaluation.lines import (
    LISTED_UP_TO,
    AgreementLine,
    MembershipLine,
    ProjectLine,
    agreement_lines,
    agreement_types,
    chunks,
    membership_lines,
    project_lines,
)
from intl_desk.core.evaluation.lines_activities import (
    ActivityLine,
    EventLine,
    activity_lines,
    event_lines,
)
from intl_desk.core.evaluation.status import Status
from intl_desk.core.folding import fold
from intl_desk.core.mission_value import MissionValue, mission_values
from intl_desk.core.model import Agreement, Office, Project, StrategicLine, StrategicObjective

#: words that mark an indicator as a survey of residents, in the four languages
SURVEY_WORDS = (
    "survey",
    "poll",
    "enquete",
    "sondage",
    "barometre",
    "encuesta",
    "pesquisa",
    "sondagem",
)


@dataclass(frozen=True)
class TrendPoint:
    label: str
    value: float | None
    target: float | None


@dataclass(frozen=True)
class IndicatorLine:
    assessment: Assessment
    trend: tuple[TrendPoint, ...]

    @property
    def indicator(self) -> IndicatorInfo:
        return self.assessment.indicator


@dataclass(frozen=True)
class DimensionSection:
    code: str
    label: str
    indicators: tuple[IndicatorLine, ...]

    def count(self, status: Status) -> int:
        return sum(1 for line in self.indicators if line.assessment.status is status)


@dataclass(frozen=True)
class Headline:
    signed: int
    renewed: int
    expired: int
    active: int
    partner_countries: int
    projects: int
    cofinancing: Decimal
    budget: Decimal
    memberships: int
    roles: int
    events: int
    missions: int
    mission_cost: Decimal
    #: (currency, amounts) of budgets, co-financing and mission costs in another currency
    #: than the office's without a rate for their year: left out of the sums above, never
    #: added as if one currency
    left_out: tuple[tuple[str, int], ...] = ()
    #: the years of the exchange rates the sums above were converted at (empty: nothing
    #: was converted, every amount being in the office's currency)
    rate_years: tuple[int, ...] = ()


@dataclass(frozen=True)
class YearlyReport:
    office_name: str
    currency: str
    year: int
    today: date
    period: PeriodInfo | None
    headline: Headline
    dimensions: tuple[DimensionSection, ...]
    #: the indicators grouped by the strategic line their objective belongs to
    strategic_lines: tuple[DimensionSection, ...]
    surveys: tuple[IndicatorLine, ...]
    signed: tuple[AgreementLine, ...]
    renewed: tuple[AgreementLine, ...]
    expired: tuple[AgreementLine, ...]
    #: the agreements active in the year, each one when they are LISTED_UP_TO at most
    #: (else none: ``active_types`` counts them)
    active: tuple[AgreementLine, ...]
    projects: tuple[ProjectLine, ...]
    memberships: tuple[MembershipLine, ...]
    events: tuple[EventLine, ...]
    missions: tuple[ActivityLine, ...]
    #: what the office's active agreements lack, today (core/agreement_health.py)
    health: tuple[HealthCount, ...] = ()
    #: the executive first page: the year against the last, the highlights
    executive: ExecutiveSummary | None = None
    #: the missions again, with their expected results, what was obtained and carbon
    mission_values: tuple[MissionValue, ...] = ()
    #: figures asked for in a collection round count only once approved
    approved_only: bool = False
    #: (type in words, how many) of the agreements active in the year, most first
    active_types: tuple[tuple[str, int], ...] = ()

    @property
    def is_empty(self) -> bool:
        """Nothing recorded for the year: the report says what to record instead."""
        h = self.headline
        nothing = not (h.signed or h.active or h.projects or h.memberships or h.missions)
        return nothing and not any(section.indicators for section in self.dimensions)

    def status_count(self, status: Status) -> int:
        return sum(section.count(status) for section in self.dimensions)


def compute_yearly(
    session: Session, year: int, today: date | None = None, *, approved_only: bool = False
) -> YearlyReport:
    today = today or date.today()
    start, end = date(year, 1, 1), date(year, 12, 31)
    window = Window(start, end, {}, today=today)

    def ids(code: str) -> list[str]:
        return [str(key) for key in keys(session, code, None, window)]

    signed_ids = ids("agreements_signed")
    renewed_ids: set[str] = set()
    for part in chunks(signed_ids):  # renewals: signed in the year to replace an earlier one
        renewed_ids.update(
            session.scalars(
                select(Agreement.id).where(Agreement.id.in_(part), Agreement.renews_id.is_not(None))
            )
        )
    expired_ids = _expired(session, start, end)
    active_ids = ids("agreements_active")
    active = agreement_lines(session, active_ids) if len(active_ids) <= LISTED_UP_TO else []
    projects = project_lines(session, ids("active_projects"), end)
    memberships = membership_lines(session, ids("memberships_held"), start, end)
    missions = activity_lines(session, ids("missions_undertaken"))
    signed = agreement_lines(session, signed_ids)
    own = session.scalar(select(Office).where(Office.deleted_at.is_(None)).limit(1))
    currency = own.currency if own else "EUR"
    rates = Rates.of(session, currency)
    project_ids = [p.id for p in projects]
    budget = rates.total(
        group for part in chunks(project_ids) for group in budget_groups(session, part)
    )
    # the same lines as the formula sums (converted there in SQL, by the same rates)
    granted = rates.total(
        group
        for group in granted_groups(
            session, select(Project.id).where(Project.deleted_at.is_(None)), (start, end)
        )
    )
    mission_cost = rates.total(
        (m.currency, m.start.year if m.start else None, m.cost, 1) for m in missions if m.cost
    )
    evaluation = Evaluation(session, today, approved_only=approved_only)
    figure = evaluation.office_figure  # read once, shared with the indicators and page one
    left_out: dict[str, int] = {}
    for converted in (budget, granted, mission_cost):
        for other, count in converted.left_out:
            left_out[other] = left_out.get(other, 0) + count
    headline = Headline(
        signed=len(signed_ids),
        renewed=len(renewed_ids),
        expired=len(expired_ids),
        active=len(active_ids),
        partner_countries=int(figure("partner_countries", start, end)),
        projects=len(projects),
        cofinancing=Decimal(str(figure("cofinancing_raised", start, end))),
        budget=budget.total,
        memberships=len(memberships),
        roles=int(figure("network_roles", start, end)),
        events=int(figure("events_attended", start, end)),
        missions=len(missions),
        mission_cost=mission_cost.total,
        left_out=tuple(sorted(left_out.items())),
        rate_years=tuple(
            sorted({*budget.rate_years, *granted.rate_years, *mission_cost.rate_years})
        ),
    )
    period = evaluation.period_for_year(year)
    lines = _indicator_lines(evaluation, period) if period else []
    dimensions = tuple(
        DimensionSection(
            term.code,
            term.display(),
            tuple(line for line in lines if line.indicator.dimension == term.code),
        )
        for term in vocab.DIMENSIONS
    )
    return YearlyReport(
        office_name=own.name if own else "",
        currency=currency,
        year=year,
        today=today,
        period=period,
        headline=headline,
        dimensions=dimensions,
        strategic_lines=_by_line(session, lines),
        surveys=tuple(line for line in lines if is_survey(line.indicator)),
        signed=tuple(signed),
        renewed=tuple(line for line in signed if line.id in renewed_ids),
        expired=tuple(agreement_lines(session, expired_ids)),
        active=tuple(active),
        projects=tuple(projects),
        memberships=tuple(memberships),
        events=tuple(event_lines(session, ids("events_attended"))),
        missions=tuple(missions),
        mission_values=tuple(mission_values(session, [m.id for m in missions])),
        health=active_gaps(session, [], today),
        executive=executive_summary(session, year, currency, projects, today, figure),
        approved_only=approved_only,
        active_types=agreement_types(session, active_ids),
    )


def _by_line(session: Session, lines: list[IndicatorLine]) -> tuple[DimensionSection, ...]:
    """Indicators by strategic line (through their objective), in the lines' code order."""
    rows = session.execute(
        select(StrategicObjective.id, StrategicLine.id, StrategicLine.code, StrategicLine.title)
        .join(StrategicLine, StrategicLine.id == StrategicObjective.line_id)
        .where(StrategicObjective.deleted_at.is_(None), StrategicLine.deleted_at.is_(None))
    ).all()
    line_of = {objective: (line, code or "", title) for objective, line, code, title in rows}
    sections: dict[str, tuple[str, str, list[IndicatorLine]]] = {}
    for line in lines:
        found = line_of.get(line.indicator.objective_id or "")
        if found is not None:
            line_id, code, title = found
            label = f"{code} — {title}" if code else title
            sections.setdefault(line_id, (code, label, []))[2].append(line)
    ordered = sorted(sections.values(), key=lambda item: (item[0], item[1]))
    return tuple(DimensionSection(code, label, tuple(items)) for code, label, items in ordered)


def _expired(session: Session, start: date, end: date) -> list[str]:
    """Agreements that reached their expiry date in the year (a signed one, not perpetual)."""
    return list(
        session.scalars(
            select(Agreement.id).where(
                Agreement.deleted_at.is_(None),
                Agreement.perpetual.is_(False),
                Agreement.status.in_(SIGNED_STATUSES),
                Agreement.date_expires >= start,
                Agreement.date_expires <= end,
            )
        )
    )


def _indicator_lines(evaluation: Evaluation, period: PeriodInfo) -> list[IndicatorLine]:
    """Every indicator's line, except those a later plan's indicator carries on: that one's
    series holds their values, so an indicator is not told twice across a change of plan."""
    carried_on = {earlier for one in evaluation.indicators for earlier in one.predecessors}
    lines = []
    for indicator in evaluation.indicators:
        if indicator.id in carried_on:
            continue
        trend = tuple(
            TrendPoint(one.period.label, one.value, one.target)
            for one in (
                evaluation.assess(indicator, p)
                for p in evaluation.periods
                if p.end <= period.end and p.start <= evaluation.today
            )
        )
        lines.append(IndicatorLine(evaluation.assess(indicator, period), trend))
    return lines


def is_survey(indicator: IndicatorInfo) -> bool:
    """A residents' survey result: its name or source names a survey (see SURVEY_WORDS)."""
    words = fold(f"{indicator.name} {indicator.source}")
    return not indicator.is_text and any(word in words for word in SURVEY_WORDS)
