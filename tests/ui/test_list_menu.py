"""A list's rows as people work on them: several picked with Ctrl+click, then copied,
exported, deleted (asked first) or duplicated from the right-click menu."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from menu_helpers import window_on
from openpyxl import load_workbook
from sqlalchemy import select

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from intl_desk.core.model import Agreement, AgreementParty, LocalEntity, Partner
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui.dialogs.agreement import AgreementDialog
from intl_desk.ui.list_page import ListPage
from intl_desk.ui.main_window import MainWindow

NAMES = ["Córdoba", "Huế", "Łódź", "São João del-Rei"]


@pytest.fixture
def partners_file(office_path: Path) -> Path:
    with OfficeFile.open(office_path) as office, office.session() as session:
        lyon = LocalEntity(name="Ville de Lyon", kind="government")
        countries = ["AR", "VN", "PL", "BR"]
        partners = [
            Partner(name=name, kind="city", country_code=code)
            for name, code in zip(NAMES, countries, strict=True)
        ]
        agreement = Agreement(
            title="Jumelage Lyon – Łódź",
            type="twinning",
            status="active",
            date_signed=date(1991, 5, 3),
        )
        agreement.parties.extend(
            [AgreementParty(local_entity=lyon), AgreementParty(partner=partners[2])]
        )
        session.add_all([*partners, agreement])
        session.commit()
    return office_path


def _page(qtbot: QtBot, window: MainWindow, kind: str) -> ListPage:
    page = window.show_list(kind)
    qtbot.waitUntil(lambda: page.model.loaded and not page.reading, timeout=10_000)
    return page


def _row_of(page: ListPage, name: str) -> QModelIndex:
    for row in range(page.model.rowCount()):
        index = page.model.index(row, 0)
        if page.model.data(index) == name:
            return index
    raise AssertionError(f"{name} is not in the list")


def _click(qtbot: QtBot, page: ListPage, name: str, control: bool = False) -> None:
    modifier = Qt.KeyboardModifier.ControlModifier if control else Qt.KeyboardModifier(0)
    position = page.table.visualRect(_row_of(page, name)).center()
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, modifier, position)


def _right_click_and_choose(qtbot: QtBot, page: ListPage, name: str, entry: str) -> list[str]:
    """Right-click the row of ``name`` and click ``entry`` in the menu; the menu's entries."""
    seen: list[str] = []

    def choose() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        seen.extend(action.text() for action in menu.actions())
        chosen = next(action for action in menu.actions() if action.text() == entry)
        QTest.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(chosen).center())

    QTimer.singleShot(0, choose)
    viewport = page.table.viewport()
    position = page.table.visualRect(_row_of(page, name)).center()
    QApplication.sendEvent(  # what the window system delivers for a right click
        viewport,
        QContextMenuEvent(QContextMenuEvent.Reason.Mouse, position, viewport.mapToGlobal(position)),
    )
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    return seen


def _live_partners(path: Path) -> list[str]:
    with OfficeFile.open(path, read_only=True) as office, office.session() as session:
        query = select(Partner.name).where(Partner.deleted_at.is_(None))
        return list(session.scalars(query))


def test_two_rows_picked_with_ctrl_click_are_copied_and_deleted_after_asking(
    qtbot: QtBot, partners_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = window_on(qtbot, partners_file)
    page = _page(qtbot, window, "partners")
    _click(qtbot, page, "Córdoba")
    _click(qtbot, page, "Huế", control=True)
    entries = _right_click_and_choose(qtbot, page, "Huế", "Copy the rows")
    assert "Copy the rows" in entries
    lines = QApplication.clipboard().text().splitlines()
    assert [line.split("\t")[0] for line in lines] == ["Córdoba", "Huế"]

    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    _right_click_and_choose(qtbot, page, "Córdoba", "Delete…")
    assert "Delete these 2 partners?" in asked[0] and "• Huế" in asked[0]
    assert sorted(_live_partners(partners_file)) == sorted(NAMES)  # No: nothing deleted

    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.Yes)
    window.activateWindow()  # offscreen, nothing gives the window back after a menu
    qtbot.waitUntil(window.isActiveWindow)
    page.table.setFocus()
    QTest.keyClick(page.table, Qt.Key.Key_Delete)  # the Delete key does the same
    qtbot.waitUntil(lambda: page.model.rowCount() == 2 and not page.reading)
    assert sorted(_live_partners(partners_file)) == sorted(["Łódź", "São João del-Rei"])
    assert "Deleted 2 record(s)" in window.statusBar().currentMessage()


def test_the_selection_is_exported_alone(
    qtbot: QtBot, partners_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = window_on(qtbot, partners_file)
    page = _page(qtbot, window, "partners")
    target = tmp_path / "chosen partners.xlsx"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_args: (str(target), "Excel workbook (*.xlsx)")
    )
    _click(qtbot, page, "Łódź")
    _click(qtbot, page, "São João del-Rei", control=True)
    _right_click_and_choose(qtbot, page, "Łódź", "Export the selection…")
    qtbot.waitUntil(target.exists, timeout=10_000)
    sheet = load_workbook(target).active
    names = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert names == ["Łódź", "São João del-Rei"]


def test_duplicate_opens_a_copy_that_is_written_only_when_saved(
    qtbot: QtBot, partners_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Discard)
    window = window_on(qtbot, partners_file)
    page = _page(qtbot, window, "agreements")
    _right_click_and_choose(qtbot, page, "Jumelage Lyon – Łódź", "Duplicate")
    forms = [d for d in window.open_dialogs if d.isVisible()]
    assert len(forms) == 1 and isinstance(forms[0], AgreementDialog)
    copy = forms[0]
    assert copy.is_new and copy.ui.title.text() == "Jumelage Lyon – Łódź (copy)"
    assert copy.parties.table.rowCount() == 2  # the parties come along
    with OfficeFile.open(partners_file, read_only=True) as office, office.session() as session:
        assert len(session.scalars(select(Agreement)).all()) == 1  # nothing written yet
    qtbot.mouseClick(copy.save_button, Qt.MouseButton.LeftButton)
    with OfficeFile.open(partners_file, read_only=True) as office, office.session() as session:
        titles = sorted(session.scalars(select(Agreement.title)))
    assert titles == ["Jumelage Lyon – Łódź", "Jumelage Lyon – Łódź (copy)"]


def test_a_record_open_in_a_form_is_not_deleted_from_under_it(
    qtbot: QtBot, partners_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    window = window_on(qtbot, partners_file)
    page = _page(qtbot, window, "partners")
    position = page.table.visualRect(_row_of(page, "Huế")).center()
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=position)
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=position)
    assert [d.record.name for d in window.open_dialogs if d.isVisible()] == ["Huế"]
    _right_click_and_choose(qtbot, page, "Huế", "Delete…")
    assert told == ["“Huế” is open in a form: close it first, then delete."]
    assert "Huế" in _live_partners(partners_file)
