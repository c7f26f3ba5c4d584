"""Dates known only to the year or the month, as registers give them.

An office's register says an agreement was signed in "2011" or "juillet 2003" and runs to
"2024". The date columns hold a whole day so that every computation (active, expiring,
periods) stays plain SQL: a start is the first day of its year or month, an end the last
day ("2024" runs to 31 December 2024, never stops on 1 January). A companion column
``<date>_precision`` says how much of that day the office knew — ``day``, ``month`` or
``year`` — so that forms, lists, reports and exports show the date as it was entered:
"2011", "July 2003", never an invented 1 January.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import cache
from typing import Literal, TypeVar, cast

from intl_desk.core.display import date_text

Precision = Literal["day", "month", "year"]
T = TypeVar("T")
PRECISIONS: tuple[Precision, ...] = ("day", "month", "year")

#: per table, the dates a register can give as a year or a month alone
PRECISE_DATES: dict[str, tuple[str, ...]] = {
    "agreement": ("date_signed", "date_in_force", "date_expires"),
    "project": ("planned_start", "planned_end", "actual_start", "actual_end"),
    "activity": ("start_date", "end_date"),
    "membership": ("since", "until"),
    "participation": ("start_date", "end_date"),
}
#: the dates that close a period: "2024" there means up to 31 December 2024
END_DATES = frozenset({"date_expires", "planned_end", "actual_end", "end_date", "until"})


@cache
def precision_key(field: str) -> str:
    """The column keeping how precisely ``field`` is known (one string per field however
    many rows an import reads)."""
    return f"{field}_precision"


def has_precision(table: str, field: str) -> bool:
    return field in PRECISE_DATES.get(table, ())


def as_precision(value: object) -> Precision:
    """A stored precision, "day" for anything else (a whole date is the usual case)."""
    if value == "month" or value == "year":
        return value
    return "day"


def end_of_period(day: date, precision: str) -> date:
    """The last day of the year or month ``day`` lies in (``day`` itself for a day)."""
    if precision == "year":
        return date(day.year, 12, 31)
    if precision == "month":
        following = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
        return following - timedelta(days=1)
    return day


def start_of_period(day: date, precision: str) -> date:
    """The first day of the year or month ``day`` lies in (``day`` itself for a day)."""
    if precision == "year":
        return date(day.year, 1, 1)
    if precision == "month":
        return date(day.year, day.month, 1)
    return day


def stored_day(day: date, precision: str, field: str) -> date:
    """The day kept for a date known to ``precision``: the period's last day for an end
    date, its first day for any other."""
    return end_of_period(day, precision) if field in END_DATES else start_of_period(day, precision)


class PreciseDate(date):
    """A date read from a list with the precision it was given: still a ``date`` for
    sorting and comparing, shown as "2011" or "July 2003". Arithmetic on it (a day less
    the reminder's lead time) gives a day."""

    precision: Precision = "day"

    def __new__(
        cls, year: int, month: int, day: int, precision: Precision = "day"
    ) -> PreciseDate:
        made = super().__new__(cls, year, month, day)
        made.precision = precision
        return made

    def __reduce__(self) -> tuple[type[PreciseDate], tuple[int, int, int, Precision]]:
        return (PreciseDate, (self.year, self.month, self.day, self.precision))


def with_precision(value: T, precision: object) -> T:
    """``value`` marked with its precision when it is a date known to the month or year
    (anything else as it is)."""
    shown = as_precision(precision)
    if shown == "day" or not isinstance(value, date) or isinstance(value, datetime):
        return value
    return cast(T, PreciseDate(value.year, value.month, value.day, shown))


def precision_of(value: object) -> Precision:
    """The precision a value read from a list carries ("day" for a plain date)."""
    return value.precision if isinstance(value, PreciseDate) else "day"


def precise_date_text(value: date | None, precision: object, language: str | None = None) -> str:
    """The date as the office gave it: "2011", "July 2003" (in the language), or the
    whole date as every screen shows one."""
    if value is None:
        return ""
    return date_text(with_precision(value, precision), language)


def typed_date_text(value: date | None, precision: object) -> str:
    """The date as a form field shows it for typing again: "2011", "07/2003", "05/07/2003"."""
    if value is None:
        return ""
    shown = as_precision(precision)
    if shown == "year":
        return str(value.year)
    if shown == "month":
        return value.strftime("%m/%Y")
    return value.strftime("%d/%m/%Y")


__all__ = [
    "END_DATES",
    "PRECISE_DATES",
    "PRECISIONS",
    "PreciseDate",
    "Precision",
    "as_precision",
    "end_of_period",
    "has_precision",
    "precise_date_text",
    "precision_key",
    "precision_of",
    "start_of_period",
    "stored_day",
    "typed_date_text",
    "with_precision",
]
