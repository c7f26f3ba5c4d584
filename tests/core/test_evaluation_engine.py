"""Indicators judged through the engine: computed, cumulative, per entity, scales, text."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from evaluation_office import TODAY, Written, add_indicator, build_office_file, measure
from sqlalchemy import event

from intl_desk.core.evaluation import Evaluation, Status
from intl_desk.core.evaluation.status import NO_TARGET, NO_VALUE, NOT_STARTED
from intl_desk.store.office_file import OfficeFile


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Written]:
    """The records written once; each test works on its own copy of the closed file."""
    path = tmp_path_factory.mktemp("engine") / "template.sqlite"
    written = build_office_file(path)
    return path, written


@pytest.fixture
def records(template: tuple[Path, Written], tmp_path: Path) -> Iterator[tuple[Any, Written]]:
    copy = tmp_path / "office.sqlite"
    shutil.copyfile(template[0], copy)
    with OfficeFile.open(copy) as office, office.session() as session:
        yield session, template[1]


def judged(session: Any, indicator_id: str, year: int, entity: str | None = None) -> Any:
    evaluation = Evaluation(session, TODAY)
    period = evaluation.period_for_year(year)
    assert period is not None
    indicator = next(i for i in evaluation.indicators if i.id == indicator_id)
    return evaluation.assess(indicator, period, entity)


def test_a_computed_indicator_takes_its_value_from_the_records(
    records: tuple[Any, Written],
) -> None:
    session, written = records
    signed = add_indicator(
        session,
        written,
        {2025: 2, 2024: 3},
        code="POL-01",
        formula="agreements_signed",
        baseline_value=1,
        baseline_year=2018,
    )
    assert (judged(session, signed, 2025).value, judged(session, signed, 2025).status) == (
        2.0,
        Status.ACHIEVED,
    )
    behind = judged(session, signed, 2024)  # one signed in 2024 (a7), three wanted
    assert (behind.value, behind.status) == (1.0, Status.BEHIND)
    no_target = judged(session, signed, 2023)
    assert (no_target.status, no_target.reason) == (Status.NO_DATA, NO_TARGET)


def test_an_open_period_counts_within_the_period_from_zero(records: tuple[Any, Written]) -> None:
    session, written = records
    # nothing signed in 2026 yet; half way through the year
    signed = add_indicator(
        session,
        written,
        {2026: 4},
        formula="agreements_signed",
        baseline_value=40,
        baseline_year=2018,
    )
    open_period = judged(session, signed, 2026)
    assert open_period.value == 0.0
    assert open_period.expected == pytest.approx(2.0, abs=0.05)  # half of 4, not of 40 → 4
    assert open_period.status is Status.BEHIND
    # a level (agreements active) on the line from its baseline: 2 at the end of 2025 → 5
    active = add_indicator(
        session,
        written,
        {2026: 5, 2027: 6},
        formula="agreements_active",
        baseline_value=2,
        baseline_year=2025,
    )
    level = judged(session, active, 2026)
    # the period runs: active today, as the overview counts — a1, a2 and a7 (a5 was
    # terminated, a4 is a draft, a6 deleted)
    assert level.value == 3.0
    assert level.expected == pytest.approx(2 + 3 * 183 / 365)
    assert level.status is Status.BEHIND
    later = judged(session, active, 2027)
    assert (later.status, later.reason) == (Status.NO_DATA, NOT_STARTED)


@pytest.mark.parametrize(
    ("direction", "values", "target", "expected"),
    [
        ("increase", {2023: 3, 2024: 4, 2025: 5}, 22, Status.ACHIEVED),  # 10 + 3 + 4 + 5
        ("increase", {2023: 3, 2024: 4, 2025: 4}, 22, Status.BEHIND),
        ("decrease", {2023: -3, 2024: -4, 2025: -5}, -2, Status.ACHIEVED),  # 10 - 12
        ("decrease", {2023: -3, 2024: -4, 2025: -1}, -2, Status.BEHIND),
    ],
)
def test_a_cumulative_indicator_adds_its_periods_to_the_baseline(
    records: tuple[Any, Written],
    direction: str,
    values: dict[int, float],
    target: float,
    expected: Status,
) -> None:
    session, written = records
    indicator = add_indicator(
        session,
        written,
        {2025: target},
        cumulative=True,
        baseline_value=10,
        baseline_year=2022,
        direction=direction,
    )
    for year, value in values.items():
        measure(session, written, indicator, year, value)
    measure(session, written, indicator, 2022, 100)  # the baseline year itself never adds
    result = judged(session, indicator, 2025)
    assert result.value == 10 + sum(values.values())
    assert result.period_value == values[2025]
    assert result.status is expected


def test_a_cumulative_total_without_this_periods_value_is_no_data(
    records: tuple[Any, Written],
) -> None:
    session, written = records
    indicator = add_indicator(
        session, written, {2025: 5}, cumulative=True, baseline_value=1, baseline_year=2022
    )
    measure(session, written, indicator, 2024, 9)
    result = judged(session, indicator, 2025)
    assert (result.value, result.status, result.reason) == (None, Status.NO_DATA, NO_VALUE)


def test_per_entity_indicators_are_judged_per_entity_then_by_the_median(
    records: tuple[Any, Written],
) -> None:
    session, written = records
    indicator = add_indicator(
        session, written, {2025: 10}, per_local_entity=True, dimension="territorial"
    )
    measure(session, written, indicator, 2025, 12, entity="m1")  # achieved
    measure(session, written, indicator, 2025, 4, entity="m2")  # behind
    measure(session, written, indicator, 2025, 11, entity="region")  # achieved
    overall = judged(session, indicator, 2025)
    assert dict(overall.entity_statuses) == {Status.ACHIEVED: 2, Status.BEHIND: 1}
    assert overall.status is Status.ACHIEVED
    assert overall.value == 11  # the median entity's value
    one = judged(session, indicator, 2025, written.entities["m2"])
    assert (one.value, one.target, one.status) == (4, 10, Status.BEHIND)
    # a region is judged by the entities under it: the region's own value does not count
    region = judged(session, indicator, 2025, written.entities["region"])
    assert (region.value, region.status) == (12, Status.ACHIEVED)  # Tiradentes alone
    whole = judged(session, indicator, 2025, written.entities["gov"])
    assert dict(whole.entity_statuses) == {Status.ACHIEVED: 2, Status.BEHIND: 1}


def test_an_entity_target_overrides_the_target_for_every_entity(
    records: tuple[Any, Written],
) -> None:
    from intl_desk.core import model as m

    session, written = records
    indicator = add_indicator(session, written, {2025: 10}, per_local_entity=True)
    session.add(
        m.IndicatorTarget(
            indicator_id=indicator,
            period_id=written.periods[2025],
            local_entity_id=written.entities["m2"],
            value=3,
        )
    )
    measure(session, written, indicator, 2025, 4, entity="m2")
    assert judged(session, indicator, 2025, written.entities["m2"]).status is Status.ACHIEVED


@pytest.mark.parametrize(
    ("direction", "level", "expected"),
    [
        ("increase", 4, Status.ACHIEVED),
        ("increase", 2, Status.BEHIND),
        ("decrease", 2, Status.ACHIEVED),
        ("decrease", 4, Status.BEHIND),
    ],
)
def test_qualitative_indicators_compare_scale_levels(
    records: tuple[Any, Written], direction: str, level: int, expected: Status
) -> None:
    from intl_desk.core import model as m

    session, written = records
    indicator = add_indicator(
        session,
        written,
        {2025: 3},
        measure="qualitative",
        direction=direction,
        dimension="institutional",
    )
    for number, label in enumerate(("Aucune", "Ponctuelle", "Écrite", "Budgétée"), start=1):
        session.add(m.ScaleLevel(indicator_id=indicator, level=number, label=label))
    measure(session, written, indicator, 2025, None, scale_level=level, evidence="Délibération")
    result = judged(session, indicator, 2025)
    assert (result.value, result.status) == (level, expected)
    assert (
        result.indicator.level_label(result.value)
        == ("Aucune", "Ponctuelle", "Écrite", "Budgétée")[level - 1]
    )
    assert result.measurement.evidence == "Délibération"


def test_text_indicators_carry_their_text_and_no_status(records: tuple[Any, Written]) -> None:
    session, written = records
    indicator = add_indicator(session, written, measure="text")
    measure(session, written, indicator, 2025, text="Motion adoptée à Córdoba", evidence="PV")
    result = judged(session, indicator, 2025)
    assert (result.status, result.measurement.text) == (None, "Motion adoptée à Córdoba")
    assert judged(session, indicator, 2024).reason == NO_VALUE


def test_an_entity_sees_its_computed_figures_and_its_own_indicators(
    records: tuple[Any, Written],
) -> None:
    session, written = records
    add_indicator(session, written, {2025: 1}, code="A", formula="agreements_signed")
    add_indicator(session, written, {2025: 1}, code="B")  # office-wide, measured
    add_indicator(session, written, {2025: 1}, code="C", per_local_entity=True)
    evaluation = Evaluation(session, TODAY)
    period = evaluation.period_for_year(2025)
    assert period is not None
    seen = {
        a.indicator.code: a for a in evaluation.assess_period(period, written.entities["region"])
    }
    assert sorted(seen) == ["A", "C"]
    assert seen["A"].value == 1  # Tiradentes (under the region) and Łódź, March 2025


def test_a_broken_filter_is_reported_on_the_indicator_not_raised(
    records: tuple[Any, Written],
) -> None:
    session, written = records
    indicator = add_indicator(
        session, written, {2025: 1}, formula="agreements_signed", formula_filter="colour=blue"
    )
    result = judged(session, indicator, 2025)
    assert result.status is Status.NO_DATA
    assert "colour" in (result.error or "")


def test_an_empty_office_has_nothing_to_judge(office: OfficeFile) -> None:
    with office.session() as session:
        evaluation = Evaluation(session, TODAY)
        assert evaluation.periods == [] and evaluation.indicators == []
        assert evaluation.current_period() is None and evaluation.period_for_year(2025) is None


def test_indicators_of_one_formula_agree_and_their_filters_keep_them_apart(
    records: tuple[Any, Written],
) -> None:
    """The engine reads a formula's figure once per period for every indicator using it
    (a state has several), so the filter must stay part of what is shared."""
    session, written = records
    every = add_indicator(session, written, {2025: 2}, code="A", formula="agreements_signed")
    again = add_indicator(session, written, {2025: 2}, code="B", formula="agreements_signed")
    memoranda = add_indicator(
        session,
        written,
        {2025: 2},
        code="C",
        formula="agreements_signed",
        formula_filter="type=mou",
    )
    evaluation = Evaluation(session, TODAY)
    period = evaluation.period_for_year(2025)
    assert period is not None
    by_id = {indicator.id: indicator for indicator in evaluation.indicators}
    values = [evaluation.assess(by_id[i], period).value for i in (every, again, memoranda)]
    assert values[0] == values[1] == 2.0
    assert values[2] == 0.0  # both signed in 2025 are twinnings


def test_a_period_read_alone_holds_the_office_and_every_entity(
    records: tuple[Any, Written],
) -> None:
    """The overview reads only the period it judges (the entities' and the office's
    rows apart, each through its own index): the same values as the whole read."""
    session, written = records
    indicator_id = add_indicator(session, written, {2025: 10}, per_local_entity=True)
    measure(session, written, indicator_id, 2025, 12, entity="m1", comment="Relatório anual")
    measure(session, written, indicator_id, 2025, 4, entity="m2")
    measure(session, written, indicator_id, 2025, 9)  # the office's own figure
    measure(session, written, indicator_id, 2024, 7, entity="m1")
    alone = Evaluation(session, TODAY, period_at_a_time=True)
    whole = Evaluation(session, TODAY)
    indicator = next(i for i in alone.indicators if i.id == indicator_id)
    for year in (2024, 2025):
        period = alone.period_for_year(year)
        assert period is not None
        read = alone.measured_in(indicator, period)
        assert read == whole.measurements(indicator).get(period.id, {})
    period_2025 = alone.period_for_year(2025)
    assert period_2025 is not None
    values = {
        entity: measured.value
        for entity, measured in alone.measured_in(indicator, period_2025).items()
    }
    assert values == {written.entities["m1"]: 12, written.entities["m2"]: 4, None: 9}


def test_municipalities_are_judged_from_their_values_alone(
    records: tuple[Any, Written],
) -> None:
    """A state's trend judges its 853 municipalities in every period: the engine reads
    their values, not the texts and comments of 50,000 measurements; the earlier plan's
    figures still fill the periods, the indicator's own winning where both have one."""
    session, written = records
    earlier = add_indicator(session, written, {2024: 10}, per_local_entity=True, code="T-1")
    later = add_indicator(
        session, written, {2024: 10, 2025: 10}, per_local_entity=True, continues_id=earlier
    )
    measure(session, written, earlier, 2024, 12, entity="m1", comment="Relatório de 2024")
    measure(session, written, earlier, 2024, 4, entity="m2", evidence="Ata da câmara")
    measure(session, written, earlier, 2025, 1, entity="m1")  # the new plan's figure wins
    measure(session, written, later, 2025, 11, entity="m1", comment="Relatório de 2025")
    measure(session, written, later, 2025, 3, entity="m2")
    measure(session, written, later, 2025, 20)  # the office's own: no municipality's
    statements: list[str] = []

    def seen(*args: Any) -> None:
        statements.append(args[2])

    bind = session.get_bind()
    event.listen(bind, "before_cursor_execute", seen)
    try:
        trends = [_trend(Evaluation(session, TODAY, period_at_a_time=alone), later)
                  for alone in (False, True)]  # fmt: skip
    finally:
        event.remove(bind, "before_cursor_execute", seen)
    assert not [s for s in statements if "measurement.comment" in s]
    whole = Evaluation(session, TODAY)  # each municipality judged alone, texts read
    indicator = next(i for i in whole.indicators if i.id == later)
    by_hand = []
    for year, values in ((2024, (4, 12)), (2025, (3, 11))):
        period = whole.period_for_year(year)
        assert period is not None
        counts: dict[Status, int] = {}
        for entity, value in zip(("m2", "m1"), values, strict=True):
            one = whole.assess(indicator, period, written.entities[entity])
            assert one.value == value
            assert one.status is not None
            counts[one.status] = counts.get(one.status, 0) + 1
        by_hand.append((values[0], counts))  # the median of two is the lower one
    assert trends == [by_hand, by_hand]


def _trend(evaluation: Evaluation, indicator_id: str) -> list[tuple[Any, dict[Status, int]]]:
    indicator = next(i for i in evaluation.indicators if i.id == indicator_id)
    trend = []
    for year in (2024, 2025):
        period = evaluation.period_for_year(year)
        assert period is not None
        judged = evaluation.assess(indicator, period)
        trend.append((judged.value, dict(judged.entity_statuses)))
    return trend


def test_municipalities_are_judged_against_the_earlier_plans_targets(
    records: tuple[Any, Written],
) -> None:
    """A new plan's indicator carries on the earlier plan's: in the earlier plan's years
    the municipalities are judged against the targets that plan set, as the office's
    target shown beside them is, not left without a target."""
    session, written = records
    earlier = add_indicator(session, written, {2024: 10}, per_local_entity=True, code="T-1")
    later = add_indicator(
        session, written, {2025: 10}, per_local_entity=True, code="T-2", continues_id=earlier
    )
    measure(session, written, earlier, 2024, 12, entity="m1")
    measure(session, written, earlier, 2024, 4, entity="m2")
    trend = _trend(Evaluation(session, TODAY), later)
    assert trend[0] == (4, {Status.ACHIEVED: 1, Status.BEHIND: 1})  # was 2 without a target
    judged_2024 = judged(session, later, 2024)
    assert (judged_2024.target, judged_2024.status) == (10, Status.BEHIND)
