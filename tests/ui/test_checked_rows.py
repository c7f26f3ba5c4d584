"""The check step shows every row of a long register, drawn as it comes into view, and
lets go of the rows when the write starts (it lets go of each row once written)."""

from __future__ import annotations

import gc
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from intl_desk.core.i18n import Message
from intl_desk.exchange.importer import Issue, RowPreview
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui.checked_rows import CheckedRowsModel
from intl_desk.ui.import_wizard import CHECK, COLUMNS, ImportWizard

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "exchange"))
from exchange_helpers import write_rows

CITIES = [
    ("Łódź", "Polónia"),
    ("Córdoba", "Argentina"),
    ("Huế", "Vietname"),
    ("São João del-Rei", "Brasil"),
]
ROWS = 2_050  # more than the 2,000 the table used to show


def test_the_last_row_of_a_long_register_can_be_reached(
    qtbot: QtBot, office_path: Path, tmp_path: Path
) -> None:
    register = write_rows(
        tmp_path / "acordos.xlsx",
        [
            ["Registro de acordos internacionais"],
            ["Título", "Parceiro", "País", "Tipo", "Assinatura"],
            *[
                [
                    f"Acordo nº {n} com {CITIES[n % 4][0]}",
                    *CITIES[n % 4],
                    "Geminação",
                    (date(1990, 1, 1) + timedelta(days=n)).isoformat(),  # no two alike
                ]
                for n in range(1, ROWS + 1)
            ],
            ["Fonte: Assessoria Internacional"],
        ],
    )
    with OfficeFile.open(office_path) as office:
        wizard = ImportWizard(office.session, mappings_folder=tmp_path / "config")
        qtbot.addWidget(wizard)
        wizard.show()
        qtbot.keyClicks(wizard.path_edit, str(register))
        for step in (COLUMNS, CHECK):
            qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda s=step: wizard.step == s and not wizard.busy, timeout=20_000)
        table = wizard.rows_table
        table.setFocus()
        qtbot.keyClick(table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        last = table.currentIndex()
        assert last.row() == ROWS - 1
        shown = [last.siblingAtColumn(column).data() for column in range(3)]
        assert shown == [str(ROWS + 2), "New", f"Acordo nº {ROWS} com Huế"]


def _row(number: int, city: str) -> RowPreview:
    row = RowPreview(number=number, values={"title": f"Jumelage {city}"}, label=f"Jumelage {city}")
    row.warnings.append(
        Issue(
            Message(
                "New partner “{name}” ({country}) will be created.", {"name": city, "country": "PL"}
            )
        )
    )
    return row


def test_the_table_keeps_the_rows_in_view_and_lets_go_of_every_row() -> None:
    rows = [_row(number, city) for number, city in enumerate(["Łódź", "Kraków", "Gdańsk"], 2)]
    model = CheckedRowsModel()
    model.show_rows(rows)
    assert model.index(1, 2).data() == "Jumelage Kraków"
    assert model.index(1, 3).data(Qt.ItemDataRole.ToolTipRole) == (
        "New partner “Kraków” (PL) will be created."
    )
    model.keep_only_in_view(0, 1)
    assert model.rowCount() == 3
    assert [model.index(n, 2).data() for n in range(3)] == [
        "Jumelage Łódź",
        "Jumelage Kraków",
        None,
    ]
    gc.collect()
    held = [r for r in gc.get_referrers(rows[0]) if isinstance(r, list) and r is not rows]
    assert held == []  # only the caller's list still holds the rows


def test_each_rows_messages_are_rendered_once_however_often_it_is_painted(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Qt asks the model for each cell and role in turn, at every paint."""
    rendered: list[str] = []
    render = Issue.render

    def counted(issue: Issue, language: str | None = None) -> str:
        rendered.append(issue.message.msgid)
        return render(issue, language)

    monkeypatch.setattr(Issue, "render", counted)
    model = CheckedRowsModel()
    model.show_rows([_row(number, city) for number, city in enumerate(["Łódź", "Kraków"], 2)])
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    table.show()
    for _ in range(3):
        table.viewport().grab()
    assert len(rendered) == 2  # one message a row
