"""Sums of money kept in several currencies, with and without exchange rates: each amount
converted at the rate of its own year, the rest counted apart and named — the same on the
overview, in the yearly report, in the co-financing formula and in ``check``. Every figure
is recounted here by hand from the amounts and rates the test wrote."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from intl_desk.cli import main
from intl_desk.core.currency_rates import Rates, amounts_without_rate
from intl_desk.core.evaluation.formula_filters import Window
from intl_desk.core.evaluation.formulas import compute
from intl_desk.core.evaluation.yearly import compute_yearly
from intl_desk.core.model import (
    Activity,
    BudgetLine,
    CofinancingLine,
    ExchangeRate,
    Office,
    Project,
)
from intl_desk.core.model.base import new_uuid
from intl_desk.core.overview import OverviewFilters, compute_overview
from intl_desk.core.overview.labels import headline_tiles
from intl_desk.core.tracking import TrackedSession
from intl_desk.store import schema
from intl_desk.store.office_file import OfficeFile, check

XOF_2025 = Decimal("0.0015")
XOF_2026 = Decimal("0.00152449")
CENT = Decimal("0.01")


def _lyon_with_projects_in_three_currencies(office: OfficeFile) -> None:
    with office.session() as s:
        add_projects_in_three_currencies(s)


def add_projects_in_three_currencies(s: Session) -> None:
    """EUR (the office's), XOF with rates for 2025 and 2026, USD with no rate at all."""
    s.add_all(
        [
            Project(
                title="Tramways", status="2", currency="EUR",
                planned_start=date(2025, 1, 1), planned_end=date(2027, 12, 31),
                budget_lines=[BudgetLine(year=2026, amount=Decimal("3200000"))],
                cofinancing=[
                    CofinancingLine(funder_name="AFD", status="granted",
                                    amount_granted=Decimal("800000"),
                                    date_decided=date(2026, 3, 1)),
                ],
            ),
            Project(
                title="Eau potable à Ouagadougou", status="2", currency="XOF",
                planned_start=date(2025, 1, 1), planned_end=date(2027, 12, 31),
                budget_lines=[
                    BudgetLine(year=2025, amount=Decimal("100000000")),
                    # a revised 2026 budget replaces the original one of that year
                    BudgetLine(year=2026, amount=Decimal("573000000"), type="1"),
                    BudgetLine(year=2026, amount=Decimal("600000000"), type="2"),
                    BudgetLine(year=2027, amount=Decimal("50000000")),  # no 2027 rate
                ],
                cofinancing=[
                    CofinancingLine(funder_name="Union européenne", status="granted",
                                    amount_granted=Decimal("90000000"),
                                    date_decided=date(2026, 4, 1)),
                ],
            ),
            Project(
                title="Sister city fund", status="2", currency="USD",
                planned_start=date(2026, 1, 1), planned_end=date(2026, 12, 31),
                budget_lines=[BudgetLine(year=2026, amount=Decimal("40000"))],
            ),
            Activity(kind="mission", status="done", title="Mission à Ouagadougou",
                     start_date=date(2026, 2, 10), cost=Decimal("1500000"),
                     currency="XOF"),
            Activity(kind="mission", status="done", title="Mission à Łódź",
                     start_date=date(2026, 5, 10), cost=Decimal("2400"), currency="EUR"),
            ExchangeRate(currency="XOF", to_currency="EUR", year=2025, rate=XOF_2025),
            ExchangeRate(currency="XOF", to_currency="EUR", year=2026, rate=XOF_2026,
                         source="BCEAO"),
            # a rate into another currency than the office's never converts into euros
            ExchangeRate(currency="USD", to_currency="CHF", year=2026,
                         rate=Decimal("0.88")),
        ]
    )  # fmt: skip
    s.commit()


def test_the_overview_converts_each_amount_at_its_years_rate(office: OfficeFile) -> None:
    _lyon_with_projects_in_three_currencies(office)
    with office.session() as s:
        overview = compute_overview(s, OverviewFilters(2026), date(2026, 6, 1))
    head = overview.headline
    # by hand: euros as they are; XOF 2025 and the revised 2026 budget at their rates;
    # XOF 2027 and the dollars without a rate
    budget = Decimal(3_200_000) + 100_000_000 * XOF_2025 + 600_000_000 * XOF_2026
    assert head.budget == budget.quantize(CENT)
    assert head.budget_sum.left_out == (("USD", 1), ("XOF", 1))
    assert head.budget_sum.rate_years == (2025, 2026)
    granted = Decimal(800_000) + 90_000_000 * XOF_2026
    assert head.cofinancing == granted.quantize(CENT)
    assert head.cofinancing_sum.rate_years == (2026,)
    tiles = {tile.key: tile for tile in headline_tiles(overview)}
    assert tiles["budget"].value == "€4.3m"
    assert tiles["budget"].note == (
        "in EUR at each amount's year's rate (2025–2026) · plus 1 amount in USD without "
        "a rate · plus 1 amount in XOF without a rate"
    )
    assert tiles["cofinancing"].note == "22% of that budget · in EUR at 2026 rates"
    bars = {bar.label: bar.value for bar in overview.funders}
    assert bars == {
        "AFD": 800_000,
        "Union européenne": pytest.approx(float(90_000_000 * XOF_2026)),
    }


def test_the_yearly_report_and_the_formula_agree_with_the_overview(
    office: OfficeFile, office_path: Path, tmp_path: Path
) -> None:
    _lyon_with_projects_in_three_currencies(office)
    window = Window(date(2026, 1, 1), date(2026, 12, 31), {})
    with office.session() as s:
        report = compute_yearly(s, 2026, date(2026, 12, 1))
        raised = compute(s, "cofinancing_raised", None, window)
        overview = compute_overview(s, OverviewFilters(2026), date(2026, 12, 1))
    head = report.headline
    assert head.budget == overview.headline.budget
    granted = Decimal(800_000) + 90_000_000 * XOF_2026
    assert raised == pytest.approx(float(granted))
    assert head.cofinancing == pytest.approx(granted)
    missions = Decimal(2400) + 1_500_000 * XOF_2026
    assert head.mission_cost == missions.quantize(CENT)
    assert head.left_out == (("USD", 1), ("XOF", 1))
    assert head.rate_years == (2025, 2026)
    office.close()
    out = tmp_path / "yearly.pdf"
    assert main(["report", "yearly", str(office_path), "--year", "2026", "-o", str(out)]) == 0
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(out).pages).split())
    assert "Co-financing raised in the year 937,204 EUR" in text
    assert (
        "Sums of money above: in EUR at each amount's year's rate (2025–2026) · plus 1 "
        "amount in USD without a rate · plus 1 amount in XOF without a rate."
    ) in text


def test_a_rate_entered_later_brings_the_amounts_in(office: OfficeFile) -> None:
    """Without any rate the XOF amounts are left out; with the 2026 rate they count."""
    with office.session() as s:
        s.add(
            Project(title="Eau potable", status="2", currency="XOF",
                    budget_lines=[BudgetLine(year=2026, amount=Decimal("1000000"))])
        )  # fmt: skip
        s.commit()
        before = compute_overview(s, OverviewFilters(2026), date(2026, 6, 1)).headline
        s.add(ExchangeRate(currency="XOF", to_currency="EUR", year=2026, rate=XOF_2026))
        s.commit()
        after = compute_overview(s, OverviewFilters(2026), date(2026, 6, 1)).headline
    assert (before.budget, before.budget_sum.left_out) == (0, (("XOF", 1),))
    assert (after.budget, after.budget_sum.left_out) == (Decimal("1524.49"), ())


def test_check_lists_the_amounts_without_a_rate(office: OfficeFile, office_path: Path) -> None:
    _lyon_with_projects_in_three_currencies(office)
    with office.session() as s:
        missing = amounts_without_rate(s)
        rates = Rates.of(s)
        stored = s.scalars(select(ExchangeRate.currency)).all()
    assert [(m.currency, m.count, m.years) for m in missing] == [
        ("USD", 1, (2026,)),
        ("XOF", 1, (2027,)),
    ]
    assert rates.rate("XOF", 2026) == XOF_2026 and rates.rate("USD", 2026) is None
    assert sorted(stored) == ["USD", "XOF", "XOF"]
    office.close()
    problems = [str(problem) for problem in check(office_path).problems]
    assert problems == [
        "1 amount(s) in USD have no exchange rate to EUR for their year (2026): sums in EUR "
        "leave them out. Enter the rates under Office › Exchange rates.",
        "1 amount(s) in XOF have no exchange rate to EUR for their year (2027): sums in EUR "
        "leave them out. Enter the rates under Office › Exchange rates.",
    ]


def test_the_same_figures_on_postgresql(postgresql_engine: Engine) -> None:
    """The office server runs the same SQL: converted sums, left-out counts and the
    formula give the same figures on PostgreSQL."""
    with postgresql_engine.begin() as connection:
        schema.upgrade(connection)
    with TrackedSession(bind=postgresql_engine, info={"office_id": new_uuid()}) as s:
        s.add(Office(name="Ville de Lyon", country_code="FR", currency="EUR"))
        add_projects_in_three_currencies(s)
        overview = compute_overview(s, OverviewFilters(2026), date(2026, 6, 1)).headline
        report = compute_yearly(s, 2026, date(2026, 12, 1)).headline
        raised = compute(
            s, "cofinancing_raised", None, Window(date(2026, 1, 1), date(2026, 12, 31), {})
        )
        missing = [(m.currency, m.count, m.years) for m in amounts_without_rate(s)]
    budget = Decimal(3_200_000) + 100_000_000 * XOF_2025 + 600_000_000 * XOF_2026
    granted = Decimal(800_000) + 90_000_000 * XOF_2026
    assert (overview.budget, overview.cofinancing) == (
        budget.quantize(CENT),
        granted.quantize(CENT),
    )
    assert (report.budget, report.left_out) == (budget.quantize(CENT), (("USD", 1), ("XOF", 1)))
    assert raised == pytest.approx(float(granted))
    assert missing == [("USD", 1, (2026,)), ("XOF", 1, (2027,))]
