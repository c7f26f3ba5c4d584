"""The office's IATI organisation identifier is typed in the app (Office › IATI
organisation identifier…), and an IATI export whose projects' identifiers lack it offers
to put it in front, in the file only."""

from __future__ import annotations

from pathlib import Path

import pytest
from defusedxml import ElementTree
from sqlalchemy import select

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from intl_desk.core.model import Office, Project, ProjectSector
from intl_desk.ui.export_action import export_page
from intl_desk.ui.iati_identifier_dialog import IatiIdentifierDialog
from intl_desk.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, office_path: Path) -> MainWindow:
    main = MainWindow()
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.file_opened, timeout=10_000):
        main.open_file(office_path)
    return main


def _stored(window: MainWindow) -> str | None:
    with window.office.session() as session:  # type: ignore[union-attr]
        return session.scalars(select(Office.iati_org_ref)).first()


def test_the_identifier_is_typed_checked_and_kept(qtbot: QtBot, window: MainWindow) -> None:
    action = window.findChild(QAction, "iatiIdentifierAction")
    assert action is not None
    action.trigger()  # Office › IATI organisation identifier…
    dialog = window.findChild(IatiIdentifierDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.identifier, "Lyon 2024")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # refused, with the reason
    assert dialog.problem.text().startswith(
        "“Lyon 2024” is not an IATI organisation identifier: it starts with the registration "
        "agency's code"
    )
    assert _stored(window) is None
    dialog.identifier.selectAll()
    qtbot.keyClicks(dialog.identifier, "FR-RNA-W691234567")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert _stored(window) == "FR-RNA-W691234567"


def test_the_export_offers_to_prefix_the_activities_identifiers(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with window.office.session() as session:  # type: ignore[union-attr]
        session.scalars(select(Office)).one().iati_org_ref = "FR-RNA-W691234567"
        project = Project(title="Eau potable à Thiès", status="2", iati_identifier="DRI-2024-07")
        session.add(project)
        session.flush()
        session.add(ProjectSector(project_id=project.id, code="14030", percentage=100))
        session.commit()
    asked: list[str] = []

    def answer(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    page = window.show_list("projects")
    qtbot.waitUntil(lambda: page.model.loaded and not page.reading, timeout=10_000)
    target = tmp_path / "activites.xml"
    assert export_page(page, window, window.session, target) is not None
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=10_000)
    assert asked[0] == (
        "1 activity(ies) have an identifier that does not begin with the office's "
        "“FR-RNA-W691234567-”, as IATI requires. Write the file again with "
        "“FR-RNA-W691234567-” in front of them? The projects keep their own identifiers."
    )

    def written() -> list[str]:
        root = ElementTree.parse(target).getroot()
        return [element.text for element in root.iter("iati-identifier")]

    qtbot.waitUntil(lambda: written() == ["FR-RNA-W691234567-DRI-2024-07"], timeout=10_000)
    with window.office.session() as session:  # type: ignore[union-attr]
        assert session.scalars(select(Project.iati_identifier)).one() == "DRI-2024-07"
