"""Dates as offices write them in their registers.

ISO (2018-07-05), day-first numbers (05/07/2018, 5.7.18 — offices in France, Spain,
Portugal and Latin America write the day first; a file in English may be month-first),
spelled out in French, Spanish, Portuguese or English ("5 juillet 2018", "5 de julio de
2018", "1er mars 2019", "July 5, 2018"), a month and year ("juillet 2018"), Excel serial
numbers, and a bare year (2018). A date that does not exist (31/02/2019) is an error,
never a guess; a date known only to the month or year comes back with its precision so
the import can warn that the day was assumed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from typing import Literal

from babel import Locale

from intl_desk.core.folding import fold
from intl_desk.core.i18n import N_, SUPPORTED_LANGUAGES, Message

Precision = Literal["day", "month", "year"]

EXCEL_EPOCH = date(1899, 12, 30)  # Excel's day 0 (its 1900 leap-year bug included)
#: serial numbers taken as dates: 1950-01-01 … 2100-12-31 (smaller numbers are years or ids)
SERIAL_RANGE = (18264, 73415)
YEAR_RANGE = (1900, 2200)


class DateUnreadable(ValueError):
    """``message`` says why, in the user's language when rendered."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.msgid)
        self.message = message


@dataclass(frozen=True)
class DateReading:
    value: date
    precision: Precision = "day"


@cache
def _month_names() -> dict[str, int]:
    """Folded month names and abbreviations in the four languages → month number."""
    names: dict[str, int] = {}
    for language in SUPPORTED_LANGUAGES:
        locale = Locale.parse(language)
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in locale.months[context][width].items():
                    names[fold(str(name)).rstrip(".")] = int(number)
    names.update({"sept": 9, "set": 9, "fevr": 2, "juil": 7, "ene": 1, "dic": 12})
    return names


_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?")
_NUMERIC = re.compile(r"(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{1,4})")
_YEAR = re.compile(r"(\d{4})")
_MONTH_YEAR_NUMERIC = re.compile(r"(\d{1,2})[/.\-](\d{4})")
_WORD = re.compile(r"[^\W\d_]+\.?")
_NUMBER = re.compile(r"\d+")
_ORDINAL = re.compile(r"(\d+)(?:er|re|e|º|°|ª|o|st|nd|rd|th)\b")
_FILLER = {"de", "del", "of", "le", "el", "the", "em", "en", "do", "da"}


def _make(year: int, month: int, day: int, original: str) -> date:
    if year < 100:  # two-digit years: 00–49 → 2000s, 50–99 → 1900s
        year += 2000 if year < 50 else 1900
    if not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
        raise DateUnreadable(
            Message(N_("“{value}” is not a year between 1900 and 2200."), {"value": original})
        )
    try:
        return date(year, month, day)
    except ValueError:
        raise DateUnreadable(
            Message(N_("“{value}” is not a date that exists."), {"value": original})
        ) from None


def _from_serial(number: float, original: str) -> DateReading:
    if number == int(number) and YEAR_RANGE[0] <= number <= YEAR_RANGE[1]:
        return DateReading(date(int(number), 1, 1), "year")
    if SERIAL_RANGE[0] <= number <= SERIAL_RANGE[1]:
        return DateReading(EXCEL_EPOCH + timedelta(days=int(number)))
    raise DateUnreadable(Message(N_("“{value}” is not a date."), {"value": original}))


def _spelled(text: str, original: str) -> DateReading | None:
    folded = _ORDINAL.sub(r"\1", fold(text))
    words = [word.rstrip(".") for word in _WORD.findall(folded)]
    months = [_month_names()[word] for word in words if word in _month_names()]
    others = [w for w in words if w not in _month_names() and w not in _FILLER]
    if len(months) != 1 or others:
        return None
    numbers = [int(number) for number in _NUMBER.findall(folded)]
    years = [number for number in numbers if number >= 100]
    days = [number for number in numbers if number < 100]
    if len(years) == 1 and len(days) == 1:
        return DateReading(_make(years[0], months[0], days[0], original))
    if len(years) == 1 and not days:
        return DateReading(_make(years[0], months[0], 1, original), "month")
    if not years and len(days) == 2:  # "5 juillet 18"
        return DateReading(_make(days[1], months[0], days[0], original))
    return None


def read_date(value: object, *, day_first: bool = True) -> DateReading | None:
    """The date ``value`` holds (None for an empty cell); raises :class:`DateUnreadable`.

    ``day_first`` decides 05/07/2018 (5 July when True); when one of the two numbers is
    above 12 the order is clear whatever it says.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return DateReading(value.date())
    if isinstance(value, date):
        return DateReading(value)
    if isinstance(value, bool):
        raise DateUnreadable(Message(N_("“{value}” is not a date."), {"value": value}))
    if isinstance(value, int | float):
        return _from_serial(float(value), str(value))
    text = " ".join(str(value).split())
    if not text:
        return None
    if match := _ISO.fullmatch(text):
        year, month, day = (int(part) for part in match.groups())
        return DateReading(_make(year, month, day, text))
    if match := _NUMERIC.fullmatch(text):
        first, second, third = (int(part) for part in match.groups())
        if len(match.group(1)) == 4:  # 2018/07/05
            return DateReading(_make(first, second, third, text))
        day, month = (first, second) if day_first else (second, first)
        if month > 12 >= day:
            day, month = month, day
        return DateReading(_make(third, month, day, text))
    if match := _MONTH_YEAR_NUMERIC.fullmatch(text):
        return DateReading(_make(int(match.group(2)), int(match.group(1)), 1, text), "month")
    if _YEAR.fullmatch(text):
        return DateReading(_make(int(text), 1, 1, text), "year")
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return _from_serial(float(text), text)
    reading = _spelled(text, text)
    if reading is None:
        raise DateUnreadable(Message(N_("“{value}” is not a date."), {"value": text}))
    return reading
