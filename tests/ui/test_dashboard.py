"""The overview dashboard: the Overview button shows it, its figures are the records'
counts, every bar, country, tile and row opens the list behind it, filters apply, and
Print / Save as PDF writes what is on screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from overview_office import TODAY, YEAR, build_overview_office
from pypdf import PdfReader
from sqlalchemy import select
from user_input import choose

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from intl_desk.core.model import Agreement
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui.dashboard.page import DashboardPage
from intl_desk.ui.list_page import ListPage
from intl_desk.ui.main_window import MainWindow


@pytest.fixture(scope="module")
def office_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_overview_office(tmp_path_factory.mktemp("dashboard") / "office.sqlite")


def _open(qtbot: QtBot, window: MainWindow, path: Path) -> None:
    if hasattr(window, "file_opened"):
        with qtbot.waitSignal(window.file_opened, timeout=10_000):
            window.open_file(path, read_only=True)
    else:
        assert window.open_file(path, read_only=True)


@pytest.fixture
def window(qtbot: QtBot, office_file: Path) -> MainWindow:
    main = MainWindow()
    qtbot.addWidget(main)
    main.resize(1280, 800)
    main.show()
    _open(qtbot, main, office_file)
    return main


def _dashboard(window: MainWindow) -> DashboardPage:
    page: DashboardPage = window.overview.page
    page._today = lambda: TODAY
    window.overview.show_action.trigger()
    page.refresh()
    return page


def _wait_list(qtbot: QtBot, window: MainWindow, kind: str) -> ListPage:
    page = window.list_pages[kind]
    qtbot.waitUntil(lambda: window.pages.currentWidget() is page, timeout=5_000)
    qtbot.waitUntil(lambda: not getattr(page, "reading", False), timeout=10_000)
    qtbot.wait(10)
    qtbot.waitUntil(lambda: not getattr(page, "reading", False), timeout=10_000)
    return page


def _active_agreements(path: Path) -> list[Agreement]:
    with OfficeFile.open(path, read_only=True) as office, office.session() as session:
        records = list(session.scalars(select(Agreement)))
        for record in records:
            _ = [party.partner for party in record.parties]
        return [a for a in records if a.deleted_at is None and a.status == "active"]


def test_the_overview_button_shows_the_dashboard_with_the_records_counts(
    window: MainWindow, office_file: Path
) -> None:
    page = _dashboard(window)
    assert window.pages.currentWidget() is page
    tiles = {tile.label.text(): tile.value.text() for tile in page.tiles}
    assert tiles["Active agreements"] == str(len(_active_agreements(office_file)))
    assert tiles["Agreements signed"] == "6"  # every agreement signed up to the year
    notes = {tile.label.text(): tile.note.text() for tile in page.tiles}
    assert notes["Agreements signed"] == f"up to {YEAR}, of every status · 3 in {YEAR}"
    assert tiles["Partner countries"] == "3"
    assert tiles["Indicators on track"] == "75%"  # 3 of 4 judged by the evaluation engine
    assert page.scope_label.text().endswith(f"Year {YEAR} · All local entities")
    assert [bar.label for bar in page.themes.bars][:1] == ["Education"]
    assert page.entities.item(0, 0).text() == "São João del-Rei"


def test_a_map_country_opens_its_active_agreements(
    qtbot: QtBot, window: MainWindow, office_file: Path
) -> None:
    page = _dashboard(window)
    page.map.click_country("PL")
    agreements = _wait_list(qtbot, window, "agreements")
    assert agreements.facet_boxes["country"].currentData() == "PL"
    assert agreements.facet_boxes["status"].currentData() == "active"
    expected = [
        a for a in _active_agreements(office_file)
        if any(p.partner and p.partner.country_code == "PL" for p in a.parties)
    ]  # fmt: skip
    assert agreements.model.rowCount() == len(expected) == 2


def test_a_bar_and_a_year_open_the_agreements_behind_them(qtbot: QtBot, window: MainWindow) -> None:
    page = _dashboard(window)
    education = [bar.label for bar in page.themes.bars].index("Education")
    page.themes.click_bar(education)
    agreements = _wait_list(qtbot, window, "agreements")
    assert agreements.facet_boxes["theme"].currentData() == "education"
    assert agreements.model.rowCount() == 2

    page = _dashboard(window)
    page.years.click_year(len(page.years.series) - 1)
    agreements = _wait_list(qtbot, window, "agreements")
    assert agreements.facet_boxes["year"].currentData() == str(YEAR)
    assert agreements.facet_boxes["status"].currentData() == ""  # chosen before: cleared
    assert agreements.model.rowCount() == 3


def test_a_table_row_opens_the_record_or_list(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[tuple[str, str | None]] = []
    monkeypatch.setattr(window, "open_record", lambda kind, record: opened.append((kind, record)))
    page = _dashboard(window)
    page.expiring.click_row(0)
    assert opened and opened[0][0] == "agreements" and opened[0][1]
    page.entities.click_row(0)  # São João del-Rei: its active agreements
    agreements = _wait_list(qtbot, window, "agreements")
    assert agreements.model.rowCount() == 2


def test_changing_a_filter_refreshes_the_figures(qtbot: QtBot, window: MainWindow) -> None:
    page = _dashboard(window)
    choose(qtbot, page.country_box, data="VN")
    tiles = {tile.label.text(): tile.value.text() for tile in page.tiles}
    assert tiles["Active agreements"] == "1"
    assert "Partners in Vietnam" in page.scope_label.text()
    choose(qtbot, page.year_box, data=2025)
    assert page.current_filters().year == 2025
    notes = {t.label.text(): t.note.text() for t in page.tiles}
    assert notes["Agreements signed"].endswith("· 0 in 2025")


def test_print_saves_what_is_on_screen_and_opens_it(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "overview"
    opened: list[QUrl] = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kw: (str(target), ""))
    )
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(opened.append))
    page = _dashboard(window)
    choose(qtbot, page.country_box, data="PL")
    with qtbot.waitSignal(page.pdf_written):  # written in the background
        page.print_button.click()
    pdf = target.with_suffix(".pdf")
    assert opened and opened[0].toLocalFile() == str(pdf)
    first = PdfReader(pdf).pages[0].extract_text()
    assert "Partners in Poland" in first
    shown = {tile.label.text(): tile.value.text() for tile in page.tiles}
    lines = [line.strip() for line in first.splitlines()]
    assert lines[lines.index("Active agreements") - 1] == shown["Active agreements"] == "2"


def test_an_empty_office_file_says_what_to_do(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite"
    OfficeFile.create(path, "Ville de Łódź").close()
    main = MainWindow()
    qtbot.addWidget(main)
    main.show()
    _open(qtbot, main, path)
    page = _dashboard(main)
    assert page.stack.currentWidget() is page.empty_label
    assert "Nothing to show yet" in page.empty_label.text()
    assert "New agreement" in page.empty_label.text()


def test_the_dashboard_follows_a_saved_record(
    qtbot: QtBot, office_file: Path, tmp_path: Path
) -> None:
    from intl_desk.core.model import AgreementParty, Partner

    copy = tmp_path / "copy.sqlite"
    copy.write_bytes(office_file.read_bytes())
    main = MainWindow()
    qtbot.addWidget(main)
    main.show()
    if hasattr(main, "file_opened"):
        with qtbot.waitSignal(main.file_opened, timeout=10_000):
            main.open_file(copy)
    else:
        assert main.open_file(copy)
    page = _dashboard(main)
    before = {t.label.text(): t.value.text() for t in page.tiles}["Active agreements"]
    with main.session() as session:
        porto = session.scalars(select(Partner).where(Partner.name == "Porto")).one()
        agreement = Agreement(
            title="Nova cooperação – Porto", type="mou", status="active", date_signed=TODAY
        )
        agreement.parties.append(AgreementParty(partner=porto))
        session.add(agreement)
        session.commit()
    main.reload()  # what the window does after a form is saved
    after = {t.label.text(): t.value.text() for t in page.tiles}["Active agreements"]
    assert int(after) == int(before) + 1


def test_clicking_on_the_map_hits_the_country_under_the_pointer(
    qtbot: QtBot, window: MainWindow
) -> None:
    from PySide6.QtCore import QPointF, Qt

    from intl_desk.core.overview.world import project
    from intl_desk.ui.dashboard.world_map import country_paths

    page = _dashboard(window)
    world_map = page.map
    x, y = project(19.0, 52.0)  # central Poland
    point = world_map._transform().map(QPointF(x, -y)).toPoint()
    assert world_map.country_at(QPointF(point)) == "PL"
    assert dict(country_paths())["PL"].contains(QPointF(x, -y))
    with qtbot.waitSignal(world_map.drill_requested) as blocker:
        qtbot.mouseClick(world_map, Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args[0].facet_dict() == {"country": "PL", "status": "active"}
