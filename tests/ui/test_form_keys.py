"""The keys of a form as people use them: Enter moves on, Ctrl+S and Ctrl+Enter save."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import select
from user_input import pick_completion

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from intl_desk.core.model import Partner
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui.combo_search import FoldedSearch
from intl_desk.ui.dialogs.partner import PartnerDialog

TypeText = Callable[[QWidget, str], None]


@pytest.fixture(autouse=True)
def _discard_on_close(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forms left unsaved: closing them at teardown discards."""
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.Discard)


def _names(office: OfficeFile) -> list[str]:
    with office.session() as session:
        return list(session.scalars(select(Partner.name)))


def _open(qtbot: QtBot, office: OfficeFile) -> PartnerDialog:
    dialog = PartnerDialog(office)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_enter_moves_to_the_next_field_and_saves_nothing(qtbot: QtBot, office: OfficeFile) -> None:
    dialog = _open(qtbot, office)
    dialog.ui.name.setFocus()
    QTest.keyClicks(dialog.ui.name, "Cordoba")
    QTest.keyClick(dialog.ui.name, Qt.Key.Key_Return)
    assert not dialog.ui.name.hasFocus()  # on to the next field
    assert _names(office) == []  # Enter did not save the half-filled form


@pytest.mark.parametrize("keys", ["Ctrl+S", "Ctrl+Enter"])
def test_ctrl_s_and_ctrl_enter_save(
    qtbot: QtBot, office: OfficeFile, typist: TypeText, keys: str
) -> None:
    dialog = _open(qtbot, office)
    dialog.ui.name.setFocus()
    QTest.keyClicks(dialog.ui.name, "Cordoba")
    country = dialog.ui.country_code
    search = country.findChild(FoldedSearch)
    assert isinstance(search, FoldedSearch) and country.lineEdit() is not None
    country.lineEdit().clear()
    typist(country.lineEdit(), "argentin")
    pick_completion(qtbot, search.completer)
    assert country.currentData() == "AR"
    modifier = Qt.KeyboardModifier.ControlModifier
    key = Qt.Key.Key_S if keys == "Ctrl+S" else Qt.Key.Key_Return
    QTest.keyClick(dialog.ui.name, key, modifier)
    assert _names(office) == ["Cordoba"]
    assert not dialog.has_changes
