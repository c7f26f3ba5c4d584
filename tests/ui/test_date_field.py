"""Dates typed the way people write them, in every form, in English, French and
Portuguese: what was understood is shown, nothing typed is dropped, empty is allowed,
and the calendar opens at today or at the field's date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from form_helpers import refused_save
from sqlalchemy import select

from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from intl_desk.core.i18n import set_language
from intl_desk.core.model import Agreement, LocalEntity, Project
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui.date_field import DateField
from intl_desk.ui.dialogs.agreement import AgreementDialog
from intl_desk.ui.dialogs.project import ProjectDialog

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
    field = dialog.ui.date_proposed  # a proposal is a day: a year alone is not enough
    _type_date(qtbot, field, typed, typist)
    assert field.text() == typed  # never dropped
    assert reason in refused_save(qtbot, dialog)
    assert dialog.error_labels["date_proposed"].text() == reason
    _type_date(qtbot, field, "01/04/2030", typist)
    assert not dialog.current_errors()


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


@pytest.mark.parametrize(
    ("language", "signed", "expires", "shown_signed", "shown_expires"),
    [
        ("en", "2011", "July 2030", "2011", "July 2030"),
        ("fr", "2011", "juillet 2030", "2011", "juillet 2030"),
        ("es", "2011", "07/2030", "2011", "julio de 2030"),
        ("pt", "2011", "julho de 2030", "2011", "julho de 2030"),
    ],
)
def test_a_year_or_a_month_alone_is_kept_as_given(
    qtbot: QtBot,
    lyon: OfficeFile,
    typist: TypeText,
    language: str,
    signed: str,
    expires: str,
    shown_signed: str,
    shown_expires: str,
) -> None:
    """The office knows only the year it signed and the month it ends: the form keeps
    "2011" and "July 2030" as typed, the end runs to 31 July for every computation."""
    set_language(language)
    dialog = _form(qtbot, lyon, typist)
    _type_date(qtbot, dialog.ui.date_signed, signed, typist)
    _type_date(qtbot, dialog.ui.date_expires, expires, typist)
    assert (dialog.ui.date_signed.text(), dialog.ui.date_expires.text()) == (
        shown_signed,
        shown_expires,
    )
    assert dialog.error_labels["date_expires"].text() == ""
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.has_changes
    with lyon.session() as session:
        saved = session.scalars(select(Agreement)).one()
        assert (saved.date_signed, saved.date_signed_precision) == (date(2011, 1, 1), "year")
        assert (saved.date_expires, saved.date_expires_precision) == (
            date(2030, 7, 31),
            "month",
        )


def test_a_year_opens_as_a_year_and_a_whole_date_typed_over_it_is_a_day(
    qtbot: QtBot, lyon: OfficeFile, typist: TypeText
) -> None:
    with lyon.session() as session:
        agreement = Agreement(
            title="Jumelage Lyon – Córdoba",
            type="twinning",
            status="active",
            date_signed=date(2011, 1, 1),
            date_signed_precision="year",
        )
        session.add(agreement)
        session.commit()
        agreement_id = agreement.id
    dialog = AgreementDialog(lyon, agreement_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    assert dialog.ui.date_signed.text() == "2011"  # as the register gave it
    assert not dialog.has_changes
    _type_date(qtbot, dialog.ui.date_signed, "12/05/2011", typist)
    assert dialog.has_changes
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with lyon.session() as session:
        saved = session.get(Agreement, agreement_id)
        assert saved is not None
        assert (saved.date_signed, saved.date_signed_precision) == (date(2011, 5, 12), "day")


def test_a_projects_dates_keep_a_year_or_a_month(
    qtbot: QtBot, lyon: OfficeFile, typist: TypeText
) -> None:
    """A project planned "2024" to "juin 2026": the end runs to 30 June 2026."""
    set_language("fr")
    dialog = ProjectDialog(lyon)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    typist(dialog.ui.title, "Eau potable à Huế")
    _type_date(qtbot, dialog.ui.planned_start, "2024", typist)
    _type_date(qtbot, dialog.ui.planned_end, "juin 2026", typist)
    assert (dialog.ui.planned_start.text(), dialog.ui.planned_end.text()) == ("2024", "juin 2026")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.has_changes
    with lyon.session() as session:
        saved = session.scalars(select(Project)).one()
        assert (saved.planned_start, saved.planned_start_precision) == (date(2024, 1, 1), "year")
        assert (saved.planned_end, saved.planned_end_precision) == (date(2026, 6, 30), "month")
