"""Child tables write and read numbers the user's way, and never clip their headings."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from sqlalchemy import select

from pytestqt.qtbot import QtBot

from intl_desk.core.i18n import set_language
from intl_desk.core.model import BudgetLine, Project
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui.child_table import parse_number
from intl_desk.ui.dialogs.project import ProjectDialog


@pytest.fixture
def french() -> Iterator[None]:
    set_language("fr")
    yield
    set_language("en")


def test_amounts_are_shown_and_typed_in_french(
    qtbot: QtBot, office: OfficeFile, french: None
) -> None:
    with office.session() as session:
        project = Project(
            title="Eau potable à Huế",
            status="2",
            budget_lines=[BudgetLine(year=2027, amount=Decimal("31000"), type="1", status="1")],
        )
        session.add(project)
        session.commit()
        project_id = project.id
    dialog = ProjectDialog(office, project_id)
    qtbot.addWidget(dialog)
    amount = dialog.budget.table.item(0, 1)
    assert amount is not None and amount.text() == "31\u202f000,00"
    year = dialog.budget.table.item(0, 0)
    assert year is not None and year.text() == "2027"  # a year, not "2 027"
    amount.setText("45 000,50")
    assert dialog.save_button.isEnabled()
    assert dialog.save()
    with office.session() as session:
        line = session.scalars(select(BudgetLine)).one()
        assert line.amount == Decimal("45000.50")
    header = dialog.cofinancing.table.horizontalHeader()
    for column in range(header.count()):
        assert header.sectionSize(column) >= header.sectionSizeHint(column)


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "31,000.50", Decimal("31000.50")),
        ("en", "1,5", Decimal("1.5")),
        ("fr", "31 000,50", Decimal("31000.50")),
        ("fr", "31000.50", Decimal("31000.50")),
        ("fr", "beaucoup", None),
    ],
)
def test_numbers_are_read_as_typed(language: str, text: str, expected: Decimal | None) -> None:
    set_language(language)
    try:
        assert parse_number(text) == expected
    finally:
        set_language("en")
