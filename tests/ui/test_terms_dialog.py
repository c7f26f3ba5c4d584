"""Office › Terms of office…, used as a person does: the menu, a term typed into the table
with its dates, its commitments written under it, a new plan's line told which old line it
carries on, Save — and the handover report opens with those commitments."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from menu_helpers import choose, window_on
from openpyxl import load_workbook
from sqlalchemy import select

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QTableWidget,
)
from pytestqt.qtbot import QtBot

from intl_desk.core.evaluation.handover import compute_handover
from intl_desk.core.i18n import set_language
from intl_desk.core.model import Indicator, PoliticalTerm, StrategicLine
from intl_desk.reports.handover_opening import term_sentence
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui.date_field import DateField
from intl_desk.ui.dialogs.indicator import IndicatorDialog
from intl_desk.ui.main_window import MainWindow
from intl_desk.ui.terms_dialog import TermsDialog

from conftest import TypeText  # isort: skip


def _editing(table: QTableWidget) -> bool:
    """A cell of ``table`` is open for typing and has the keyboard."""
    focus = QApplication.focusWidget()
    editing = table.state() == QAbstractItemView.State.EditingState
    return editing and focus is not None and table.isAncestorOf(focus)


def _type_date(qtbot: QtBot, field: DateField, text: str, typist: TypeText) -> None:
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    typist(field, text)
    QTest.keyClick(field, Qt.Key.Key_Tab)


def _terms_from_the_menu(
    qtbot: QtBot, office_path: Path, menu: str = "&Office", key: Qt.Key = Qt.Key.Key_T
) -> tuple[MainWindow, TermsDialog]:
    """A window on the file, and Office › Terms of office… chosen by its letter."""
    window = window_on(qtbot, office_path)
    choose(qtbot, window, menu, key)
    qtbot.waitUntil(lambda: window.findChild(TermsDialog) is not None)
    dialog = window.findChild(TermsDialog)
    assert isinstance(dialog, TermsDialog)
    qtbot.waitExposed(dialog)
    return window, dialog


def test_record_a_term_its_commitments_and_a_line_carried_on(
    qtbot: QtBot, office_path: Path, typist: TypeText
) -> None:
    with OfficeFile.open(office_path) as office, office.session() as session:
        session.add(StrategicLine(code="A1", title="Une ville ouverte"))
        session.commit()
    window, dialog = _terms_from_the_menu(qtbot, office_path)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    assert dialog.commitments_label.text() == "Add a term to write its commitments."
    table = dialog.terms.table
    qtbot.mouseClick(dialog.terms.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _editing(table))
    typist(QApplication.focusWidget(), "Grégory Doucet")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
    assert table.item(0, 0).text() == "Grégory Doucet"
    start = table.cellWidget(0, 2)
    assert isinstance(start, DateField)
    _type_date(qtbot, start, "04/07/2020", typist)
    end = table.cellWidget(0, 3)
    assert isinstance(end, DateField)
    _type_date(qtbot, end, "27/03/2026", typist)
    qtbot.mouseClick(dialog.commitments, Qt.MouseButton.LeftButton)
    typist(dialog.commitments, "Renouveler l'accord avec Huế")
    assert dialog.commitments_label.text() == (
        "What the team of Grégory Doucet commits the next one to:"
    )
    bar = dialog.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    lines = dialog.lines.table
    qtbot.mouseClick(dialog.lines.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _editing(lines))
    typist(QApplication.focusWidget(), "B1")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    typist(QApplication.focusWidget(), "Une ville monde")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: lines.state() != QAbstractItemView.State.EditingState)
    carries = lines.cellWidget(1, 3)
    assert isinstance(carries, QComboBox)
    carries.setFocus()
    QTest.keyClicks(carries, "A1")  # a closed list box picks the entry typed
    plan = lines.cellWidget(1, 2)  # the term typed on the first tab, not saved yet
    assert isinstance(plan, QComboBox)
    plan.setFocus()
    QTest.keyClicks(plan, "Gr")  # a closed list box picks the entry typed
    assert plan.currentText() == "Grégory Doucet (2020–2026)"
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert save is not None
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.findChild(TermsDialog) is None or not dialog.isVisible())

    with OfficeFile.open(office_path, read_only=True) as office, office.session() as session:
        term = session.scalars(select(PoliticalTerm)).one()
        assert (term.leader, term.start_date, term.end_date) == (
            "Grégory Doucet", date(2020, 7, 4), date(2026, 3, 27))  # fmt: skip
        assert term.commitments == "Renouveler l'accord avec Huế"
        new = session.scalars(select(StrategicLine).where(StrategicLine.code == "B1")).one()
        assert new.continues is not None and new.continues.code == "A1"
        assert new.term_id == term.id
        report = compute_handover(session, date(2026, 12, 4))
    assert term_sentence(report) == (
        "Term of Grégory Doucet, 4 Jul 2020 – 27 Mar 2026; no plan recorded."
    )


def test_an_indicator_says_which_one_it_carries_on(qtbot: QtBot, office: OfficeFile) -> None:
    with office.session() as session:
        old = Indicator(code="T1", name="Étudiants accueillis", dimension="territorial")
        new = Indicator(code="T1b", name="Étudiants et chercheurs", dimension="territorial")
        session.add_all([old, new])
        session.commit()
        old_id, new_id = old.id, new.id
    dialog = IndicatorDialog(office, new_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    assert [dialog.continues.itemText(i) for i in range(dialog.continues.count())] == [
        "—", "T1 — Étudiants accueillis"]  # fmt: skip
    dialog.continues.setFocus()
    QTest.keyClicks(dialog.continues, "T1")  # a closed list box picks the entry typed
    assert dialog.has_changes
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.has_changes
    with office.session() as session:
        stored = session.get(Indicator, new_id)
        assert stored is not None and stored.continues_id == old_id


def test_the_terms_are_exported_from_their_dialog(
    qtbot: QtBot, office_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with OfficeFile.open(office_path) as office, office.session() as session:
        session.add(
            PoliticalTerm(
                leader="Grégory Doucet",
                leader_title="Maire de Lyon",
                start_date=date(2020, 7, 4),
                end_date=date(2026, 3, 27),
                commitments="Renouveler l'accord avec Huế\nTenir les cotisations",
            )
        )
        session.flush()
        term = session.scalars(select(PoliticalTerm)).one()
        session.add(StrategicLine(code="A1", title="Une ville ouverte", term_id=term.id))
        session.commit()
    target = tmp_path / "mandats.xlsx"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kwargs: (str(target), ""))
    )
    told: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", staticmethod(lambda parent, title, text: told.append(text))
    )
    _window, dialog = _terms_from_the_menu(qtbot, office_path)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(told))  # written off the GUI thread

    assert told == ["Exported 1 row(s) of Terms of office to mandats.xlsx."]
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    assert rows[0][:4] == ("Who led", "Title", "From", "To")
    assert rows[1][0] == "Grégory Doucet" and rows[1][6].splitlines() == [
        "Renouveler l'accord avec Huế", "Tenir les cotisations"]  # fmt: skip

    bar = dialog.tabs.tabBar()  # the plan's lines, from their own tab
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(told) == 2)
    assert told[-1] == "Exported 1 row(s) of Plan lines to mandats.xlsx."
    book = load_workbook(target)
    assert book.sheetnames == ["Plan lines", "Objectives"]
    lines = list(book["Plan lines"].iter_rows(values_only=True))
    assert lines[1][:4] == ("A1", "Une ville ouverte", None, "Grégory Doucet")


def test_the_dialog_opens_on_the_latest_term_marked(qtbot: QtBot, office_path: Path) -> None:
    with OfficeFile.open(office_path) as office, office.session() as session:
        session.add_all([
            PoliticalTerm(leader="Isabelle Lefèvre", start_date=date(2014, 4, 4),
                          end_date=date(2020, 7, 3), commitments="Conduire le programme"),
            PoliticalTerm(leader="Karim Benali", start_date=date(2020, 7, 4)),
        ])  # fmt: skip
        session.commit()
    set_language("fr")
    _window, dialog = _terms_from_the_menu(qtbot, office_path, "&Service", Qt.Key.Key_M)
    table = dialog.terms.table
    assert table.currentRow() == 1 and table.item(1, 0).isSelected()
    # "de Isabelle" would want an elision: "menée par" needs none, whatever the name
    assert dialog.commitments_label.text() == (
        "Ce à quoi l'équipe menée par Karim Benali engage la suivante :"
    )
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualItemRect(table.item(0, 0)).center())  # fmt: skip
    assert dialog.commitments.toPlainText() == "Conduire le programme"
    assert "menée par Isabelle Lefèvre" in dialog.commitments_label.text()


def test_a_csv_export_says_which_files_are_beside_it(
    qtbot: QtBot, office_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with OfficeFile.open(office_path) as office, office.session() as session:
        session.add(StrategicLine(code="A1", title="Une ville ouverte"))
        session.commit()
    target = tmp_path / "lignes.csv"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kwargs: (str(target), ""))
    )
    told: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", staticmethod(lambda parent, title, text: told.append(text))
    )
    _window, dialog = _terms_from_the_menu(qtbot, office_path)
    bar = dialog.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(told))
    assert told == [
        "Exported 1 row(s) of Plan lines to lignes.csv. What one row cannot hold is in the "
        "files beside it: lignes – Objectives.csv."
    ]
    assert (tmp_path / "lignes – Objectives.csv").exists()
