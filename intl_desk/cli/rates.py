"""``intl-desk rates FILE [--import SHEET]``: the office's exchange rates, listed or read
from a central bank's csv/xlsx (the same reading and rule as Office › Exchange rates…).
Exit codes: 0 done, 2 unusable input (one sentence on stderr, nothing written)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from intl_desk.core.i18n import N_, Message, _


def cmd_rates(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from intl_desk.core.currency_rates import office_currency_of, take_rates
    from intl_desk.core.model import ExchangeRate
    from intl_desk.core.validation import validate
    from intl_desk.exchange.rates import read_rates
    from intl_desk.store.office_file import OfficeFile

    sheet = Path(args.sheet) if args.sheet else None
    with (
        OfficeFile.open(Path(args.file), read_only=sheet is None) as office,
        office.session() as session,
    ):
        currency = office_currency_of(session)
        stored = list(
            session.scalars(
                select(ExchangeRate).where(
                    ExchangeRate.deleted_at.is_(None), ExchangeRate.to_currency == currency
                )
            )
        )
        if sheet is not None:
            rows = read_rates(sheet, currency)
            taken = take_rates(
                stored, [(r.currency, r.year, r.rate, r.source) for r in rows], currency
            )
            for record in taken.records:
                if record not in session:
                    session.add(record)
            validate(taken.records, session)
            session.commit()
            print(
                Message(
                    N_("{count} rates read from {file}: {added} new, {changed} changed."),
                    {
                        "count": len(rows),
                        "file": sheet.name,
                        "added": taken.added,
                        "changed": taken.changed,
                    },
                ).render()
            )
            stored = taken.records
        if not stored:
            print(
                Message(
                    N_(
                        "No exchange rates yet: sums in {currency} leave out amounts in other "
                        "currencies. Import them with --import SHEET or under Office › "
                        "Exchange rates."
                    ),
                    {"currency": currency},
                ).render()
            )
        for rate in sorted(stored, key=lambda r: (r.currency, r.year)):
            print(
                Message(
                    N_("{year}  1 {currency} = {rate} {office}  {source}"),
                    {
                        "year": rate.year,
                        "currency": rate.currency,
                        "rate": format(rate.rate.normalize(), "f"),
                        "office": currency,
                        "source": rate.source or "",
                    },
                )
                .render()
                .rstrip()
            )
    return 0


def add_rates_parser(sub: Any) -> None:
    rates = sub.add_parser(
        "rates", help=_("list the office's exchange rates, or import them from a sheet")
    )
    rates.add_argument("file", metavar=_("FILE"))
    rates.add_argument(
        "--import",
        dest="sheet",
        metavar=_("SHEET"),
        help=_(
            "a csv or xlsx with currency, year and rate columns (one unit of the currency "
            "in the office's)"
        ),
    )
    rates.set_defaults(handler=cmd_rates)
