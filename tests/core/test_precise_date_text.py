"""A date known to the year or month reads as the office wrote it, in each language."""

from __future__ import annotations

from datetime import date

import pytest

from intl_desk.core.date_precision import (
    precise_date_text,
    stored_day,
    typed_date_text,
)


@pytest.mark.parametrize(
    ("language", "month", "day"),
    [
        ("en", "July 2003", "5 Jul 2003"),
        ("fr", "juillet 2003", "5 juil. 2003"),
        ("es", "julio de 2003", "5 jul 2003"),
        ("pt", "julho de 2003", "5 de jul. de 2003"),
    ],
)
def test_a_date_reads_with_the_precision_it_was_given(language: str, month: str, day: str) -> None:
    assert precise_date_text(date(2003, 7, 1), "year", language) == "2003"
    assert precise_date_text(date(2003, 7, 1), "month", language) == month
    assert precise_date_text(date(2003, 7, 5), "day", language) == day
    assert precise_date_text(None, "year", language) == ""


def test_an_end_runs_to_the_last_day_of_its_period_a_start_from_the_first() -> None:
    assert stored_day(date(2024, 6, 15), "year", "date_expires") == date(2024, 12, 31)
    assert stored_day(date(2024, 2, 10), "month", "planned_end") == date(2024, 2, 29)
    assert stored_day(date(2024, 12, 10), "month", "actual_end") == date(2024, 12, 31)
    assert stored_day(date(2024, 6, 15), "year", "date_signed") == date(2024, 1, 1)
    assert stored_day(date(2024, 6, 15), "month", "planned_start") == date(2024, 6, 1)
    assert stored_day(date(2024, 6, 15), "day", "date_expires") == date(2024, 6, 15)


def test_a_form_shows_the_date_the_way_it_can_be_typed_again() -> None:
    assert typed_date_text(date(2011, 1, 1), "year") == "2011"
    assert typed_date_text(date(2003, 7, 31), "month") == "07/2003"
    assert typed_date_text(date(2003, 7, 5), "day") == "05/07/2003"
