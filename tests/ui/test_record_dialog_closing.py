"""Closing a record form: by the Close button, Escape or the window's close box."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from intl_desk.core.model import Partner
from intl_desk.store.office_file import OfficeFile
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
