"""How values look to the user in the current language: countries, dates, money, codes.

Babel (CLDR) gives country names and number and date formats in every language, so the
screen, the reports and the exports agree.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from functools import cache, lru_cache
from typing import Any

from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.lists import format_list
from babel.numbers import format_currency, format_decimal

from intl_desk.core.folding import fold
from intl_desk.core.i18n import LOCALE_NAMES, N_, Message, current_language


@cache
def locale_for(language: str) -> Locale:
    return Locale.parse(LOCALE_NAMES.get(language, "en_GB"))


def country_name(code: str | None, language: str | None = None) -> str:
    """The country ``code`` names, in ``language`` (the current one by default); an
    unknown code as it is."""
    if not code:
        return ""
    return str(country_names(language).get(code.upper(), code))


def country_names(language: str | None = None) -> Mapping[str, str]:
    """Every country's name by ISO code, for naming many at once (what
    :func:`country_name` reads)."""
    return locale_for(language or current_language()).territories


def date_text(value: date | datetime | None, language: str | None = None) -> str:
    """A date as every screen and report shows it; one known only to the year or month
    (a :class:`~intl_desk.core.date_precision.PreciseDate`) as "2011" or "July 2003"."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    precision = getattr(value, "precision", "day")
    if precision == "year":
        return str(value.year)
    if precision == "month":
        locale = locale_for(language or current_language())
        return str(format_skeleton("yMMMM", value, locale=locale))
    return _day_text(value.toordinal(), language or current_language())


@lru_cache(maxsize=8192)
def _day_text(day: int, language: str) -> str:
    """A day as text (Babel's formatting, ≈50 µs): Today's 2,900 renewals of a state and
    its reports' lists repeat the same few hundred days."""
    return str(format_date(date.fromordinal(day), format="medium", locale=locale_for(language)))


def number_text(value: float | int | Decimal | None, language: str | None = None) -> str:
    if value is None:
        return ""
    if type(value) is int:  # counts: a state's appendix formats thousands, mostly the same
        return _integer_text(value, language or current_language())
    return format_decimal(value, locale=locale_for(language or current_language()))


def tenths_text(value: float | Decimal, language: str | None = None) -> str:
    """A figure known to a tenth, its decimal always written (“15,135.0”, “15.135,0”): in a
    column, “15,135” beside “16,087.2” reads as a figure of another precision."""
    locale = locale_for(language or current_language())
    return str(format_decimal(value, format="#,##0.0", locale=locale))


@lru_cache(maxsize=4096)
def _integer_text(value: int, language: str) -> str:
    return str(format_decimal(value, locale=locale_for(language)))


def money_text(value: Any, currency: str = "EUR", language: str | None = None) -> str:
    if value is None:
        return ""
    return format_currency(
        Decimal(str(value)),
        currency,
        locale=locale_for(language or current_language()),
        format_type="standard",
        decimal_quantization=False,
    )


def sort_key(text: str) -> tuple[str, str]:
    """A language-neutral sort key that puts Écosse near Ecuador, not after Zambie."""
    return fold(text), text


def labelled(label: str, value: str) -> str:
    """``label: value`` written the language's way (French puts a space before the colon)."""
    return Message(N_("{label}: {value}"), {"label": label, "value": value}).render()


def list_text(items: Sequence[str], language: str | None = None) -> str:
    """“a, b and c” in the language's way (“a, b et c”, “a, b y c”, “a, b e c”)."""
    if not items:
        return ""
    return str(format_list(list(items), locale=locale_for(language or current_language())))


def first_few(items: Sequence[str], limit: int, separator: str = ", ") -> str:
    """The first ``limit`` of ``items`` joined, then "and N more": a message naming 3,000
    columns or titles one by one is not read."""
    shown = separator.join(items[:limit])
    if len(items) > limit:
        count = number_text(len(items) - limit)  # "2,988", "2 988": the language's own way
        more = Message(N_("and {count} more"), {"count": count}).render()
        shown = f"{shown}{separator}{more}"
    return shown
