"""Closing a record form: by the Close button, Escape or the window's close box."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from user_input import open_tab

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from intl_desk.core.model import Partner
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui.dialogs.agreement import AgreementDialog
from intl_desk.ui.dialogs.partner import PartnerDialog

TypeText = Callable[[QWidget, str], None]


@pytest.fixture
def partner_dialog(qtbot: QtBot, office: OfficeFile) -> PartnerDialog:
    with office.session() as session:
        session.add(Partner(id="p-cordoba", name="Córdoba", kind="city", country_code="AR"))
        session.commit()
    dialog = PartnerDialog(office, "p-cordoba")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def answer_with(
    monkeypatch: pytest.MonkeyPatch, answer: QMessageBox.StandardButton
) -> list[str]:
    asked: list[str] = []

    def question(_parent: object, title: str, *_args: object) -> QMessageBox.StandardButton:
        asked.append(title)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def close_button(dialog: PartnerDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Close).click()


def name_in_file(office_path: Path) -> str:
    with OfficeFile.open(office_path, read_only=True) as reopened, reopened.session() as session:
        partner = session.get(Partner, "p-cordoba")
        assert partner is not None
        return partner.name


@pytest.mark.parametrize(
    "close",
    [close_button, lambda dialog: dialog.close(), lambda dialog: dialog.reject()],
    ids=["close-button", "close-box", "escape"],
)
def test_an_unchanged_form_closes_without_asking(
    partner_dialog: PartnerDialog,
    monkeypatch: pytest.MonkeyPatch,
    close: Callable[[PartnerDialog], None],
) -> None:
    asked = answer_with(monkeypatch, QMessageBox.StandardButton.Cancel)
    close(partner_dialog)
    assert not partner_dialog.isVisible()
    assert asked == []


@pytest.mark.parametrize(
    "close", [close_button, lambda dialog: dialog.close()], ids=["close-button", "close-box"]
)
def test_discarding_changes_asks_once_closes_and_keeps_the_file(
    partner_dialog: PartnerDialog,
    office: OfficeFile,
    office_path: Path,
    typist: TypeText,
    monkeypatch: pytest.MonkeyPatch,
    close: Callable[[PartnerDialog], None],
) -> None:
    typist(partner_dialog.ui.name, " (Argentina)")
    asked = answer_with(monkeypatch, QMessageBox.StandardButton.Discard)
    close(partner_dialog)
    assert asked == ["Unsaved changes"]
    assert not partner_dialog.isVisible()
    office.close()
    assert name_in_file(office_path) == "Córdoba"


def test_cancel_keeps_the_form_open_with_the_typed_text(
    partner_dialog: PartnerDialog, typist: TypeText, monkeypatch: pytest.MonkeyPatch
) -> None:
    typist(partner_dialog.ui.name, " capital")
    answer_with(monkeypatch, QMessageBox.StandardButton.Cancel)
    close_button(partner_dialog)
    assert partner_dialog.isVisible()
    assert partner_dialog.ui.name.text() == "Córdoba capital"


def test_save_on_close_writes_the_change(
    partner_dialog: PartnerDialog,
    office: OfficeFile,
    office_path: Path,
    typist: TypeText,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    typist(partner_dialog.ui.name, " capital")
    answer_with(monkeypatch, QMessageBox.StandardButton.Save)
    partner_dialog.close()
    assert not partner_dialog.isVisible()
    office.close()
    assert name_in_file(office_path) == "Córdoba capital"


def test_escape_key_closes_an_unchanged_form(partner_dialog: PartnerDialog, qtbot: QtBot) -> None:
    qtbot.keyClick(partner_dialog, Qt.Key.Key_Escape)
    assert not partner_dialog.isVisible()


def _agreement_form(qtbot: QtBot, office: OfficeFile) -> AgreementDialog:
    dialog = AgreementDialog(office)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):  # keys reach the focused field of the active window
        dialog.show()
        dialog.activateWindow()
    return dialog


def _field(dialog: AgreementDialog, name: str, qtbot: QtBot) -> QWidget:
    """The widget a person types into for ``name``, on its tab."""
    ui = dialog.ui
    if name == "objective cell":
        open_tab(qtbot, dialog.tabs, dialog.tabs.indexOf(ui.parties_page))
        qtbot.mouseClick(dialog.objectives.add_button, Qt.MouseButton.LeftButton)
        widget = QApplication.focusWidget()
        assert widget is not None and dialog.objectives.table.isAncestorOf(widget)
        return widget
    widget = getattr(ui, name)
    for index in range(dialog.tabs.count()):
        if dialog.tabs.widget(index).isAncestorOf(widget):
            open_tab(qtbot, dialog.tabs, index)
    if isinstance(widget, QComboBox) and widget.isEditable() and widget.lineEdit():
        widget = widget.lineEdit()
    widget.setFocus()
    assert widget.hasFocus() or widget.isAncestorOf(QApplication.focusWidget())
    return QApplication.focusWidget() or widget


@pytest.mark.parametrize(
    "field", ["title", "summary", "type", "date_signed", "objective cell", "responsible_id"]
)
def test_escape_from_any_field_asks_about_unsaved_changes(
    qtbot: QtBot, office: OfficeFile, monkeypatch: pytest.MonkeyPatch, typist: TypeText, field: str
) -> None:
    dialog = _agreement_form(qtbot, office)
    typist(dialog.ui.title, "Jumelage Lyon – Łódź")
    focused = _field(dialog, field, qtbot)
    asked = answer_with(monkeypatch, QMessageBox.StandardButton.Cancel)
    if field == "objective cell":  # as in a spreadsheet, Escape first leaves the cell
        QTest.keyClick(focused, Qt.Key.Key_Escape)
        assert asked == []
        focused = QApplication.focusWidget()
    QTest.keyClick(focused, Qt.Key.Key_Escape)
    assert asked == ["Unsaved changes"]
    assert dialog.isVisible()  # Cancel: still there, still typed
    assert dialog.ui.title.text() == "Jumelage Lyon – Łódź"
