"""The territory map on the overview screen: shown for an office whose municipalities have
coordinates, a click on a dot lists that municipality's agreements, the entities not drawn
are named under it; hidden for an office without a territory."""

from __future__ import annotations

from pathlib import Path

import pytest
from overview_office import build_overview_office
from sqlalchemy import select
from territory_office import PLACES, TODAY, UNPLACED, build_territory_office

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolBar
from pytestqt.qtbot import QtBot

from intl_desk.core.model import Agreement, LocalEntity
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui.dashboard.page import DashboardPage
from intl_desk.ui.main_window import MainWindow


@pytest.fixture(scope="module")
def office_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_territory_office(tmp_path_factory.mktemp("territory_ui") / "state.sqlite")


def _window(qtbot: QtBot, path: Path) -> MainWindow:
    main = MainWindow()
    qtbot.addWidget(main)
    main.resize(1280, 900)
    main.show()
    with qtbot.waitSignal(main.file_opened, timeout=10_000):
        main.open_file(path, read_only=True)
    return main


def _dashboard(qtbot: QtBot, window: MainWindow) -> DashboardPage:
    page: DashboardPage = window.overview.page
    page._today = lambda: TODAY
    toolbar = window.findChild(QToolBar, "overviewToolbar")
    button = toolbar.widgetForAction(window.overview.show_action)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.isVisible() and page.overview is not None, timeout=10_000)
    return page


def _agreements_of(path: Path, name: str) -> list[str]:
    with OfficeFile.open(path, read_only=True) as office, office.session() as session:
        entity = session.scalars(select(LocalEntity).where(LocalEntity.name == name)).one()
        return [
            agreement.title
            for agreement in session.scalars(select(Agreement))
            if agreement.deleted_at is None
            and any(party.local_entity_id == entity.id for party in agreement.parties)
        ]


def test_a_click_on_a_dot_lists_that_municipalitys_agreements(
    qtbot: QtBot, office_file: Path
) -> None:
    window = _window(qtbot, office_file)
    page = _dashboard(qtbot, window)
    territory_map = page.territory_map
    assert page.territory_section.isVisible()
    assert {dot.name for dot in territory_map.territory.dots} == set(PLACES)  # type: ignore[union-attr]
    notes = page.territory_notes.text()
    assert UNPLACED in notes and "Governo de Minas (2 active)" in notes
    # the busiest entities sit beside the map
    assert page.entities_section.isVisible()
    assert page.entities_section.geometry().top() == page.territory_section.geometry().top()

    busiest = territory_map.territory.dots[-1]  # type: ignore[union-attr]
    assert busiest.name == "Belo Horizonte"
    point = territory_map.dot_centre(busiest).toPoint()
    with qtbot.waitSignal(territory_map.drill_requested) as blocker:
        qtbot.mouseClick(territory_map, Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args is not None
    listing = window.list_pages["agreements"]
    qtbot.waitUntil(lambda: window.pages.currentWidget() is listing, timeout=5_000)
    qtbot.waitUntil(lambda: not getattr(listing, "reading", False), timeout=10_000)
    titles = sorted(listing.model.index(row, 0).data() for row in range(listing.model.rowCount()))
    assert titles == sorted(_agreements_of(office_file, "Belo Horizonte"))
    assert len(titles) == 7  # six active, one expired; the tombstoned one is gone


def test_a_click_beside_the_dots_opens_nothing(qtbot: QtBot, office_file: Path) -> None:
    window = _window(qtbot, office_file)
    page = _dashboard(qtbot, window)
    emitted: list[object] = []
    page.territory_map.drill_requested.connect(emitted.append)
    qtbot.mouseClick(
        page.territory_map, Qt.MouseButton.LeftButton, pos=page.territory_map.rect().topLeft()
    )
    assert emitted == []


def test_an_office_without_a_territory_shows_no_map(qtbot: QtBot, tmp_path: Path) -> None:
    window = _window(qtbot, build_overview_office(tmp_path / "office.sqlite"))
    page = _dashboard(qtbot, window)
    assert page.overview is not None and not page.overview.is_empty
    assert not page.territory_section.isVisible()
    assert page.entities_section.isVisible()
    # the busiest entities are back in the row of themes and SDGs
    assert page.entities_section.geometry().top() == page.themes_section.geometry().top()
