"""Each target-status rule of intl_desk.core.evaluation.status, in both directions."""

from __future__ import annotations

from datetime import date

import pytest

from intl_desk.core.evaluation.status import (
    NO_TARGET,
    NO_VALUE,
    NOT_STARTED,
    Status,
    cumulative_total,
    expected_today,
    judge,
    line_start,
    overall_status,
)

YEAR_START, YEAR_END = date(2026, 1, 1), date(2026, 12, 31)
MID_YEAR = date(2026, 7, 2)  # 182 of 364 days after 1 January: half way
BASELINE = (YEAR_START, 10.0)  # the line starts at 10 on the first day


def status(
    value: float | None,
    target: float | None,
    *,
    higher: bool = True,
    today: date = MID_YEAR,
    closed: bool = False,
    start: tuple[date, float] = BASELINE,
) -> Status:
    return judge(
        value,
        target,
        higher_is_better=higher,
        period_start=YEAR_START,
        period_end=YEAR_END,
        closed=closed,
        today=today,
        start=start,
    ).status


@pytest.mark.parametrize(
    ("higher", "value", "target"),
    [(True, 20, 20), (True, 25, 20), (False, 5, 5), (False, 3, 5)],
)
def test_a_target_met_is_achieved_in_open_and_closed_periods(
    higher: bool, value: float, target: float
) -> None:
    assert status(value, target, higher=higher) is Status.ACHIEVED
    assert status(value, target, higher=higher, closed=True) is Status.ACHIEVED
    assert status(value, target, higher=higher, today=date(2027, 3, 1)) is Status.ACHIEVED


@pytest.mark.parametrize(("higher", "value", "target"), [(True, 19, 20), (False, 6, 5)])
def test_a_closed_or_ended_period_short_of_its_target_is_behind(
    higher: bool, value: float, target: float
) -> None:
    assert status(value, target, higher=higher, closed=True) is Status.BEHIND
    assert status(value, target, higher=higher, today=date(2027, 1, 15)) is Status.BEHIND


def test_higher_is_better_open_period_is_judged_by_the_straight_line() -> None:
    # from 10 on 1 January to 30 on 31 December: 20 half way through
    assert expected_today(BASELINE, 30, YEAR_END, MID_YEAR) == pytest.approx(20.0)
    assert status(20, 30) is Status.ON_TRACK
    assert status(21, 30) is Status.ON_TRACK
    assert status(19, 30) is Status.BEHIND
    assert status(19, 30, today=date(2026, 3, 1)) is Status.ON_TRACK  # early in the year


def test_lower_is_better_open_period_is_judged_by_the_straight_line() -> None:
    start = (YEAR_START, 40.0)  # 40 days to answer, aiming at 20: 30 half way
    assert status(30, 20, higher=False, start=start) is Status.ON_TRACK
    assert status(25, 20, higher=False, start=start) is Status.ON_TRACK
    assert status(31, 20, higher=False, start=start) is Status.BEHIND
    assert status(31, 20, higher=False, start=start, closed=True) is Status.BEHIND


def test_the_expected_value_is_reported_for_open_periods_only() -> None:
    def expected(closed: bool) -> float | None:
        return judge(
            19,
            30,
            higher_is_better=True,
            period_start=YEAR_START,
            period_end=YEAR_END,
            closed=closed,
            today=MID_YEAR,
            start=BASELINE,
        ).expected

    assert expected(False) == pytest.approx(20.0)
    assert expected(True) is None


@pytest.mark.parametrize("higher", [True, False])
def test_missing_value_target_or_start_gives_no_data_with_its_reason(higher: bool) -> None:
    def reason(value: float | None, target: float | None, today: date = MID_YEAR) -> str | None:
        judgement = judge(
            value,
            target,
            higher_is_better=higher,
            period_start=YEAR_START,
            period_end=YEAR_END,
            closed=False,
            today=today,
            start=BASELINE,
        )
        assert judgement.status is Status.NO_DATA
        return judgement.reason

    assert reason(None, 20) == NO_VALUE
    assert reason(15, None) == NO_TARGET
    assert reason(15, 20, today=date(2025, 11, 30)) == NOT_STARTED


def test_the_line_starts_at_the_baseline_or_at_zero() -> None:
    assert line_start(12, 2019, YEAR_START, counted_within_period=False) == (
        date(2019, 12, 31),
        12.0,
    )
    # counts that restart each period start from 0 whatever the baseline
    assert line_start(12, 2019, YEAR_START, counted_within_period=True) == (YEAR_START, 0.0)
    assert line_start(None, 2019, YEAR_START, counted_within_period=False) == (YEAR_START, 0.0)
    assert line_start(12, None, YEAR_START, counted_within_period=False) == (YEAR_START, 0.0)
    assert line_start(12, 2026, YEAR_START, counted_within_period=False) == (YEAR_START, 0.0)


def test_a_count_restarting_each_period_is_on_track_half_way_with_half_the_target() -> None:
    start = line_start(40, 2019, YEAR_START, counted_within_period=True)
    assert status(5, 10, start=start) is Status.ON_TRACK
    assert status(4, 10, start=start) is Status.BEHIND


def test_cumulative_totals_add_the_periods_to_the_baseline() -> None:
    assert cumulative_total(10, [3, None, 4], 5) == 22.0
    assert cumulative_total(None, [3, 4], 5) == 12.0
    assert cumulative_total(10, [3, 4], None) is None  # this period's own value is missing


@pytest.mark.parametrize(
    ("higher", "own", "expected"),
    [
        (True, 6, Status.ACHIEVED),
        (True, 2, Status.BEHIND),
        (False, 1, Status.ACHIEVED),
        (False, 6, Status.BEHIND),
    ],
)
def test_cumulative_totals_are_judged_against_the_target_to_date(
    higher: bool, own: float, expected: Status
) -> None:
    total = cumulative_total(0, [4, 4], own)  # targets of cumulative indicators are totals
    assert status(total, 12 if higher else 9, higher=higher, closed=True) is expected


def test_the_overall_status_of_entities_is_the_median_entity() -> None:
    A, T, B, N = Status.ACHIEVED, Status.ON_TRACK, Status.BEHIND, Status.NO_DATA
    assert overall_status([A, A, B]) is A
    assert overall_status([A, B, B]) is B
    assert overall_status([A, T, B]) is T
    assert overall_status([A, B]) is B  # even count: the lower middle
    assert overall_status([A, N, N, N]) is A  # entities without data are left out
    assert overall_status([N, N]) is N
    assert overall_status([]) is N
