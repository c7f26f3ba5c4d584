"""Several forms open at once, as people work: each saves at once, none blocks another,
and an import runs while a form is open. A form holds no transaction while it is on
screen (it used to hold one for its whole life, so the second save waited five seconds
and failed with "database is locked")."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from intl_desk.core.model import Partner
from intl_desk.exchange.import_write import apply_import
from intl_desk.exchange.importer import preview_import
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui.combo_search import FoldedSearch
from intl_desk.ui.dialogs.partner import PartnerDialog

TypeText = Callable[[QWidget, str], None]


@pytest.fixture(autouse=True)
def _no_questions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Any warning box would mean a save failed: record it instead of blocking."""
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: warnings.append(text))
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Discard)
    return warnings


def _form(qtbot: QtBot, office: OfficeFile, record_id: str | None = None) -> PartnerDialog:
    dialog = PartnerDialog(office, record_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _choose_country(qtbot: QtBot, typist: TypeText, dialog: PartnerDialog, typed: str) -> None:
    country = dialog.ui.country_code
    search = country.findChild(FoldedSearch)
    assert isinstance(search, FoldedSearch) and country.lineEdit() is not None
    country.lineEdit().clear()
    typist(country.lineEdit(), typed)
    popup = search.completer.popup()
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)


def _type_and_save(typist: TypeText, dialog: PartnerDialog, field: str, text: str) -> None:
    typist(getattr(dialog.ui, field), text)  # key by key, accents included
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def _names(path: Path) -> dict[str, str | None]:
    with OfficeFile.open(path, read_only=True) as office, office.session() as session:
        return {p.name: p.notes for p in session.scalars(select(Partner))}


def test_two_forms_open_both_save_at_once(
    qtbot: QtBot, office_path: Path, _no_questions: list[str], typist: TypeText
) -> None:
    with OfficeFile.open(office_path) as office:
        with office.session() as session:
            cordoba = Partner(name="Córdoba", kind="city", country_code="AR")
            session.add(cordoba)
            session.commit()
            cordoba_id = cordoba.id
        first = _form(qtbot, office, cordoba_id)  # open, read, left on screen
        second = _form(qtbot, office)
        _choose_country(qtbot, typist, second, "poland")
        _type_and_save(typist, second, "name", "Łódź")
        assert _no_questions == []
        assert [e.message for e in second.current_errors()] == []
        assert not second.is_new  # saved
        _type_and_save(typist, first, "notes", "Convênio renovado")
        assert _no_questions == []
        assert _names(office_path) == {"Córdoba": "Convênio renovado", "Łódź": None}


def test_an_import_runs_while_a_form_is_open(
    qtbot: QtBot, office_path: Path, tmp_path: Path, _no_questions: list[str], typist: TypeText
) -> None:
    register = tmp_path / "parceiros.csv"
    register.write_text("Nome;País\nSão João del-Rei;Brasil\nHuế;Vietnã\n", "utf-8")
    with OfficeFile.open(office_path) as office:
        form = _form(qtbot, office)
        typist(form.ui.name, "Córd")  # half typed, not saved
        _choose_country(qtbot, typist, form, "argentin")
        with office.session() as session:
            preview = preview_import(session, register, "partners")
            apply_import(session, preview)
        _type_and_save(typist, form, "name", "oba")
        assert _no_questions == []
    assert sorted(_names(office_path)) == ["Córdoba", "Huế", "São João del-Rei"]


def test_a_save_while_another_program_writes_says_so_and_loses_nothing(
    qtbot: QtBot, office_path: Path, _no_questions: list[str], typist: TypeText
) -> None:
    with OfficeFile.open(office_path) as office:
        form = _form(qtbot, office)
        _choose_country(qtbot, typist, form, "argentin")
        typist(form.ui.name, "Córdoba")
        # the form's own connection gives up at once instead of after five seconds
        form.session.connection().exec_driver_sql("PRAGMA busy_timeout = 0")
        other = sqlite3.connect(office_path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # another program is writing
        QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
        assert _no_questions == [
            f"“{office_path.name}” is being used by another program right now: wait a "
            "moment and try again."
        ]
        assert form.is_new and form.ui.name.text() == "Córdoba"  # nothing lost
        other.execute("ROLLBACK")
        other.close()
        QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)  # tried again
        assert not form.is_new
    assert _names(office_path) == {"Córdoba": None}
