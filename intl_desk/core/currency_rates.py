"""Exchange rates, and the one rule for adding up money kept in several currencies.

Every amount keeps its currency (a project's budget and co-financing are in the project's,
an activity's cost in its own). A sum shown in the office's currency converts each amount
in another currency with the rate recorded for that currency *and the amount's year*
(:class:`~intl_desk.core.model.ExchangeRate`: one unit of the currency in the office's
currency, e.g. a central bank's yearly average). The year of an amount is:

* a budget line's year;
* a co-financing line's decision date, else its project's start (actual, else planned);
* an activity's start date.

An amount without a rate for its year (or without a year) is never added as if it were in
the office's currency: the sum counts it apart, per currency ("plus 3 amounts in XOF
without a rate"), and ``intl-desk check`` lists such amounts. Screens, reports and the
indicator formulas all follow this module, so they agree with each other; the label of a
converted sum names the rate years used ("in EUR at 2025 rates").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Integer, case, cast, extract, func, literal, or_, select

from intl_desk.core.columns import (
    Activity,
    BudgetLine,
    CofinancingLine,
    ExchangeRate,
    Office,
    Project,
)
from intl_desk.core.reading import Reader

if TYPE_CHECKING:
    from intl_desk.core import model

#: (currency, year or None, amount, number of amounts) — the groups a sum is made of
Group = tuple[str, int | None, Decimal | float | int | None, int]


@dataclass(frozen=True)
class Converted:
    """A sum in ``currency``: ``total`` holds the amounts in that currency and those
    converted at the rates of ``rate_years``; ``left_out`` counts, per currency, the
    amounts that had no rate for their year and are not in ``total``."""

    currency: str
    total: Decimal
    rate_years: tuple[int, ...] = ()
    left_out: tuple[tuple[str, int], ...] = ()


class Rates:
    """The office's exchange rates into ``currency`` (the office's currency)."""

    def __init__(self, currency: str, table: dict[tuple[str, int], Decimal]) -> None:
        self.currency = currency
        self.table = table

    @classmethod
    def of(cls, session: Reader, currency: str | None = None) -> Rates:
        """The live rates into ``currency`` (the office's by default). Should two copies
        of the file each have entered a rate for the same currency and year, the one
        changed last counts."""
        if currency is None:
            currency = office_currency_of(session)
        table: dict[tuple[str, int], Decimal] = {}
        for code, year, rate in session.execute(
            select(ExchangeRate.currency, ExchangeRate.year, ExchangeRate.rate)
            .where(ExchangeRate.deleted_at.is_(None), ExchangeRate.to_currency == currency)
            .order_by(ExchangeRate.updated_at, ExchangeRate.id)
        ):
            table[(str(code), int(year))] = Decimal(str(rate))
        return cls(currency, table)

    def rate(self, currency: str, year: int | None) -> Decimal | None:
        """One unit of ``currency`` in the office's currency in ``year`` (1 for the
        office's own currency; None when no rate is recorded)."""
        if currency == self.currency:
            return Decimal(1)
        if year is None:
            return None
        return self.table.get((currency, int(year)))

    def total(self, groups: Iterable[Group]) -> Converted:
        """Add ``groups`` up in the office's currency (see the module's rule)."""
        total = Decimal(0)
        years: set[int] = set()
        left_out: dict[str, int] = {}
        for currency, year, amount, count in groups:
            if amount is None or not count:
                continue
            rate = self.rate(currency, year)
            if rate is None:
                left_out[currency] = left_out.get(currency, 0) + int(count)
                continue
            total += Decimal(str(amount)) * rate
            if currency != self.currency and year is not None:
                years.add(int(year))
        return Converted(
            self.currency,
            total.quantize(Decimal("0.01")),
            tuple(sorted(years)),
            tuple(sorted(left_out.items())),
        )


def office_currency_of(session: Reader) -> str:
    office = session.scalar(select(Office.currency).where(Office.deleted_at.is_(None)).limit(1))
    return str(office) if office else "EUR"


# --- the years of amounts, as portable SQL --------------------------------------------


def year_of(column: Any) -> Any:
    return cast(extract("year", column), Integer)


def cofinancing_year() -> Any:
    """A co-financing line's year (needs the project joined)."""
    return year_of(
        func.coalesce(CofinancingLine.date_decided, Project.actual_start, Project.planned_start)
    )


def activity_year() -> Any:
    return year_of(Activity.start_date)


def rate_factor(currency: Any, year: Any, office_currency: Any) -> Any:
    """What an amount in ``currency`` of ``year`` is multiplied by to be in
    ``office_currency`` (SQL expressions all three): 1 in the office's own currency, the
    recorded rate otherwise, NULL without one — sums leave NULL amounts out."""
    rate = (
        select(ExchangeRate.rate)
        .where(
            ExchangeRate.deleted_at.is_(None),
            ExchangeRate.currency == currency,
            ExchangeRate.to_currency == office_currency,
            ExchangeRate.year == year,
        )
        # two copies merged, each with a rate for the year: the one changed last, as Rates
        .order_by(ExchangeRate.updated_at.desc(), ExchangeRate.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    return case((currency == office_currency, literal(1)), else_=rate)


def office_currency_sql() -> Any:
    """The office's currency, as a scalar subquery."""
    return select(Office.currency).where(Office.deleted_at.is_(None)).limit(1).scalar_subquery()


def projects_without_rate() -> list[ColumnElement[bool]]:
    """Projects with a budget line or granted co-financing in another currency than the
    office's whose year has no rate: the amounts every converted sum leaves out (the
    list behind the overview's "plus N amounts … without a rate")."""
    office = office_currency_sql()
    budget = select(BudgetLine.project_id).join(Project, Project.id == BudgetLine.project_id)
    granted = select(CofinancingLine.project_id).join(
        Project, Project.id == CofinancingLine.project_id
    )
    return [
        or_(
            Project.id.in_(
                budget.where(
                    BudgetLine.deleted_at.is_(None),
                    BudgetLine.amount.is_not(None),
                    rate_factor(Project.currency, BudgetLine.year, office).is_(None),
                )
            ),
            Project.id.in_(
                granted.where(
                    CofinancingLine.deleted_at.is_(None),
                    CofinancingLine.status == "granted",
                    CofinancingLine.amount_granted.is_not(None),
                    rate_factor(Project.currency, cofinancing_year(), office).is_(None),
                )
            ),
        )
    ]


# --- amounts without a rate (for check) ------------------------------------------------


@dataclass(frozen=True)
class Unconverted:
    """Amounts in ``currency`` that no sum can convert: ``count`` of them, in ``years``
    (None stands for amounts without any date)."""

    currency: str
    count: int
    years: tuple[int | None, ...]


def amounts_without_rate(session: Reader) -> list[Unconverted]:
    """Budget lines, granted co-financing and activity costs in another currency than the
    office's whose year has no rate: left out of every converted sum."""
    rates = Rates.of(session)
    statements = (
        select(Project.currency, BudgetLine.year, func.count())
        .join(Project, Project.id == BudgetLine.project_id)
        .where(
            BudgetLine.deleted_at.is_(None),
            Project.deleted_at.is_(None),
            BudgetLine.amount.is_not(None),
            Project.currency != rates.currency,
        )
        .group_by(Project.currency, BudgetLine.year),
        select(Project.currency, cofinancing_year(), func.count())
        .join(Project, Project.id == CofinancingLine.project_id)
        .where(
            CofinancingLine.deleted_at.is_(None),
            Project.deleted_at.is_(None),
            CofinancingLine.amount_granted.is_not(None),
            Project.currency != rates.currency,
        )
        .group_by(Project.currency, cofinancing_year()),
        select(Activity.currency, activity_year(), func.count())
        .where(
            Activity.deleted_at.is_(None),
            Activity.cost.is_not(None),
            Activity.currency != rates.currency,
        )
        .group_by(Activity.currency, activity_year()),
    )
    counts: dict[str, int] = {}
    years: dict[str, set[int | None]] = {}
    for statement in statements:
        for currency, year, count in session.execute(statement):
            if rates.rate(str(currency), year) is not None:
                continue
            counts[currency] = counts.get(currency, 0) + int(count)
            years.setdefault(currency, set()).add(None if year is None else int(year))
    return [
        Unconverted(
            currency,
            counts[currency],
            tuple(sorted(years[currency], key=lambda y: (y is None, y or 0))),
        )
        for currency in sorted(counts)
    ]


# --- the groups the sums are made of ---------------------------------------------------

#: IATI budget types: a revised budget of a year replaces the original one of that year
ORIGINAL, REVISED = "1", "2"


def budget_groups(session: Reader, projects: Any) -> list[Group]:
    """The budgets of ``projects`` (a select of project ids) as (currency, year, amount,
    lines): for each project and year the revised lines where there are any, else the
    original ones — never both, which would count the year twice."""
    found: dict[tuple[str, int], dict[str, tuple[str, Decimal, int]]] = {}
    for project_id, code, year, kind, amount, lines in session.execute(
        select(
            BudgetLine.project_id,
            Project.currency,
            BudgetLine.year,
            BudgetLine.type,
            func.sum(BudgetLine.amount),
            func.count(),
        )
        .join(Project, Project.id == BudgetLine.project_id)
        .where(
            BudgetLine.deleted_at.is_(None),
            BudgetLine.amount.is_not(None),
            BudgetLine.project_id.in_(projects),
        )
        .group_by(BudgetLine.project_id, Project.currency, BudgetLine.year, BudgetLine.type)
    ):
        found.setdefault((str(project_id), int(year)), {})[str(kind)] = (
            str(code),
            Decimal(str(amount or 0)),
            int(lines),
        )
    groups: dict[tuple[str, int], tuple[Decimal, int]] = {}
    for (_project, year), kinds in found.items():
        code, amount, lines = (
            kinds.get(REVISED) or kinds.get(ORIGINAL) or next(iter(kinds.values()))
        )
        total, count = groups.get((code, year), (Decimal(0), 0))
        groups[(code, year)] = (total + amount, count + lines)
    return [(code, year, total, count) for (code, year), (total, count) in groups.items()]


def granted_groups(
    session: Reader, projects: Any, decided: tuple[Any, Any] | None = None
) -> list[Group]:
    """Co-financing granted to ``projects`` (a select of project ids), decided between
    ``decided`` (inclusive dates) when given, as (currency, year, amount, lines)."""
    year = cofinancing_year()
    conditions = [
        CofinancingLine.deleted_at.is_(None),
        CofinancingLine.status == "granted",
        CofinancingLine.amount_granted.is_not(None),
        CofinancingLine.project_id.in_(projects),
    ]
    if decided is not None:
        conditions += [
            CofinancingLine.date_decided >= decided[0],
            CofinancingLine.date_decided <= decided[1],
        ]
    return [
        (str(code), None if line_year is None else int(line_year), amount, int(lines))
        for code, line_year, amount, lines in session.execute(
            select(Project.currency, year, func.sum(CofinancingLine.amount_granted), func.count())
            .join(Project, Project.id == CofinancingLine.project_id)
            .where(*conditions)
            .group_by(Project.currency, year)
        )
    ]


# --- rates taken from a sheet -----------------------------------------------------------


@dataclass(frozen=True)
class RatesTaken:
    """The office's rates after a sheet's were put in: ``records`` (the existing ones,
    changed where the sheet gives another rate, and the new ones), with the counts."""

    records: list[model.ExchangeRate]
    added: int
    changed: int


def take_rates(
    existing: Iterable[model.ExchangeRate],
    rows: Iterable[tuple[str, int, Decimal, str | None]],
    to_currency: str,
) -> RatesTaken:
    """Put ``rows`` (currency, year, rate, source) into the ``existing`` rates into
    ``to_currency``: a currency and year already there takes the sheet's rate (and its
    source, when the sheet names one), any other is a new rate."""
    from intl_desk.core import model  # records: the model, which readings do without

    records = list(existing)
    by_key = {(r.currency, r.year): r for r in records if r.to_currency == to_currency}
    added = changed = 0
    for currency, year, rate, source in rows:
        record = by_key.get((currency, year))
        if record is None:
            record = model.ExchangeRate(
                currency=currency, to_currency=to_currency, year=year, rate=rate, source=source
            )
            records.append(record)
            by_key[(currency, year)] = record
            added += 1
        elif Decimal(str(record.rate)) != rate or (source and record.source != source):
            record.rate = rate
            record.source = source or record.source
            changed += 1
    return RatesTaken(records, added, changed)


def spent_groups(session: Reader, projects: Any, until: Any) -> list[Group]:
    """What ``projects`` (a select or list of project ids) spent up to ``until``
    (disbursements and expenditure), as (currency, year of the transaction, amount,
    transactions)."""
    from intl_desk.core.columns import ProjectTransaction

    year = year_of(ProjectTransaction.date)
    return [
        (str(code), None if line_year is None else int(line_year), amount, int(count))
        for code, line_year, amount, count in session.execute(
            select(Project.currency, year, func.sum(ProjectTransaction.amount), func.count())
            .join(Project, Project.id == ProjectTransaction.project_id)
            .where(
                ProjectTransaction.deleted_at.is_(None),
                ProjectTransaction.type.in_(SPENDING),
                ProjectTransaction.date <= until,
                ProjectTransaction.project_id.in_(projects),
            )
            .group_by(Project.currency, year)
        )
    ]


#: IATI transaction types that are money spent: disbursement, expenditure
SPENDING = ("3", "4")
