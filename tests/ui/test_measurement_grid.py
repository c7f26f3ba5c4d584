"""Typing a period's values into the measurement grids, saving, and reading the file again."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from evaluation_office import TODAY, Written, add_indicator, build_office_file
from sqlalchemy import select
from user_input import click_cell, in_sight, open_tab, type_in_cell, type_text

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QMenu
from pytestqt.qtbot import QtBot

from intl_desk.core import model as m
from intl_desk.core.i18n import set_language
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui.measurement_grid import VALUE_COLUMN
from intl_desk.ui.measurement_page import MeasurementPage

EVIDENCE_COLUMN = 5


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Written, dict[str, str]]:
    """Written once; each test gets its own copy of the closed file (see ``prepared``)."""
    path = tmp_path_factory.mktemp("grid") / "office.sqlite"
    written = build_office_file(path)
    with OfficeFile.open(path) as office, office.session() as session:
        ids = {
            "visitors": add_indicator(session, written, {2025: 1000}, code="TER-01",
                                      name="Visiteurs étrangers", unit="visiteurs"),
            "scale": add_indicator(session, written, {2025: 3}, code="INS-04",
                                   name="Institutionnalisation", measure="qualitative"),
            "text": add_indicator(session, written, code="POL-08", name="Contributions",
                                  measure="text"),
            "signed": add_indicator(session, written, {2025: 2}, code="POL-01",
                                    formula="agreements_signed"),
            "exports": add_indicator(session, written, {2025: 5}, code="MUN-07",
                                     name="Exportações", per_local_entity=True),
        }  # fmt: skip
        for level, label in enumerate(("Aucune", "Ponctuelle", "Écrite", "Budgétée"), 1):
            session.add(m.ScaleLevel(indicator_id=ids["scale"], level=level, label=label))
        session.commit()
    return path, written, ids


@pytest.fixture
def prepared(
    template: tuple[Path, Written, dict[str, str]], tmp_path: Path
) -> tuple[Path, Written, dict[str, str]]:
    copy = tmp_path / "office.sqlite"
    shutil.copyfile(template[0], copy)
    return copy, template[1], template[2]


@pytest.fixture
def page(qtbot: QtBot, prepared: tuple[Path, Written, dict[str, str]]) -> Iterator[MeasurementPage]:
    with OfficeFile.open(prepared[0]) as office:
        shown = MeasurementPage(office.session, today=lambda: TODAY)
        qtbot.addWidget(shown)
        shown.resize(1200, 700)
        shown.show()
        shown.load()
        yield shown
        shown.close()


def choose_period(page: MeasurementPage, label: str) -> None:
    for row in range(page.due_list.count()):
        if page.due_list.item(row).text().startswith(label):
            page.due_list.setCurrentRow(row)
            return
    raise AssertionError(f"no period {label}")


def row_of(page: MeasurementPage, code: str) -> int:
    return next(r for r, i in enumerate(page.office_model.indicators) if i.code == code)


def measurements(path: Path) -> dict[tuple[str, str | None], Any]:
    with OfficeFile.open(path, read_only=True) as office, office.session() as session:
        rows = session.execute(
            select(m.Measurement).where(m.Measurement.deleted_at.is_(None))
        ).scalars()
        return {(row.indicator_id, row.local_entity_id): row for row in rows}


def test_a_periods_values_typed_in_the_grid_are_in_the_file_after_reopening(
    qtbot: QtBot, page: MeasurementPage, prepared: tuple[Path, Written, dict[str, str]]
) -> None:
    path, written, ids = prepared
    choose_period(page, "2025")
    codes = [indicator.code for indicator in page.office_model.indicators]
    assert "POL-01" not in codes  # computed: counted from the records, never typed
    table = page.office_table
    type_in_cell(qtbot, table, row_of(page, "TER-01"), VALUE_COLUMN, "1234.5")
    evidence = "Observatoire — Łódź inclus"
    type_in_cell(qtbot, table, row_of(page, "TER-01"), EVIDENCE_COLUMN, evidence)
    type_in_cell(qtbot, table, row_of(page, "INS-04"), VALUE_COLUMN, "3")
    type_in_cell(qtbot, table, row_of(page, "POL-08"), VALUE_COLUMN, "Motion adoptée à Córdoba")
    assert page.office_model.data(page.office_model.index(row_of(page, "INS-04"), VALUE_COLUMN)) \
        == "3 — Écrite"  # fmt: skip
    assert page.save_button.isEnabled()
    assert page.save()
    saved = measurements(path)
    visitors = saved[(ids["visitors"], None)]
    assert (visitors.value, visitors.evidence) == (1234.5, "Observatoire — Łódź inclus")
    assert visitors.period_id == written.periods[2025] and visitors.measured_on == TODAY
    assert saved[(ids["scale"], None)].scale_level == 3
    assert saved[(ids["text"], None)].text == "Motion adoptée à Córdoba"
    assert not page.save_button.isEnabled()  # nothing left to save


def test_values_for_many_local_entities_at_once(
    qtbot: QtBot, page: MeasurementPage, prepared: tuple[Path, Written, dict[str, str]]
) -> None:
    path, written, ids = prepared
    choose_period(page, "2025")
    assert page.tabs.isTabVisible(1)
    open_tab(qtbot, page.tabs, 1)
    names = [name for _id, name, _parent in page.entity_model.entities]
    assert "Tiradentes" in names and "Córrego Fundo" in names
    assert "Região Campo das Vertentes" not in names  # regions are not measured one by one
    type_in_cell(qtbot, page.entity_table, names.index("Tiradentes"), 1, "12.5")
    type_in_cell(qtbot, page.entity_table, names.index("Córrego Fundo"), 1, "3")
    assert page.save()
    saved = measurements(path)
    assert saved[(ids["exports"], written.entities["m1"])].value == 12.5
    assert saved[(ids["exports"], written.entities["m2"])].value == 3.0
    # what is left in 2025: the three office indicators, no entity value
    assert page.due_list.currentItem().text() == "2025 — 3 to enter"


def test_the_search_box_narrows_the_entity_rows(page: MeasurementPage) -> None:
    choose_period(page, "2025")
    type_text(page.search, "corrego")  # accents do not matter
    assert [name for _i, name, _p in page.entity_model.entities] == ["Córrego Fundo"]


def test_numbers_are_read_in_the_users_language(
    qtbot: QtBot, page: MeasurementPage, prepared: tuple[Path, Written, dict[str, str]]
) -> None:
    set_language("fr")
    choose_period(page, "2025")
    type_in_cell(qtbot, page.office_table, row_of(page, "TER-01"), VALUE_COLUMN, "1\u202f234,5")
    assert page.save()
    assert measurements(prepared[0])[(prepared[2]["visitors"], None)].value == 1234.5


def test_a_value_that_is_not_a_number_is_refused_and_nothing_is_written(
    qtbot: QtBot, page: MeasurementPage, prepared: tuple[Path, Written, dict[str, str]]
) -> None:
    choose_period(page, "2025")
    before = prepared[0].read_bytes()
    type_in_cell(qtbot, page.office_table, row_of(page, "TER-01"), VALUE_COLUMN, "beaucoup")
    type_in_cell(qtbot, page.office_table, row_of(page, "INS-04"), VALUE_COLUMN, "9")
    assert "level of the scale" in page.message.text()
    type_in_cell(qtbot, page.office_table, row_of(page, "TER-01"), VALUE_COLUMN, "beaucoup")
    assert "not a number" in page.message.text()
    assert not page.save_button.isEnabled()
    assert prepared[0].read_bytes() == before


def test_clearing_a_saved_value_deletes_its_measurement(
    qtbot: QtBot, page: MeasurementPage, prepared: tuple[Path, Written, dict[str, str]]
) -> None:
    choose_period(page, "2025")
    row = row_of(page, "TER-01")
    type_in_cell(qtbot, page.office_table, row, VALUE_COLUMN, "10")
    assert page.save()
    choose_period(page, "2025")
    type_in_cell(qtbot, page.office_table, row_of(page, "TER-01"), VALUE_COLUMN, "")
    assert page.save()
    assert (prepared[2]["visitors"], None) not in measurements(prepared[0])


def test_evidence_documents_attached_to_a_new_value_are_saved_with_it(
    qtbot: QtBot,
    page: MeasurementPage,
    prepared: tuple[Path, Written, dict[str, str]],
    tmp_path: Path,
) -> None:
    path, _written, ids = prepared
    choose_period(page, "2025")
    row = row_of(page, "TER-01")
    click_cell(qtbot, page.office_table, row, VALUE_COLUMN)
    assert page.documents is not None
    report = tmp_path / "Relatório de Łódź.pdf"
    report.write_bytes(b"%PDF-1.4 evidence")
    page.documents.attach_files([report])
    type_in_cell(qtbot, page.office_table, row, VALUE_COLUMN, "800")
    assert page.office_model.data(page.office_model.index(row, 8)) == "1"
    assert page.save()
    measurement = measurements(path)[(ids["visitors"], None)]
    with OfficeFile.open(path, read_only=True) as office, office.session() as session:
        document = session.scalars(select(m.Document)).one()
        assert (document.record_kind, document.record_id) == ("measurement", measurement.id)
        assert document.filename == "Relatório de Łódź.pdf"


def test_discarding_forgets_what_was_typed(
    qtbot: QtBot, page: MeasurementPage, prepared: tuple[Path, Written, dict[str, str]]
) -> None:
    choose_period(page, "2025")
    type_in_cell(qtbot, page.office_table, row_of(page, "TER-01"), VALUE_COLUMN, "10")
    page.discard()
    assert not page.has_changes()
    assert (
        page.office_model.data(page.office_model.index(row_of(page, "TER-01"), VALUE_COLUMN)) == ""
    )


def test_read_only_files_show_values_but_take_none(
    qtbot: QtBot, prepared: tuple[Path, Written, dict[str, str]]
) -> None:
    with OfficeFile.open(prepared[0], read_only=True) as office:
        shown = MeasurementPage(office.session, today=lambda: TODAY, read_only=lambda: True)
        qtbot.addWidget(shown)
        shown.load()
        choose_period(shown, "2025")
        table = shown.office_table
        click_cell(qtbot, table, 0, VALUE_COLUMN)
        with in_sight(qtbot, table):  # a double click opens no editor
            centre = table.visualRect(table.model().index(0, VALUE_COLUMN)).center()
            qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
            qtbot.keyClick(table, Qt.Key.Key_5)  # nor does typing
            assert table.state() != QAbstractItemView.State.EditingState
        assert not shown.save_button.isEnabled()


def test_a_new_office_file_says_what_to_do_first(qtbot: QtBot, office: OfficeFile) -> None:
    shown = MeasurementPage(office.session, today=lambda: TODAY)
    qtbot.addWidget(shown)
    shown.load()
    assert shown.due_list.count() == 0
    assert "No periods yet" in shown.empty_label.text()
    assert not shown.grids.isVisibleTo(shown)


def test_the_main_window_leads_to_the_measurements_due(
    qtbot: QtBot, prepared: tuple[Path, Written, dict[str, str]]
) -> None:
    from intl_desk.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.file_opened, timeout=10_000):
        assert window.open_file(prepared[0])
    labels = [window.navigation.item(row).text() for row in range(window.navigation.count())]
    window.navigation.setCurrentRow(labels.index("Measurements"))
    page = window.measurement_page
    assert window.pages.currentWidget() is page
    assert page.due_list.count() > 0 and page.period is not None
    assert page.title.text().startswith("Values for ")
    window.close_file()


def test_the_reports_menu_writes_the_yearly_handover_and_entity_pdfs(
    qtbot: QtBot,
    prepared: tuple[Path, Written, dict[str, str]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from pypdf import PdfReader

    from intl_desk.ui import evaluation_reports
    from intl_desk.ui.main_window import MainWindow

    shown: list[Path] = []
    monkeypatch.setattr(evaluation_reports, "ask_year", lambda window: 2025)
    monkeypatch.setattr(evaluation_reports, "ask_path", lambda window, title, name: tmp_path / name)
    monkeypatch.setattr(evaluation_reports, "show_pdf", shown.append)
    window = MainWindow()
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.file_opened, timeout=10_000):
        assert window.open_file(prepared[0])
    menu = window.findChild(QMenu, "reportsMenu")
    assert menu is not None
    # The menu bar's actions carry the menus' titles; QAction.menu() would hand the menus
    # to Python's garbage collector in PySide6 and delete them.
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles.index("&Reports") == titles.index("&Help") - 1
    said: list[str] = []
    window.statusBar().messageChanged.connect(said.append)
    reports = [action for action in menu.actions() if action.objectName().endswith("Action")]
    assert [action.text() for action in reports][:3] == [
        "&Yearly report…", "&Handover report…", "&Sheet per local entity…",
    ]  # fmt: skip
    for written, action in enumerate(reports[:3], start=1):
        action.trigger()
        qtbot.waitUntil(lambda count=written: len(shown) == count)  # written in the background
    assert [path.name for path in shown] == [
        "Yearly report 2025.pdf", "Handover report.pdf", "Local entities.pdf",
    ]  # fmt: skip
    assert "Yearly report 2025" in PdfReader(shown[0]).pages[0].extract_text()
    assert "Handover report" in PdfReader(shown[1]).pages[0].extract_text()
    # the handover's full lists are written beside it, and the status bar says where
    workbook = tmp_path / "Handover report.xlsx"
    assert workbook.is_file()
    assert f"its full lists to {workbook}." in " ".join(said)
    window.close_file()


def test_the_agreement_form_prints_its_one_page_sheet(
    qtbot: QtBot,
    prepared: tuple[Path, Written, dict[str, str]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from pypdf import PdfReader

    from intl_desk.ui import agreement_sheet_button as sheet
    from intl_desk.ui.dialogs.agreement import AgreementDialog

    shown: list[Path] = []
    monkeypatch.setattr(sheet, "ask_path", lambda parent, name: tmp_path / name)
    monkeypatch.setattr(sheet, "show_pdf", shown.append)
    path, written, _ids = prepared
    with OfficeFile.open(path) as office:
        dialog = AgreementDialog(office, written.agreements["a1"])
        qtbot.addWidget(dialog)
        button = sheet.add_print_sheet_button(dialog)
        button.click()
        qtbot.waitUntil(lambda: bool(shown))  # written in the background
        dialog.reject()
    assert [p.name for p in shown] == ["Accord a1 Łódź Córdoba.pdf"]
    text = PdfReader(shown[0]).pages[0].extract_text()
    assert "Accord a1 — Łódź/Córdoba" in text and "Łódź (Poland)" in text
