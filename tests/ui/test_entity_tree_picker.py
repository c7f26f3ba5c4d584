"""Local entities are picked from a tree: a region, its municipalities, their services."""

from __future__ import annotations

from user_input import choose, retype

from pytestqt.qtbot import QtBot

from intl_desk.core.model import LocalEntity
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui.dialogs.contact import ContactDialog
from intl_desk.ui.pickers import DEPTH_ROLE, TreeIndentDelegate, show_as_tree


def test_the_entity_picker_shows_the_tree_and_names_without_indentation(
    qtbot: QtBot, office: OfficeFile
) -> None:
    with office.session() as session:
        session.add_all(
            [
                LocalEntity(id="e-mg", name="Minas Gerais", kind="region"),
                LocalEntity(id="e-sjdr", name="São João del-Rei", parent_id="e-mg"),
                LocalEntity(id="e-cult", name="Secretaria de Cultura", parent_id="e-sjdr"),
            ]
        )
        session.commit()
    dialog = ContactDialog(office)
    qtbot.addWidget(dialog)
    box = dialog.ui.local_entity_id
    depths = {box.itemText(i): box.itemData(i, DEPTH_ROLE) for i in range(box.count())}
    assert depths == {
        "—": None,
        "Minas Gerais": 0,
        "São João del-Rei": 1,
        "Secretaria de Cultura": 2,
    }
    choose(qtbot, box, data="e-cult")
    assert box.currentText() == "Secretaria de Cultura"  # no leading spaces when closed
    tooltip = box.itemData(box.currentIndex(), 3)  # Qt.ToolTipRole
    assert tooltip == "Minas Gerais › São João del-Rei › Secretaria de Cultura"
    assert isinstance(box.view().itemDelegate(), TreeIndentDelegate)
    font_role = 6  # Qt.FontRole: entities with others under them are in bold
    bold = [box.itemText(i) for i in range(box.count()) if box.itemData(i, font_role)]
    assert bold == ["Minas Gerais", "São João del-Rei"]
    show_as_tree(box)  # a second call keeps the tree
    assert box.itemData(box.findData("e-cult"), DEPTH_ROLE) == 2
    retype(qtbot, dialog.ui.name, "Ana Souza")
    assert dialog.save()
    assert box.currentData() == "e-cult"
    box.showPopup()
    assert not box.view().grab().isNull()  # the indented branches paint
    box.hidePopup()
