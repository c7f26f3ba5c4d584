"""Validation messages as a person meets them: nothing red before anything was typed, a
field's message once the field is left, every message (and the focus on the first field
to fix) when Save is clicked, and no field moving when a message comes or goes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from form_helpers import message_under, refused_save, shown_messages
from sqlalchemy import func, select
from user_input import open_tab

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from intl_desk.core.i18n import set_language
from intl_desk.core.model import Agreement, LocalEntity, Partner
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui.dialogs.agreement import AgreementDialog
from intl_desk.ui.dialogs.partner import PartnerDialog
from intl_desk.ui.record_dialog import RecordDialog

TypeText = Callable[[QWidget, str], None]


@pytest.fixture(autouse=True)
def _discard_on_close(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forms left unsaved: closing them at teardown discards."""
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.Discard)


def _shown(qtbot: QtBot, dialog: RecordDialog) -> RecordDialog:
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):  # focus moves only in the active window
        dialog.show()
        dialog.activateWindow()
    return dialog


def _count(office: OfficeFile, model: type[Partner] | type[Agreement]) -> int:
    with office.session() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_a_new_form_says_nothing_until_a_field_is_left_empty(
    qtbot: QtBot, office: OfficeFile, typist: TypeText
) -> None:
    dialog = _shown(qtbot, PartnerDialog(office))
    ui = dialog.ui
    assert shown_messages(dialog) == []  # an empty form is not a page of red
    ui.name.setFocus()
    country_top = ui.country_code.mapTo(dialog, ui.country_code.rect().topLeft()).y()
    QTest.keyClick(ui.name, Qt.Key.Key_Tab)  # through the name without typing
    assert message_under(dialog, "name") == "This field is required."
    assert message_under(dialog, "country_code") == ""  # not reached yet
    # the message took the room kept for it: the field below did not move
    assert ui.country_code.mapTo(dialog, ui.country_code.rect().topLeft()).y() == country_top
    typist(ui.name, "Córdoba")
    assert message_under(dialog, "name") == ""  # fixed: gone as it is typed
    assert ui.country_code.mapTo(dialog, ui.country_code.rect().topLeft()).y() == country_top


def test_save_on_an_empty_form_shows_every_message_and_goes_to_the_first(
    qtbot: QtBot, office: OfficeFile
) -> None:
    dialog = _shown(qtbot, PartnerDialog(office))
    assert refused_save(qtbot, dialog) == ["This field is required.", "Choose a country."]
    assert dialog.ui.name.hasFocus()  # the first field to fix
    assert _count(office, Partner) == 0


def test_ctrl_s_with_a_mistake_on_another_tab_opens_that_tab(
    qtbot: QtBot, office_path: Path, typist: TypeText
) -> None:
    office = OfficeFile.open(office_path)
    with office.session() as session:
        session.add(LocalEntity(name="Ville de Lyon", kind="government"))
        session.commit()
    set_language("pt")
    try:
        dialog = _shown(qtbot, AgreementDialog(office))
        ui = dialog.ui
        typist(ui.title, "Geminação São João del-Rei – Łódź")
        dates = dialog.tabs.indexOf(ui.dates_page)
        open_tab(qtbot, dialog.tabs, dates)
        for field, typed in ((ui.date_signed, "01/05/2024"), (ui.date_expires, "31/01/2023")):
            qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
            typist(field, typed)
        open_tab(qtbot, dialog.tabs, 0)
        ui.title.setFocus()
        QTest.keyClick(ui.title, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        assert _count(office, Agreement) == 0
        assert dialog.tabs.currentIndex() == dates  # taken to what must be fixed
        assert ui.date_expires.isAncestorOf(dialog.focusWidget()) or ui.date_expires.hasFocus()
        assert message_under(dialog, "date_expires") == (
            "A data de vencimento é anterior à data de assinatura."
        )
    finally:
        set_language("en")
