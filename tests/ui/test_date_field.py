"""Dates typed the way people write them, in every form, in English, French and
Portuguese: what was understood is shown, nothing typed is dropped, empty is allowed,
and the calendar opens at today or at the field's date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from intl_desk.core.i18n import set_language
from intl_desk.core.model import Agreement, LocalEntity
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui.date_field import DateField
from intl_desk.ui.dialogs.agreement import AgreementDialog

TypeText = Callable[[QWidget, str], None]


@pytest.fixture(autouse=True)
def _discard_on_close(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forms left unsaved: closing them at teardown discards."""
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.Discard)


@pytest.fixture
def lyon(office_path: Path) -> OfficeFile:
    office = OfficeFile.open(office_path)
    with office.session() as session:
        session.add(LocalEntity(name="Ville de Lyon", kind="government"))
        session.commit()
    return office


def _form(qtbot: QtBot, office: OfficeFile, typist: TypeText) -> AgreementDialog:
    dialog = AgreementDialog(office)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)  # window shortcuts (Ctrl+S) act in the active window
    typist(dialog.ui.title, "Jumelage Lyon – Łódź")
    return dialog


def _type_date(qtbot: QtBot, field: QWidget, text: str, typist: TypeText) -> None:
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # over any date
    typist(field, text)
    QTest.keyClick(field, Qt.Key.Key_Tab)  # leaves the field, as people do


@pytest.mark.parametrize(
    ("language", "typed"),
    [
        ("en", "15/03/2024"),
        ("en", "15.03.2024"),
        ("en", "2024-03-15"),
        ("en", "15 March 2024"),
        ("fr", "15 mars 2024"),
        ("pt", "15 de março de 2024"),
        ("pt", "15/3/24"),
    ],
)
def test_a_typed_date_is_understood_shown_and_saved(
    qtbot: QtBot, lyon: OfficeFile, typist: TypeText, language: str, typed: str
) -> None:
    set_language(language)
    dialog = _form(qtbot, lyon, typist)
    field = dialog.ui.date_signed
    assert isinstance(field, DateField)
    _type_date(qtbot, field, typed, typist)
    assert not field.hasFocus()  # Tab left the field
    assert field.text() == "15/03/2024"  # what was understood, in one unambiguous form
    assert field.value() == date(2024, 3, 15)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.has_changes
    with lyon.session() as session:
        saved = session.scalars(select(Agreement)).all()
        assert [agreement.date_signed for agreement in saved] == [date(2024, 3, 15)]


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("31/02/2024", "“31/02/2024” is not a date that exists."),
        ("2011", "“2011” gives no day: type the whole date, like 15/03/2024."),
    ],
)
def test_a_date_that_cannot_be_read_is_kept_marked_and_not_saved(
    qtbot: QtBot, lyon: OfficeFile, typist: TypeText, typed: str, reason: str
) -> None:
    dialog = _form(qtbot, lyon, typist)
    field = dialog.ui.date_expires
    _type_date(qtbot, field, typed, typist)
    assert field.text() == typed  # never dropped
    assert dialog.error_labels["date_expires"].text() == reason
    assert not dialog.save_button.isEnabled()
    _type_date(qtbot, field, "01/04/2030", typist)
    assert dialog.save_button.isEnabled()


def test_a_date_can_be_emptied(qtbot: QtBot, lyon: OfficeFile, typist: TypeText) -> None:
    dialog = _form(qtbot, lyon, typist)
    field = dialog.ui.date_signed
    _type_date(qtbot, field, "15/03/2024", typist)
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(field, Qt.Key.Key_Delete)
    QTest.keyClick(field, Qt.Key.Key_Tab)
    assert field.value() is None and field.date() == QDate(1900, 1, 1)


def test_the_calendar_opens_at_today_then_at_the_fields_date(
    qtbot: QtBot, lyon: OfficeFile, typist: TypeText
) -> None:
    dialog = _form(qtbot, lyon, typist)
    field = dialog.ui.date_signed
    calendar = field.open_calendar()
    assert calendar.selectedDate() == QDate.currentDate()
    chosen = QDate(2023, 6, 15)
    calendar.setSelectedDate(chosen)
    calendar.activated.emit(chosen)  # what Enter on a day sends
    assert field.text() == "15/06/2023"
    assert field.open_calendar().selectedDate() == chosen
