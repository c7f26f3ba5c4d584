"""The History tab reads like a log a colleague wrote, not like the database."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from user_input import choose, click_cell, retype, tick, tick_item, type_in_cell

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from intl_desk.core.model import (
    Agreement,
    AgreementParty,
    BudgetLine,
    Contact,
    LocalEntity,
    Partner,
    Project,
)
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui.dialogs.agreement import AgreementDialog
from intl_desk.ui.dialogs.project import ProjectDialog
from intl_desk.ui.history_panel import HistoryPanel

TypeText = Callable[[QWidget, str], None]


def rows(panel: HistoryPanel) -> list[tuple[str, ...]]:
    table = panel.table
    return [
        tuple(table.item(row, column).text() for column in range(2, 5))  # type: ignore[union-attr]
        for row in range(table.rowCount())
    ]


def make_agreement(office: OfficeFile) -> str:
    with office.session() as session:
        session.add_all(
            [
                LocalEntity(id="e-lyon", name="Ville de Lyon", kind="municipality"),
                Partner(id="p-lodz", name="Łódź", kind="city", country_code="PL"),
                Contact(id="c-lea", name="Léa Rousseau"),
                Contact(id="c-amina", name="Amina Mansour"),
            ]
        )
        agreement = Agreement(
            title="Jumelage Lyon – Łódź",
            type="twinning",
            status="active",
            date_signed=date(2025, 10, 1),
            date_expires=date(2029, 10, 20),
            responsible_id="c-lea",
            parties=[
                AgreementParty(local_entity_id="e-lyon", role="signatory"),
                AgreementParty(partner_id="p-lodz", role="signatory"),
            ],
        )
        session.add(agreement)
        session.commit()
        return agreement.id


def test_changes_show_labels_names_and_local_dates(
    qtbot: QtBot, office: OfficeFile, typist: TypeText
) -> None:
    agreement_id = make_agreement(office)
    dialog = AgreementDialog(office, agreement_id)
    qtbot.addWidget(dialog)
    ui = dialog.ui
    assert set(rows(dialog.history)) == {
        ("Created", "", ""),
        ("Party added", "", "Łódź"),
        ("Party added", "", "Ville de Lyon"),
    }
    choose(qtbot, ui.status, data="terminated")
    typist(dialog.end_date.field, "15/03/2026")  # a terminated agreement says when it ended
    choose(qtbot, ui.responsible_id, data="c-amina")
    retype(qtbot, ui.date_expires, ui.date_expires.date().addYears(1).toString("dd/MM/yyyy"))
    if ui.perpetual.isChecked():
        tick(qtbot, ui.perpetual)
    for row in range(ui.theme_list.count()):
        item = ui.theme_list.item(row)
        if item.data(Qt.ItemDataRole.UserRole) == "culture":
            assert item.checkState() == Qt.CheckState.Unchecked
            tick_item(qtbot, ui.theme_list, row)
    party_row = next(
        row
        for row in range(dialog.parties.table.rowCount())
        if isinstance(box := dialog.parties.table.cellWidget(row, 0), QComboBox)
        and box.currentData() == "partner:p-lodz"
    )
    click_cell(qtbot, dialog.parties.table, party_row, 0)
    qtbot.mouseClick(dialog.parties.remove_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    shown = set(rows(dialog.history))
    assert ("Status", "Active", "Terminated") in shown
    assert ("Ended on", "—", "15 Mar 2026") in shown  # labelled, not "Date ended"
    assert ("Responsible officer", "Léa Rousseau", "Amina Mansour") in shown
    assert ("Expires", "20 Oct 2029", "20 Oct 2030") in shown
    assert ("Theme added", "", "Culture") in shown
    assert ("Party removed", "Łódź", "") in shown
    table = dialog.history.table
    first, second = table.item(0, 1), table.item(1, 0)
    assert first is not None and first.text()  # who, on the first line of the save
    assert second is not None and second.text() == ""  # not repeated on its other lines
    assert dialog.history.summary.text().startswith("Created on ")


def test_a_budget_line_change_names_the_line(qtbot: QtBot, office: OfficeFile) -> None:
    with office.session() as session:
        project = Project(
            title="Eau potable à Huế",
            status="2",
            budget_lines=[BudgetLine(year=2027, amount=31000, type="1", status="1")],
        )
        session.add(project)
        session.commit()
        project_id = project.id
    dialog = ProjectDialog(office, project_id)
    qtbot.addWidget(dialog)
    type_in_cell(qtbot, dialog.budget.table, 0, 1, "45000")
    assert dialog.save()
    assert ("Budget line “2027 · 45,000”: Amount", "31,000", "45,000") in rows(dialog.history)


def test_a_record_without_history_says_why(
    qtbot: QtBot, office: OfficeFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    with office.session() as session:
        session.info["history"] = False  # as the demo and bulk imports write
        session.add(Partner(id="p-cordoba", name="Córdoba", kind="city", country_code="AR"))
        session.commit()
    from intl_desk.ui.dialogs.partner import PartnerDialog

    dialog = PartnerDialog(office, "p-cordoba")
    qtbot.addWidget(dialog)
    assert dialog.history.table.rowCount() == 0 and dialog.history.table.isHidden()
    assert "No change has been recorded" in dialog.history.summary.text()
    new = PartnerDialog(office)
    qtbot.addWidget(new)
    assert new.history.summary.text() == "The history starts when the record is first saved."
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Discard)
