"""A partner named twice on one agreement: the form refuses the save in one sentence and
writes nothing; with one of the rows removed — the one the person clicks into — it saves
(one party per partner)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from form_helpers import refused_save
from sqlalchemy import func, select
from user_input import choose

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWidget
from pytestqt.qtbot import QtBot

from intl_desk.core.model import Agreement, AgreementParty, Partner
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui.combo_search import PartnerSearch
from intl_desk.ui.dialogs.agreement import AgreementDialog

TypeText = Callable[[QWidget, str], None]


def _choose(qtbot: QtBot, typist: TypeText, dialog: AgreementDialog, row: int) -> None:
    """Type the partner's name into the row's box and take the first suggestion."""
    box = dialog.parties.table.cellWidget(row, 0)
    assert isinstance(box, QComboBox)
    search = box.findChild(PartnerSearch)
    assert isinstance(search, PartnerSearch)
    typist(box.lineEdit(), "leipzig")
    popup = search.completer.popup()
    qtbot.waitUntil(popup.isVisible, timeout=5000)
    qtbot.keyClick(popup, Qt.Key.Key_Down)  # onto the first suggestion
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert box.currentText().startswith("Leipzig")


def test_the_same_partner_twice_is_refused_with_the_reason(
    qtbot: QtBot, office_path: Path, typist: TypeText
) -> None:
    with OfficeFile.open(office_path) as office:
        with office.session() as session:
            session.add(Partner(name="Leipzig", kind="city", country_code="DE"))
            session.commit()
        dialog = AgreementDialog(office, None)
        qtbot.addWidget(dialog)
        dialog.show()
        typist(dialog.ui.title, "Jumelage Lyon – Leipzig")
        for row in (0, 1):
            qtbot.mouseClick(dialog.parties.add_button, Qt.MouseButton.LeftButton)
            _choose(qtbot, typist, dialog, row)
        choose(qtbot, dialog.parties.table.cellWidget(1, 1), "Witness")
        assert "This partner is already a party to the agreement." in " ".join(
            refused_save(qtbot, dialog)
        )
        with office.session() as session:
            assert session.scalar(select(func.count()).select_from(Agreement)) == 0

        first = dialog.parties.table.cellWidget(0, 0)
        assert isinstance(first, QComboBox)
        qtbot.mouseClick(first.lineEdit(), Qt.MouseButton.LeftButton)  # into the first row
        qtbot.mouseClick(dialog.parties.remove_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert not dialog.is_new
        dialog.close()
        with office.session() as session:
            parties = session.scalars(
                select(AgreementParty).where(AgreementParty.deleted_at.is_(None))
            ).all()
            assert [party.role for party in parties] == ["witness"]  # the second row stayed
