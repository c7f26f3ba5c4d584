"""The network form and its membership tab, driven through their real widgets."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from form_helpers import refused_save
from sqlalchemy import select
from user_input import choose, click_cell, open_tab, tick_item, type_in_cell

from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QComboBox,
    QListWidget,
    QMessageBox,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from intl_desk.core.i18n import set_language
from intl_desk.core.model import Contact, LocalEntity, Membership, Network, Participation
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui.child_table import ChildTable
from intl_desk.ui.date_field import DateField
from intl_desk.ui.dialogs.network import NetworkDialog

TypeText = Callable[[QWidget, str], None]

# membership columns
SINCE, UNTIL, ROLE, FEE, CURRENCY, CONTACT, ENTITY = range(7)
# participation columns
KIND, TITLE, START, END, PLACE, COUNTRY = range(6)


def _seed(office: OfficeFile) -> dict[str, str]:
    with office.session() as session:
        cuf = Network(name="Cités Unies France", acronym="CUF", scope="national")
        group = Network(name="Groupe-pays Viet Nam", scope="country_group", parent=cuf)
        sub_group = Network(name="Commission Huế", scope="thematic", parent=group)
        other = Network(name="Eurocities", scope="continental")
        lyon = LocalEntity(name="Ville de Lyon", kind="government")
        contact = Contact(name="Léa Martin", position="Chargée de mission")
        session.add_all([cuf, group, sub_group, other, lyon, contact])
        session.commit()
        return {
            "cuf": cuf.id,
            "group": group.id,
            "sub_group": sub_group.id,
            "other": other.id,
            "lyon": lyon.id,
            "contact": contact.id,
        }


def _memberships(office: OfficeFile, network_id: str) -> tuple[str, str]:
    """A current membership (two assemblies) and an older one (a forum)."""
    with office.session() as session:
        kept = Membership(network_id=network_id, since=date(2001, 1, 1), role="member")
        ended = Membership(network_id=network_id, since=date(1990, 1, 1), role="observer")
        ended.participations.append(Participation(title="Forum de Bordeaux", kind="event"))
        kept.participations.append(Participation(title="AG de Łódź", kind="event"))
        kept.participations.append(Participation(title="AG de Córdoba", kind="event"))
        session.add_all([kept, ended])
        session.commit()
        return kept.id, ended.id


def _open(qtbot: QtBot, office: OfficeFile, network_id: str | None = None) -> NetworkDialog:
    dialog = NetworkDialog(office, network_id)
    qtbot.addWidget(dialog)
    open_tab(qtbot, dialog.tabs, 1)
    return dialog


def _tick(qtbot: QtBot, box: QListWidget, label: str) -> None:
    item = box.findItems(label, Qt.MatchFlag.MatchExactly)[0]
    tick_item(qtbot, box, box.row(item))


def _date(table: QTableWidget, row: int, column: int, value: QDate) -> None:
    """Type the date into the cell as a person does (15/03/2024), then leave it."""
    editor = table.cellWidget(row, column)
    assert isinstance(editor, DateField)
    editor.setFocus()
    QTest.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # over any date
    QTest.keyClicks(editor, value.toString("dd/MM/yyyy"))
    QTest.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.value() == value.toPython()


def _participations(dialog: NetworkDialog) -> ChildTable:
    current = dialog.participation_stack.currentWidget()
    assert isinstance(current, ChildTable)
    return current


def test_create_a_network_with_a_membership_and_a_participation(
    qtbot: QtBot, office: OfficeFile, office_path: Path, typist: TypeText
) -> None:
    ids = _seed(office)
    dialog = _open(qtbot, office)
    ui = dialog.ui
    typist(ui.name, "Cités et Gouvernements Locaux Unis")
    typist(ui.acronym, "CGLU")
    choose(qtbot, ui.scope, data="global")
    choose(qtbot, ui.parent_id, data=ids["cuf"])
    _tick(qtbot, ui.themes_list, "Peace and human rights")
    _tick(qtbot, ui.themes_list, "Culture")
    typist(ui.website, "https://uclg.org")
    typist(ui.description, "Organisation mondiale des gouvernements locaux.")

    assert dialog.participation_stack.currentWidget() is dialog.participation_hint
    qtbot.mouseClick(dialog.memberships.add_button, Qt.MouseButton.LeftButton)
    members = dialog.memberships.table
    _date(members, 0, SINCE, QDate(2004, 5, 1))
    choose(qtbot, members.cellWidget(0, ROLE), data="board")
    type_in_cell(qtbot, members, 0, FEE, "12500,50")
    choose(qtbot, members.cellWidget(0, CONTACT), data=ids["contact"])
    choose(qtbot, members.cellWidget(0, ENTITY), data=f"{ids['lyon']}")
    assert dialog.participation_box.title() == "Participations in the membership of row 1"

    participations = _participations(dialog)
    qtbot.mouseClick(participations.add_button, Qt.MouseButton.LeftButton)
    rows = participations.table
    kind = rows.cellWidget(0, KIND)
    assert isinstance(kind, QComboBox) and kind.currentData() == "event"
    assert "Row 1: This field is required." in " ".join(refused_save(qtbot, dialog))
    type_in_cell(qtbot, rows, 0, TITLE, "Congrès mondial de Daejeon")
    _date(rows, 0, START, QDate(2022, 10, 10))
    _date(rows, 0, END, QDate(2022, 10, 14))
    type_in_cell(qtbot, rows, 0, PLACE, "Daejeon")
    choose(qtbot, rows.cellWidget(0, COUNTRY), data="KR")
    assert not dialog.current_errors(), dialog.general_error.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.has_changes
    dialog.close()

    with OfficeFile.open(office_path, read_only=True) as reopened, reopened.session() as session:
        network = session.scalars(select(Network).where(Network.acronym == "CGLU")).one()
        assert network.name == "Cités et Gouvernements Locaux Unis"
        assert (network.scope, network.parent_id) == ("global", ids["cuf"])
        assert network.themes == "culture,peace"
        assert network.website == "https://uclg.org"
        assert network.description == "Organisation mondiale des gouvernements locaux."
        membership = session.scalars(select(Membership)).one()
        assert membership.network_id == network.id
        assert (membership.since, membership.until, membership.role) == (
            date(2004, 5, 1),
            None,
            "board",
        )
        assert (membership.annual_fee, membership.currency) == (Decimal("12500.50"), "EUR")
        assert (membership.focal_contact_id, membership.local_entity_id) == (
            ids["contact"],
            ids["lyon"],
        )
        participation = session.scalars(select(Participation)).one()
        assert participation.membership_id == membership.id
        assert (participation.kind, participation.title) == ("event", "Congrès mondial de Daejeon")
        assert (participation.start_date, participation.end_date) == (
            date(2022, 10, 10),
            date(2022, 10, 14),
        )
        assert (participation.location, participation.country_code) == ("Daejeon", "KR")


def test_a_membership_ending_before_it_starts_is_a_row_message(
    qtbot: QtBot, office: OfficeFile
) -> None:
    ids = _seed(office)
    dialog = _open(qtbot, office, ids["other"])
    assert not dialog.current_errors()
    qtbot.mouseClick(dialog.memberships.add_button, Qt.MouseButton.LeftButton)
    members = dialog.memberships.table
    _date(members, 0, SINCE, QDate(2015, 1, 1))
    _date(members, 0, UNTIL, QDate(2012, 12, 31))
    refused_save(qtbot, dialog)
    label = dialog.memberships.error_label
    assert label.isVisibleTo(dialog)
    assert label.text() == "Row 1: The membership ends before it starts."
    _date(members, 0, UNTIL, QDate(2018, 12, 31))
    assert label.isHidden()
    assert not dialog.current_errors()


def test_removed_rows_become_tombstones_and_unsaved_ones_vanish(
    qtbot: QtBot, office: OfficeFile, office_path: Path
) -> None:
    ids = _seed(office)
    kept_id, ended_id = _memberships(office, ids["other"])
    dialog = _open(qtbot, office, ids["other"])
    members = dialog.memberships.table
    assert members.rowCount() == 2  # oldest first
    assert dialog.participation_box.title() == "Participations in the membership of row 1"

    # a row added and removed before saving leaves nothing behind
    qtbot.mouseClick(dialog.memberships.add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(_participations(dialog).add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(_participations(dialog).remove_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.memberships.remove_button, Qt.MouseButton.LeftButton)

    click_cell(qtbot, members, 1, FEE)  # the 2001 membership: remove its Córdoba assembly
    rows = _participations(dialog).table
    titles = [rows.item(row, TITLE).text() for row in range(rows.rowCount())]  # type: ignore[union-attr]
    click_cell(qtbot, rows, titles.index("AG de Córdoba"), TITLE)
    qtbot.mouseClick(_participations(dialog).remove_button, Qt.MouseButton.LeftButton)
    click_cell(qtbot, members, 0, FEE)  # the 1990 membership goes, its forum with it
    qtbot.mouseClick(dialog.memberships.remove_button, Qt.MouseButton.LeftButton)
    assert members.rowCount() == 1
    assert dialog.save(), dialog.general_error.text()
    dialog.close()

    with OfficeFile.open(office_path, read_only=True) as reopened, reopened.session() as session:
        memberships = {m.id: m for m in session.scalars(select(Membership))}
        assert set(memberships) == {kept_id, ended_id}
        assert memberships[kept_id].deleted_at is None
        assert memberships[ended_id].deleted_at is not None
        states = {p.title: p.deleted_at is None for p in session.scalars(select(Participation))}
        assert states == {"AG de Łódź": True, "AG de Córdoba": False, "Forum de Bordeaux": False}


def test_clicking_a_row_editor_shows_that_membership_participations(
    qtbot: QtBot, office: OfficeFile
) -> None:
    ids = _seed(office)
    _memberships(office, ids["other"])
    dialog = _open(qtbot, office, ids["other"])
    dialog.show()  # editors have their place in the table only once shown
    try:
        titles = _participations(dialog).table
        assert [titles.item(row, TITLE).text() for row in range(titles.rowCount())] == [  # type: ignore[union-attr]
            "Forum de Bordeaux"
        ]
        until = dialog.memberships.table.cellWidget(1, UNTIL)
        assert until is not None
        qtbot.mouseClick(until, Qt.MouseButton.LeftButton)
        assert dialog.participation_box.title() == "Participations in the membership of row 2"
        titles = _participations(dialog).table
        assert titles.rowCount() == 2
        assert not dialog.has_changes
    finally:
        dialog.hide()  # closing a shown dialog with changes would ask


def test_the_parent_picker_offers_no_descendant(qtbot: QtBot, office: OfficeFile) -> None:
    ids = _seed(office)
    dialog = _open(qtbot, office, ids["cuf"])
    offered = {dialog.ui.parent_id.itemData(i) for i in range(dialog.ui.parent_id.count())}
    assert offered == {None, ids["other"]}  # neither itself, its country group nor below
    group = _open(qtbot, office, ids["group"])
    assert group.ui.parent_id.currentData() == ids["cuf"]
    assert group.ui.parent_id.findData(ids["sub_group"]) < 0


def test_deleting_a_network_tombstones_our_memberships_of_it(
    qtbot: QtBot, office: OfficeFile, office_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = _seed(office)
    kept_id, ended_id = _memberships(office, ids["other"])
    dialog = _open(qtbot, office, ids["other"])
    monkeypatch.setattr(
        QMessageBox, "question", lambda *_args, **_kwargs: QMessageBox.StandardButton.Yes
    )
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    with OfficeFile.open(office_path, read_only=True) as reopened, reopened.session() as session:
        network = session.get(Network, ids["other"])
        assert network is not None and network.deleted_at is not None
        for membership_id in (kept_id, ended_id):
            membership = session.get(Membership, membership_id)
            assert membership is not None and membership.deleted_at is not None
        assert all(p.deleted_at is not None for p in session.scalars(select(Participation)))


def _type_in_date_cell(table: QTableWidget, row: int, column: int, text: str) -> None:
    """Type ``text`` into a date cell as a person writes it ("2004", "juin 2019")."""
    editor = table.cellWidget(row, column)
    assert isinstance(editor, DateField)
    editor.setFocus()
    QTest.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(editor, text)
    QTest.keyClick(editor, Qt.Key.Key_Tab)


def test_a_membership_known_to_the_year_or_month_keeps_it(
    qtbot: QtBot, office: OfficeFile, typist: TypeText
) -> None:
    """ "Membres depuis 2004, jusqu'en juin 2019": kept as a year and a month (the end runs
    to 30 June 2019), shown so when the network opens again; an event "2015" too."""
    set_language("fr")
    ids = _seed(office)
    dialog = _open(qtbot, office, ids["other"])
    qtbot.mouseClick(dialog.memberships.add_button, Qt.MouseButton.LeftButton)
    members = dialog.memberships.table
    _type_in_date_cell(members, 0, SINCE, "2004")
    _type_in_date_cell(members, 0, UNTIL, "juin 2019")
    participations = _participations(dialog)
    qtbot.mouseClick(participations.add_button, Qt.MouseButton.LeftButton)
    type_in_cell(qtbot, participations.table, 0, TITLE, "Assemblée de Łódź")
    _type_in_date_cell(participations.table, 0, START, "2015")
    assert not dialog.current_errors(), dialog.general_error.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.has_changes
    dialog.close()
    with office.session() as session:
        membership = session.scalars(select(Membership)).one()
        assert (membership.since, membership.since_precision) == (date(2004, 1, 1), "year")
        assert (membership.until, membership.until_precision) == (date(2019, 6, 30), "month")
        event = session.scalars(select(Participation)).one()
        assert (event.start_date, event.start_date_precision) == (date(2015, 1, 1), "year")
    again = _open(qtbot, office, ids["other"])
    shown = again.memberships.table
    texts = [shown.cellWidget(0, column).text() for column in (SINCE, UNTIL)]  # type: ignore[union-attr]
    assert texts == ["2004", "juin 2019"]
    assert not again.has_changes
