"""Indicators against targets: each indicator's figure and status for a period.

An :class:`Evaluation` reads an office file's indicators, periods and targets once (plain
tuples through SQLAlchemy Core), then measurements per indicator as they are asked for,
and computed figures per period, caching both: the yearly report asks for the same
figures many times (summary, dimension pages, trend charts, annexes). The rules that turn
a figure into a status are in :mod:`intl_desk.core.evaluation.status`; the formulas of
computed indicators in :mod:`intl_desk.core.evaluation.formulas`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import literal, select

from intl_desk.core.columns import LocalEntity
from intl_desk.core.evaluation.formulas import (
    FormulaError,
    Window,
    compute,
    compute_by_entity,
    compute_periods,
    formula_of,
    subtree,
)
from intl_desk.core.evaluation.readings import (
    IndicatorInfo,
    MeasuredValue,
    PeriodInfo,
    read_entity_values,
    read_indicators,
    read_measurements,
    read_periods,
    read_targets,
)
from intl_desk.core.evaluation.status import (
    NO_VALUE,
    Status,
    cumulative_total,
    judge,
    judge_plainly,
    line_start,
    overall_status,
)
from intl_desk.core.reading import Reader, connection_of


@dataclass(frozen=True)
class Assessment:
    """One indicator in one period, for the office, one local entity, or all of them."""

    indicator: IndicatorInfo
    period: PeriodInfo
    local_entity_id: str | None
    #: the figure compared with the target: the period's value or, cumulative, the total
    value: float | None
    #: what the period itself added (differs from ``value`` for cumulative indicators)
    period_value: float | None
    target: float | None
    status: Status | None  # None for text indicators
    expected: float | None = None
    reason: str | None = None  # msgid, why there is no data
    measurement: MeasuredValue | None = None
    #: per-entity indicators judged for several entities: how many got each status
    entity_statuses: tuple[tuple[Status, int], ...] = field(default=())
    error: str | None = None  # a formula that could not be computed, as the user reads it


class Evaluation:
    """The evaluation of one office file as of ``today`` (see the module docstring)."""

    def __init__(
        self,
        session: Reader,
        today: date,
        *,
        approved_only: bool = False,
        period_at_a_time: bool = False,
    ) -> None:
        """``approved_only``: the figures asked for in a collection round count only once
        the office approved them (:func:`intl_desk.core.rounds.unapproved_figures`).
        ``period_at_a_time``: measurements are read for the period judged (the overview,
        which judges one or two); otherwise an indicator's every period at once (the
        yearly report's series: one read each costs half of six)."""
        self.session = session
        self.today = today
        self.period_at_a_time = period_at_a_time
        self.approved_only = approved_only
        self._left_out: frozenset[tuple[str, str, str]] = frozenset()
        if approved_only:
            from intl_desk.core.rounds import unapproved_figures

            self._left_out = frozenset(unapproved_figures(session))
        self.periods = read_periods(session)
        self.indicators = read_indicators(session)
        self._targets = read_targets(session)
        self._measurements: dict[str, dict[str, dict[str | None, MeasuredValue]]] = {}
        self._measured_in: dict[tuple[str, str], dict[str | None, MeasuredValue]] = {}
        #: values only, by (indicator, period id or None for every period) → period id → entity
        self._entity_values: dict[tuple[str, str | None], dict[str, dict[str, float | None]]] = {}
        self._children: dict[str, list[str]] | None = None
        self._assessed: dict[tuple[str, str, str | None], Assessment] = {}
        #: formula figures by (formula, filter, period start, period end, entity): two
        #: indicators computed by the same formula over the same period (a state's
        #: "partner countries" under several dimensions) read the file once
        self._computed: dict[tuple[Any, ...], float | dict[str, float]] = {}

    # --- looking things up ------------------------------------------------------------

    def period(self, period_id: str) -> PeriodInfo:
        return next(period for period in self.periods if period.id == period_id)

    def period_for_year(self, year: int) -> PeriodInfo | None:
        """The period labelled with the year, else the longest one inside the year."""
        inside = [p for p in self.periods if p.start.year == year and p.end.year == year]
        labelled = [p for p in inside if p.label.strip() == str(year)]
        ranked = sorted(labelled or inside, key=lambda p: (p.start - p.end).days)
        return ranked[0] if ranked else None

    def current_period(self) -> PeriodInfo | None:
        running = [p for p in self.periods if p.start <= self.today <= p.end]
        return running[-1] if running else None

    def target(
        self, indicator: IndicatorInfo, period: PeriodInfo, entity: str | None
    ) -> float | None:
        targets = self._period_targets(indicator, period)
        if entity is not None and entity in targets:
            return targets[entity]
        return targets.get(None)

    def _period_targets(
        self, indicator: IndicatorInfo, period: PeriodInfo
    ) -> dict[str | None, float]:
        """entity id (None: every entity, the office) → the target set for ``period``: by
        the indicator, else by the earlier plan's indicator it carries on."""
        targets = self._targets.get((indicator.id, period.id), {})
        for earlier in indicator.predecessors:  # a period before the plan that set this one
            if targets:
                break
            targets = self._targets.get((earlier, period.id), {})
        return targets

    def measurements(self, indicator: IndicatorInfo) -> dict[str, dict[str | None, MeasuredValue]]:
        """period id → entity id (None: the office) → what was measured, read once."""
        if indicator.id not in self._measurements:
            self._measurements[indicator.id] = read_measurements(
                self.session, indicator, self._left_out
            )
        return self._measurements[indicator.id]

    def measured_in(
        self, indicator: IndicatorInfo, period: PeriodInfo
    ) -> dict[str | None, MeasuredValue]:
        """entity id (None: the office) → what was measured in ``period``: from the
        indicator's whole read, or read for the period alone, once (``period_at_a_time``)."""
        every = self._measurements.get(indicator.id)
        if every is None and not self.period_at_a_time:
            every = self.measurements(indicator)
        if every is not None:
            return every.get(period.id, {})
        key = (indicator.id, period.id)
        if key not in self._measured_in:
            self._measured_in[key] = read_measurements(
                self.session, indicator, self._left_out, period.id
            ).get(period.id, {})
        return self._measured_in[key]

    def entity_values(
        self, indicator: IndicatorInfo, period: PeriodInfo
    ) -> dict[str, float | None]:
        """local entity id → the value measured in ``period``: from the measurements when
        they were read whole already, else the values alone, read once (every period at
        once, or the period alone with ``period_at_a_time``)."""
        whole = self._measurements.get(indicator.id, {}).get(period.id)
        if whole is None:
            whole = self._measured_in.get((indicator.id, period.id))
        if whole is not None:
            return {entity: one.value for entity, one in whole.items() if entity is not None}
        key = (indicator.id, period.id if self.period_at_a_time else None)
        if key not in self._entity_values:
            self._entity_values[key] = read_entity_values(
                self.session, indicator, self._left_out, key[1]
            )
        return self._entity_values[key].get(period.id, {})

    # --- assessing --------------------------------------------------------------------

    def assess_period(self, period: PeriodInfo, entity_id: str | None = None) -> list[Assessment]:
        """Every indicator in the period; with ``entity_id``, the entity's own view: the
        indicators per local entity and the computed ones, restricted to that entity
        and everything under it (office-wide measured indicators do not apply)."""
        chosen = [
            indicator
            for indicator in self.indicators
            if entity_id is None or indicator.per_local_entity or indicator.formula
        ]
        return [self.assess(indicator, period, entity_id) for indicator in chosen]

    def series(self, indicator: IndicatorInfo, entity_id: str | None = None) -> list[Assessment]:
        """The indicator in every period that has started, oldest first (trend charts)."""
        return [self.assess(indicator, p, entity_id) for p in self.periods if p.start <= self.today]

    def assess(
        self, indicator: IndicatorInfo, period: PeriodInfo, entity_id: str | None = None
    ) -> Assessment:
        key = (indicator.id, period.id, entity_id)
        if key not in self._assessed:
            self._assessed[key] = self._assess(indicator, period, entity_id)
        return self._assessed[key]

    def _assess(
        self, indicator: IndicatorInfo, period: PeriodInfo, entity_id: str | None
    ) -> Assessment:
        try:
            if indicator.per_local_entity and entity_id is None:
                return self._assess_entities(indicator, period)
            if indicator.per_local_entity and entity_id is not None:
                below = self.entities_below(entity_id)
                if below:  # a region: the median of the entities under it
                    return self._assess_entities(indicator, period, below, entity_id)
            return self._assess_one(indicator, period, entity_id)
        except FormulaError as error:
            return Assessment(
                indicator,
                period,
                entity_id,
                None,
                None,
                self.target(indicator, period, entity_id),
                Status.NO_DATA,
                error=str(error),
            )

    def _assess_one(
        self, indicator: IndicatorInfo, period: PeriodInfo, entity_id: str | None
    ) -> Assessment:
        measured = None
        if indicator.formula:
            own = self._computed_value(indicator, period, entity_id)
        else:
            measured = self._measured(indicator, period, entity_id)
            own = measured.value if measured else None
        value = own
        if indicator.cumulative:
            earlier = [
                self._period_value(indicator, p, entity_id) for p in self._before(indicator, period)
            ]
            value = cumulative_total(indicator.baseline_value, earlier, own)
        target = self.target(indicator, period, entity_id)
        if indicator.is_text:
            has_text = measured is not None and bool(measured.text)
            return Assessment(
                indicator,
                period,
                entity_id,
                None,
                None,
                None,
                None,
                reason=None if has_text else NO_VALUE,
                measurement=measured,
            )
        judgement = judge(
            value,
            target,
            higher_is_better=indicator.higher_is_better,
            period_start=period.start,
            period_end=period.end,
            closed=period.closed,
            today=self.today,
            start=line_start(
                indicator.baseline_value,
                indicator.baseline_year,
                period.start,
                counted_within_period=self._within_period(indicator),
            ),
        )
        return Assessment(
            indicator,
            period,
            entity_id,
            value,
            own,
            target,
            judgement.status,
            judgement.expected,
            judgement.reason,
            measured,
        )

    def entities_below(self, entity_id: str) -> set[str]:
        """Every local entity under ``entity_id`` (not itself), read once per evaluation."""
        if self._children is None:
            self._children = defaultdict(list)
            for child, parent in connection_of(self.session).execute(
                select(LocalEntity.id, LocalEntity.parent_id).where(
                    LocalEntity.deleted_at.is_(None), LocalEntity.parent_id.is_not(None)
                )
            ):
                self._children[parent].append(child)
        found: set[str] = set()
        waiting = list(self._children.get(entity_id, ()))
        while waiting:
            child = waiting.pop()
            if child not in found:
                found.add(child)
                waiting.extend(self._children.get(child, ()))
        return found

    def _assess_entities(
        self,
        indicator: IndicatorInfo,
        period: PeriodInfo,
        among: set[str] | None = None,
        scope: str | None = None,
    ) -> Assessment:
        """Judge every entity with a value or a target of its own (``among`` those under a
        region when given), then the median.

        The 853 municipalities of a state times every period of a trend chart make this
        the engine's hot loop, so it judges plain numbers instead of building an
        :class:`Assessment` per entity (cumulative indicators take the general path).
        """
        targets = self._period_targets(indicator, period)
        values: dict[str | None, float | None]
        if indicator.formula:
            values = {e: v for e, v in self._computed_by_entity(indicator, period).items()}
        elif indicator.cumulative or indicator.is_text:  # judged one by one below
            values = {
                entity: measured.value
                for entity, measured in self.measured_in(indicator, period).items()
            }
        else:
            values = {e: v for e, v in self.entity_values(indicator, period).items()}
        entities = [e for e in set(values) | set(targets) if e is not None]
        if among is not None:
            entities = [e for e in entities if e in among]
        judged: list[tuple[float | None, Status | None]]  # (value, status) per entity
        if indicator.cumulative or indicator.is_text:
            judged = [
                (one.value, one.status)
                for one in (self._assess_one(indicator, period, e) for e in sorted(entities))
            ]
        else:
            start = line_start(
                indicator.baseline_value,
                indicator.baseline_year,
                period.start,
                counted_within_period=self._within_period(indicator),
            )
            general = targets.get(None)
            rule = (indicator.higher_is_better, period.start, period.end, period.closed,
                    self.today, start)  # fmt: skip
            judged = []
            for entity in entities:
                value = values.get(entity)
                judged.append((value, judge_plainly(value, targets.get(entity, general), *rule)[0]))
        counts: dict[Status, int] = defaultdict(int)
        for _value, one_status in judged:
            if one_status is not None:
                counts[one_status] += 1
        known = sorted(value for value, _status in judged if value is not None)
        status = (
            None
            if indicator.is_text
            else overall_status(one for _value, one in judged if one is not None)
        )
        return Assessment(
            indicator,
            period,
            scope,
            known[(len(known) - 1) // 2] if known else None,
            None,
            self.target(indicator, period, scope),
            status,
            reason=None if known else NO_VALUE,
            entity_statuses=tuple(
                sorted(counts.items(), key=lambda item: list(Status).index(item[0]))
            ),
        )

    # --- figures ------------------------------------------------------------------------

    def _within_period(self, indicator: IndicatorInfo) -> bool:
        if not indicator.formula or indicator.cumulative:
            return False
        try:
            return formula_of(indicator.formula).counted_within_period
        except FormulaError:
            return False

    def _before(self, indicator: IndicatorInfo, period: PeriodInfo) -> list[PeriodInfo]:
        after = date(indicator.baseline_year, 12, 31) if indicator.baseline_year else date.min
        return [p for p in self.periods if after < p.end < period.end and p.id != period.id]

    def _period_value(
        self, indicator: IndicatorInfo, period: PeriodInfo, entity: str | None
    ) -> float | None:
        if indicator.formula:
            return self._computed_value(indicator, period, entity)
        measured = self._measured(indicator, period, entity)
        return measured.value if measured else None

    def _measured(
        self, indicator: IndicatorInfo, period: PeriodInfo, entity: str | None
    ) -> MeasuredValue | None:
        return self.measured_in(indicator, period).get(entity)

    def _computed_value(
        self, indicator: IndicatorInfo, period: PeriodInfo, entity: str | None
    ) -> float | None:
        if period.start > self.today:
            return None
        if indicator.per_local_entity and entity is not None:
            return self._computed_by_entity(indicator, period).get(entity, 0.0)
        key = (
            indicator.formula,
            indicator.formula_filter or None,
            period.start,
            period.end,
            entity,
        )
        if key not in self._computed and entity is None and self._at_once(indicator.formula):
            self._compute_at_once(indicator.formula or "", indicator.formula_filter)
        if key not in self._computed:
            scope = None
            if entity is not None:
                scope = subtree(select(literal(entity).label("id")))
            self._computed[key] = compute(
                self.session,
                indicator.formula or "",
                indicator.formula_filter,
                Window(period.start, period.end, {}, scope, today=self.today),
            )
        value = self._computed[key]
        assert isinstance(value, float)
        return value

    def _at_once(self, code: str | None) -> bool:
        """Whether a formula's office-wide figures are computed for every period at once:
        in a series (not ``period_at_a_time``), for a formula that reads several periods
        in one pass (:func:`compute_periods`)."""
        if self.period_at_a_time or not code:
            return False
        return formula_of(code).any_day is not None

    def _compute_at_once(
        self, code: str, filter_text: str | None, also: tuple[date, date] | None = None
    ) -> None:
        """The office-wide figure of every period that has started (and of ``also``), in
        one reading: the yearly report's trend, headline and first page ask for them."""
        spans = [(p.start, p.end) for p in self.periods if p.start <= self.today]
        if also is not None and also not in spans:
            spans.append(also)
        windows = [Window(start, end, {}, today=self.today) for start, end in spans]
        figures = compute_periods(self.session, code, filter_text, windows)
        for (start, end), figure in zip(spans, figures, strict=True):
            self._computed.setdefault((code, filter_text or None, start, end, None), figure)

    def office_figure(self, code: str, start: date, end: date) -> float:
        """The formula ``code``'s figure for the whole office from ``start`` to ``end``,
        unfiltered (the yearly report's headline and first page), read once and shared with
        the indicators computed by the same formula over the same period."""
        key = (code, None, start, end, None)
        if key not in self._computed and self._at_once(code):
            self._compute_at_once(code, None, (start, end))
        if key not in self._computed:
            window = Window(start, end, {}, today=self.today)
            self._computed[key] = compute(self.session, code, None, window)
        value = self._computed[key]
        assert isinstance(value, float)
        return value

    def _computed_by_entity(self, indicator: IndicatorInfo, period: PeriodInfo) -> dict[str, float]:
        key = (indicator.formula, indicator.formula_filter or None, period.start, period.end, "*")
        if key not in self._computed:
            self._computed[key] = compute_by_entity(
                self.session,
                indicator.formula or "",
                indicator.formula_filter,
                Window(period.start, period.end, {}, today=self.today),
            )
        value = self._computed[key]
        assert isinstance(value, dict)
        return value


__all__ = ["Assessment", "Evaluation", "IndicatorInfo", "MeasuredValue", "PeriodInfo"]
