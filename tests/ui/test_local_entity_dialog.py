"""The local entity form driven through its real widgets."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from form_helpers import refused_save
from sqlalchemy import select
from user_input import choose, retype

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from intl_desk.core.model import LocalEntity
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui.dialogs.local_entity import LocalEntityDialog

TypeText = Callable[[QWidget, str], None]


def _tree(office: OfficeFile) -> dict[str, str]:
    """Minas Gerais > Campo das Vertentes > São João del Rei > its culture department."""
    with office.session() as session:
        state = LocalEntity(name="Minas Gerais", kind="government")
        region = LocalEntity(name="Campo das Vertentes", kind="region", parent=state)
        city = LocalEntity(name="São João del Rei", kind="municipality", parent=region)
        culture = LocalEntity(name="Secretaria de Cultura", kind="department", parent=city)
        other = LocalEntity(name="Tiradentes", kind="municipality", parent=region)
        session.add_all([state, region, city, culture, other])
        session.commit()
        return {entity.name: entity.id for entity in (state, region, city, culture, other)}


def _labels(box: QComboBox) -> list[str]:
    return [box.itemText(index).strip() for index in range(box.count())]


def test_create_an_entity_under_a_region_and_find_it_after_reopening(
    qtbot: QtBot, office: OfficeFile, office_path: Path, typist: TypeText
) -> None:
    ids = _tree(office)
    dialog = LocalEntityDialog(office)
    qtbot.addWidget(dialog)
    assert refused_save(qtbot, dialog) == ["This field is required."]
    assert dialog.error_labels["name"].text() == "This field is required."
    typist(dialog.ui.name, "Prados")
    choose(qtbot, dialog.ui.kind, data="municipality")
    typist(dialog.ui.code, "3152808")
    choose(qtbot, dialog.ui.parent_id, "Campo das Vertentes")
    retype(qtbot, dialog.ui.latitude, "-21.0597")
    retype(qtbot, dialog.ui.longitude, "-44.0778")
    retype(qtbot, dialog.ui.population, "8963")
    typist(dialog.ui.notes, "Cidade histórica")
    assert not dialog.current_errors()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.has_changes
    dialog.close()

    with OfficeFile.open(office_path, read_only=True) as reopened, reopened.session() as session:
        saved = session.scalars(select(LocalEntity).where(LocalEntity.name == "Prados")).one()
        assert (saved.kind, saved.code, saved.parent_id) == (
            "municipality",
            "3152808",
            ids["Campo das Vertentes"],
        )
        assert (round(saved.latitude or 0, 4), round(saved.longitude or 0, 4)) == (
            -21.0597,
            -44.0778,
        )
        assert (saved.population, saved.notes) == (8963, "Cidade histórica")


def test_the_parent_picker_offers_no_descendant(qtbot: QtBot, office: OfficeFile) -> None:
    ids = _tree(office)
    dialog = LocalEntityDialog(office, ids["Campo das Vertentes"])
    qtbot.addWidget(dialog)
    offered = _labels(dialog.ui.parent_id)
    assert offered == ["—", "Minas Gerais"]  # not itself, its towns nor their departments
    assert dialog.ui.parent_id.currentData() == ids["Minas Gerais"]

    town = LocalEntityDialog(office, ids["São João del Rei"])
    qtbot.addWidget(town)
    offered = _labels(town.ui.parent_id)
    assert "Secretaria de Cultura" not in offered and "São João del Rei" not in offered
    assert {"Minas Gerais", "Campo das Vertentes", "Tiradentes"} <= set(offered)


def test_under_it_lists_the_sub_entities(qtbot: QtBot, office: OfficeFile) -> None:
    ids = _tree(office)
    dialog = LocalEntityDialog(office, ids["Campo das Vertentes"])
    qtbot.addWidget(dialog)
    box = dialog.ui.sub_entities_list
    assert [box.item(row).text() for row in range(box.count())] == [
        "São João del Rei — Municipality",
        "Tiradentes — Municipality",
    ]
    box.itemActivated.emit(box.item(0))
    assert dialog.opened[0].ui.name.text() == "São João del Rei"
    for opened in dialog.opened:
        qtbot.addWidget(opened)

    new = LocalEntityDialog(office)
    qtbot.addWidget(new)
    assert new.ui.sub_entities_list.count() == 1
    assert not new.ui.sub_entities_list.item(0).flags() & Qt.ItemFlag.ItemIsEnabled


def test_a_cleared_name_is_shown_under_its_field_and_blocks_saving(
    qtbot: QtBot, office: OfficeFile, typist: TypeText
) -> None:
    ids = _tree(office)
    dialog = LocalEntityDialog(office, ids["Tiradentes"])
    qtbot.addWidget(dialog)
    assert not dialog.current_errors()
    dialog.ui.name.selectAll()
    qtbot.keyClick(dialog.ui.name, Qt.Key.Key_Delete)
    assert refused_save(qtbot, dialog) == ["This field is required."]
    label = dialog.findChild(QLabel, "name_error")
    assert label is not None and label.isVisibleTo(dialog)
    assert label.text() == "This field is required."
    typist(dialog.ui.name, "Tiradentes (MG)")
    assert label.isHidden()
    assert not dialog.current_errors()


def test_print_sheet_writes_the_entitys_own_page(
    qtbot: QtBot, office: OfficeFile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """From a municipality's form, its sheet alone: one page, with its agreements."""
    from datetime import date

    from pypdf import PdfReader

    from intl_desk.core.model import Agreement, AgreementParty, Partner
    from intl_desk.ui import entity_sheet_button

    ids = _tree(office)
    with office.session() as session:
        lodz = Partner(name="Łódź", kind="city", country_code="PL")
        for number in range(3):
            agreement = Agreement(
                title=f"Cooperação {number}",
                type="cooperation",
                status="active" if number else "expired",
                date_signed=date(2015 + number, 1, 1),
            )
            agreement.parties = [
                AgreementParty(local_entity_id=ids["Tiradentes"]),
                AgreementParty(partner=lodz),
            ]
            session.add(agreement)
        session.commit()
    out = tmp_path / "Tiradentes.pdf"
    offered: list[str] = []
    shown: list[Path] = []

    def ask(_parent: QWidget, suggested: str) -> Path:
        offered.append(suggested)
        return out

    monkeypatch.setattr(entity_sheet_button, "ask_path", ask)
    monkeypatch.setattr(entity_sheet_button, "show_pdf", shown.append)
    dialog = LocalEntityDialog(office, ids["Tiradentes"])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.print_sheet_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)  # written in the background
    assert offered == ["Tiradentes.pdf"] and shown == [out]
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert "Tiradentes" in text and "Campo das Vertentes" in text
    assert "Poland" in text
    assert [item.title for item in reader.outline if not isinstance(item, list)] == [
        "Campo das Vertentes"
    ]
