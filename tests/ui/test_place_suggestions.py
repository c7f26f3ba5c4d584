"""A place picked from the suggestions fills the name, the country and the coordinates
separately — by keyboard and by mouse — and the name stays the place's name."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from intl_desk.core.i18n import set_language
from intl_desk.core.model import Partner
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui.dialogs.partner import PartnerDialog


@pytest.fixture
def dialog(
    qtbot: QtBot, office: OfficeFile, monkeypatch: pytest.MonkeyPatch
) -> Iterator[PartnerDialog]:
    form = PartnerDialog(office)  # closed below, not by qtbot (it would ask a second time)
    form.show()
    qtbot.waitExposed(form)
    yield form
    # closing a half-filled form at teardown: discard, as the user would
    discard = QMessageBox.StandardButton.Discard
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *_a, **_k: discard))
    form.close()
    form.deleteLater()


def _type_and_wait(qtbot: QtBot, dialog: PartnerDialog, text: str) -> None:
    dialog.ui.name.setFocus()
    QTest.keyClicks(dialog.ui.name, text)
    popup = dialog.places.popup()
    qtbot.waitUntil(popup.isVisible)


def _saved(office: OfficeFile) -> tuple[str, str, float]:
    with office.session() as session:
        partner = session.scalars(select(Partner)).one()
        return partner.name, partner.country_code, round(partner.latitude or 0, 1)


@pytest.mark.parametrize("language", ["en", "pt"])
def test_choosing_a_suggestion_by_keyboard_keeps_the_name_clean(
    qtbot: QtBot, dialog: PartnerDialog, office: OfficeFile, language: str
) -> None:
    set_language(language)
    _type_and_wait(qtbot, dialog, "Frankf")
    popup = dialog.places.popup()
    QTest.keyClick(popup, Qt.Key.Key_Down)
    QTest.keyClick(popup, Qt.Key.Key_Return)
    assert dialog.ui.name.text() == "Frankfurt am Main"
    assert dialog.ui.country_code.currentData() == "DE"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert _saved(office) == ("Frankfurt am Main", "DE", 50.1)


def test_choosing_a_suggestion_with_the_mouse_keeps_the_name_clean(
    qtbot: QtBot, dialog: PartnerDialog, office: OfficeFile
) -> None:
    _type_and_wait(qtbot, dialog, "Frankf")
    popup = dialog.places.popup()
    second = popup.model().index(1, 0)
    assert second.data() == "Frankfurt (Oder) — Germany"
    rect = popup.visualRect(second)
    qtbot.mouseClick(popup.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.ui.name.text() == "Frankfurt (Oder)"
    assert dialog.ui.country_code.currentData() == "DE"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert _saved(office)[:2] == ("Frankfurt (Oder)", "DE")


def test_typing_on_without_choosing_keeps_what_was_typed(
    qtbot: QtBot, dialog: PartnerDialog
) -> None:
    _type_and_wait(qtbot, dialog, "Frankf")
    QTest.keyClick(dialog.places.popup(), Qt.Key.Key_Escape)
    QTest.keyClicks(dialog.ui.name, "urt Partners")
    assert dialog.ui.name.text() == "Frankfurt Partners"
