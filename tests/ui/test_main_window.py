"""The main window: lists, search, facets, columns, the Today page, the File menu."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session
from user_input import choose, type_text
from window_files import open_and_wait

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QToolBar, QWidget
from pytestqt.qtbot import QtBot

from intl_desk.core import vocabularies as vocab
from intl_desk.core.listing import ListQuery, ListSpec
from intl_desk.core.model import Agreement, AgreementParty, LocalEntity, Partner
from intl_desk.store import search_query
from intl_desk.store.errors import CorruptFile
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui import list_page, list_reads, table_model
from intl_desk.ui.dialogs import register_all
from intl_desk.ui.dialogs.partner import PartnerDialog
from intl_desk.ui.list_page import ListPage
from intl_desk.ui.main_window import MainWindow


@pytest.fixture
def filled(office_path: Path) -> Path:
    with OfficeFile.open(office_path) as office, office.session() as session:
        lyon = LocalEntity(name="Ville de Lyon", kind="government")
        partners = [Partner(name="Łódź", kind="city", country_code="PL"),
                    Partner(name="Córdoba", kind="city", country_code="AR"),
                    Partner(name="Huế", kind="city", country_code="VN")]
        soon = date.today() + timedelta(days=30)
        for number, partner in enumerate(partners):
            agreement = Agreement(title=f"Jumelage Lyon – {partner.name}", type="twinning",
                                  status="active", date_signed=date(1990 + number, 1, 1),
                                  date_expires=soon if number == 0 else None,
                                  renewal_reminder_days=90)
            agreement.parties.extend([AgreementParty(local_entity=lyon),
                                      AgreementParty(partner=partner)])
            session.add(agreement)
        session.commit()
    return office_path


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    register_all()
    main = MainWindow()
    qtbot.addWidget(main)
    return main


def show_and_wait(qtbot: QtBot, window: MainWindow, kind: str) -> ListPage:
    """Go to a list and wait until every row of it has been read."""
    page = window.show_list(kind)
    qtbot.waitUntil(lambda: page.model.loaded and not page.reading, timeout=10_000)
    return page


def test_opening_a_file_fills_title_lists_and_today(
    window: MainWindow, filled: Path, qtbot: QtBot
) -> None:
    open_and_wait(qtbot, window, filled)
    assert window.windowTitle() == "Ville de Lyon — office.sqlite — Intl Desk"
    assert window.file_label.text() == str(filled)
    assert window.mode_label.text() == "Editing"
    page = show_and_wait(qtbot, window, "agreements")
    assert page.model.rowCount() == 3
    assert page.count_label.text() == "3 shown"
    renewals = window.today_page.renewals.list
    qtbot.waitUntil(lambda: renewals.count() == 1)  # read in the background
    assert renewals.item(0).text().startswith("Jumelage Lyon – Łódź — expires")


def test_search_filters_as_you_type(window: MainWindow, filled: Path, qtbot: QtBot,
                                    typist: Callable[[QWidget, str], None]) -> None:
    open_and_wait(qtbot, window, filled)
    page = show_and_wait(qtbot, window, "agreements")
    typist(page.search_box, "lodz")  # no accents typed, still found
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=2000)
    assert page.model.data(page.model.index(0, 0)) == "Jumelage Lyon – Łódź"
    assert not page.clear_button.isHidden()
    page.search_box.clear()
    with qtbot.waitSignal(page.refreshed):
        page.apply_filters()
    assert page.model.rowCount() == 3


def test_a_word_every_row_holds_shows_its_first_page_then_the_rest(
    window: MainWindow, filled: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
    typist: Callable[[QWidget, str], None],
) -> None:
    """A word most agreements hold is answered with its count and the first page (walked
    in the list's order), and the rest of the list is read after: every row then shows,
    in order."""
    monkeypatch.setattr(search_query, "INDEXED_AT_MOST", 0)  # as in a file of 200,000
    monkeypatch.setattr(search_query, "WALK_COST_RATIO", 0)
    monkeypatch.setattr(list_reads, "PAGE_SIZE", 1)  # pages of one row
    monkeypatch.setattr(table_model, "PAGE_SIZE", 1)
    monkeypatch.setattr(list_page, "NARROW_WITHIN", 0)  # search the file, not the rows shown
    open_and_wait(qtbot, window, filled)
    page = show_and_wait(qtbot, window, "agreements")
    first_reads: list[tuple[int, int]] = []
    shown = page.show_first_read
    monkeypatch.setattr(page, "show_first_read",
                        lambda first: (first_reads.append((first.total, len(first.ids))),
                                       shown(first)))  # fmt: skip
    typist(page.search_box, "lyon")
    qtbot.waitUntil(lambda: bool(first_reads) and page.model.complete and not page.reading,
                    timeout=5000)  # fmt: skip
    assert first_reads[-1] == (3, 1)  # the count, and the first page of one row
    titles = [page.model.data(page.model.index(row, 0)) for row in range(page.model.rowCount())]
    assert titles == ["Jumelage Lyon – Huế", "Jumelage Lyon – Córdoba", "Jumelage Lyon – Łódź"]
    assert page.count_label.text() == "3 shown"


def test_facet_and_empty_result(window: MainWindow, filled: Path, qtbot: QtBot) -> None:
    open_and_wait(qtbot, window, filled)
    page = show_and_wait(qtbot, window, "agreements")
    country = page.facet_boxes["country"]
    labels = [country.itemText(i) for i in range(country.count())]
    assert labels == ["Country: all", "Argentina", "Poland", "Vietnam"]
    with qtbot.waitSignal(page.refreshed):
        choose(qtbot, country, "Vietnam")
    assert page.model.rowCount() == 1
    with qtbot.waitSignal(page.refreshed):
        choose(qtbot, page.facet_boxes["status"], data="expired")
    assert page.model.rowCount() == 0
    assert page.stack.currentWidget() is page.empty_label
    assert page.empty_label.text() == "Nothing matches these filters."
    with qtbot.waitSignal(page.refreshed):
        page.clear_filters()
    assert page.model.rowCount() == 3


def test_sorting_by_a_header_rereads_the_list(
    window: MainWindow, filled: Path, qtbot: QtBot
) -> None:
    window.show()
    open_and_wait(qtbot, window, filled, page="agreements")
    page = show_and_wait(qtbot, window, "agreements")
    assert page.model.data(page.model.index(0, 0)) == "Jumelage Lyon – Huế"  # newest first
    title = [column.key for column in page.spec.columns].index("title")
    header = page.table.horizontalHeader()
    with qtbot.waitSignal(page.refreshed):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                         pos=QPoint(header.sectionViewportPosition(title) + 10, 5))
    assert header.sortIndicatorSection() == title
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    assert [page.model.data(page.model.index(row, 0)) for row in range(3)] == [
        "Jumelage Lyon – Córdoba", "Jumelage Lyon – Huế", "Jumelage Lyon – Łódź"]


def test_an_empty_file_says_what_to_do(
    window: MainWindow, office_path: Path, qtbot: QtBot
) -> None:
    open_and_wait(qtbot, window, office_path)
    page = show_and_wait(qtbot, window, "agreements")
    assert page.stack.currentWidget() is page.empty_label
    assert "Record your first one" in page.empty_label.text()
    recent = window.today_page.recent.list
    qtbot.waitUntil(lambda: recent.count() > 0)  # read in the background
    assert recent.item(0).text().startswith("Nothing recorded yet")


def test_column_choice_is_remembered(qtbot: QtBot, filled: Path) -> None:
    register_all()
    first = MainWindow()
    qtbot.addWidget(first)
    open_and_wait(qtbot, first, filled)
    page = show_and_wait(qtbot, first, "agreements")
    page.set_column_visible("reference", True)
    page.set_column_visible("partners", False)
    first.close()
    second = MainWindow()
    qtbot.addWidget(second)
    open_and_wait(qtbot, second, filled)
    page = show_and_wait(qtbot, second, "agreements")
    keys = [column.key for column in page.spec.columns]
    assert not page.table.isColumnHidden(keys.index("reference"))
    assert page.table.isColumnHidden(keys.index("partners"))


def test_double_click_opens_the_record(window: MainWindow, filled: Path, qtbot: QtBot) -> None:
    open_and_wait(qtbot, window, filled)
    page = show_and_wait(qtbot, window, "partners")
    page.table.doubleClicked.emit(page.model.index(0, 0))
    dialog = window.open_dialogs[-1]
    assert isinstance(dialog, PartnerDialog)
    assert dialog.ui.name.text() == "Córdoba"  # sorted by name, accents folded


def test_read_only_file_is_marked(window: MainWindow, filled: Path, qtbot: QtBot) -> None:
    open_and_wait(qtbot, window, filled, read_only=True)
    assert window.mode_label.text() == "Read-only"
    assert window.mode_label.styleSheet()  # highlighted, not plain status text
    page = window.show_list("agreements")
    assert not page.new_button.isEnabled()
    assert not window.import_action.isEnabled() and not window.merge_action.isEnabled()
    assert window.export_action.isEnabled() and window.copy_action.isEnabled()
    assert not window.new_record_action.isEnabled()
    steps = [b for b in window.today_page.first_steps.buttons.values() if not b.isHidden()]
    assert steps and not any(button.isEnabled() for button in steps)  # shown, not offered
    window.open_record("projects", None)  # e.g. from the overview: refused, said
    assert not any(dialog.isVisible() for dialog in window.open_dialogs)
    assert "read-only" in window.statusBar().currentMessage()


def test_an_editable_file_takes_new_records(
    window: MainWindow, filled: Path, qtbot: QtBot
) -> None:
    open_and_wait(qtbot, window, filled)
    assert window.show_list("agreements").new_button.isEnabled()
    assert window.import_action.isEnabled() and window.merge_action.isEnabled()


def test_without_a_file_only_file_actions_are_offered(
    window: MainWindow, filled: Path, qtbot: QtBot
) -> None:
    window.show()
    toolbars = window.findChildren(QToolBar)
    assert toolbars and not any(toolbar.isVisible() for toolbar in toolbars)
    open_and_wait(qtbot, window, filled)
    assert all(toolbar.isVisible() for toolbar in toolbars)
    window.close_file()
    assert not window.copy_action.isEnabled() and not window.export_action.isEnabled()
    assert window.open_action.isEnabled() and window.new_action.isEnabled()


def test_refused_file_leaves_the_window_usable(window: MainWindow, tmp_path: Path, filled: Path,
                                               monkeypatch: pytest.MonkeyPatch,
                                               qtbot: QtBot) -> None:
    warnings: list[str] = []
    monkeypatch.setattr("intl_desk.ui.main_window.QMessageBox.warning",
                        lambda parent, title, text: warnings.append(text))
    bad = tmp_path / "minutes.sqlite"
    bad.write_text("not a database")
    with qtbot.waitSignal(window.open_failed):
        window.open_file(bad)
    assert len(warnings) == 1 and "minutes.sqlite" in warnings[0]
    assert window.office is None
    assert not window.busy.busy
    open_and_wait(qtbot, window, filled)  # the next file opens as usual
    assert window.office is not None


def test_opening_runs_in_the_background_and_fills_the_list(
    window: MainWindow, filled: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    opened_on: list[threading.Thread] = []
    real_open = OfficeFile.open

    def slow_open(path: Path, *, read_only: bool = False, **options: bool) -> OfficeFile:
        opened_on.append(threading.current_thread())
        release.wait(10)  # a big file's integrity check
        return real_open(path, read_only=read_only, **options)

    monkeypatch.setattr("intl_desk.ui.opening.OfficeFile.open", slow_open)
    window.show()
    operation = window.open_file(filled, page="agreements")
    assert operation is not None and window.opening
    assert window.office is None  # returned at once, the file is still being checked
    qtbot.waitUntil(window.busy.isVisible)  # the event loop runs: progress is shown
    qtbot.waitUntil(lambda: window.busy.label.text() == "Checking office.sqlite…")
    assert window.open_file(filled) is None  # one opening at a time
    with qtbot.waitSignal(window.file_opened, timeout=10_000):
        release.set()
    assert opened_on and opened_on[0] is not threading.main_thread()
    page = window.list_pages["agreements"]
    assert window.pages.currentWidget() is page
    assert page.model.rowCount() == 3 and page.count_label.text() == "3 shown"
    assert page.model.data(page.model.index(0, 0)) == "Jumelage Lyon – Huế"
    qtbot.waitUntil(lambda: not window.busy.busy)
    assert window.busy.isHidden()


def test_the_welcome_page_waits_while_a_file_opens(
    window: MainWindow, filled: Path, tmp_path: Path, qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A file given on the command line is checked behind the welcome page: its choices
    (the demo, another file) cannot start a second opening meanwhile, and come back once
    the file is open or could not be opened."""
    release = threading.Event()
    real_open = OfficeFile.open

    def slow_open(path: Path, *, read_only: bool = False, **options: bool) -> OfficeFile:
        release.wait(10)  # a big file's integrity check
        return real_open(path, read_only=read_only, **options)

    monkeypatch.setattr("intl_desk.ui.opening.OfficeFile.open", slow_open)
    demos: list[bool] = []
    monkeypatch.setattr(window, "open_demo", lambda: demos.append(True))
    window.welcome.demo_requested.disconnect()
    window.welcome.demo_requested.connect(window.open_demo)
    window.show()
    window.open_file(filled)
    qtbot.waitUntil(window.busy.isVisible)
    qtbot.mouseClick(window.welcome.demo_button, Qt.MouseButton.LeftButton)
    assert not demos  # nothing else starts while the file is checked
    with qtbot.waitSignal(window.file_opened, timeout=10_000):
        release.set()
    assert window.welcome.isEnabled()
    window.close_file()
    not_a_file = tmp_path / "notes.sqlite"
    not_a_file.write_text("not an office file", encoding="utf-8")
    monkeypatch.setattr("intl_desk.ui.main_window.QMessageBox.warning", lambda *_a: None)
    with qtbot.waitSignal(window.open_failed, timeout=10_000):
        window.open_file(not_a_file)
    qtbot.mouseClick(window.welcome.demo_button, Qt.MouseButton.LeftButton)
    assert demos == [True]  # usable again after a failed opening


def test_a_failed_list_read_is_shown_and_the_window_stays_usable(
    window: MainWindow, filled: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_and_wait(qtbot, window, filled)
    page = show_and_wait(qtbot, window, "agreements")
    warnings: list[tuple[str, str]] = []
    monkeypatch.setattr("intl_desk.ui.operations.QMessageBox.warning",
                        lambda parent, title, text: warnings.append((title, text)))

    def unplugged(*_args: object) -> None:
        raise CorruptFile(filled, detail="disk I/O error")

    reads = {name: getattr(list_reads, name) for name in ("first_ids", "matching_among")}
    for name in reads:
        monkeypatch.setattr(list_reads, name, unplugged)
    type_text(page.search_box, "lodz")
    page.apply_filters()
    qtbot.waitUntil(lambda: len(warnings) == 1)
    assert warnings[0][0] == "Cannot read the list"
    assert "office.sqlite" in warnings[0][1]
    assert page.model.rowCount() == 3  # what was shown stays
    for name, read in reads.items():  # plugged back in
        monkeypatch.setattr(list_reads, name, read)
    with qtbot.waitSignal(page.refreshed):
        page.apply_filters()
    assert page.model.rowCount() == 1
    with qtbot.waitSignal(window.list_pages["partners"].refreshed):
        window.show_list("partners")


def test_save_a_copy_runs_in_the_background(
    window: MainWindow, filled: Path, tmp_path: Path, qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch
) -> None:
    open_and_wait(qtbot, window, filled)
    copy = tmp_path / "copie pour Łódź.sqlite"
    monkeypatch.setattr("intl_desk.ui.main_window.QFileDialog.getSaveFileName",
                        lambda *_args: (str(copy), ""))
    window.copy_action.trigger()
    assert window.busy.busy  # returned at once, the copy is being written
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Copy saved"))
    with OfficeFile.open(copy, read_only=True) as office, office.session() as session:
        assert len(session.scalars(select(Agreement.id)).all()) == 3


def test_typing_before_the_list_is_read_keeps_its_filters(
    window: MainWindow, filled: Path, qtbot: QtBot
) -> None:
    open_and_wait(qtbot, window, filled)
    page = window.show_list("agreements")  # its first read starts…
    type_text(page.search_box, "lodz")
    page.apply_filters()  # …and is replaced by this one at once
    qtbot.waitUntil(lambda: page.model.loaded and not page.reading, timeout=10_000)
    assert page.model.rowCount() == 1
    country = page.facet_boxes["country"]
    assert [country.itemText(i) for i in range(country.count())] == [
        "Country: all", "Argentina", "Poland", "Vietnam"]


def test_typing_more_looks_only_at_the_rows_already_found(
    window: MainWindow, filled: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_and_wait(qtbot, window, filled)
    page = show_and_wait(qtbot, window, "agreements")
    looked_at: list[int] = []
    narrow = list_reads.matching_among

    def spy(session: Session, spec: ListSpec, query: ListQuery, ids: list[str]) -> list[str]:
        looked_at.append(len(ids))
        return narrow(session, spec, query, ids)

    monkeypatch.setattr(list_reads, "matching_among", spy)
    for text, rows in (("co", 1), ("cor", 1), ("lyon", 3)):
        page.search_box.clear()  # what Ctrl+A and a new word do, without the search it starts
        type_text(page.search_box, text)
        with qtbot.waitSignal(page.refreshed):
            page.apply_filters()
        assert page.model.rowCount() == rows
    assert looked_at == [3, 1]  # "co" within all 3, "cor" within the 1; "lyon" is no narrowing
    assert page.model.data(page.model.index(0, 0)) == "Jumelage Lyon – Huế"


def test_closing_the_window_while_a_file_opens_releases_it(
    window: MainWindow, filled: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    real_open = OfficeFile.open

    def slow_open(path: Path, *, read_only: bool = False, **options: bool) -> OfficeFile:
        release.wait(10)
        return real_open(path, read_only=read_only, **options)

    monkeypatch.setattr("intl_desk.ui.opening.OfficeFile.open", slow_open)
    operation = window.open_file(filled)
    assert operation is not None
    window.close()
    release.set()
    qtbot.waitUntil(lambda: not operation.running, timeout=10_000)
    assert window.office is None
    with real_open(filled) as again:  # for editing: its lock was released
        assert again.path == filled


@pytest.mark.parametrize("language", ["fr", "pt"])
def test_filters_are_not_cut_in_longer_languages(
    qtbot: QtBot, filled: Path, language: str
) -> None:
    from intl_desk.core.i18n import set_language

    set_language(language)
    register_all()
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    open_and_wait(qtbot, window, filled)
    for kind, page in window.list_pages.items():
        window.show_list(kind)
        qtbot.waitUntil(lambda page=page: page.facet_boxes == {} or all(
            box.count() for box in page.facet_boxes.values()))
        for box in page.facet_boxes.values():
            text = box.itemText(0)
            assert box.width() > box.fontMetrics().horizontalAdvance(text) + 16, (kind, text)
        header = page.table.horizontalHeader()
        for number in range(header.count()):  # column titles whole ("Quantidade de objetivos")
            title = page.model.headerData(number, Qt.Orientation.Horizontal)
            wanted = min(list_page.MAX_CHOICE_COLUMN, header.fontMetrics().horizontalAdvance(title))
            assert page.table.isColumnHidden(number) or header.sectionSize(number) > wanted, (
                kind, title)  # fmt: skip
    # eleven agreement filters pushed the window to 1,424 pixels in French: it fits 1280
    assert window.width() <= 1280 and window.minimumSizeHint().width() <= 1280
    # a column of choices shows its choices whole; the room left goes to the names
    partners = window.show_list("partners")
    keys = [column.key for column in partners.spec.columns]
    city = vocab.PARTNER_KINDS.label("city")  # "Cidade ou município"
    metrics = partners.table.fontMetrics()
    assert partners.table.columnWidth(keys.index("kind")) >= metrics.horizontalAdvance(city) + 8
    count = keys.index("agreements")
    assert partners.table.columnWidth(0) > 2 * partners.table.columnWidth(count)


def test_double_clicking_a_row_twice_opens_one_window(
    window: MainWindow, filled: Path, qtbot: QtBot
) -> None:
    """Two forms of one record would let the older one save stale values over newer ones."""
    open_and_wait(qtbot, window, filled)
    window.show()
    qtbot.waitExposed(window)
    page = show_and_wait(qtbot, window, "partners")
    viewport = page.table.viewport()
    centre = page.table.visualRect(page.model.index(0, 0)).center()

    def double_click() -> None:  # what the system sends: a click, then the double click
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=centre)
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=centre)

    double_click()
    first = [d for d in window.open_dialogs if d.isVisible()]
    assert len(first) == 1
    double_click()
    assert [d for d in window.open_dialogs if d.isVisible()] == first
    window.open_record("partners", first[0].record.id)  # e.g. from the overview
    assert [d for d in window.open_dialogs if d.isVisible()] == first
    first[0].close()
    double_click()
    again = [d for d in window.open_dialogs if d.isVisible()]
    assert len(again) == 1 and again[0] is not first[0]  # a closed form is not reused


def test_other_filters_never_show_the_previous_rows_while_reading(
    window: MainWindow, filled: Path, qtbot: QtBot
) -> None:
    """A drill-down or a filter: until the new rows are read, the old ones are hidden and
    the count says so — a manager must not read the previous list under the new filter."""
    open_and_wait(qtbot, window, filled)
    window.show()
    qtbot.waitExposed(window)
    page = show_and_wait(qtbot, window, "agreements")
    assert page.stack.currentWidget() is page.table and page.model.rowCount() == 3
    box = page.facet_boxes["country"]
    box.setFocus()
    QTest.keyClick(box, Qt.Key.Key_Down)  # the first country, as a person picks it
    assert box.currentData()
    # before the new rows are in, nothing of the previous list is on screen
    assert page.stack.currentWidget() is not page.table
    assert page.count_label.text() == "reading…"
    qtbot.waitUntil(lambda: page.model.loaded and not page.reading, timeout=10_000)
    assert page.stack.currentWidget() is page.table
    assert page.model.rowCount() == 1
    assert page.count_label.text() == "1 shown"


def test_a_rows_context_menu_opens_and_copies_it(
    window: MainWindow, filled: Path, qtbot: QtBot
) -> None:
    open_and_wait(qtbot, window, filled)
    window.show()
    qtbot.waitExposed(window)
    page = show_and_wait(qtbot, window, "partners")
    seen: list[list[str]] = []

    def choose(label: str) -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        seen.append([action.text() for action in menu.actions()])
        chosen = next(action for action in menu.actions() if action.text() == label)
        QTest.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(chosen).center())

    def right_click_first_row(label: str) -> None:
        QTimer.singleShot(0, lambda: choose(label))
        viewport = page.table.viewport()
        position = page.table.visualRect(page.model.index(0, 0)).center()
        # what the window system delivers for a right click (QTest has no such click)
        right_click = QContextMenuEvent(
            QContextMenuEvent.Reason.Mouse, position, viewport.mapToGlobal(position)
        )
        QApplication.sendEvent(viewport, right_click)

    right_click_first_row("Copy the row")
    assert seen == [
        ["Open", "Duplicate", "", "Copy the row", "Export the selection…", "", "Delete…"]
    ]
    assert QApplication.clipboard().text().startswith("Córdoba\t")
    right_click_first_row("Open")
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.open_dialogs))
    assert [d.record.name for d in window.open_dialogs if d.isVisible()] == ["Córdoba"]


def test_ctrl_f_goes_to_the_search_box(window: MainWindow, filled: Path, qtbot: QtBot) -> None:
    open_and_wait(qtbot, window, filled)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    page = show_and_wait(qtbot, window, "agreements")
    page.table.setFocus()
    QTest.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search_box.hasFocus()


def test_place_names_are_read_off_the_gui_thread_when_the_window_shows(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first place typed in a form no longer waits for the gazetteer (it froze the
    window for seconds): the app reads it on a worker as soon as the window is shown."""
    from intl_desk.core import reference

    reference._built_gazetteer.cache_clear()
    read_on: list[threading.Thread] = []
    real = reference._city_lines

    def reading() -> Iterator[tuple[int, str, str, str, float, float, int]]:
        read_on.append(threading.current_thread())
        return real()

    monkeypatch.setattr(reference, "_city_lines", reading)
    window.show()
    operation = window.warm_up_in_background()
    qtbot.waitUntil(lambda: not operation.running, timeout=10_000)
    assert read_on and all(thread is not threading.main_thread() for thread in read_on)
    reads = len(read_on)
    assert reference.search_cities("sao joao del")[0].name == "São João del Rei"
    assert len(read_on) == reads  # the form's first search found it ready
