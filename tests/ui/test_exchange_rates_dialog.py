"""Office › Exchange rates…, used as a person does: the menu clicked, currencies, years and
rates typed into the table or read from a bank's csv, Save clicked — and the overview's
money figures then convert the amounts with those rates."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from menu_helpers import choose, window_on
from sqlalchemy import select

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QTableWidget,
)
from pytestqt.qtbot import QtBot

from intl_desk.core.i18n import set_language
from intl_desk.core.model import BudgetLine, ExchangeRate, Project
from intl_desk.core.overview import OverviewFilters, compute_overview
from intl_desk.core.overview.labels import headline_tiles
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui.exchange_rates_dialog import ExchangeRatesDialog
from intl_desk.ui.main_window import MainWindow


def _with_a_cfa_project(path: Path) -> None:
    with OfficeFile.open(path) as office, office.session() as s:
        s.add(
            Project(title="Eau potable à Ouagadougou", status="2", currency="XOF",
                    budget_lines=[BudgetLine(year=2026, amount=Decimal("100000000"))])
        )  # fmt: skip
        s.commit()


def _open_dialog(qtbot: QtBot, window: MainWindow) -> ExchangeRatesDialog:
    choose(qtbot, window, "&Office", Qt.Key.Key_R)
    qtbot.waitUntil(lambda: window.findChild(ExchangeRatesDialog) is not None)
    dialog = window.findChild(ExchangeRatesDialog)
    assert isinstance(dialog, ExchangeRatesDialog)
    qtbot.waitExposed(dialog)
    return dialog


def _type_cell(qtbot: QtBot, table: QTableWidget, row: int, column: int, text: str) -> None:
    """Double-click the cell, type, press Enter."""
    item = table.item(row, column)
    assert item is not None
    position = table.visualItemRect(item).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=position)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=position)
    qtbot.waitUntil(
        lambda: isinstance(table.indexWidget(table.model().index(row, column)), QLineEdit)
    )
    editor = table.indexWidget(table.model().index(row, column))
    QTest.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits the text in a queued call
    assert item.text() == text


def _type_row(
    qtbot: QtBot, dialog: ExchangeRatesDialog, currency: str, year: str, rate: str
) -> None:
    qtbot.mouseClick(dialog.table.add_button, Qt.MouseButton.LeftButton)
    table = dialog.table.table
    row = table.rowCount() - 1
    box = table.cellWidget(row, 0)
    assert isinstance(box, QComboBox)
    box.setFocus()
    QTest.keyClicks(box, currency)  # a closed list box picks the entry typed
    assert box.currentData() == currency
    _type_cell(qtbot, table, row, 1, year)
    _type_cell(qtbot, table, row, 2, rate)


def _save(qtbot: QtBot, dialog: ExchangeRatesDialog) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _rates(path: Path) -> list[tuple[str, str, int, Decimal, str | None]]:
    with OfficeFile.open(path, read_only=True) as office, office.session() as s:
        return [
            (r.currency, r.to_currency, r.year, r.rate, r.source)
            for r in s.scalars(
                select(ExchangeRate)
                .where(ExchangeRate.deleted_at.is_(None))
                .order_by(ExchangeRate.currency, ExchangeRate.year)
            )
        ]


def test_a_typed_rate_converts_the_overviews_budget(qtbot: QtBot, office_path: Path) -> None:
    _with_a_cfa_project(office_path)
    window = window_on(qtbot, office_path)
    dialog = _open_dialog(qtbot, window)
    assert dialog.table.table.horizontalHeaderItem(2).text() == "1 unit = … EUR"
    _type_row(qtbot, dialog, "XOF", "2026", "0.00152449")
    _save(qtbot, dialog)
    qtbot.waitUntil(lambda: window.findChild(ExchangeRatesDialog) is None)
    window.close_file()
    assert _rates(office_path) == [("XOF", "EUR", 2026, Decimal("0.00152449"), None)]
    with OfficeFile.open(office_path, read_only=True) as office, office.session() as s:
        overview = compute_overview(s, OverviewFilters(2026), date(2026, 6, 1))
    tiles = {tile.key: tile for tile in headline_tiles(overview)}
    assert overview.headline.budget == Decimal("152449.00")
    assert tiles["budget"].note == "in EUR at 2026 rates"


def test_wrong_rows_are_said_and_nothing_is_saved(qtbot: QtBot, office_path: Path) -> None:
    window = window_on(qtbot, office_path)
    dialog = _open_dialog(qtbot, window)
    _type_row(qtbot, dialog, "XOF", "2026", "0.0015")
    _type_row(qtbot, dialog, "XOF", "2026", "0.0016")
    _type_row(qtbot, dialog, "USD", "2026", "-0.9")
    _type_row(qtbot, dialog, "BRL", "2026", "cher")
    _save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.table.error_label.text() == (
        "Row 3: A rate must be more than zero. Row 4, 1 unit = … EUR: enter a number. "
        "XOF 2026 has two rows: keep one."
    )
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton
    )
    window.close_file()
    assert _rates(office_path) == []


def _bank_csv(path: Path, rate: str = "0,00152449") -> Path:
    """As saved from a central bank's page: a title, a blank line, French titles, decimal
    commas, a note under the table."""
    path.write_text(
        "Taux de change annuels moyens (BCEAO);;;\n"
        ";;;\n"
        "Devise;Année;Taux;Source\n"
        f"XOF;2025;{rate};BCEAO\n"
        "USD;2025;0,9235;BCE\n"
        ";;;\n"
        "Source : moyennes annuelles des cours de référence;;;\n",
        encoding="utf-8",
    )
    return path


def test_rates_imported_from_a_banks_csv(
    qtbot: QtBot, office_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with OfficeFile.open(office_path) as office, office.session() as s:
        s.add(ExchangeRate(currency="XOF", to_currency="EUR", year=2025, rate=Decimal("0.0015")))
        s.commit()
    sheet = _bank_csv(tmp_path / "taux 2025.csv")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_args: (str(sheet), ""))
    )
    window = window_on(qtbot, office_path)
    dialog = _open_dialog(qtbot, window)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == (
        "2 rates read from taux 2025.csv: 1 new, 1 changed. Check them, then Save."
    )
    table = dialog.table.table
    assert [table.item(row, 2).text() for row in range(table.rowCount())] == [
        "0.9235",
        "0.00152449",
    ]
    _save(qtbot, dialog)
    qtbot.waitUntil(lambda: window.findChild(ExchangeRatesDialog) is None)
    window.close_file()
    assert _rates(office_path) == [
        ("USD", "EUR", 2025, Decimal("0.9235"), "BCE"),
        ("XOF", "EUR", 2025, Decimal("0.00152449"), "BCEAO"),
    ]


def test_an_unreadable_sheet_imports_nothing(
    qtbot: QtBot, office_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sheet = _bank_csv(tmp_path / "taux.csv", rate="beaucoup")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_args: (str(sheet), ""))
    )
    window = window_on(qtbot, office_path)
    dialog = _open_dialog(qtbot, window)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == (
        "“taux.csv”, row 4: “beaucoup” is not a rate. Nothing was imported."
    )
    assert dialog.table.table.rowCount() == 0


def test_the_dialog_in_portuguese(qtbot: QtBot, office_path: Path, tmp_path: Path) -> None:
    set_language("pt")
    try:
        window = window_on(qtbot, office_path)
        choose(qtbot, window, "&Escritório", Qt.Key.Key_T)
        qtbot.waitUntil(lambda: window.findChild(ExchangeRatesDialog) is not None)
        dialog = window.findChild(ExchangeRatesDialog)
        assert isinstance(dialog, ExchangeRatesDialog)
        assert dialog.windowTitle() == "Taxas de câmbio"
        dialog.grab().save(str(tmp_path / "rates_pt.png"))
    finally:
        set_language("en")
