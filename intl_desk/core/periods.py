"""Which period a new row of a form proposes: the one a person most likely means today.

A target is set for what is still to come, a value is measured for what has happened:
with periods 2021–2030 and today in 2026, a new target row proposes 2026 (then 2027…),
a new measurement 2026 (or the latest period already begun that has no value yet) —
never the first or the last of the list.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class PeriodSpan:
    id: str
    start: date
    end: date


def period_for_target(
    periods: Sequence[PeriodSpan], used: Collection[str | None], today: date
) -> str | None:
    """The first period not yet ended without a target; else the last free one."""
    free = sorted((p for p in periods if p.id not in used), key=lambda p: p.start)
    coming = [p for p in free if p.end >= today]
    chosen = coming[0] if coming else (free[-1] if free else None)
    return chosen.id if chosen else None


def period_for_measurement(
    periods: Sequence[PeriodSpan], used: Collection[str | None], today: date
) -> str | None:
    """The latest period already begun without a value; else the first free one."""
    free = sorted((p for p in periods if p.id not in used), key=lambda p: p.start)
    begun = [p for p in free if p.start <= today]
    chosen = begun[-1] if begun else (free[0] if free else None)
    return chosen.id if chosen else None


__all__ = ["PeriodSpan", "period_for_measurement", "period_for_target"]
