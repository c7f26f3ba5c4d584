"""The agreement form asks when an agreement ended once the person marks it Terminated or
Superseded, stores the typed date, and forgets it when the status goes back."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy import select

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from intl_desk.core.model import Agreement
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui.dialogs.agreement import AgreementDialog

TypeText = Callable[[QWidget, str], None]


def _open(qtbot: QtBot, office: OfficeFile) -> AgreementDialog:
    dialog = AgreementDialog(office, "a-lodz")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _choose_status(qtbot: QtBot, dialog: AgreementDialog, letter: str) -> None:
    dialog.ui.status.setFocus()
    qtbot.keyClicks(dialog.ui.status, letter)  # a closed list picks the entry typed


def _stored(office: OfficeFile) -> tuple[str, date | None]:
    with office.session() as session:
        agreement = session.scalars(select(Agreement)).one()
        return agreement.status, agreement.date_ended


@pytest.fixture
def lodz(office: OfficeFile) -> OfficeFile:
    with office.session() as session:
        session.add(Agreement(id="a-lodz", title="Jumelage Lyon – Łódź", type="twinning",
                              status="active", date_signed=date(2016, 5, 3),
                              date_expires=date(2026, 5, 3)))  # fmt: skip
        session.commit()
    return office


def test_terminating_an_agreement_asks_when(
    qtbot: QtBot, lodz: OfficeFile, typist: TypeText, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Discard)
    dialog = _open(qtbot, lodz)
    ended = dialog.end_date.field
    assert not ended.isVisible()
    _choose_status(qtbot, dialog, "T")
    assert dialog.ui.status.currentData() == "terminated"
    assert ended.isVisible() and dialog.end_date.label.text() == "Ended on"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    error = dialog.findChild(QLabel, "date_ended_error")
    assert error is not None and error.isVisible()
    assert error.text() == (
        "Say when it ended: the figures of past years count it as active until then."
    )
    assert _stored(lodz) == ("active", None)
    typist(ended, "03/05/2015")  # before its signature
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert error.text() == "It ended before it was signed."
    assert _stored(lodz) == ("active", None)
    ended.selectAll()
    typist(ended, "15/06/2022")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not error.isVisible()
    assert _stored(lodz) == ("terminated", date(2022, 6, 15))
    dialog.close()

    again = _open(qtbot, lodz)
    assert again.end_date.field.isVisible()
    assert again.end_date.field.value() == date(2022, 6, 15)
    _choose_status(qtbot, again, "A")  # back to Active: the end date goes
    assert not again.end_date.field.isVisible()
    qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    assert _stored(lodz) == ("active", None)


def test_an_agreement_stored_as_ended_without_a_date_still_saves(
    qtbot: QtBot, lodz: OfficeFile, typist: TypeText
) -> None:
    """Records from before the field existed keep opening and saving as they were."""
    with lodz.session() as session:
        session.scalars(select(Agreement)).one().status = "superseded"
        session.commit()
    dialog = _open(qtbot, lodz)
    assert dialog.end_date.field.isVisible() and dialog.end_date.field.value() is None
    dialog.ui.title.selectAll()
    typist(dialog.ui.title, "Jumelage Lyon – Łódź (1991)")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with lodz.session() as session:
        stored = session.scalars(select(Agreement)).one()
        assert (stored.title, stored.status, stored.date_ended) == (
            "Jumelage Lyon – Łódź (1991)", "superseded", None
        )  # fmt: skip
