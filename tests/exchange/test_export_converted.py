"""The projects export states each row's currency and adds the amounts converted to the
office's currency at each line's year's rate — blank, never a partial sum, where a year
has no rate — so a spreadsheet can add up what the overview adds up."""

from __future__ import annotations

import csv
from datetime import date
from decimal import Decimal
from pathlib import Path

from intl_desk.core.i18n import set_language
from intl_desk.core.model import BudgetLine, CofinancingLine, ExchangeRate, Project
from intl_desk.exchange.export import export_list
from intl_desk.store.office_file import OfficeFile


def test_the_projects_export_converts_each_amount_at_its_years_rate(
    office: OfficeFile, tmp_path: Path
) -> None:
    rate_2024 = Decimal("0.00152449")
    with office.session() as s:
        s.add_all(
            [
                Project(title="Eau potable à Ziguinchor", status="2", currency="XOF",
                        planned_start=date(2024, 1, 1),
                        budget_lines=[BudgetLine(year=2024, amount=Decimal("1000000")),
                                      BudgetLine(year=2024, amount=Decimal("250000"))],
                        cofinancing=[CofinancingLine(funder_name="AFD", status="granted",
                                                     amount_granted=Decimal("400000"),
                                                     date_decided=date(2024, 3, 1))]),
                Project(title="Marché de Bobo-Dioulasso", status="2", currency="XOF",
                        planned_start=date(2024, 1, 1),
                        budget_lines=[BudgetLine(year=2024, amount=Decimal("1000000")),
                                      BudgetLine(year=2025, amount=Decimal("500000"))]),
                Project(title="Bibliothèque de Huế", status="2", currency="EUR",
                        planned_start=date(2025, 1, 1),
                        budget_lines=[BudgetLine(year=2025, amount=Decimal("40000"))]),
                ExchangeRate(currency="XOF", to_currency="EUR", year=2024, rate=rate_2024),
            ]
        )  # fmt: skip
        s.commit()
        set_language("en")
        out = tmp_path / "projects.csv"
        export_list(s, "projects", out)
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    found = {
        row["Title"]: (
            row["Budget"],
            row["Currency"],
            row["Budget in the office's currency"],
            row["Co-financing granted in the office's currency"],
        )
        for row in rows
    }
    # by hand: 1,250,000 XOF at 2024's rate; 2025 has no XOF rate: no converted sum
    assert found["Eau potable à Ziguinchor"][:2] == ("1250000.00", "XOF")
    cents = Decimal("0.01")
    assert Decimal(found["Eau potable à Ziguinchor"][2]) == (Decimal(1250000) * rate_2024).quantize(
        cents
    )  # 1,905.61
    assert Decimal(found["Eau potable à Ziguinchor"][3]) == (Decimal(400000) * rate_2024).quantize(
        cents
    )
    assert found["Marché de Bobo-Dioulasso"][1:3] == ("XOF", "")
    assert found["Bibliothèque de Huế"][1:] == ("EUR", "40000.00", "0.00")
