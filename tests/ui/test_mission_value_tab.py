"""A mission's value on its form (transport, carbon, expected results), its follow-ups on
Today, and an agreement's "survives a change of team" reading, through the real widgets."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QLabel, QTabBar
from pytestqt.qtbot import QtBot

from intl_desk.core.carbon import licence_text_path
from intl_desk.core.i18n import set_language
from intl_desk.core.model import (
    Activity,
    Agreement,
    AgreementObjective,
    AgreementParty,
    ExpectedResult,
    LocalEntity,
    Partner,
    StrategicLine,
    StrategicObjective,
)
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui.date_field import DateField
from intl_desk.ui.dialogs import activity_value
from intl_desk.ui.dialogs.activity import ActivityDialog
from intl_desk.ui.dialogs.agreement import AgreementDialog
from intl_desk.ui.today_page import LATE_COLOUR, TodayPage

from conftest import TypeText  # isort: skip


def _mission(office: OfficeFile, *, results: bool = False, department: bool = False) -> str:
    with office.session() as session:
        lyon = LocalEntity(name="Ville de Lyon", latitude=45.7640, longitude=4.8357)
        if department:  # a department of the city hall, with no position of its own
            lyon = LocalEntity(name="Direction des relations internationales", parent=lyon)
        mission = Activity(
            kind="mission", status="done", title="Mission à Leipzig",
            start_date=date(2026, 3, 7), end_date=date(2026, 3, 10), participant_count=3,
            local_entity=lyon,
            partner=Partner(name="Leipzig", country_code="DE", latitude=51.3397,
                            longitude=12.3731),
        )  # fmt: skip
        if results:
            mission.expected_results.append(ExpectedResult(expected="Feuille de route signée"))
        session.add(mission)
        session.commit()
        return mission.id


def _open_tab(qtbot: QtBot, dialog: ActivityDialog, title: str) -> None:
    bar = dialog.tabs.findChild(QTabBar)
    assert bar is not None
    index = next(i for i in range(bar.count()) if bar.tabText(i) == title)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert dialog.tabs.currentIndex() == index


def _open_value_tab(
    qtbot: QtBot, office: OfficeFile, mission_id: str, title: str = "Value"
) -> ActivityDialog:
    dialog = ActivityDialog(office, mission_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    _open_tab(qtbot, dialog, title)
    return dialog


def test_choose_the_plane_see_the_carbon_and_write_what_is_expected(
    qtbot: QtBot,
    office: OfficeFile,
    office_path: Path,
    typist: TypeText,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(activity_value, "today", lambda: date(2026, 3, 20))  # none due yet
    dialog = _open_value_tab(qtbot, office, _mission(office))
    tab = dialog.value_tab
    assert tab.carbon.text().startswith("No transport mode")
    assert tab.due.text() == (
        "3 months: 10 Jun 2026   ·   6 months: 10 Sept 2026   ·   12 months: 10 Mar 2027"
    )
    tab.transport_mode.setFocus()
    QTest.keyClicks(tab.transport_mode, "Plane")  # a closed list box picks the entry typed
    assert tab.transport_mode.currentData() == "plane"
    # 831.1 km × 2 × 3 travellers × 0.258 (tests/core/test_mission_value.py by hand)
    assert tab.carbon.text().startswith("1,286.5 kg CO2e: round trip, 831.1 km each way")
    assert "Avion passagers - Court courrier, 2018 - AVEC trainées" in tab.carbon.text()
    qtbot.mouseClick(tab.expected.add_button, Qt.MouseButton.LeftButton)
    table = tab.expected.table

    def editing() -> bool:
        focus = QApplication.focusWidget()
        editing = table.state() == QAbstractItemView.State.EditingState
        return editing and focus is not None and table.isAncestorOf(focus)

    qtbot.waitUntil(editing)
    typist(QApplication.focusWidget(), "Signer une feuille de route 2027")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.expected.table.state() != QAbstractItemView.State.EditingState)
    assert dialog.has_changes
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.has_changes
    dialog.close()
    with OfficeFile.open(office_path, read_only=True) as reopened, reopened.session() as session:
        saved = session.scalars(select(Activity)).one()
        assert saved.transport_mode == "plane"
        assert [r.expected for r in saved.expected_results] == ["Signer une feuille de route 2027"]


def test_the_expected_results_follow_the_carbon_estimate_without_a_gap(
    qtbot: QtBot, office: OfficeFile
) -> None:
    """The licence line under the estimate takes the height of its text, not of that text
    wrapped at its narrowest: the expected results start right under it."""
    dialog = _open_value_tab(qtbot, office, _mission(office))
    dialog.resize(1000, 720)
    qtbot.waitUntil(lambda: dialog.width() == 1000)
    tab = dialog.tabs.currentWidget()
    licence = tab.findChild(QLabel, "carbon_factors_source")
    heading = next(label for label in tab.findChildren(QLabel)
                   if label.text().startswith("Expected results"))  # fmt: skip
    line = licence.fontMetrics().height()
    assert licence.height() <= licence.heightForWidth(licence.width()) + 2
    gap = heading.mapTo(tab, QPoint(0, 0)).y() - licence.mapTo(tab, QPoint(0, licence.height())).y()
    assert gap < line, f"{gap} px between the licence line and the expected results"


def test_a_department_without_a_position_leaves_from_its_city(
    qtbot: QtBot, office: OfficeFile
) -> None:
    dialog = _open_value_tab(qtbot, office, _mission(office, department=True))
    tab = dialog.value_tab
    tab.transport_mode.setFocus()
    QTest.keyClicks(tab.transport_mode, "Plane")
    # the same trip as from the city itself, and the form says where it was counted from
    assert tab.carbon.text().startswith("1,286.5 kg CO2e: round trip, 831.1 km each way")
    assert tab.carbon.text().endswith(
        "Leaving from Ville de Lyon: Direction des relations internationales has no position"
        " of its own."
    )
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.has_changes


LONG_OBJECTIVE = (
    "Renforcer les capacités des services municipaux à monter des projets européens"
)


def test_a_long_choice_of_what_a_result_serves_is_read_whole(
    qtbot: QtBot, office: OfficeFile
) -> None:
    mission_id = _mission(office, results=True)
    with office.session() as session:
        line = StrategicLine(title="Une ville ouverte")
        session.add(line)
        session.flush()
        session.add(StrategicObjective(line_id=line.id, title=LONG_OBJECTIVE))
        session.add(StrategicObjective(line_id=line.id, title="Accueillir"))
        session.commit()
    set_language("fr")
    dialog = _open_value_tab(qtbot, office, mission_id, "Valeur")
    box = dialog.value_tab.expected.table.cellWidget(0, 1)
    assert isinstance(box, QComboBox) and box.toolTip() == ""  # "—": nothing to read
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)  # the list opens
    view = box.view()
    qtbot.waitUntil(view.isVisible)
    whole = f"Objectif : {LONG_OBJECTIVE}"
    assert view.width() >= view.fontMetrics().horizontalAdvance(whole)
    QTest.keyClick(view, Qt.Key.Key_Down)
    QTest.keyClick(view, Qt.Key.Key_Down)  # "Accueillir", then the long one
    QTest.keyClick(view, Qt.Key.Key_Return)
    assert box.currentText() == whole and box.toolTip() == whole
    assert box.width() < box.fontMetrics().horizontalAdvance(whole)  # the cell cuts it
    assert "Base Carbone® : « " not in dialog.value_tab.carbon.text()
    QTest.keyClicks(dialog.value_tab.transport_mode, "Avion")
    carbon = dialog.value_tab.carbon.text()
    assert "Facteur : ADEME, Base Carbone® : « Avion passagers - Court courrier" in carbon
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.has_changes


def test_the_form_says_which_follow_ups_are_made_and_which_are_late(
    qtbot: QtBot, office: OfficeFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(activity_value, "today", lambda: date(2026, 9, 20))  # as Today below
    dialog = _open_value_tab(qtbot, office, _mission(office, results=True))
    tab = dialog.value_tab
    assert tab.due.text() == (
        "3 months: 10 Jun 2026 (late)   ·   6 months: 10 Sept 2026 (late)   ·   "
        "12 months: 10 Mar 2027"
    )
    qtbot.mouseClick(tab.follow_ups.add_button, Qt.MouseButton.LeftButton)
    table = tab.follow_ups.table
    months = table.cellWidget(0, 0)
    assert isinstance(months, QComboBox)
    months.setFocus()
    QTest.keyClicks(months, "3")  # "3 months"
    made = table.cellWidget(0, 1)
    assert isinstance(made, DateField)
    made.setFocus()
    QTest.keyClicks(made, "14/06/2026")
    QTest.keyClick(made, Qt.Key.Key_Tab)
    assert tab.due.text() == (
        "3 months: 10 Jun 2026 (made on 14 Jun 2026)   ·   6 months: 10 Sept 2026 (late)   ·   "
        "12 months: 10 Mar 2027"
    )
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.has_changes


def test_a_follow_up_due_shows_on_today_and_opens_its_mission(
    qtbot: QtBot, office: OfficeFile
) -> None:
    mission_id = _mission(office, results=True)
    page = TodayPage(office.session, today=lambda: date(2026, 9, 20))
    qtbot.addWidget(page)
    page.show()
    page.activateWindow()
    qtbot.waitActive(page)
    with qtbot.waitSignal(page.loaded):
        page.load()
    panel = page.follow_ups.list
    lines = [panel.item(row).text() for row in range(panel.count())]
    assert lines == [
        "Mission à Leipzig — 3-month follow-up, overdue since 10 Jun 2026",
        "Mission à Leipzig — 6-month follow-up, overdue since 10 Sept 2026",
    ]
    assert panel.item(0).foreground().color() == LATE_COLOUR
    assert page.follow_ups.heading.text() == "Mission follow-ups (2)"
    opened: list[tuple[str, str]] = []
    page.open_requested.connect(lambda kind, record: opened.append((kind, record)))
    centre = panel.visualItemRect(panel.item(1)).center()
    qtbot.mouseClick(panel.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    QTest.keyClick(panel, Qt.Key.Key_Return)
    assert opened == [("activities", mission_id)]


def test_the_agreement_form_reads_whether_it_survives_a_change_of_team(
    qtbot: QtBot, office: OfficeFile, typist: TypeText
) -> None:
    with office.session() as session:
        agreement = Agreement(title="Jumelage Lyon–Łódź", type="twinning", status="active",
                              date_signed=date(2019, 5, 1))  # fmt: skip
        agreement.parties.append(
            AgreementParty(partner=Partner(name="Łódź", country_code="PL"), role="signatory")
        )
        agreement.objectives.append(AgreementObjective(text="Deux échanges scolaires par an"))
        session.add(agreement)
        session.commit()
        agreement_id = agreement.id
    dialog = AgreementDialog(office, agreement_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    note = dialog.survival_note.label
    assert note.isVisible()
    assert note.text().startswith("Survives a change of team: 1 of 5, at risk; it lacks")
    assert "It has specific objectives." in note.text()
    typist(dialog.ui.legal_authorisation, "Délibération n° 2019/112")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert note.text() == (
        "Survives a change of team: 2 of 5, uncertain; it lacks a responsible officer in the "
        "services, a contact at the partner and activity in the last two years. It has a "
        "council decision and specific objectives."
    )


def test_the_licence_of_the_carbon_factors_opens_its_bundled_text(
    qtbot: QtBot, office: OfficeFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    dialog = ActivityDialog(office, _mission(office))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    _open_tab(qtbot, dialog, "Value")
    label = dialog.value_tab.factors_source
    assert "the licence under which ADEME, Base Carbone® publishes the factors" in label.text()
    metrics = label.fontMetrics()  # the link opens the sentence: click on its first word
    first_line = label.contentsRect().top() + metrics.height() // 2
    where = QPoint(metrics.horizontalAdvance("Lic"), first_line)
    qtbot.mouseClick(label, Qt.MouseButton.LeftButton, pos=where)
    assert len(opened) == 1
    text = Path(opened[0].toLocalFile()).read_text(encoding="utf-8")
    assert text.startswith("# OPEN LICENCE 2.0/LICENCE OUVERTE 2.0")
    assert "An acknowledgement of the authorship of the \"Information\"" in text


def test_in_french_the_licence_is_etalab_s_french_text() -> None:
    text = licence_text_path("fr").read_text(encoding="utf-8")
    assert text.startswith("# LICENCE OUVERTE 2.0/OPEN LICENCE 2.0")
    assert "mentionner la paternité de l’«Information»" in text
    assert licence_text_path("pt") == licence_text_path("en")
