"""What the evaluation engine reads from an office file, as plain immutable values:
periods, indicators (with their SDGs and scale), targets and measurements."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from sqlalchemy import Float, cast, select
from sqlalchemy.orm import Session

from intl_desk.core.model import (
    Indicator,
    IndicatorSdg,
    IndicatorTarget,
    Measurement,
    Period,
    ScaleLevel,
)


@dataclass(frozen=True)
class PeriodInfo:
    id: str
    label: str
    start: date
    end: date
    closed: bool


@dataclass(frozen=True)
class IndicatorInfo:
    id: str
    code: str
    name: str
    dimension: str
    measure: str  # quantitative, qualitative, text
    unit: str
    higher_is_better: bool
    cumulative: bool
    baseline_value: float | None
    baseline_year: int | None
    formula: str | None
    formula_filter: str | None
    per_local_entity: bool
    objective_id: str | None
    source: str
    sdgs: tuple[int, ...] = ()
    levels: tuple[tuple[int, str], ...] = ()

    @property
    def is_text(self) -> bool:
        return self.measure == "text"

    def level_label(self, level: float | None) -> str:
        if level is None:
            return ""
        return dict(self.levels).get(round(level), str(round(level)))


class MeasuredValue(NamedTuple):
    """A named tuple, not a dataclass: a state reads some 50,000 of them per report."""

    id: str
    value: float | None
    text: str | None
    evidence: str | None
    comment: str | None
    source: str | None
    measured_on: date | None


def read_periods(session: Session) -> list[PeriodInfo]:
    rows = session.execute(
        select(Period.id, Period.label, Period.start_date, Period.end_date, Period.closed)
        .where(Period.deleted_at.is_(None))
        .order_by(Period.start_date, Period.end_date)
    )
    return [PeriodInfo(r.id, r.label, r.start_date, r.end_date, bool(r.closed)) for r in rows]


def read_indicators(session: Session) -> list[IndicatorInfo]:
    sdgs: dict[str, list[int]] = defaultdict(list)
    for indicator_id, sdg in session.execute(
        select(IndicatorSdg.indicator_id, IndicatorSdg.sdg)
        .where(IndicatorSdg.deleted_at.is_(None))
        .order_by(IndicatorSdg.sdg)
    ):
        sdgs[indicator_id].append(int(sdg))
    levels: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for indicator_id, level, label in session.execute(
        select(ScaleLevel.indicator_id, ScaleLevel.level, ScaleLevel.label)
        .where(ScaleLevel.deleted_at.is_(None))
        .order_by(ScaleLevel.level)
    ):
        levels[indicator_id].append((int(level), label or ""))
    rows = session.execute(
        select(Indicator)
        .where(Indicator.deleted_at.is_(None))
        .order_by(Indicator.code, Indicator.name)
    ).scalars()
    return [
        IndicatorInfo(
            id=row.id,
            code=row.code or "",
            name=row.name,
            dimension=row.dimension,
            measure=row.measure or "quantitative",
            unit=row.unit or "",
            higher_is_better=row.direction != "decrease",
            cumulative=bool(row.cumulative),
            baseline_value=row.baseline_value,
            baseline_year=row.baseline_year,
            formula=row.formula or None,
            formula_filter=row.formula_filter,
            per_local_entity=bool(row.per_local_entity),
            objective_id=row.objective_id,
            source=row.source or "",
            sdgs=tuple(sdgs.get(row.id, ())),
            levels=tuple(levels.get(row.id, ())),
        )
        for row in rows
    ]


def read_targets(session: Session) -> dict[tuple[str, str], dict[str | None, float]]:
    targets: dict[tuple[str, str], dict[str | None, float]] = defaultdict(dict)
    for row in session.execute(
        select(
            IndicatorTarget.indicator_id,
            IndicatorTarget.period_id,
            IndicatorTarget.local_entity_id,
            IndicatorTarget.value,
        ).where(IndicatorTarget.deleted_at.is_(None))
    ):
        if row.value is not None:
            targets[(row.indicator_id, row.period_id)][row.local_entity_id] = float(row.value)
    return targets


def read_measurements(
    session: Session, indicator: IndicatorInfo
) -> dict[str, dict[str | None, MeasuredValue]]:
    found: dict[str, dict[str | None, MeasuredValue]] = defaultdict(dict)
    number = Measurement.scale_level if indicator.measure == "qualitative" else Measurement.value
    # through the connection: the ORM session path costs twice as much per row here
    rows = (
        session.connection()
        .execute(
            select(
                Measurement.period_id,
                Measurement.local_entity_id,
                Measurement.id,
                cast(number, Float),
                Measurement.text,
                Measurement.evidence,
                Measurement.comment,
                Measurement.source,
                Measurement.measured_on,
            )
            .where(Measurement.deleted_at.is_(None), Measurement.indicator_id == indicator.id)
            .order_by(Measurement.measured_on, Measurement.updated_at)
        )
        .tuples()
    )
    make = MeasuredValue._make
    for row in rows:  # the latest measurement of a period wins
        found[row[0]][row[1]] = make(row[2:])
    return found
