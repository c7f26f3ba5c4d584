"""The handover report's first-page money follows the one rule for currencies: amounts in
another currency converted at the rate of their year, the rest left out and named — never
added as if they were euros. Recounted by hand from what the test writes."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from intl_desk.core.evaluation.handover import compute_handover
from intl_desk.core.model import (
    BudgetLine,
    CofinancingLine,
    ExchangeRate,
    Membership,
    Network,
    Project,
    ProjectTransaction,
)
from intl_desk.reports.handover import money_text, summary_rows
from intl_desk.store.office_file import OfficeFile

TODAY = date(2026, 6, 15)
XOF_2025, XOF_2026 = Decimal("0.0015"), Decimal("0.00152449")


def test_the_handover_converts_and_names_what_it_cannot(office: OfficeFile) -> None:
    with office.session() as s:
        s.add_all(
            [
                Project(title="Tramways", status="2", currency="EUR",
                        budget_lines=[BudgetLine(year=2026, amount=Decimal("200000"))],
                        transactions=[ProjectTransaction(type="4", date=date(2026, 2, 1),
                                                         amount=Decimal("50000"))]),
                Project(title="Eau potable à Ouagadougou", status="2", currency="XOF",
                        budget_lines=[BudgetLine(year=2025, amount=Decimal("100000000")),
                                      BudgetLine(year=2026, amount=Decimal("200000000"))],
                        cofinancing=[CofinancingLine(funder_name="AFD", status="granted",
                                                     amount_granted=Decimal("60000000"),
                                                     date_decided=date(2025, 11, 1))],
                        transactions=[ProjectTransaction(type="3", date=date(2026, 3, 1),
                                                         amount=Decimal("10000000"))]),
                Membership(network=Network(name="Cités Unies"), role="member",
                           annual_fee=Decimal("1500"), currency="EUR"),
                Membership(network=Network(name="Mercociudades"), role="member",
                           annual_fee=Decimal("800"), currency="USD"),
                ExchangeRate(currency="XOF", to_currency="EUR", year=2025, rate=XOF_2025),
                ExchangeRate(currency="XOF", to_currency="EUR", year=2026, rate=XOF_2026),
            ]
        )  # fmt: skip
        s.commit()
        report = compute_handover(s, TODAY)
    rows = dict(summary_rows(report))
    budget = 200_000 + 100_000_000 * XOF_2025 + 200_000_000 * XOF_2026  # 654,898
    assert rows["Their budget"] == f"{budget:,.0f} EUR" == "654,898 EUR"
    assert rows["Co-financing granted to them"] == "90,000 EUR"  # 60 m XOF at 2025's rate
    assert rows["Spent so far"] == "65,245 EUR"  # 50,000 + 10 m XOF at 2026's rate
    assert rows["Annual fees"] == "1,500 EUR"  # the dollars have no rate
    assert money_text(report) == (
        "Sums of money above: in EUR at each amount's year's rate (2025–2026) · plus 1 "
        "amount in USD without a rate."
    )
