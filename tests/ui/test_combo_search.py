"""Searchable combos match what offices type: no accents, any case, any part of the name."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from user_input import pick_completion

from PySide6.QtWidgets import QComboBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from intl_desk.core.model import LocalEntity
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui.combo_search import FoldedSearch
from intl_desk.ui.dialogs.partner import PartnerDialog
from intl_desk.ui.dialogs.project import ProjectDialog

TypeText = Callable[[QWidget, str], None]


@pytest.fixture(autouse=True)
def _discard_on_close(monkeypatch: pytest.MonkeyPatch) -> None:
    """These forms are left unsaved: closing them at teardown discards."""
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.Discard)


def suggestions_for(box: QComboBox, typist: TypeText, text: str) -> FoldedSearch:
    search = box.findChild(FoldedSearch)
    assert isinstance(search, FoldedSearch)
    line_edit = box.lineEdit()
    assert line_edit is not None
    line_edit.clear()
    typist(line_edit, text)
    return search


def shown(search: FoldedSearch) -> list[str]:
    return [search.suggestions.item(row).text() for row in range(search.suggestions.rowCount())]


def test_the_country_picker_ignores_accents(
    qtbot: QtBot, office: OfficeFile, typist: TypeText
) -> None:
    dialog = PartnerDialog(office)
    qtbot.addWidget(dialog)
    dialog.show()
    box = dialog.ui.country_code
    search = suggestions_for(box, typist, "cote d")
    assert shown(search) == ["Côte d’Ivoire (CI)"]
    search = suggestions_for(box, typist, "viet")
    assert shown(search) == ["Vietnam (VN)"]
    pick_completion(qtbot, search.completer)
    assert box.currentData() == "VN"


def test_an_entity_is_found_without_its_accents(
    qtbot: QtBot, office: OfficeFile, typist: TypeText
) -> None:
    with office.session() as session:
        session.add(LocalEntity(id="e-sjdr", name="Prefeitura de São João del-Rei"))
        session.add(LocalEntity(id="e-lodz", name="Urząd Miasta Łodzi"))
        session.commit()
    dialog = ProjectDialog(office)
    qtbot.addWidget(dialog)
    dialog.show()
    box = dialog.ui.lead_entity_id
    assert shown(suggestions_for(box, typist, "joao")) == ["Prefeitura de São João del-Rei"]
    search = suggestions_for(box, typist, "lodz")
    assert shown(search) == ["Urząd Miasta Łodzi"]
    pick_completion(qtbot, search.completer)
    assert box.currentData() == "e-lodz"
