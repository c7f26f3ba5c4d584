"""The project form driven through its real widgets."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from form_helpers import refused_save
from sqlalchemy import select
from user_input import choose, click_cell, retype, type_in_cell

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from intl_desk.core.model import (
    BudgetLine,
    Change,
    LocalEntity,
    Partner,
    Project,
    ProjectSdg,
)
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui.dialogs.project import ProjectDialog

TypeText = Callable[[QWidget, str], None]


@pytest.fixture
def ids(office: OfficeFile) -> dict[str, str]:
    """Our city and a partner with an accented name, as the lists would hold them."""
    with office.session() as session:
        lyon = LocalEntity(name="Ville de Lyon", kind="municipality")
        lodz = Partner(name="Łódź", kind="city", country_code="PL")
        session.add_all([lyon, lodz])
        session.commit()
        return {"lyon": lyon.id, "lodz": lodz.id}


def open_dialog(qtbot: QtBot, office: OfficeFile, record_id: str | None = None) -> ProjectDialog:
    dialog = ProjectDialog(office, record_id)
    qtbot.addWidget(dialog)  # not shown: closing it at the end must not ask to save
    return dialog


def test_create_a_project_by_typing_and_picking(
    qtbot: QtBot, office: OfficeFile, office_path: Path, ids: dict[str, str], typist: TypeText
) -> None:
    dialog = open_dialog(qtbot, office)
    ui = dialog.ui
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == [
        "General",
        "Participants",
        "Money",
        "Reports and results",
        "History",
    ]
    assert "This field is required." in refused_save(qtbot, dialog)  # no title yet
    typist(ui.title, "Mobilité douce à Córdoba")
    choose(qtbot, ui.status, data="2")
    choose(qtbot, ui.lead_entity_id, data=ids["lyon"])
    retype(qtbot, ui.planned_start, "01/03/2025")
    retype(qtbot, ui.planned_end, "28/02/2027")
    typist(ui.location_name, "Córd")
    suggestions = dialog.places.model().stringList()
    choice = next(s for s in suggestions if s.startswith("Córdoba — Argentina"))
    dialog.places.activated[str].emit(choice)
    assert ui.country_code.currentData() == "AR"
    qtbot.mouseClick(dialog.sdg_picker.buttons[11], Qt.MouseButton.LeftButton)
    assert "11 Sustainable cities and communities" in dialog.sdg_picker.summary.text()

    qtbot.mouseClick(dialog.participants.add_button, Qt.MouseButton.LeftButton)
    party = dialog.participants.table.cellWidget(0, 0)
    assert isinstance(party, QComboBox)
    choose(qtbot, party, data=f"partner:{ids['lodz']}")
    choose(qtbot, ui.currency, data="EUR")
    qtbot.mouseClick(dialog.budget.add_button, Qt.MouseButton.LeftButton)
    assert dialog.budget.table.item(0, 0).text() == "2025"  # the planned start year
    assert "Budget: Row 1: This field is required." in refused_save(qtbot, dialog)
    type_in_cell(qtbot, dialog.budget.table, 0, 1, "12500,50")
    assert ui.budget_total.text() == "Total budget: €12,500.50"
    assert not dialog.current_errors(), dialog.general_error.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.has_changes

    with OfficeFile.open(office_path) as reopened, reopened.session() as session:
        project = session.scalars(select(Project)).one()
        assert (project.title, project.status, project.lead_entity_id) == (
            "Mobilité douce à Córdoba",
            "2",
            ids["lyon"],
        )
        assert (project.planned_start, project.planned_end) == (date(2025, 3, 1), date(2027, 2, 28))
        assert (project.location_name, project.country_code) == ("Córdoba", "AR")
        assert round(project.latitude or 0) == -31
        [line] = project.budget_lines
        assert (line.year, line.amount, line.type, line.status) == (
            2025,
            Decimal("12500.50"),
            "1",
            "1",
        )
        [participant] = project.participants
        assert (participant.partner_id, participant.role) == (ids["lodz"], "4")
        assert [link.sdg for link in project.sdgs] == [11]


def test_planned_end_before_start_is_shown_under_the_end(qtbot: QtBot, office: OfficeFile) -> None:
    dialog = open_dialog(qtbot, office)
    retype(qtbot, dialog.ui.title, "Jumelage Huế")
    retype(qtbot, dialog.ui.planned_start, "01/06/2026")
    retype(qtbot, dialog.ui.planned_end, "31/01/2026")
    assert "The planned end is before the planned start." in refused_save(qtbot, dialog)
    label = dialog.error_labels["planned_end"]
    assert label.text() == "The planned end is before the planned start."
    assert not label.isHidden()
    retype(qtbot, dialog.ui.planned_end, "31/01/2027")
    assert label.isHidden()
    assert not dialog.current_errors()


def test_a_negative_budget_amount_is_refused_on_its_row(
    qtbot: QtBot, office: OfficeFile, typist: TypeText
) -> None:
    dialog = open_dialog(qtbot, office)
    retype(qtbot, dialog.ui.title, "Łódź — échanges de jeunes")
    qtbot.mouseClick(dialog.budget.add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.budget.add_button, Qt.MouseButton.LeftButton)
    assert dialog.budget.table.item(1, 0).text() == str(date.today().year + 1)
    type_in_cell(qtbot, dialog.budget.table, 0, 1, "1000")
    type_in_cell(qtbot, dialog.budget.table, 1, 1, "-500")
    assert "Budget: Row 2: An amount cannot be negative." in refused_save(qtbot, dialog)
    assert "Row 2: An amount cannot be negative." in dialog.budget.error_label.text()
    assert not dialog.budget.error_label.isHidden()
    assert not dialog.save()
    type_in_cell(qtbot, dialog.budget.table, 1, 1, "500")
    assert not dialog.current_errors()
    assert dialog.ui.budget_total.text() == "Total budget: €1,500.00"


def test_removed_rows_become_tombstones(qtbot: QtBot, office: OfficeFile) -> None:
    with office.session() as session:
        project = Project(title="Coopération São João del Rei")
        project.budget_lines.extend(
            [BudgetLine(year=2024, amount=Decimal(800)), BudgetLine(year=2025, amount=Decimal(900))]
        )
        project.sdgs.append(ProjectSdg(sdg=4))
        session.add(project)
        session.commit()
        project_id = project.id
    dialog = open_dialog(qtbot, office, project_id)
    assert dialog.ui.budget_total.text() == "Total budget: €1,700.00"
    assert dialog.sdg_picker.checked() == [4]
    # a row added and removed again before saving leaves nothing behind
    qtbot.mouseClick(dialog.budget.add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.budget.remove_button, Qt.MouseButton.LeftButton)
    click_cell(qtbot, dialog.budget.table, 0, 0)
    qtbot.mouseClick(dialog.budget.remove_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.sdg_picker.buttons[4], Qt.MouseButton.LeftButton)
    assert dialog.ui.budget_total.text() == "Total budget: €900.00"
    assert dialog.has_changes
    assert dialog.save(), dialog.general_error.text()

    with office.session() as session:
        lines = session.scalars(select(BudgetLine).order_by(BudgetLine.year)).all()
        assert [(line.year, line.deleted_at is not None) for line in lines] == [
            (2024, True),
            (2025, False),
        ]
        assert {line.project_id for line in lines} == {project_id}  # the tombstone keeps it
        assert [line.year for line in session.get(Project, project_id).budget_lines] == [2025]
        link = session.scalars(select(ProjectSdg)).one()
        assert link.deleted_at is not None and link.project_id == project_id
        deleted = session.scalars(select(Change.record_kind).where(Change.action == "delete"))
        assert sorted(deleted) == ["budget_line", "project_sdg"]
    assert dialog.history.table.rowCount() >= 2
