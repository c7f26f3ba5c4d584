"""Child tables write and read numbers the user's way, and never clip their headings."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal

import pytest
from sqlalchemy import select
from user_input import type_in_cell

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QMessageBox,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from intl_desk.core.i18n import set_language
from intl_desk.core.model import BudgetLine, Project
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui.child_table import parse_number
from intl_desk.ui.dialogs.agreement import AgreementDialog
from intl_desk.ui.dialogs.project import ProjectDialog

TypeText = Callable[[QWidget, str], None]


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
    type_in_cell(qtbot, dialog.budget.table, 0, 1, "45 000,50")
    assert not dialog.current_errors()
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


def _editing(table: QTableWidget) -> bool:
    """The last row's first cell is open for typing and has the keyboard."""
    focus = QApplication.focusWidget()
    return (
        table.state() == QAbstractItemView.State.EditingState
        and table.currentRow() == table.rowCount() - 1
        and focus is not None
        and table.isAncestorOf(focus)
    )


def test_rows_are_added_and_removed_from_the_keyboard(
    qtbot: QtBot, office: OfficeFile, typist: TypeText, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Add a row → type at once (a space is text, not another row); Delete removes the
    selected rows after asking, and the next row stays selected for the button."""
    asked: list[str] = []

    def confirm(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", confirm)
    dialog = AgreementDialog(office)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    objectives = dialog.objectives
    tab = next(
        i for i in range(dialog.tabs.count()) if dialog.tabs.widget(i).isAncestorOf(objectives)
    )
    bar = dialog.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(tab).center())
    assert objectives.isVisible()
    for text in ("Former 40 enseignants à Huế", "Échanges culturels", "Festival à Łódź"):
        qtbot.mouseClick(objectives.add_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: _editing(objectives.table))  # the new row's cell, not the button
        typist(QApplication.focusWidget(), text)
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: objectives.table.state() != QAbstractItemView.State.EditingState)
    assert objectives.table.rowCount() == 3
    assert [objectives.table.item(r, 0).text() for r in range(3)] == [
        "Former 40 enseignants à Huế", "Échanges culturels", "Festival à Łódź",
    ]  # fmt: skip
    objectives.table.setFocus()
    qtbot.mouseClick(
        objectives.table.viewport(), Qt.MouseButton.LeftButton,
        pos=objectives.table.visualItemRect(objectives.table.item(1, 0)).center(),
    )  # fmt: skip
    QTest.keyClick(objectives.table, Qt.Key.Key_Delete)
    assert asked == ["Remove 1 row(s) with what is written in them?"]
    assert [objectives.table.item(r, 0).text() for r in range(2)] == [
        "Former 40 enseignants à Huế", "Festival à Łódź",
    ]  # fmt: skip
    qtbot.mouseClick(objectives.remove_button, Qt.MouseButton.LeftButton)  # the next one
    assert [objectives.table.item(0, 0).text()] == ["Former 40 enseignants à Huế"]
    assert len(asked) == 1  # a deliberate click asks nothing
    qtbot.mouseClick(objectives.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _editing(objectives.table))
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)  # nothing typed after all
    QTest.keyClick(objectives.table, Qt.Key.Key_Delete)  # an empty row goes without asking
    assert len(asked) == 1 and objectives.table.rowCount() == 1
    assert objectives.table.item(0, 0).text() == "Former 40 enseignants à Huế"
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Discard)
