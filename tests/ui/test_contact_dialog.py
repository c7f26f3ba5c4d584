"""The contact form driven through its real widgets."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from form_helpers import refused_save
from sqlalchemy import select
from user_input import choose, retype

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QListWidget,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from intl_desk.core.model import Contact, LocalEntity, Partner
from intl_desk.core.partner_story import partner_story
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui.dialogs.contact import ContactDialog

TypeText = Callable[[QWidget, str], None]


def _places(office: OfficeFile) -> tuple[str, str]:
    with office.session() as session:
        entity = LocalEntity(name="Direction des relations internationales", kind="department")
        partner = Partner(name="Łódź", kind="city", country_code="PL")
        session.add_all([entity, partner])
        session.commit()
        return entity.id, partner.id


def _tick(qtbot: QtBot, box: QListWidget, label: str) -> None:
    """Select the language and press space, as a keyboard user ticks a box."""
    item = box.findItems(label, Qt.MatchFlag.MatchExactly)[0]
    box.setCurrentItem(item)
    qtbot.keyClick(box, Qt.Key.Key_Space)


def test_create_a_contact_at_a_partner_and_find_it_after_reopening(
    qtbot: QtBot, office: OfficeFile, office_path: Path, typist: TypeText
) -> None:
    _entity_id, partner_id = _places(office)
    dialog = ContactDialog(office)
    qtbot.addWidget(dialog)
    typist(dialog.ui.name, "Agnieszka Wróblewska")
    typist(dialog.ui.position, "Dyrektor Biura Współpracy Międzynarodowej")
    choose(qtbot, dialog.ui.partner_id, "Łódź (Poland)")
    typist(dialog.ui.email, "a.wroblewska@uml.lodz.pl")
    typist(dialog.ui.phone, "+48 42 638 40 00")
    _tick(qtbot, dialog.ui.languages_list, "Polish")
    _tick(qtbot, dialog.ui.languages_list, "French")
    typist(dialog.ui.notes, "Préfère être contactée en français.")
    assert dialog.has_changes
    assert not dialog.current_errors()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.has_changes
    dialog.close()

    with OfficeFile.open(office_path, read_only=True) as reopened, reopened.session() as session:
        contact = session.scalars(select(Contact)).one()
        assert contact.name == "Agnieszka Wróblewska"
        assert contact.position == "Dyrektor Biura Współpracy Międzynarodowej"
        assert (contact.partner_id, contact.local_entity_id) == (partner_id, None)
        assert (contact.email, contact.phone) == ("a.wroblewska@uml.lodz.pl", "+48 42 638 40 00")
        assert contact.languages == "fr,pl"  # in the list's order, whatever the ticking order
        assert not contact.is_staff
        assert contact.notes == "Préfère être contactée en français."


def test_staff_at_one_of_our_entities_round_trips(
    qtbot: QtBot, office: OfficeFile, office_path: Path, typist: TypeText
) -> None:
    entity_id, _partner_id = _places(office)
    with office.session() as session:
        contact = Contact(name="Léa Martin", languages="fr,it,xx")
        session.add(contact)
        session.commit()
    dialog = ContactDialog(office, contact.id)
    qtbot.addWidget(dialog)
    box = dialog.ui.languages_list
    ticked = [
        box.item(row).text()
        for row in range(box.count())
        if box.item(row).checkState() == Qt.CheckState.Checked
    ]
    assert ticked == ["French", "Italian", "xx"]  # an unknown code is kept, not dropped
    assert not dialog.has_changes
    choose(qtbot, dialog.ui.partner_id, "Łódź (Poland)")
    choose(qtbot, dialog.ui.local_entity_id, "Direction des relations internationales")
    assert dialog.ui.partner_id.currentData() is None  # one or the other, never both
    qtbot.mouseClick(dialog.ui.is_staff, Qt.MouseButton.LeftButton)
    _tick(qtbot, box, "Italian")
    assert dialog.save()
    dialog.close()

    with OfficeFile.open(office_path, read_only=True) as reopened, reopened.session() as session:
        saved = session.get(Contact, contact.id)
        assert saved is not None
        assert (saved.local_entity_id, saved.partner_id) == (entity_id, None)
        assert saved.is_staff
        assert saved.languages == "fr,xx"


def test_an_email_without_at_sign_is_shown_under_its_field(
    qtbot: QtBot, office: OfficeFile, typist: TypeText
) -> None:
    dialog = ContactDialog(office)
    qtbot.addWidget(dialog)
    typist(dialog.ui.name, "Nguyễn Văn An")
    assert not dialog.current_errors()
    typist(dialog.ui.email, "an.nguyen.hue.gov.vn")
    label = dialog.findChild(QLabel, "email_error")
    assert label is not None and label.isHidden()  # still being typed: no message yet
    assert "“an.nguyen.hue.gov.vn” is not an e-mail address." in refused_save(qtbot, dialog)
    assert label.isVisibleTo(dialog)
    assert label.text() == "“an.nguyen.hue.gov.vn” is not an e-mail address."
    assert not dialog.save()
    retype(qtbot, dialog.ui.email, "an.nguyen@hue.gov.vn")
    assert label.isHidden()
    assert not dialog.current_errors()


def _editing(table: QTableWidget, column: int) -> bool:
    """The last row's cell in ``column`` is open for typing and has the keyboard."""
    focus = QApplication.focusWidget()
    return (
        table.state() == QAbstractItemView.State.EditingState
        and table.currentRow() == table.rowCount() - 1
        and table.currentColumn() == column
        and focus is not None
        and table.isAncestorOf(focus)
    )


def test_a_contacts_positions_over_time_reach_the_partners_story(
    qtbot: QtBot, office: OfficeFile, typist: TypeText
) -> None:
    """A partner's mayor who became governor is one person with two positions, typed in
    the form's Positions held tab and told in the partner's story."""
    _entity_id, partner_id = _places(office)
    dialog = ContactDialog(office)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    typist(dialog.ui.name, "Hanna Zdanowska")
    typist(dialog.ui.position, "Marszałek województwa")
    choose(qtbot, dialog.ui.partner_id, "Łódź (Poland)")
    bar = dialog.tabs.tabBar()
    tab = dialog.tabs.indexOf(dialog.positions)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(tab).center())
    table = dialog.positions.table
    for position, place, since, until in (
        ("Prezydent Miasta", "Łódź", "01/12/2010", "30/04/2024"),
        ("Marszałek województwa", "Województwo łódzkie", "01/05/2024", ""),
    ):
        qtbot.mouseClick(dialog.positions.add_button, Qt.MouseButton.LeftButton)
        row = table.rowCount() - 1
        qtbot.waitUntil(lambda: _editing(table, 0))
        typist(QApplication.focusWidget(), position)  # the new row's first cell
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # on to Organisation
        qtbot.waitUntil(lambda: _editing(table, 1))
        typist(QApplication.focusWidget(), place)
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
        for column, text in ((2, since), (3, until)):
            if text:
                typist(table.cellWidget(row, column), text)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.has_changes, dialog.general_error.text()
    dialog.close()
    with office.session() as session:
        story = partner_story(session, partner_id)
    assert [contact.details for contact in story.contacts] == [
        "Prezydent Miasta, Łódź (2010–2024) · "
        "Marszałek województwa, Województwo łódzkie (since 2024)"
    ]
