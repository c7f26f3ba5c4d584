"""The import wizard and the Export… of a list, driven as a user does."""

from __future__ import annotations

import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import select
from user_input import choose, tick

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from intl_desk.core.model import (
    Agreement,
    AgreementParty,
    LocalEntity,
    Membership,
    Partner,
    Project,
)
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui.dialogs import register_all
from intl_desk.ui.export_action import export_page
from intl_desk.ui.import_wizard import CHECK, COLUMNS, DONE, ImportWizard, start_import
from intl_desk.ui.main_window import MainWindow

# the register fixtures are shared with tests/exchange (a plain folder, not a package)
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "exchange"))
from exchange_helpers import seed_register_office, write_register


def _shown(
    wizard: ImportWizard, row: int, column: int, role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole
) -> str:
    """What the check step's table shows in a cell (its text, or its tooltip)."""
    return str(wizard.rows_table.model().index(row, column).data(role))


@pytest.fixture
def seeded(office_path: Path) -> Path:
    with OfficeFile.open(office_path) as office:
        seed_register_office(office)
    return office_path


@pytest.fixture
def window(qtbot: QtBot, seeded: Path) -> MainWindow:
    register_all()
    main = MainWindow()
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.file_opened, timeout=10_000):
        main.open_file(seeded)
    return main


def _wizard(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> ImportWizard:
    assert window.office is not None
    wizard = ImportWizard(window.session, window, mappings_folder=tmp_path / "config")
    qtbot.addWidget(wizard)
    return wizard


def _next(qtbot: QtBot, wizard: ImportWizard, step: int) -> None:
    wizard.next_button.click()
    qtbot.waitUntil(lambda: wizard.step == step and not wizard.busy, timeout=10_000)


def test_the_wizard_shows_columns_then_every_row_then_writes(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    register = write_register(tmp_path / "registre.xlsx")
    wizard = _wizard(qtbot, window, tmp_path)
    assert not wizard.next_button.isEnabled()  # nothing chosen yet
    wizard.choose_file(register)
    assert [wizard.sheet_box.itemText(i) for i in range(1, wizard.sheet_box.count())] == [
        "Lisez-moi",
        "Registre 2015-2020",
    ]
    _next(qtbot, wizard, COLUMNS)
    assert "“Registre 2015-2020”, column titles on row 4" in wizard.columns_label.text()
    titles = [
        wizard.columns_table.item(row, 0).text() for row in range(wizard.columns_table.rowCount())
    ]
    chosen = [box.currentText() for box in wizard.field_boxes]
    assert dict(zip(titles, chosen, strict=True))["Date de signature"] == "Signed"
    assert dict(zip(titles, chosen, strict=True))["Ville partenaire"] == "Partners"
    assert (
        "5 juillet 2018" in wizard.columns_table.item(titles.index("Date de signature"), 2).text()
    )
    _next(qtbot, wizard, CHECK)
    summary = wizard.summary_label.text()
    assert "9 row(s) read" in summary and "6 new" in summary
    assert "2 already in the file" in summary and "1 rejected" in summary
    first = [_shown(wizard, 0, column) for column in range(4)]
    assert first[:2] == ["12", "Rejected"]  # rejected rows come first, with their reason
    assert "“31/02/2019” is not a date that exists." in first[3]
    assert wizard.next_button.text() == "Import 6 row(s)"  # duplicates are skipped
    tick(qtbot, wizard.update_button)
    assert wizard.next_button.text() == "Import 8 row(s)"
    tick(qtbot, wizard.skip_button)
    with window.office.session() as session:  # type: ignore[union-attr]
        assert len(session.scalars(select(Agreement)).all()) == 1  # nothing written yet
    with qtbot.waitSignal(wizard.imported, timeout=10_000):
        wizard.next_button.click()
    qtbot.waitUntil(lambda: wizard.step == DONE)
    assert wizard.result_title.text() == "Imported 6, updated 0, skipped 2, rejected 1."
    assert "Row 12: Date de signature: “31/02/2019” is not a date" in wizard.result_label.text()
    with window.office.session() as session:  # type: ignore[union-attr]
        assert len(session.scalars(select(Agreement)).all()) == 7


def test_a_corrected_column_is_used_and_remembered(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    register = write_register(tmp_path / "registre.xlsx")
    wizard = _wizard(qtbot, window, tmp_path)
    wizard.choose_file(register)
    _next(qtbot, wizard, COLUMNS)
    titles = [
        wizard.columns_table.item(row, 0).text() for row in range(wizard.columns_table.rowCount())
    ]
    box = wizard.field_boxes[titles.index("Observations")]
    choose(qtbot, box, data="summary")
    _next(qtbot, wizard, CHECK)
    again = _wizard(qtbot, window, tmp_path)
    again.choose_file(register)
    _next(qtbot, again, COLUMNS)
    assert again.field_boxes[titles.index("Observations")].currentData() == "summary"


def test_an_unreadable_file_is_explained_and_the_wizard_stays(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = tmp_path / "photo.xlsx"
    fake.write_bytes(b"\x89PNG")
    shown: list[str] = []
    monkeypatch.setattr(
        "intl_desk.ui.operations.QMessageBox.warning",
        lambda parent, title, text: shown.append(text),
    )
    wizard = _wizard(qtbot, window, tmp_path)
    wizard.choose_file(fake)
    wizard.next_button.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert "“photo.xlsx” is not a spreadsheet Intl Desk can read" in shown[0]
    assert wizard.step == 0 and wizard.next_button.isEnabled()


def test_file_import_is_refused_on_a_read_only_file(qtbot: QtBot, seeded: Path) -> None:
    main = MainWindow()
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.file_opened, timeout=10_000):
        main.open_file(seeded, read_only=True)
    assert start_import(main) is None
    assert "read-only" in main.statusBar().currentMessage()


def test_export_writes_the_rows_of_the_list_with_its_filter(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with window.office.session() as session:  # type: ignore[union-attr]
        lyon = session.scalars(select(LocalEntity)).one()
        lodz = Partner(name="Łódź", kind="city", country_code="PL")
        draft = Agreement(title="Projet d'accord avec Łódź", type="friendship", status="draft")
        draft.parties.extend([AgreementParty(local_entity=lyon), AgreementParty(partner=lodz)])
        session.add(draft)
        session.commit()
    page = window.show_list("agreements")
    qtbot.waitUntil(lambda: page.model.loaded and not page.reading, timeout=10_000)
    assert page.findChild(type(page.new_button), "exportButton") is not None
    box = page.facet_boxes["status"]
    choose(qtbot, box, data="draft")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and not page.reading, timeout=10_000)
    target = tmp_path / "export.xlsx"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kwargs: (str(target), ""))
    )
    page.findChild(type(page.new_button), "exportButton").click()
    qtbot.waitUntil(
        lambda: "Exported 1 row(s)" in window.statusBar().currentMessage(), timeout=10_000
    )
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    assert rows[0][:3] == ("Title", "Type", "Status")
    assert [row[0] for row in rows[1:]] == ["Projet d'accord avec Łódź"]


def test_export_of_an_empty_file_writes_just_the_titles(qtbot: QtBot, tmp_path: Path) -> None:
    empty = tmp_path / "empty.sqlite"
    OfficeFile.create(empty, "Ville de Łódź").close()
    main = MainWindow()
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.file_opened, timeout=10_000):
        main.open_file(empty)
    page = main.show_list("partners")
    qtbot.waitUntil(lambda: page.model.loaded and not page.reading, timeout=10_000)
    target = tmp_path / f"partners {date.today()}.csv"
    operation = export_page(page, main, main.session, target)
    assert operation is not None
    qtbot.waitUntil(lambda: not operation.running, timeout=10_000)
    assert target.read_text(encoding="utf-8-sig").splitlines() == [
        "Name,Kind,Country,Region,Agreements,Website,Population,Latitude,Longitude,"
        "IATI organisation identifier,GeoNames id,Notes"
    ]


def test_the_wizard_imports_a_list_of_partners(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    workbook = Workbook()
    workbook.active.append(["Nom", "Pays"])
    workbook.active.append(["Cusco", "Pérou"])
    path = tmp_path / "partenaires.xlsx"
    workbook.save(path)
    wizard = _wizard(qtbot, window, tmp_path)
    wizard.choose_file(path)
    choose(qtbot, wizard.kind_box, data="partners")
    _next(qtbot, wizard, COLUMNS)
    _next(qtbot, wizard, CHECK)
    assert "1 new" in wizard.summary_label.text()


def test_projects_export_to_iati_from_the_list(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        "intl_desk.ui.operations.QMessageBox.warning",
        lambda parent, title, text: shown.append(text),
    )
    page = window.show_list("projects")
    qtbot.waitUntil(lambda: page.model.loaded and not page.reading, timeout=10_000)
    target = tmp_path / "activities.xml"
    operation = export_page(page, window, window.session, target)
    assert operation is not None
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert "There are no projects to export" in shown[0]  # a new office has none yet
    assert not target.exists()
    with window.office.session() as session:  # type: ignore[union-attr]
        session.add(Project(title="Eau potable à Thiès", status="2", country_code="SN"))
        session.commit()
    operation = export_page(page, window, window.session, target)
    assert operation is not None
    qtbot.waitUntil(lambda: "IATI" in window.statusBar().currentMessage(), timeout=10_000)
    assert "<iati-activities" in target.read_text(encoding="utf-8")
    # no organisation identifier yet and a project without a sector: the person is told
    # before publishing, naming the project
    box = window.findChild(QMessageBox, "exportWarnings")
    assert box is not None and box.isVisible()
    assert box.informativeText().startswith("The office has no IATI organisation identifier")
    assert box.informativeText().split("\n\n")[1] == (
        "1 activity(ies) have no sector, which the IATI Standard requires of every activity: "
        "Eau potable à Thiès — add a sector to each project before publishing."
    )
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "exportWarnings") is None)


def test_file_menu_opens_the_wizard_and_exports_the_list_on_screen(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.import_action.trigger()
    wizard = window.findChild(ImportWizard)
    assert wizard is not None and wizard.isVisible()
    wizard.close()
    page = window.show_list("partners")
    qtbot.waitUntil(lambda: page.model.loaded and not page.reading, timeout=10_000)
    target = tmp_path / "partenaires.csv"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kwargs: (str(target), ""))
    )
    window.export_action.trigger()
    qtbot.waitUntil(
        lambda: target.exists() and "Exported" in window.statusBar().currentMessage(),
        timeout=10_000,
    )
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("Name,Kind,Country") and len(lines) == 3  # Porto, São João


def test_the_wizard_imports_the_networks_the_office_belongs_to(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Adhésions aux réseaux — Direction des relations internationales"])
    sheet.append(["Réseau", "Sigle", "Notre rôle", "Membre depuis", "Cotisation annuelle"])
    sheet.append(["Cités Unies France", "CUF", "Membre du bureau", "2011", "4 500,00"])
    sheet.append(["Eurocities", None, "Membre", "mars 2014", "12 000,50"])
    sheet.append([])
    sheet.append(["Source : budget primitif 2024"])
    path = tmp_path / "reseaux.xlsx"
    workbook.save(path)
    wizard = _wizard(qtbot, window, tmp_path)
    wizard.choose_file(path)
    choose(qtbot, wizard.kind_box, data="networks")
    _next(qtbot, wizard, COLUMNS)
    chosen = [box.currentText() for box in wizard.field_boxes]
    assert chosen == ["Name", "Acronym", "Our role", "Member since", "Annual fee"]
    _next(qtbot, wizard, CHECK)
    assert "2 new" in wizard.summary_label.text()
    with qtbot.waitSignal(wizard.imported, timeout=10_000):
        qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.step == DONE)
    assert wizard.result_title.text() == "Imported 2, updated 0, skipped 0, rejected 0."
    with window.office.session() as session:  # type: ignore[union-attr]
        found = {
            m.network.name: (m.role, m.since, m.since_precision, m.annual_fee)
            for m in session.scalars(select(Membership))
        }
    assert found == {
        "Cités Unies France": ("board", date(2011, 1, 1), "year", Decimal("4500.00")),
        "Eurocities": ("member", date(2014, 3, 1), "month", Decimal("12000.50")),
    }


def test_the_check_step_says_what_a_year_or_month_alone_keeps(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """Each row's problems are read whole in the cell's tooltip, one per line (the cell
    shows two lines): a year-only signature is kept as a year, a month-only expiry as a
    month, with the day computations take."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["International agreements — Office of International Relations"])
    sheet.append(["Title", "Partner", "Country", "Type", "Signed", "Expires"])
    sheet.append(["Twinning with Porto", "Porto", "Portugal", "Twinning", "2011", "December 2024"])
    sheet.append(["Source: office register, March 2025"])
    path = tmp_path / "agreements.xlsx"
    workbook.save(path)
    wizard = _wizard(qtbot, window, tmp_path)
    wizard.choose_file(path)
    _next(qtbot, wizard, COLUMNS)
    _next(qtbot, wizard, CHECK)
    problems = _shown(wizard, 0, 3, Qt.ItemDataRole.ToolTipRole)
    assert problems.splitlines() == [
        "Signed: “2011” is kept as a year; computations take its first day, 1 Jan 2011.",
        "Expires: “December 2024” is kept as a month; computations take its last day, 31 Dec 2024.",
    ]


def test_each_rows_outcome_reads_whole_and_agrees_with_a_row_in_portuguese(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    from intl_desk.core.i18n import set_language

    set_language("pt")
    try:
        wizard = _wizard(qtbot, window, tmp_path)
        table = wizard.rows_table
        widest = table.fontMetrics().horizontalAdvance("Linha duplicada")
        assert table.columnWidth(1) > widest + 8  # was 90 px: “Linha / duplicada” on two lines
        wizard.choose_file(write_register(tmp_path / "registre.xlsx"))
        _next(qtbot, wizard, COLUMNS)
        _next(qtbot, wizard, CHECK)
        outcomes = {_shown(wizard, row, 1) for row in range(table.model().rowCount())}
        assert outcomes == {"Nova", "Linha duplicada", "Rejeitada"}  # a row: “linha”, feminine
        assert "6 novas" in wizard.summary_label.text()
    finally:
        set_language("en")
