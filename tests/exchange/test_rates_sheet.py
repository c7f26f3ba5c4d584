"""Exchange rates read from the sheets offices get from their central bank: titles above,
the column titles in the office's language, decimal commas, notes under the table — and a
row that cannot be read refuses the whole sheet, saying where and why."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from intl_desk.exchange.rates import RateRow, RatesUnreadable, read_rates


def test_an_english_csv_with_decimal_points(tmp_path: Path) -> None:
    sheet = tmp_path / "rates.csv"
    sheet.write_text(
        "Currency,Year,Rate (in EUR)\nXOF,2024,0.00152449\nusd,2024,0.9239\n", encoding="utf-8"
    )
    assert read_rates(sheet, "EUR") == [
        RateRow("XOF", 2024, Decimal("0.00152449")),
        RateRow("USD", 2024, Decimal("0.9239")),
    ]


def test_a_portuguese_workbook_with_a_title_and_a_note(tmp_path: Path) -> None:
    book = Workbook()
    page = book.active
    assert page is not None
    page.append(["Taxas médias anuais — Banco Central do Brasil"])
    page.append([])
    page.append(["Moeda", "Ano", "Taxa", "Fonte"])
    page.append(["EUR", 2025, 6.0123, "BCB"])
    page.append(["USD", 2025, "5,3921", "BCB"])
    page.append([])
    page.append(["Nota: taxa de venda, média do ano."])
    path = tmp_path / "taxas.xlsx"
    book.save(path)
    assert read_rates(path, "BRL") == [
        RateRow("EUR", 2025, Decimal("6.0123"), "BCB"),
        RateRow("USD", 2025, Decimal("5.3921"), "BCB"),
    ]


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (
            "Pays;Valeur\nSénégal;0,0015\n",
            "“taux.csv” has no columns titled currency, year and rate: add those titles "
            "above the rates (one unit of the currency in EUR).",
        ),
        (
            "Devise;Année;Taux\nFranc CFA;2025;0,0015\n",
            "“taux.csv”, row 2: “Franc CFA” is not a currency code such as XOF or USD. "
            "Nothing was imported.",
        ),
        (
            "Devise;Année;Taux\nEUR;2025;1\n",
            "“taux.csv”, row 2: a rate of EUR into itself cannot be recorded. Nothing was "
            "imported.",
        ),
        (
            "Devise;Année;Taux\nXOF;25;0,0015\n",
            "“taux.csv”, row 2: “25” is not a year. Nothing was imported.",
        ),
        (
            "Devise;Année;Taux\nXOF;2025;0\n",
            "“taux.csv”, row 2: a rate must be more than zero. Nothing was imported.",
        ),
        (
            "Devise;Année;Taux\nXOF;2025;0,0015\nXOF;2025;0,0016\n",
            "“taux.csv”, row 3: XOF 2025 is given twice, with two rates. Nothing was imported.",
        ),
    ],
)
def test_a_sheet_that_cannot_give_rates_is_refused(
    tmp_path: Path, lines: str, message: str
) -> None:
    sheet = tmp_path / "taux.csv"
    sheet.write_text(lines, encoding="utf-8")
    with pytest.raises(RatesUnreadable) as refused:
        read_rates(sheet, "EUR")
    assert str(refused.value) == message
