"""Finding a partner by typing, and creating one inline from the gazetteer or the form."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from form_helpers import refused_save
from sqlalchemy import select
from user_input import choose, click_cell, pick_completion

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWidget
from pytestqt.qtbot import QtBot

from intl_desk.core.model import Agreement, LocalEntity, Partner
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui.combo_search import PartnerSearch
from intl_desk.ui.dialogs.agreement import AgreementDialog
from intl_desk.ui.dialogs.partner import PartnerDialog

TypeText = Callable[[QWidget, str], None]


def party_box(dialog: AgreementDialog, row: int) -> QComboBox:
    box = dialog.parties.table.cellWidget(row, 0)
    assert isinstance(box, QComboBox)
    return box


def suggestions(search: PartnerSearch) -> list[str]:
    model = search.suggestions
    return [model.item(row).text() for row in range(model.rowCount())]


def test_a_party_is_created_from_the_gazetteer_and_saved_with_the_agreement(
    qtbot: QtBot, office: OfficeFile, office_path: Path, typist: TypeText
) -> None:
    with office.session() as session:
        session.add(LocalEntity(id="e-lyon", name="Ville de Lyon", kind="municipality"))
        session.commit()
    dialog = AgreementDialog(office)
    qtbot.addWidget(dialog)
    dialog.show()
    typist(dialog.ui.title, "Jumelage Lyon – Łódź")
    qtbot.mouseClick(dialog.parties.add_button, Qt.MouseButton.LeftButton)
    box = party_box(dialog, 0)
    search = box.findChild(PartnerSearch)
    assert isinstance(search, PartnerSearch)
    typist(box.lineEdit(), "lodz")  # no accents typed
    shown = suggestions(search)
    assert shown[0] == "New partner: Łódź — Poland"
    assert shown[-1] == "New partner “lodz”…"
    assert search.completer.popup().isVisible()
    pick_completion(qtbot, search.completer)
    assert box.currentText() == "Łódź (Poland)"
    # the new partner is offered in the next row too, and typing finds it there
    qtbot.mouseClick(dialog.parties.add_button, Qt.MouseButton.LeftButton)
    second = party_box(dialog, 1)
    assert second.findText("Łódź (Poland)") >= 0
    typist(second.lineEdit(), "lyon")
    second_search = second.findChild(PartnerSearch)
    assert isinstance(second_search, PartnerSearch)
    assert suggestions(second_search)[0] == "Ville de Lyon"
    pick_completion(qtbot, second_search.completer)
    assert second.currentData() == "entity:e-lyon"
    assert not dialog.current_errors()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    dialog.close()
    office.close()

    with OfficeFile.open(office_path) as reopened, reopened.session() as session:
        partner = session.scalars(select(Partner)).one()
        assert (partner.name, partner.country_code, partner.kind) == ("Łódź", "PL", "city")
        assert partner.latitude is not None and round(partner.latitude) == 52
        agreement = session.scalars(select(Agreement)).one()
        assert agreement.partner_names == "Łódź" and agreement.country_codes == "PL"


def test_an_organisation_unknown_to_the_gazetteer_opens_the_partner_form(
    qtbot: QtBot, office: OfficeFile, typist: TypeText
) -> None:
    dialog = AgreementDialog(office)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.parties.add_button, Qt.MouseButton.LeftButton)
    box = party_box(dialog, 0)
    search = box.findChild(PartnerSearch)
    assert isinstance(search, PartnerSearch)
    typist(box.lineEdit(), "ONU-Habitat")
    pick_completion(qtbot, search.completer, search.suggestions.rowCount() - 1)  # "New…"
    assert len(search.dialogs) == 1
    form = search.dialogs[0]
    assert isinstance(form, PartnerDialog) and form.isVisible()
    qtbot.addWidget(form)
    assert form.ui.name.text() == "ONU-Habitat"
    assert refused_save(qtbot, form) == ["Choose a country."]
    choose(qtbot, form.ui.kind, data="international_organisation")
    choose(qtbot, form.ui.country_code, data="KE")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert box.currentText() == "ONU-Habitat (Kenya)"
    assert str(box.currentData()).startswith("partner:")


def test_a_place_picked_then_removed_leaves_no_partner(
    qtbot: QtBot, office: OfficeFile, typist: TypeText
) -> None:
    dialog = AgreementDialog(office)
    qtbot.addWidget(dialog)
    typist(dialog.ui.title, "Jumelage Lyon – Córdoba")
    for place in ("lodz", "cordoba"):
        qtbot.mouseClick(dialog.parties.add_button, Qt.MouseButton.LeftButton)
        row = dialog.parties.table.rowCount() - 1
        box = party_box(dialog, row)
        search = box.findChild(PartnerSearch)
        assert isinstance(search, PartnerSearch)
        typist(box.lineEdit(), place)  # type: ignore[arg-type]
        pick_completion(qtbot, search.completer)
    click_cell(qtbot, dialog.parties.table, 0, 0)  # Łódź was a slip
    qtbot.mouseClick(dialog.parties.remove_button, Qt.MouseButton.LeftButton)
    assert dialog.save()
    with office.session() as session:
        names = [partner.name for partner in session.scalars(select(Partner))]
    assert names == ["Córdoba"]
