"""Project, money, network and indicator figures of the overview."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, or_, select

from intl_desk.core import vocabularies as vocab
from intl_desk.core.columns import (
    CofinancingLine,
    Membership,
    Network,
    Participation,
    Partner,
    Project,
)
from intl_desk.core.currency_rates import (
    Converted,
    Group,
    Rates,
    budget_groups,
    cofinancing_year,
    granted_groups,
)
from intl_desk.core.display import sort_key
from intl_desk.core.evaluation.engine import Evaluation
from intl_desk.core.evaluation.status import Status
from intl_desk.core.overview.figures import (
    Bar,
    Drill,
    IndicatorFigure,
    NetworkFigure,
    OverviewFilters,
)
from intl_desk.core.overview.scope import (
    drill,
    in_year,
    membership_scope,
    pairs,
    project_scope,
)
from intl_desk.core.reading import Reader

#: roles that count as "held" in a network (more than being a member or an observer)
PLAIN_ROLES = ("member", "observer")
GRANTED = "granted"


def _running(filters: OverviewFilters) -> list:
    return [*project_scope(filters), Project.status.in_(vocab.PROJECT_RUNNING_STATUSES)]


def project_statuses(session: Reader, filters: OverviewFilters) -> tuple[Bar, ...]:
    found: dict[Any, Any] = pairs(
        session.execute(
            select(Project.status, func.count())
            .where(*project_scope(filters))
            .group_by(Project.status)
        ).all()
    )
    return tuple(
        Bar(
            code,
            vocab.PROJECT_STATUSES.label(code),
            int(found[code]),
            drill=drill("projects", filters, ("status", code)),
        )
        for code in vocab.PROJECT_STATUSES.codes
        if found.get(code)
    )


@dataclass(frozen=True)
class Money:
    """Running projects, their whole budget and the co-financing granted to them, in the
    office's currency: amounts kept in another currency converted at the rate of their
    year (core/currency_rates.py); those without a rate are never added in, only counted
    per currency."""

    running: int
    budget: Converted
    granted: Converted

    @property
    def rate_years(self) -> tuple[int, ...]:
        """The years of the exchange rates used in either sum."""
        return tuple(sorted({*self.budget.rate_years, *self.granted.rate_years}))


def money(session: Reader, filters: OverviewFilters, currency: str) -> Money:
    running = select(Project.id).where(*_running(filters))
    count = int(session.scalar(select(func.count()).select_from(running.subquery())) or 0)
    rates = Rates.of(session, currency)
    budget = rates.total(budget_groups(session, running))
    granted = rates.total(granted_groups(session, running))
    return Money(count, budget, granted)


def funders(session: Reader, filters: OverviewFilters, currency: str) -> tuple[Bar, ...]:
    """Co-financing granted to running projects, by funder, largest first, in the office's
    currency (converted as in :class:`Money`; amounts without a rate are left out and
    counted there)."""
    funder = func.coalesce(Partner.name, CofinancingLine.funder_name, "")
    year = cofinancing_year()
    rows = session.execute(
        select(
            funder,
            func.max(CofinancingLine.funder_partner_id),
            Project.currency,
            year,
            func.sum(CofinancingLine.amount_granted),
            func.count(),
        )
        .join(Project, Project.id == CofinancingLine.project_id)
        .outerjoin(Partner, Partner.id == CofinancingLine.funder_partner_id)
        .where(
            CofinancingLine.deleted_at.is_(None),
            CofinancingLine.status == GRANTED,
            CofinancingLine.amount_granted.is_not(None),
            CofinancingLine.project_id.in_(select(Project.id).where(*_running(filters))),
        )
        .group_by(funder, Project.currency, year)
    ).all()
    rates = Rates.of(session, currency)
    groups: dict[str, list[Group]] = {}
    partners: dict[str, Any] = {}
    for name, partner_id, code, line_year, amount, number in rows:
        groups.setdefault(name, []).append((str(code), line_year, amount, int(number)))
        partners[name] = partners.get(name) or partner_id
    bars = []
    for name, parts in groups.items():
        converted = rates.total(parts)
        if converted.total == 0 and converted.left_out:
            continue  # only amounts without a rate: nothing to draw, counted in Money
        bars.append(
            Bar(
                name or "?",
                name or "?",
                float(converted.total),
                drill=Drill("partners", record_id=partners[name]) if partners[name] else None,
            )
        )
    return tuple(sorted(bars, key=lambda bar: (-bar.value, sort_key(bar.label))))


def networks(session: Reader, filters: OverviewFilters) -> tuple[NetworkFigure, ...]:
    """Networks with memberships current in the year, the roles held and events attended."""
    current = [
        *membership_scope(filters),
        or_(Membership.since.is_(None), Membership.since <= date(filters.year, 12, 31)),
        or_(Membership.until.is_(None), Membership.until >= date(filters.year, 1, 1)),
    ]
    rows = session.execute(
        select(Network.id, Network.name, Network.acronym, Membership.role, func.count())
        .join(Network, Network.id == Membership.network_id)
        .where(*current, Network.deleted_at.is_(None))
        .group_by(Network.id, Network.name, Network.acronym, Membership.role)
    ).all()
    events: dict[Any, Any] = pairs(
        session.execute(
            select(Membership.network_id, func.count())
            .join(Participation, Participation.membership_id == Membership.id)
            .where(
                *current,
                Participation.deleted_at.is_(None),
                Participation.kind == "event",
                in_year(Participation.start_date, filters.year),
            )
            .group_by(Membership.network_id)
        ).all()
    )
    names: dict[str, str] = {}
    members: dict[str, int] = {}
    roles: dict[str, list[tuple[str, int]]] = {}
    for network_id, name, acronym, role, count in rows:
        names[network_id] = f"{name} ({acronym})" if acronym and acronym != name else name
        members[network_id] = members.get(network_id, 0) + int(count)
        if role not in PLAIN_ROLES:
            roles.setdefault(network_id, []).append((role, int(count)))
    figures = []
    for network_id, name in names.items():
        held = sorted(roles.get(network_id, []), key=lambda item: _ROLE_ORDER.get(item[0], 0))
        figures.append(
            NetworkFigure(
                name,
                members[network_id],
                ", ".join(
                    vocab.MEMBERSHIP_ROLES.label(role) + (f" ×{count}" if count > 1 else "")
                    for role, count in held
                ),
                sum(count for _role, count in held),
                int(events.get(network_id, 0)),
                Drill("networks", record_id=network_id),
            )
        )
    return tuple(sorted(figures, key=lambda f: (-f.roles_held, -f.events, sort_key(f.name))))


_ROLE_ORDER = {code: -number for number, code in enumerate(vocab.MEMBERSHIP_ROLES.codes)}


def indicators(
    session: Reader, filters: OverviewFilters, today: date
) -> tuple[IndicatorFigure, ...]:
    """Each indicator as the evaluation engine judges it — the yearly report's rule, on
    the same figures: the year's period, or while it has no value yet, the latest earlier
    period that has one (the year's own period is usually measured once it ends). A local
    entity chosen: its own view (core/evaluation/engine.py, ``assess_period``). Text
    indicators are not judged; an indicator with no value in any period up to the year
    is not assessed.
    """
    evaluation = Evaluation(session, today, period_at_a_time=True)
    periods = [
        period
        for period in evaluation.periods
        if period.start.year <= filters.year and period.start <= today
    ]
    periods.sort(key=lambda period: (period.start, period.end))
    figures = []
    for indicator in evaluation.indicators:
        if indicator.is_text or (
            filters.entity_id is not None
            and not (indicator.per_local_entity or indicator.formula)
        ):
            continue
        for period in reversed(periods):
            judged = evaluation.assess(indicator, period, filters.entity_id)
            if judged.status in (None, Status.NO_DATA) or judged.value is None:
                continue
            figures.append(
                IndicatorFigure(
                    indicator.code,
                    indicator.name,
                    indicator.dimension,
                    judged.target if judged.target is not None else 0.0,
                    judged.value,
                    indicator.unit,
                    period.label,
                    judged.status in (Status.ACHIEVED, Status.ON_TRACK),
                    Drill("indicators", record_id=indicator.id),
                    status=judged.status,
                )
            )
            break
    rank = {code: number for number, code in enumerate(vocab.DIMENSIONS.codes)}
    return tuple(sorted(figures, key=lambda f: (rank.get(f.dimension, 99), f.code, f.name)))
