"""Each local entity's own indicators against their targets, for its sheet.

The indicators measured per local entity (a state's "municipalities with an international
relations office", "exports"…) judged by the evaluation engine for one entity, in the
period the sheet reports on: the year asked for, else the last period already over (the
one whose figures are in), else the one running.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from intl_desk.core.evaluation.engine import Evaluation
from intl_desk.core.evaluation.readings import IndicatorInfo, PeriodInfo
from intl_desk.core.evaluation.status import Status


@dataclass(frozen=True)
class IndicatorResult:
    code: str
    name: str
    unit: str
    target: float | None
    value: float | None
    status: Status | None


def sheet_period(evaluation: Evaluation, year: int | None) -> PeriodInfo | None:
    if year is not None:
        return evaluation.period_for_year(year)
    over = [period for period in evaluation.periods if period.end < evaluation.today]
    if over:
        return max(over, key=lambda period: period.end)
    return evaluation.current_period()


def entity_indicators(
    session: Session, entity_ids: Iterable[str], year: int | None, today: date
) -> tuple[str, dict[str, list[IndicatorResult]]]:
    """The period's label and, per entity, its per-entity indicators (by code)."""
    evaluation = Evaluation(session, today)
    period = sheet_period(evaluation, year)
    chosen: list[IndicatorInfo] = sorted(
        (i for i in evaluation.indicators if i.per_local_entity and not i.is_text),
        key=lambda i: (i.code or i.name).casefold(),
    )
    if period is None or not chosen:
        return "", {}
    results: dict[str, list[IndicatorResult]] = {}
    for entity_id in entity_ids:
        rows = []
        for indicator in chosen:
            judged = evaluation.assess(indicator, period, entity_id)
            rows.append(
                IndicatorResult(
                    indicator.code,
                    indicator.name,
                    indicator.unit,
                    judged.target,
                    judged.value,
                    judged.status,
                )
            )
        results[entity_id] = rows
    return period.label, results
