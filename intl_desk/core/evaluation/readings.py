"""What the evaluation engine reads from an office file, as plain immutable values:
periods, indicators (with their SDGs and scale), targets and measurements."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import Float, case, cast, select

from intl_desk.core.columns import (
    Indicator,
    IndicatorSdg,
    IndicatorTarget,
    Measurement,
    Period,
    ScaleLevel,
)
from intl_desk.core.reading import Reader, connection_of


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
    #: the indicators of earlier plans this one carries on, the nearest first: their
    #: measurements and targets are the earlier periods of this one's series
    predecessors: tuple[str, ...] = ()

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


def read_periods(session: Reader) -> list[PeriodInfo]:
    rows = session.execute(
        select(Period.id, Period.label, Period.start_date, Period.end_date, Period.closed)
        .where(Period.deleted_at.is_(None))
        .order_by(Period.start_date, Period.end_date)
    )
    return [PeriodInfo(r.id, r.label, r.start_date, r.end_date, bool(r.closed)) for r in rows]


def read_indicators(session: Reader) -> list[IndicatorInfo]:
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
    rows = session.execute(  # every column, as a row: no record loaded (core/columns.py)
        select(Indicator)
        .where(Indicator.deleted_at.is_(None))
        .order_by(Indicator.code, Indicator.name)
    )
    found = [
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
            predecessors=(row.continues_id,) if row.continues_id else (),
        )
        for row in rows
    ]
    return _with_lineage(found)


def _with_lineage(indicators: list[IndicatorInfo]) -> list[IndicatorInfo]:
    """Each indicator with the whole chain it carries on (a plan after a plan after a
    plan), and the baseline of the nearest one that has it when it has none of its own."""
    by_id = {indicator.id: indicator for indicator in indicators}
    done = []
    for indicator in indicators:
        chain: list[str] = []
        current = indicator
        while current.predecessors and current.predecessors[0] in by_id:
            previous = current.predecessors[0]
            if previous in chain or previous == indicator.id:
                chain = []  # a loop typed by mistake: no series is carried over it
                break
            chain.append(previous)
            current = by_id[previous]
        baseline = (indicator.baseline_value, indicator.baseline_year)
        if baseline[0] is None:
            older = next((by_id[i] for i in chain if by_id[i].baseline_value is not None), None)
            if older is not None:
                baseline = (older.baseline_value, older.baseline_year)
        done.append(replace(indicator, predecessors=tuple(chain), baseline_value=baseline[0],
                            baseline_year=baseline[1]))  # fmt: skip
    return done


def read_targets(session: Reader) -> dict[tuple[str, str], dict[str | None, float]]:
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
    session: Reader,
    indicator: IndicatorInfo,
    left_out: frozenset[tuple[str, str, str]] = frozenset(),
    period_id: str | None = None,
) -> dict[str, dict[str | None, MeasuredValue]]:
    """period id → entity id → the latest measurement; without the (indicator, period,
    entity) figures in ``left_out`` (those not approved yet in a collection round).
    With ``period_id``, that period's only (a state's indicator per municipality has
    some 850 rows a period: the overview, judging one period, reads a sixth of them)."""
    found: dict[str, dict[str | None, MeasuredValue]] = defaultdict(dict)
    columns = (
        Measurement.id,
        _number(indicator),
        Measurement.text,
        Measurement.evidence,
        Measurement.comment,
        Measurement.source,
        Measurement.measured_on,
    )
    make = MeasuredValue._make
    for period, entity, row in _latest_last(session, indicator, columns, left_out, period_id):
        found[period][entity] = make(row)
    return found


def read_entity_values(
    session: Reader,
    indicator: IndicatorInfo,
    left_out: frozenset[tuple[str, str, str]] = frozenset(),
    period_id: str | None = None,
) -> dict[str, dict[str, float | None]]:
    """period id → local entity id → the value of its latest measurement: all that judging
    a state's municipalities needs, without the texts and dates of its 50,000 measurements
    (a third of the time of :func:`read_measurements`)."""
    found: dict[str, dict[str, float | None]] = defaultdict(dict)
    rows = _latest_last(session, indicator, (_number(indicator),), left_out, period_id, True)
    for period, entity, (value,) in rows:
        found[period][entity] = value
    return found


def _number(indicator: IndicatorInfo) -> Any:
    number = Measurement.scale_level if indicator.measure == "qualitative" else Measurement.value
    return cast(number, Float)


def _latest_last(
    session: Reader,
    indicator: IndicatorInfo,
    columns: tuple[Any, ...],
    left_out: frozenset[tuple[str, str, str]],
    period_id: str | None,
    entities_only: bool = False,
) -> Iterator[tuple[str, Any, tuple[Any, ...]]]:
    """(period id, entity id, ``columns``) of the indicator's measurements and its
    predecessors', in the order in which the latest of a period wins, the indicator's own
    last; without the figures in ``left_out``."""
    # the oldest plan's indicator first, the indicator itself last: its own values win
    lineage = [*reversed(indicator.predecessors), indicator.id]
    order: list[Any] = []
    if indicator.predecessors:
        order.append(case({key: position for position, key in enumerate(lineage)},
                          value=Measurement.indicator_id, else_=len(lineage)))  # fmt: skip
    statement = (
        select(Measurement.period_id, Measurement.local_entity_id, *columns)
        .where(Measurement.deleted_at.is_(None), Measurement.indicator_id.in_(lineage))
        .order_by(*order, Measurement.measured_on, Measurement.updated_at)
    )
    entity_rows = statement.where(Measurement.local_entity_id.is_not(None))
    statements = [entity_rows] if entities_only else [statement]
    if period_id is not None:
        # the entities' rows and the office's apart, so each query can use its partial
        # unique index (indicator, period[, entity]): 1.8 ms instead of 10 ms on the
        # state demo, where the period's index alone walks every indicator's rows. The
        # latest-wins order below only compares rows of one (period, entity), which
        # come from the same query.
        statements = [entity_rows.where(Measurement.period_id == period_id)]
        if not entities_only:
            office_rows = statement.where(Measurement.local_entity_id.is_(None))
            statements.append(office_rows.where(Measurement.period_id == period_id))
    connection = connection_of(session)  # the ORM session path costs twice as much per row
    rows = [row for each in statements for row in connection.execute(each).tuples()]
    for row in rows:  # the latest measurement of a period wins, the indicator's own last
        if left_out and (indicator.id, row[0], row[1]) in left_out:
            continue
        yield row[0], row[1], row[2:]
