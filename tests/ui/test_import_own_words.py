"""The register's own words for a type or a status: the check step lists each once with
its rows, the person picks how it is read, the rows are checked again, and the next
register using the same word is read the same way."""

from __future__ import annotations

import sys
from pathlib import Path

from sqlalchemy import select

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from intl_desk.core.model import Agreement
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui.import_wizard import CHECK, COLUMNS, DONE, ImportWizard

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "exchange"))
from exchange_helpers import write_rows

TITLES = ["Cidade parceira", "País", "Tipo", "Situação", "Assinatura"]


def _register(path: Path, *rows: list[str]) -> Path:
    return write_rows(
        path,
        [
            ["Acordos internacionais da Prefeitura de Belo Horizonte — atualizado em 2024"],
            TITLES,
            *rows,
            [],
            ["Fonte: Assessoria de Relações Internacionais"],
        ],
    )


def _wizard(qtbot: QtBot, office: OfficeFile, config: Path, register: Path) -> ImportWizard:
    wizard = ImportWizard(office.session, mappings_folder=config)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.keyClicks(wizard.path_edit, str(register))
    assert wizard.kind_box.currentData() == "agreements"  # the first kind offered
    for step in (COLUMNS, CHECK):
        qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda s=step: wizard.step == s and not wizard.busy, timeout=10_000)
    return wizard


def _words(wizard: ImportWizard) -> list[tuple[str, str, str, str]]:
    table = wizard.words_table
    shown = []
    for row in range(table.rowCount()):
        box = table.cellWidget(row, 3)
        assert isinstance(box, QComboBox)
        texts = [table.item(row, column).text() for column in range(3)]
        shown.append((texts[0], texts[1], texts[2], box.currentText()))
    return shown


def test_a_word_of_the_register_is_read_as_chosen_and_remembered(
    qtbot: QtBot, office_path: Path, tmp_path: Path
) -> None:
    config = tmp_path / "config"
    register = _register(
        tmp_path / "acordos.xlsx",
        ["Porto", "Portugal", "Irmandade", "Renovado", "2011"],
        ["Córdoba", "Argentina", "Convênio de intercâmbio", "Renovado", "março de 2015"],
        ["Maputo", "Moçambique", "Irmandade", "Encerrado", "1998"],
    )
    with OfficeFile.open(office_path) as office:
        wizard = _wizard(qtbot, office, config, register)
        usual = "The usual one (the word kept in the notes)"
        assert wizard.words_panel.isVisible()
        assert _words(wizard) == [
            ("Encerrado", "Status", "1", usual),
            ("Renovado", "Status", "2", usual),
            ("Convênio de intercâmbio", "Type", "1", usual),
        ]
        box = wizard.words_table.cellWidget(1, 3)
        qtbot.keyClicks(box, "Active")  # typed on the list: picks the term
        qtbot.waitUntil(lambda: not wizard.busy and wizard.step == CHECK, timeout=10_000)
        qtbot.waitUntil(
            lambda: "“Renovado” (Status, 2 row(s)) is read as “Active”, as chosen."
            in wizard.summary_label.text()
        )
        assert _words(wizard)[1] == ("Renovado", "Status", "2", "Active")
        qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: wizard.step == DONE, timeout=10_000)
        with office.session() as session:
            stored = {
                a.title: (a.status, a.notes or "")
                for a in session.scalars(select(Agreement))
            }
    by_city = {
        city: value for city in ("Porto", "Córdoba", "Maputo")
        for title, value in stored.items() if city in title
    }
    assert by_city["Porto"] == ("active", "")  # a word read as chosen is no note
    assert by_city["Córdoba"][0] == "active"
    assert "Status as written in the register: Encerrado" in by_city["Maputo"][1]

    # the next register with the same word: read the same way from the start
    later = _register(tmp_path / "acordos-2025.xlsx", ["Praia", "Cabo Verde", "Irmandade",
                                                       "RENOVADO", "2025"])
    with OfficeFile.open(office_path) as office:
        again = _wizard(qtbot, office, config, later)
        assert _words(again) == [("RENOVADO", "Status", "1", "Active")]
