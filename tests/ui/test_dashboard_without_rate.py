"""The money tiles say what they leave out for want of an exchange rate, and a click on
that note lists exactly the projects holding those amounts."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from overview_window import shown_overview

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from intl_desk.core.model import BudgetLine, ExchangeRate, Project
from intl_desk.store.office_file import OfficeFile


def _projects(path: Path) -> None:
    with OfficeFile.open(path) as office, office.session() as s:
        s.add_all(
            [
                Project(title="Eau potable à Ziguinchor", status="2", currency="XOF",
                        planned_start=date(2025, 1, 1),
                        budget_lines=[BudgetLine(year=2025, amount=Decimal("6000000"))]),
                Project(title="Marché de Bobo-Dioulasso", status="2", currency="XOF",
                        planned_start=date(2024, 1, 1),
                        budget_lines=[BudgetLine(year=2024, amount=Decimal("1000000"))]),
                Project(title="Bibliothèque de Huế", status="2", currency="EUR",
                        planned_start=date(2025, 1, 1),
                        budget_lines=[BudgetLine(year=2025, amount=Decimal("40000"))]),
                # not under way: not in the tile's figure, so not in its list either
                Project(title="Étude à Porto-Novo", status="1", currency="XOF",
                        planned_start=date(2025, 1, 1),
                        budget_lines=[BudgetLine(year=2025, amount=Decimal("500000"))]),
                ExchangeRate(currency="XOF", to_currency="EUR", year=2024,
                             rate=Decimal("0.00152449")),
            ]
        )  # fmt: skip
        s.commit()


def test_the_note_of_amounts_without_a_rate_lists_them(qtbot: QtBot, office_path: Path) -> None:
    _projects(office_path)
    window, page = shown_overview(qtbot, office_path)
    tiles = {tile.label.text(): tile for tile in page.tiles}
    budget = tiles["Budget of active projects"]
    # by hand: 40,000 EUR + 1,000,000 XOF at 2024's rate (1,524.49); 2025 has no XOF rate
    assert budget.value.text() == "€41.5k"
    assert "plus 1 amount in XOF without a rate" in budget.note.text()

    qtbot.mouseClick(budget.note, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    projects = window.list_pages["projects"]
    qtbot.waitUntil(lambda: window.pages.currentWidget() is projects, timeout=5_000)
    qtbot.waitUntil(
        lambda: not projects.reading and projects.model.rowCount() == 1, timeout=10_000
    )
    assert projects.facet_boxes["without_rate"].currentData() == "running"
    assert projects.model.index(0, 0).data() == "Eau potable à Ziguinchor"

    # the figure itself still lists every project it counts
    window.overview.show_action.trigger()
    qtbot.mouseClick(budget.value, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is projects, timeout=5_000)
    qtbot.waitUntil(
        lambda: not projects.reading and projects.model.rowCount() == 4, timeout=10_000
    )
