"""How an indicator's value in a period is judged against its target.

The rules, in the order they apply (each tested in ``tests/core/test_evaluation_status.py``):

1. **The figure compared.** For an indicator *per period* it is the value of that period.
   For a *cumulative* indicator ("each period adds to the ones before", as the indicator
   form says) it is the total to date: the baseline (0 when none is recorded) plus the
   values of every period after the baseline year up to and including this one. A
   qualitative indicator compares its scale level (1 = lowest) the same way.
2. **No data.** The period has not started yet, no value is recorded for it (a cumulative
   total needs this period's own value too), or no target is set for it. The reason is
   kept so reports can say which.
3. **Achieved.** The target is met: the figure is at least the target when higher is
   better, at most the target when lower is better. This holds for open and closed
   periods alike (a target met in March stays met).
4. **Behind, closed period.** A period that is marked closed, or that has ended, and whose
   target is not met is behind: there is no time left to catch up.
5. **On track or behind, open period.** While a period runs, the figure is compared with
   where a straight line from the starting point to the target (reached on the period's
   last day) stands today. At or beyond the line, in the better direction, is *on track*;
   short of it is *behind*. The starting point is the baseline (its value, on 31 December
   of the baseline year); when no baseline is recorded, or its year is not before the
   period, the line starts at 0 on the period's first day. A figure counted *within* the
   period (agreements signed in the year, events attended, money raised) starts from 0 on
   the period's first day whatever the baseline, since the count itself restarts.
6. **Text indicators** are described with evidence, not measured: they get no status.

A figure "per local entity" is judged the same way for each entity, against the entity's
own target or, when it has none, the target set for every entity; see
:func:`overall_status` for how the entities' statuses add up to one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from intl_desk.core.i18n import N_


class Status(StrEnum):
    ACHIEVED = "achieved"
    ON_TRACK = "on_track"
    BEHIND = "behind"
    NO_DATA = "no_data"


STATUS_LABELS: dict[Status, str] = {
    Status.ACHIEVED: N_("Achieved"),
    Status.ON_TRACK: N_("On track"),
    Status.BEHIND: N_("Behind"),
    Status.NO_DATA: N_("No data"),
}

#: Why a figure has no status (msgids).
NOT_STARTED = N_("The period has not started.")
NO_VALUE = N_("No value recorded for the period.")
NO_TARGET = N_("No target set for the period.")

#: Worst to best, for medians and sorting.
_RANK = {Status.BEHIND: 0, Status.ON_TRACK: 1, Status.ACHIEVED: 2}


@dataclass(frozen=True)
class Judgement:
    status: Status
    #: where the straight line stands today (open periods whose target is not met)
    expected: float | None = None
    #: why there is no status (a msgid), for ``Status.NO_DATA``
    reason: str | None = None


def target_met(value: float, target: float, higher_is_better: bool) -> bool:
    return value >= target if higher_is_better else value <= target


def line_start(
    baseline_value: float | None,
    baseline_year: int | None,
    period_start: date,
    *,
    counted_within_period: bool,
) -> tuple[date, float]:
    """The starting point of the straight line (rule 5)."""
    if counted_within_period or baseline_value is None:
        return period_start, 0.0
    if baseline_year is None or baseline_year >= period_start.year:
        return period_start, 0.0
    return date(baseline_year, 12, 31), float(baseline_value)


def expected_today(
    start: tuple[date, float], target: float, period_end: date, today: date
) -> float:
    """The value on the line from ``start`` to ``target`` on ``period_end``, at ``today``."""
    start_day, start_value = start
    span = (period_end - start_day).days
    if span <= 0:
        return target
    fraction = min(1.0, max(0.0, (today - start_day).days / span))
    return start_value + (target - start_value) * fraction


def judge(
    value: float | None,
    target: float | None,
    *,
    higher_is_better: bool,
    period_start: date,
    period_end: date,
    closed: bool,
    today: date,
    start: tuple[date, float],
) -> Judgement:
    """Rules 2–5 for one figure (rule 1 is the caller's: ``value`` is the figure compared)."""
    status, expected, reason = judge_plainly(
        value, target, higher_is_better, period_start, period_end, closed, today, start
    )
    return Judgement(status, expected, reason)


def judge_plainly(
    value: float | None,
    target: float | None,
    higher_is_better: bool,
    period_start: date,
    period_end: date,
    closed: bool,
    today: date,
    start: tuple[date, float],
) -> tuple[Status, float | None, str | None]:
    """:func:`judge` as a plain (status, expected, reason) tuple: a state's report judges
    some 50,000 figures, and building a :class:`Judgement` for each cost a fifth of that."""
    if period_start > today:
        return Status.NO_DATA, None, NOT_STARTED
    if value is None:
        return Status.NO_DATA, None, NO_VALUE
    if target is None:
        return Status.NO_DATA, None, NO_TARGET
    if value >= target if higher_is_better else value <= target:  # target_met, inlined
        return Status.ACHIEVED, None, None
    if closed or period_end < today:
        return Status.BEHIND, None, None
    expected = expected_today(start, target, period_end, today)
    on_line = value >= expected if higher_is_better else value <= expected
    return (Status.ON_TRACK if on_line else Status.BEHIND), expected, None


def cumulative_total(
    baseline_value: float | None, values_to_date: Iterable[float | None], own: float | None
) -> float | None:
    """Rule 1 for cumulative indicators: None unless this period's own value is known."""
    if own is None:
        return None
    total = float(baseline_value or 0.0)
    total += sum(value for value in values_to_date if value is not None)
    return total + own


def overall_status(statuses: Iterable[Status]) -> Status:
    """One status for an indicator judged per local entity: the median entity's.

    Entities without data are left out; with an even number the lower of the two middle
    statuses counts, so "on track" means at least half the entities are on track or
    better. No entity with data gives no data.
    """
    ranked = sorted(_RANK[status] for status in statuses if status in _RANK)
    if not ranked:
        return Status.NO_DATA
    middle = ranked[(len(ranked) - 1) // 2]
    return next(status for status, rank in _RANK.items() if rank == middle)


def is_favourable(status: Status | None) -> bool:
    """On track or achieved: what "share of indicators on track" counts."""
    return status in (Status.ACHIEVED, Status.ON_TRACK)
