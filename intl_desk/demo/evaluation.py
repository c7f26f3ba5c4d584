"""Strategic lines, periods, indicators, targets and six years of measurements.

Values follow a trend with noise (and the 2020–2021 fall for visitors and events), so the
yearly report shows targets sometimes met and sometimes missed rather than straight lines.
Computed indicators (``formula``) get targets only: the figures engine derives their values
from the records, which is the point of computing them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from intl_desk.core.model import (
    Indicator,
    IndicatorSdg,
    IndicatorTarget,
    Measurement,
    Period,
    ScaleLevel,
    StrategicLine,
    StrategicObjective,
)
from intl_desk.demo.common import Demo, EntityRef
from intl_desk.demo.texts import IndicatorSpec, LineSpec

YEARS_MEASURED = 6
_PANDEMIC = {2020: 0.35, 2021: 0.6}


@dataclass(frozen=True)
class WrittenIndicator:
    id: str
    spec: IndicatorSpec


def write_strategy(demo: Demo, lines: Sequence[LineSpec]) -> list[list[str]]:
    """The lines and their objectives; returns objective ids per line."""
    objective_ids: list[list[str]] = []
    first_year = demo.today.year - YEARS_MEASURED
    for line in lines:
        line_id = demo.add(
            StrategicLine, code=line.code, title=line.title, description=line.description
        )
        objective_ids.append(
            [
                demo.add(
                    StrategicObjective,
                    line_id=line_id,
                    title=title,
                    domain=domain,
                    year=demo.rng.randint(first_year, demo.today.year),
                )
                for title, domain in line.objectives
            ]
        )
    return objective_ids


def write_periods(demo: Demo) -> dict[int, str]:
    """Calendar years: the last six, measured, and the current one, targeted."""
    periods: dict[int, str] = {}
    for year in range(demo.today.year - YEARS_MEASURED, demo.today.year + 1):
        periods[year] = demo.add(
            Period,
            label=str(year),
            start_date=date(year, 1, 1),
            end_date=date(year, 12, 31),
            closed=year < demo.today.year,
        )
    return periods


def write_indicators(
    demo: Demo,
    specs: Sequence[IndicatorSpec],
    objectives: list[list[str]],
    periods: dict[int, str],
) -> list[WrittenIndicator]:
    """Indicators with their scale, SDGs and one target per period."""
    written: list[WrittenIndicator] = []
    baseline_year = min(periods) - 1
    for spec in specs:
        objective_id = None
        if spec.objective is not None:
            line, index = spec.objective
            objective_id = objectives[line][index]
        indicator_id = demo.add(
            Indicator,
            code=spec.code,
            name=spec.name,
            description=spec.description,
            dimension=spec.dimension,
            measure=spec.measure,
            unit=spec.unit,
            direction=spec.direction,
            cumulative=spec.cumulative,
            baseline_value=None if spec.measure == "text" else _round(spec, spec.start),
            baseline_year=None if spec.measure == "text" else baseline_year,
            formula=spec.formula,
            per_local_entity=spec.per_local_entity,
            objective_id=objective_id,
            source=spec.source,
        )
        for level, label in enumerate(spec.levels, start=1):
            demo.add(ScaleLevel, indicator_id=indicator_id, level=level, label=label)
        for sdg in spec.sdgs:
            demo.add(IndicatorSdg, indicator_id=indicator_id, sdg=sdg)
        if spec.measure != "text":
            for year, period_id in periods.items():
                demo.add(
                    IndicatorTarget,
                    indicator_id=indicator_id,
                    period_id=period_id,
                    value=_target(spec, year - baseline_year),
                )
        written.append(WrittenIndicator(indicator_id, spec))
    demo.indicator_ids.extend(w.id for w in written if w.spec.formula is None)
    return written


def _round(spec: IndicatorSpec, value: float) -> float:
    if spec.unit == "%":
        value = min(100.0, value)
    value = max(0.0, value)
    return round(value, spec.decimals) if spec.decimals else float(round(value))


def _level(spec: IndicatorSpec, value: float) -> int:
    return max(1, min(len(spec.levels), round(value)))


def _trend(spec: IndicatorSpec, step: int) -> float:
    if spec.measure == "qualitative":
        return spec.start + step / 2.2
    return spec.start * (1 + spec.growth) ** step


def _target(spec: IndicatorSpec, step: int) -> float:
    if spec.measure == "qualitative":
        return float(_level(spec, spec.start + (step + 1) / 2))
    ambition = 1.2 if spec.growth >= 0 else 1.3
    return _round(spec, spec.start * (1 + spec.growth * ambition) ** step)


def write_measurements(
    demo: Demo,
    indicators: Sequence[WrittenIndicator],
    periods: dict[int, str],
    entities: Sequence[EntityRef] = (),
) -> int:
    """Six years of measurements of every measured indicator.

    Indicators ``per_local_entity`` are measured once per entity in ``entities``, scaled by
    each entity's weight (Belo Horizonte attracts more investment than Acaiaca).
    """
    rng, texts, today = demo.rng, demo.texts, demo.today
    baseline_year = min(periods) - 1
    written = 0
    for indicator in indicators:
        spec = indicator.spec
        if spec.formula is not None:
            continue
        targets: Sequence[EntityRef | None] = entities if spec.per_local_entity else (None,)
        for entity in targets:
            scale = _entity_scale(entity)
            for year in range(today.year - YEARS_MEASURED, today.year):
                step = year - baseline_year
                raw = _trend(spec, step) * rng.gauss(1.0, spec.noise)
                if spec.pandemic_dip:
                    raw *= _PANDEMIC.get(year, 1.0)
                value, level, text = None, None, None
                if spec.measure == "quantitative":
                    value = _round(spec, raw * scale)
                elif spec.measure == "qualitative":
                    shift = math.log(scale) / 2 if entity is not None else 0.0
                    level = _level(spec, raw + shift)
                else:
                    text = spec.evidence[(year - baseline_year - 1) % len(spec.evidence)]
                measured = date(year + 1, rng.randint(1, 3), rng.randint(1, 28))
                demo.add(
                    Measurement,
                    indicator_id=indicator.id,
                    period_id=periods[year],
                    local_entity_id=entity.id if entity is not None else None,
                    value=value,
                    scale_level=level,
                    text=text,
                    measured_on=min(measured, today),
                    source=spec.source,
                    evidence=texts.evidence_note.format(source=spec.source, year=year)
                    if entity is None or rng.chance(0.1)
                    else None,
                    comment=rng.choice(texts.measurement_comment)
                    if entity is None and rng.chance(0.2)
                    else None,
                )
                written += 1
    return written


def _entity_scale(entity: EntityRef | None) -> float:
    if entity is None:
        return 1.0
    return max(0.05, entity.weight)
