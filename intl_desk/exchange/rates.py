"""Exchange rates from a spreadsheet (csv or xlsx), such as a central bank's yearly
averages saved from its website.

The sheet has a column for the currency (an ISO 4217 code: XOF, USD…), one for the year
and one for the rate — what one unit of that currency was worth in the office's currency
that year — and optionally one for the source. Titles and blank lines above the column
titles and notes under the table are skipped; the column titles may be written in
English, French, Spanish or Portuguese; decimal commas are read as such. A row that
cannot be read refuses the whole file with the row and the reason: nothing is half
imported, and no rate is ever guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from intl_desk.core.errors import IntlDeskError
from intl_desk.core.folding import fold
from intl_desk.core.i18n import N_, Message
from intl_desk.exchange.numbers import AmbiguousNumber, decimal_mark, read_number
from intl_desk.exchange.reader import HEADER_SEARCH_ROWS, read_sheets

#: the words a column title may use, folded (accents and case ignored)
TITLES = {
    "currency": ("currency", "devise", "monnaie", "moneda", "divisa", "moeda", "code"),
    "year": ("year", "annee", "ano", "exercice", "ejercicio", "exercicio"),
    "rate": ("rate", "taux", "tasa", "taxa", "cours", "tipo de cambio", "cotacao", "valor"),
    "source": ("source", "fuente", "fonte"),
}
_CODE = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True)
class RateRow:
    currency: str
    year: int
    rate: Decimal
    source: str | None = None


class RatesUnreadable(IntlDeskError):
    """The sheet cannot give rates: ``message`` says where and why; nothing was imported."""


def _column(title: object) -> str | None:
    if not isinstance(title, str):
        return None
    words = fold(title)
    for field, names in TITLES.items():
        if any(words == name or words.startswith(name + " ") for name in names):
            return field
    return None


def _header(rows: list[list[Any]]) -> tuple[int, dict[str, int]] | None:
    for number, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        found: dict[str, int] = {}
        for position, cell in enumerate(row):
            field = _column(cell)
            if field is not None and field not in found:
                found[field] = position
        if {"currency", "year", "rate"} <= found.keys():
            return number, found
    return None


def _cell(row: list[Any], position: int | None) -> Any:
    if position is None or position >= len(row):
        return None
    value = row[position]
    return value.strip() if isinstance(value, str) else value


def _refuse(file: str, row: int, msgid: str, **params: Any) -> RatesUnreadable:
    return RatesUnreadable(
        Message(
            N_("“{file}”, row {row}: {problem} Nothing was imported."),
            {"file": file, "row": row, "problem": Message(msgid, params)},
        )
    )


def read_rates(path: Path | str, office_currency: str) -> list[RateRow]:
    """The rates written in the sheet at ``path`` (its first worksheet)."""
    target = Path(path)
    sheets = read_sheets(target)
    rows = sheets[0].rows if sheets else []
    header = _header(rows)
    if header is None:
        raise RatesUnreadable(
            Message(
                N_(
                    "“{file}” has no columns titled currency, year and rate: add those "
                    "titles above the rates (one unit of the currency in {office})."
                ),
                {"file": target.name, "office": office_currency},
            )
        )
    first, columns = header
    body = rows[first + 1 :]
    mark = decimal_mark([[_cell(row, columns["rate"]) for row in body]])
    found: dict[tuple[str, int], RateRow] = {}
    for offset, row in enumerate(body):
        line = first + offset + 2  # the spreadsheet's own row number
        code, year, rate = (_cell(row, columns[key]) for key in ("currency", "year", "rate"))
        if code in (None, "") and year in (None, "") and rate in (None, ""):
            continue  # a blank line
        if year in (None, "") and rate in (None, ""):
            break  # a note under the table
        currency = str(code or "").upper()
        if not _CODE.match(currency):
            raise _refuse(
                target.name, line, N_("“{value}” is not a currency code such as XOF or USD."),
                value=code or "",
            )  # fmt: skip
        if currency == office_currency:
            raise _refuse(
                target.name, line,
                N_("a rate of {currency} into itself cannot be recorded."), currency=currency,
            )  # fmt: skip
        whole = str(year).removesuffix(".0") if year is not None else ""
        if not whole.isdigit() or not 1900 <= int(whole) <= 2200:
            raise _refuse(target.name, line, N_("“{value}” is not a year."), value=year or "")
        try:
            value = read_number(rate, mark)
        except AmbiguousNumber as error:
            raise RatesUnreadable(error.message) from None
        except (InvalidOperation, ValueError):
            raise _refuse(
                target.name, line, N_("“{value}” is not a rate."), value=rate or ""
            ) from None
        if value <= 0:
            raise _refuse(target.name, line, N_("a rate must be more than zero."))
        key = (currency, int(whole))
        if key in found and found[key].rate != value:
            raise _refuse(
                target.name, line, N_("{currency} {year} is given twice, with two rates."),
                currency=currency, year=key[1],
            )  # fmt: skip
        source = _cell(row, columns.get("source"))
        found[key] = RateRow(currency, key[1], value, str(source) if source else None)
    return list(found.values())
