"""Computed indicators: a small set of formulas over the records, so nobody types them.

An indicator with ``formula`` set takes its value from the records of the period; its
``formula_filter`` narrows what counts, written ``key=value`` with alternatives separated
by commas and conditions by semicolons, e.g. ``type=twinning,friendship; theme=culture``.
Keys are listed per formula in :data:`FORMULAS`; ``entity`` takes a local entity's code
or name and counts it with everything under it.

What "in the period" means, per kind of record (portable SQLAlchemy Core throughout):

* an agreement is *signed* in the period when its signature date falls in it; it is
  *active* in the period when it was signed (any status but draft or negotiation), came
  into force (or was signed) before the period ended, and had not expired before it began
  (perpetual and open-ended agreements never expire), and had not ended early (terminated
  or superseded) before it began; one ended early without the date it ended counts until
  its planned expiry, the file not saying more;
* a project is *under way* when it is neither in the pipeline nor cancelled and its
  dates (actual, else planned) overlap the period;
* co-financing is *raised* when a line is granted with its decision dated in the period
  (the granted amount, in the office's currency: an amount in another currency converted
  at the rate of its decision's year, left out without one — core/currency_rates.py);
* an event is *attended* when a participation of kind "event" starts in the period; a
  mission is *undertaken* (a delegation *received*) when such an activity, done, starts
  in it; a membership is *held* when it overlaps the period, a *role* when it is more than
  member or observer.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Select, distinct, func, literal, select

from intl_desk.core.evaluation.formula_filters import (
    Filters,
    FormulaError,
    Window,
    parse_filter,
    subtree,
)
from intl_desk.core.evaluation.formula_rows import (
    _active_projects,
    _activities,
    _agreements_active,
    _agreements_signed,
    _cofinancing_raised,
    _events_attended,
    _memberships,
    _partner_countries,
    standing_flag,
)
from intl_desk.core.i18n import N_, Message
from intl_desk.core.reading import Reader, connection_of

__all__ = [
    "FORMULAS",
    "Filters",
    "Formula",
    "FormulaError",
    "Window",
    "compute",
    "compute_by_entity",
    "compute_periods",
    "formula_of",
    "keys",
    "parse_filter",
    "subtree",
]


@dataclass(frozen=True)
class Formula:
    code: str
    label: str  # msgid
    filters: tuple[str, ...]
    #: the figure restarts from 0 each period (a count of events), see the status rules
    counted_within_period: bool
    #: rows (entity id or None, the thing counted or summed) for a window
    rows: Callable[[Window], Select[Any]]
    #: count distinct things (True) or sum amounts (False)
    distinct_count: bool = True
    #: a standing figure's rows whatever the day (``rows`` without "active on the
    #: period's day"), so several periods are counted in one pass (:func:`compute_periods`)
    any_day: Callable[[Window], Select[Any]] | None = None


_AGREEMENT_FILTERS = ("type", "status", "theme", "sdg", "country", "entity")
_PROJECT_FILTERS = ("status", "sdg", "sector", "country", "entity")
_NETWORK_FILTERS = ("network", "role", "entity")

FORMULAS: dict[str, Formula] = {
    formula.code: formula
    for formula in (
        Formula(
            "agreements_signed",
            N_("Agreements signed in the period"),
            _AGREEMENT_FILTERS,
            True,
            _agreements_signed,
        ),
        Formula(
            "agreements_active",
            N_("Agreements active at the end of the period"),
            _AGREEMENT_FILTERS,
            False,
            _agreements_active,
            any_day=lambda window: _agreements_active(window, any_day=True),
        ),
        Formula(
            "partner_countries",
            N_("Countries with an active partnership"),
            _AGREEMENT_FILTERS,
            False,
            _partner_countries,
            any_day=lambda window: _partner_countries(window, any_day=True),
        ),
        Formula(
            "active_projects", N_("Projects under way"), _PROJECT_FILTERS, False, _active_projects
        ),
        Formula(
            "cofinancing_raised",
            N_("Co-financing raised"),
            (*_PROJECT_FILTERS, "funder"),
            True,
            _cofinancing_raised,
            distinct_count=False,
        ),
        Formula(
            "events_attended",
            N_("Network events attended"),
            (*_NETWORK_FILTERS, "country"),
            True,
            _events_attended,
        ),
        Formula(
            "memberships_held",
            N_("Network memberships held"),
            _NETWORK_FILTERS,
            False,
            lambda window: _memberships(window, False),
        ),
        Formula(
            "network_roles",
            N_("Roles held in networks"),
            _NETWORK_FILTERS,
            False,
            lambda window: _memberships(window, True),
        ),
        Formula(
            "missions_undertaken",
            N_("Missions abroad undertaken"),
            ("country", "entity"),
            True,
            _activities("mission"),
        ),
        Formula(
            "delegations_received",
            N_("Delegations received"),
            ("country", "entity"),
            True,
            _activities("delegation"),
        ),
    )
}


def formula_of(code: str) -> Formula:
    formula = FORMULAS.get(code)
    if formula is None:
        raise FormulaError(
            Message(
                N_("The formula “{code}” is unknown; known formulas: {known}."),
                {"code": code, "known": ", ".join(FORMULAS)},
            )
        )
    return formula


def compute(session: Reader, code: str, filter_text: str | None, window: Window) -> float:
    """The formula's figure for the window (the whole office, or ``window.scope``)."""
    formula = formula_of(code)
    window = replace(window, filters=parse_filter(filter_text, formula.filters))
    rows = formula.rows(window).subquery()
    if formula.distinct_count:
        statement = select(func.count(distinct(rows.c.key)))
    else:  # each money line once, however many entities share it
        lines = select(rows.c.line, func.max(rows.c.key).label("amount")).group_by(rows.c.line)
        statement = select(func.coalesce(func.sum(lines.subquery().c.amount), literal(0)))
    return float(session.scalar(statement) or 0)


def compute_periods(
    session: Reader, code: str, filter_text: str | None, windows: Sequence[Window]
) -> list[float]:
    """The formula's figure for each window (the whole office or ``window.scope``), as
    :func:`compute` gives it. A standing figure (active agreements, partner countries)
    over the whole office is read in one pass for every window: each thing counted once,
    with a flag per window saying whether that window counts it (a state's trend of six
    years of partner countries walked its 40,000 agreement parties six times)."""
    formula = formula_of(code)
    filters = parse_filter(filter_text, formula.filters)
    windows = [replace(window, filters=filters) for window in windows]
    if formula.any_day is None or len(windows) < 2 or any(w.needs_entity for w in windows):
        return [compute(session, code, filter_text, window) for window in windows]
    rows = (
        formula.any_day(windows[0])
        .add_columns(*(standing_flag(w).label(f"in_{n}") for n, w in enumerate(windows)))
        .subquery()
    )
    counted = (  # each thing once: counted by a window when one of its rows is
        select(*(func.max(rows.c[f"in_{n}"]).label(f"in_{n}") for n in range(len(windows))))
        .where(rows.c.key.is_not(None))
        .group_by(rows.c.key)
        .subquery()
    )
    statement = select(
        *(func.coalesce(func.sum(counted.c[f"in_{n}"]), 0) for n in range(len(windows)))
    )
    figures = connection_of(session).execute(statement).one()
    return [float(figure or 0) for figure in figures]


def compute_by_entity(
    session: Reader, code: str, filter_text: str | None, window: Window
) -> dict[str, float]:
    """The formula's figure for each local entity that has records in the window."""
    formula = formula_of(code)
    window = replace(window, filters=parse_filter(filter_text, formula.filters), by_entity=True)
    rows = formula.rows(window).subquery()
    measure = func.count(distinct(rows.c.key)) if formula.distinct_count else func.sum(rows.c.key)
    statement = (
        select(rows.c.entity, measure).where(rows.c.entity.is_not(None)).group_by(rows.c.entity)
    )
    return {str(entity): float(value or 0) for entity, value in session.execute(statement)}


def keys(session: Reader, code: str, filter_text: str | None, window: Window) -> list[Any]:
    """What the formula counts in the window: the ids behind the figure (agreement,
    project, money line… ids; country codes for ``partner_countries``), for the lists
    that back a report's figures."""
    formula = formula_of(code)
    window = replace(window, filters=parse_filter(filter_text, formula.filters))
    rows = formula.rows(window).subquery()
    column = rows.c.key if formula.distinct_count else rows.c.line
    return list(connection_of(session).execute(select(column).distinct()).scalars())
