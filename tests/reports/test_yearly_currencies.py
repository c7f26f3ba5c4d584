"""The yearly report and the co-financing formula never add amounts of another currency
to the office's: they are left out of the sums and named, as on the overview."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from pypdf import PdfReader

from intl_desk.cli import main
from intl_desk.core.evaluation.formula_filters import Window
from intl_desk.core.evaluation.formulas import compute
from intl_desk.core.evaluation.yearly import compute_yearly
from intl_desk.core.model import Activity, BudgetLine, CofinancingLine, Project
from intl_desk.store.office_file import OfficeFile


def _lyon_with_a_cfa_project(office: OfficeFile) -> None:
    granted = date(2026, 3, 1)
    with office.session() as s:
        s.add_all(
            [
                Project(
                    title="Tramways", status="2", currency="EUR",
                    planned_start=date(2025, 1, 1), planned_end=date(2027, 12, 31),
                    budget_lines=[BudgetLine(year=2026, amount=Decimal("3200000"))],
                    cofinancing=[
                        CofinancingLine(
                            funder_name="AFD", status="granted",
                            amount_granted=Decimal("800000"), date_decided=granted,
                        )
                    ],
                ),
                Project(
                    title="Eau potable à Ouagadougou", status="2", currency="XOF",
                    planned_start=date(2025, 1, 1), planned_end=date(2027, 12, 31),
                    budget_lines=[BudgetLine(year=2026, amount=Decimal("573000000"))],
                    cofinancing=[
                        CofinancingLine(
                            funder_name="Union européenne", status="granted",
                            amount_granted=Decimal("90000000"), date_decided=granted,
                        )
                    ],
                ),
                Activity(
                    kind="mission", status="done", title="Mission à Ouagadougou",
                    start_date=date(2026, 2, 10), cost=Decimal("1500000"), currency="XOF",
                ),
                Activity(
                    kind="mission", status="done", title="Mission à Łódź",
                    start_date=date(2026, 5, 10), cost=Decimal("2400"), currency="EUR",
                ),
            ]
        )
        s.commit()


def test_sums_keep_to_the_offices_currency_and_name_the_rest(
    office: OfficeFile, office_path: Path, tmp_path: Path
) -> None:
    _lyon_with_a_cfa_project(office)
    with office.session() as s:
        report = compute_yearly(s, 2026, date(2026, 12, 1))
        raised = compute(
            s, "cofinancing_raised", None, Window(date(2026, 1, 1), date(2026, 12, 31), {})
        )
    head = report.headline
    assert (head.budget, head.cofinancing, head.mission_cost) == (3_200_000, 800_000, 2_400)
    assert raised == 800_000
    assert head.left_out == (("XOF", 3),)  # a budget, a co-financing line, a mission
    office.close()
    out = tmp_path / "yearly.pdf"
    assert main(["report", "yearly", str(office_path), "--year", "2026", "-o", str(out)]) == 0
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(out).pages).split())
    assert "Sums of money above: plus 3 amounts in XOF without a rate." in text
    assert "Budget of the projects under way 3,200,000 EUR" in text
    assert "Co-financing raised in the year 800,000 EUR" in text
