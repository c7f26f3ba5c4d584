"""The partner form driven through its real widgets."""

from __future__ import annotations

from collections.abc import Callable

from form_helpers import refused_save, shown_messages
from sqlalchemy import select
from user_input import choose, retype

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from intl_desk.core.model import Change, Partner
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui.dialogs.partner import PartnerDialog


def test_create_a_partner_from_the_gazetteer(
    qtbot: QtBot, office: OfficeFile, typist: Callable[[QWidget, str], None]
) -> None:
    dialog = PartnerDialog(office)
    qtbot.addWidget(dialog)
    assert shown_messages(dialog) == []  # nothing typed yet: nothing said yet
    assert refused_save(qtbot, dialog) == ["This field is required.", "Choose a country."]
    assert dialog.error_labels["name"].text() == "This field is required."
    typist(dialog.ui.name, "Łód")
    suggestions = dialog.places.model().stringList()
    assert suggestions and suggestions[0].startswith("Łódź — Poland")
    dialog.places.activated[str].emit(suggestions[0])
    assert dialog.ui.country_code.currentData() == "PL"
    assert round(dialog.ui.latitude.value(), 1) == 51.8
    assert not dialog.current_errors()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with office.session() as session:
        partner = session.scalars(select(Partner)).one()
        assert (partner.name, partner.country_code, partner.kind) == ("Łódź", "PL", "city")
        assert partner.geonames_id and partner.search_key == "lodz"
    assert dialog.history.table.rowCount() == 1


def test_an_invalid_coordinate_is_shown_next_to_its_field(qtbot: QtBot, office: OfficeFile) -> None:
    dialog = PartnerDialog(office)
    qtbot.addWidget(dialog)
    retype(qtbot, dialog.ui.name, "Córdoba")
    choose(qtbot, dialog.ui.country_code, data="AR")
    assert not dialog.current_errors()
    assert not dialog.error_labels.get("name") or dialog.error_labels["name"].isHidden()


def test_edit_is_saved_with_its_history(qtbot: QtBot, office: OfficeFile) -> None:
    with office.session() as session:
        partner = Partner(name="Hue", kind="city", country_code="VN")
        session.add(partner)
        session.commit()
    dialog = PartnerDialog(office, partner.id)
    qtbot.addWidget(dialog)
    assert dialog.ui.name.text() == "Hue"
    retype(qtbot, dialog.ui.name, "Huế")
    assert dialog.has_changes
    assert dialog.save()
    assert not dialog.has_changes
    with office.session() as session:
        changes = session.scalars(select(Change).where(Change.field == "name")).all()
        assert [(c.old_value, c.new_value) for c in changes] == [("Hue", "Huế")]


def test_the_population_reads_with_its_thousands_grouped(qtbot: QtBot, office: OfficeFile) -> None:
    """"186600" beside a local entity's "186,600": the partner form grouped nothing."""
    with office.session() as session:
        partner = Partner(name="Beersheba", kind="city", country_code="IL", population=186600)
        session.add(partner)
        session.commit()
    dialog = PartnerDialog(office, partner.id)
    qtbot.addWidget(dialog)
    assert dialog.ui.population.text() == "186,600"
    retype(qtbot, dialog.ui.population, "209000")  # typed without separators, as people do
    assert dialog.save()
    with office.session() as session:
        assert session.get(Partner, partner.id).population == 209000  # type: ignore[union-attr]
