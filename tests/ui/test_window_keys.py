"""The keys a desktop user expects across the app's windows: Ctrl+N makes a record of
the list on screen, Ctrl+W closes a form or the file, Ctrl+Q quits from any window —
and nothing typed in an open form is lost on the way."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from menu_helpers import window_on
from sqlalchemy import select
from user_input import pick_completion

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from intl_desk.core.model import Partner
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui.combo_search import FoldedSearch
from intl_desk.ui.dialogs.agreement import AgreementDialog
from intl_desk.ui.dialogs.partner import PartnerDialog
from intl_desk.ui.main_window import MainWindow
from intl_desk.ui.record_dialog import RecordDialog

TypeText = Callable[[QWidget, str], None]
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> list[QMessageBox.StandardButton]:
    """The answers given, in turn, to "Save your changes before closing?"."""
    given: list[QMessageBox.StandardButton] = []

    def question(*_args: object) -> QMessageBox.StandardButton:
        # unanswered (a test that failed half-way, closing at teardown): discard
        return given.pop(0) if given else QMessageBox.StandardButton.Discard

    monkeypatch.setattr(QMessageBox, "question", question)
    return given


def _press(keys: Qt.Key, widget: QWidget | None = None) -> None:
    target = widget or QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None
    QTest.keyClick(target, keys, CTRL)


def _visible_forms(window: MainWindow) -> list[RecordDialog]:
    return [d for d in window.open_dialogs if isinstance(d, RecordDialog) and d.isVisible()]


def _form_with_typing(qtbot: QtBot, window: MainWindow, typist: TypeText) -> PartnerDialog:
    page = window.show_list("partners")
    _press(Qt.Key.Key_N, page.search_box)
    forms = _visible_forms(window)
    assert len(forms) == 1 and isinstance(forms[0], PartnerDialog)
    form = forms[0]
    qtbot.waitUntil(form.isActiveWindow)  # typing goes to the new form
    typist(form.ui.name, "Córdoba")
    return form


def test_ctrl_n_makes_a_record_of_the_list_on_screen(
    qtbot: QtBot, office_path: Path, answers: list[QMessageBox.StandardButton]
) -> None:
    window = window_on(qtbot, office_path)
    _press(Qt.Key.Key_N, window.today_page)  # Today: an agreement, the central record
    assert [type(d) for d in _visible_forms(window)] == [AgreementDialog]
    form = _visible_forms(window)[0]
    qtbot.waitUntil(form.isActiveWindow)  # typing goes to the new form
    _press(Qt.Key.Key_W, form.ui.title)  # Ctrl+W: an untouched form just closes
    assert _visible_forms(window) == []
    assert window.office is not None  # the form closed, not the file
    with qtbot.waitActive(window):
        window.activateWindow()
    page = window.show_list("partners")  # empty: the search box has the focus
    _press(Qt.Key.Key_N, page.search_box)
    assert [type(d) for d in _visible_forms(window)] == [PartnerDialog]
    form = _visible_forms(window)[0]
    qtbot.waitUntil(form.isActiveWindow)
    QTest.keyClicks(QApplication.focusWidget(), "Cordoba")  # typed at once, no click first
    assert form.ui.name.text() == "Cordoba"
    answers.append(QMessageBox.StandardButton.Discard)


def test_ctrl_q_from_a_form_asks_about_its_changes_first(
    qtbot: QtBot,
    office_path: Path,
    typist: TypeText,
    answers: list[QMessageBox.StandardButton],
) -> None:
    window = window_on(qtbot, office_path)
    form = _form_with_typing(qtbot, window, typist)
    answers.append(QMessageBox.StandardButton.Cancel)
    _press(Qt.Key.Key_Q, form.ui.name)  # pressed in the form's window, not the main one
    assert answers == []  # the question was asked
    assert form.isVisible() and window.isVisible()  # Cancel: everything stays
    assert form.ui.name.text() == "Córdoba"
    answers.append(QMessageBox.StandardButton.Save)
    _press(Qt.Key.Key_Q, form.ui.name)  # Save, but the country is missing: nothing closes
    assert form.isVisible() and window.isVisible()
    assert form.error_labels["country_code"].text() == "Choose a country."
    _choose_country(qtbot, form, typist)
    answers.append(QMessageBox.StandardButton.Save)
    _press(Qt.Key.Key_Q, form.ui.name)
    assert not window.isVisible() and not form.isVisible()
    with OfficeFile.open(office_path, read_only=True) as office, office.session() as session:
        assert [(p.name, p.country_code) for p in session.scalars(select(Partner))] == [
            ("Córdoba", "AR")
        ]


def _choose_country(qtbot: QtBot, form: PartnerDialog, typist: TypeText) -> None:
    country = form.ui.country_code
    search = country.findChild(FoldedSearch)
    assert isinstance(search, FoldedSearch) and country.lineEdit() is not None
    typist(country.lineEdit(), "argentin")
    pick_completion(qtbot, search.completer)
    assert country.currentData() == "AR"


def test_ctrl_w_closes_the_file_only_once_its_forms_are_closed(
    qtbot: QtBot,
    office_path: Path,
    typist: TypeText,
    answers: list[QMessageBox.StandardButton],
) -> None:
    window = window_on(qtbot, office_path)
    form = _form_with_typing(qtbot, window, typist)
    with qtbot.waitActive(window):
        window.activateWindow()
    answers.append(QMessageBox.StandardButton.Cancel)
    _press(Qt.Key.Key_W, window.navigation)
    assert answers == []  # asked
    assert window.office is not None and form.isVisible()  # the person chose to stay
    qtbot.waitUntil(form.isActiveWindow)  # the form came forward
    answers.append(QMessageBox.StandardButton.Discard)
    _click_menu_entry(qtbot, window, "&File", window.close_action)  # File › Close this time
    assert answers == []  # asked again
    assert window.office is None and not form.isVisible()
    assert window.body.currentIndex() == 0  # the welcome page


def _click_menu_entry(qtbot: QtBot, window: MainWindow, title: str, entry: QAction) -> None:
    bar = window.menuBar()
    heading = next(action for action in bar.actions() if action.text() == title)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(heading).center())
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(entry).center())
