"""Office › Collection rounds…, used as the state office uses it: a round opened by typing
its title and deadline and ticking indicators and municipalities, an answer submitted,
approved, then returned with a typed comment; the reminder list copied; the Today page
then says what is owed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from menu_helpers import choose, window_on
from round_helpers import DEADLINE, ROUND, enter_figures, make_state, round_id
from sqlalchemy import func, select

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QListWidget, QMessageBox, QPushButton, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from intl_desk.cli import main
from intl_desk.core.model import CollectionRound, Measurement
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui.new_round_dialog import NewRoundDialog
from intl_desk.ui.round_today import RoundsPanel
from intl_desk.ui.rounds_dialog import RoundsDialog

TypeText = Callable[[QWidget, str], None]


def _click(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _act(qtbot: QtBot, dialog: RoundsDialog, button: QPushButton) -> None:
    """Click a step that saves, then wait for the page, read again in the background."""
    with qtbot.waitSignal(dialog.page_shown, timeout=10_000):
        _click(qtbot, button)


def _opened(qtbot: QtBot, dialog: RoundsDialog) -> RoundsDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.view is not None, timeout=10_000)
    return dialog


def _tick(qtbot: QtBot, box: QListWidget, text: str) -> None:
    """Click the line, then Space: the way a keyboard user ticks a box in a list."""
    item = next(box.item(row) for row in range(box.count()) if box.item(row).text() == text)
    qtbot.mouseClick(
        box.viewport(), Qt.MouseButton.LeftButton, pos=box.visualItemRect(item).center()
    )
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert item.checkState() == Qt.CheckState.Checked


def _untick(qtbot: QtBot, box: QListWidget, text: str) -> None:
    item = next(box.item(row) for row in range(box.count()) if box.item(row).text() == text)
    qtbot.mouseClick(
        box.viewport(), Qt.MouseButton.LeftButton, pos=box.visualItemRect(item).center()
    )
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert item.checkState() == Qt.CheckState.Unchecked


def _click_row(qtbot: QtBot, table: QTableWidget, entity: str) -> None:
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == entity)
    rect = table.visualItemRect(table.item(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _statuses(table: QTableWidget) -> dict[str, str]:
    return {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}


def test_the_state_office_opens_a_round_and_reviews_the_answers(
    qtbot: QtBot, tmp_path: Path, typist: TypeText
) -> None:
    path = make_state(tmp_path / "minas.sqlite", with_round=False)
    enter_figures(path, "Barbacena", {"Acordos ativos": 3, "Estudantes em intercâmbio": 40})
    window = window_on(qtbot, path)
    choose(qtbot, window, "&Office", Qt.Key.Key_C)
    qtbot.waitUntil(lambda: window.findChild(RoundsDialog) is not None)
    rounds = window.findChild(RoundsDialog)
    assert isinstance(rounds, RoundsDialog)
    # the list of rounds is read in the background, then its empty state says what to do
    qtbot.waitUntil(lambda: rounds.heading.text() == "No collection round yet", timeout=10_000)

    _click(qtbot, rounds.new_button)
    qtbot.waitUntil(lambda: rounds.findChild(NewRoundDialog) is not None)
    new = rounds.findChild(NewRoundDialog)
    assert isinstance(new, NewRoundDialog)
    typist(new.title, "2026 yearly figures")
    typist(new.deadline, "31/01/2027")
    _tick(qtbot, new.indicators, "Acordos ativos")
    _tick(qtbot, new.indicators, "Estudantes em intercâmbio")
    typist(new.entity_filter, "sao joao")  # accents and case aside
    _click(qtbot, new.check_shown)
    new.entity_filter.selectAll()
    typist(new.entity_filter, "Barb")
    _click(qtbot, new.check_shown)
    assert new.ticked.text() == "2 of 3 ticked"
    qtbot.keyClick(new, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: rounds.table.rowCount() == 2)
    assert rounds.heading.text() == "2026 yearly figures"
    assert _statuses(rounds.table) == {
        "Barbacena": "Not submitted yet", "São João del-Rei": "Not submitted yet"
    }  # fmt: skip

    _click_row(qtbot, rounds.table, "São João del-Rei")
    _click(qtbot, rounds.submit_button)
    assert "missing: Acordos ativos, Estudantes em intercâmbio" in rounds.message.text()
    _click_row(qtbot, rounds.table, "Barbacena")
    _act(qtbot, rounds, rounds.submit_button)
    _act(qtbot, rounds, rounds.approve_button)
    assert _statuses(rounds.table)["Barbacena"] == "Approved"
    assert "1 of 2 answered, 1 approved" in rounds.summary.text()

    _click(qtbot, rounds.copy_button)
    assert "- São João del-Rei: 0 of 2 figures entered" in QGuiApplication.clipboard().text()
    assert "Barbacena" not in QGuiApplication.clipboard().text()

    typist(rounds.comment, "O número de acordos parece baixo")
    _act(qtbot, rounds, rounds.return_button)
    assert _statuses(rounds.table)["Barbacena"] == "Returned to be corrected"
    comment = rounds.table.item(0, 4)
    assert comment is not None and comment.text() == "O número de acordos parece baixo"

    qtbot.keyClick(rounds, Qt.Key.Key_Escape)  # closed: the Today page is read again
    section = window.today_page.findChild(RoundsPanel, "roundsPanel")
    assert isinstance(section, RoundsPanel)

    def lines() -> list[str]:
        return [section.list.item(row).text() for row in range(section.list.count())]

    qtbot.waitUntil(lambda: section.isVisible() and "returned" in " ".join(lines()))
    assert len(lines()) == 2
    assert lines()[0].startswith(
        "2026 yearly figures — Barbacena: returned to be corrected (O número de acordos"
    )
    assert lines()[1].startswith("2026 yearly figures — São João del-Rei: 0 of 2 figures entered")


def test_a_municipality_submits_but_does_not_review(qtbot: QtBot, tmp_path: Path) -> None:
    path = make_state(tmp_path / "minas.sqlite")
    enter_figures(path, "Barbacena", {"Acordos ativos": 3, "Estudantes em intercâmbio": 40})
    with OfficeFile.open(path) as office:
        dialog = _opened(qtbot, RoundsDialog(office, date(2027, 1, 10), may_review=False))
        _click_row(qtbot, dialog.table, "Barbacena")
        _act(qtbot, dialog, dialog.submit_button)
        assert _statuses(dialog.table)["Barbacena"] == "Submitted, awaiting review"
        assert not dialog.approve_button.isEnabled() and not dialog.return_button.isEnabled()
        dialog.close()


def test_the_office_moves_the_deadline_then_deletes_a_round_after_being_told_what_is_lost(
    qtbot: QtBot, tmp_path: Path, typist: TypeText, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make_state(tmp_path / "minas.sqlite")
    enter_figures(path, "Barbacena", {"Acordos ativos": 3, "Estudantes em intercâmbio": 40})
    asked: list[str] = []
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]

    def confirm(_parent: QWidget, _title: str, text: str) -> QMessageBox.StandardButton:
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", confirm)
    with OfficeFile.open(path) as office:
        dialog = _opened(qtbot, RoundsDialog(office, DEADLINE + timedelta(days=10)))
        assert "2 late" in dialog.summary.text()
        dialog.deadline.selectAll()
        typist(dialog.deadline, "28/02/2027")
        with qtbot.waitSignal(dialog.page_shown, timeout=10_000):
            _click(qtbot, dialog.deadline_button)
            # the page is read in the background: meanwhile it says so and offers no step
            assert dialog.summary.text() == "Reading who has answered…"
            assert not dialog.delete_button.isEnabled()
        assert "due by 28 Feb 2027" in dialog.summary.text()
        assert "0 late" in dialog.summary.text()  # read against the new deadline
        assert dialog.message.text().startswith("The deadline is changed")

        _click_row(qtbot, dialog.table, "Barbacena")
        _act(qtbot, dialog, dialog.submit_button)
        _act(qtbot, dialog, dialog.approve_button)
        _click(qtbot, dialog.delete_button)  # "No": nothing happens
        assert dialog.heading.text() == ROUND
        _act(qtbot, dialog, dialog.delete_button)
        assert asked[1] == asked[0]
        assert "1 of 2 entities have answered it (1 approved, 0 returned" in asked[0]
        assert "The figures themselves stay in the file" in asked[0]
        assert dialog.heading.text() == "No collection round yet"
        assert dialog.message.text() == f"The round “{ROUND}” is deleted."
        dialog.close()
    assert main(["round", "list", str(path)]) == 0
    with OfficeFile.open(path, read_only=True) as office, office.session() as session:
        kept = session.scalar(
            select(func.count()).select_from(Measurement).where(Measurement.deleted_at.is_(None))
        )
    assert kept == 2  # Barbacena's figures stay


LONG_TITLE = "Indicadores anuais 2026 — municípios da Zona da Mata e do Campo das Vertentes"


def test_the_office_closes_a_round_and_the_municipality_is_told_on_today(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = make_state(tmp_path / "minas.sqlite")
    enter_figures(path, "Barbacena", {"Acordos ativos": 3, "Estudantes em intercâmbio": 40})
    with OfficeFile.open(path) as office, office.session() as session:
        round_ = session.get(CollectionRound, round_id(path))
        assert round_ is not None
        round_.title = LONG_TITLE
        session.commit()
    with OfficeFile.open(path) as office:
        dialog = RoundsDialog(office, DEADLINE + timedelta(days=10))
        # the list of rounds is read in the background: nothing offered meanwhile
        assert dialog.round_list.count() == 0 and not dialog.delete_button.isEnabled()
        assert dialog.summary.text() == "Reading who has answered…"
        _opened(qtbot, dialog)
        (item,) = [dialog.round_list.item(row) for row in range(dialog.round_list.count())]
        assert item.text() == f"{LONG_TITLE}\ndue 31 Jan 2027"  # the whole title, wrapped
        assert item.toolTip() == LONG_TITLE
        assert "2 late" in dialog.summary.text()

        _act(qtbot, dialog, dialog.close_round_button)
        assert dialog.message.text() == "The round is closed: it takes no new answers."
        assert dialog.heading.text() == f"{LONG_TITLE} (closed)"
        assert "the round is closed and takes no new answers" in dialog.summary.text()
        assert dialog.round_list.item(0).text().endswith("— closed")
        assert dialog.reminder.toPlainText().endswith("nobody to remind.")
        _click_row(qtbot, dialog.table, "Barbacena")
        assert not dialog.submit_button.isEnabled()
        assert dialog.submit_button.toolTip() == "The round is closed: it takes no new answers."
        assert dialog.close_round_button.text() == "Reopen the round"
        dialog.close()

    # the municipality's Today page says the round is closed, not late
    window = window_on(qtbot, path)
    section = window.today_page.findChild(RoundsPanel, "roundsPanel")
    assert isinstance(section, RoundsPanel)
    qtbot.waitUntil(lambda: section.isVisible() and section.list.count() > 0, timeout=10_000)
    assert section.list.item(0).text() == (
        f"{LONG_TITLE} — Barbacena: the office closed the round, it takes no new answers"
    )

    with OfficeFile.open(path) as office:
        dialog = _opened(qtbot, RoundsDialog(office, DEADLINE + timedelta(days=10)))
        _act(qtbot, dialog, dialog.close_round_button)  # reopened
        assert dialog.message.text() == "The round is open again: answers are taken."
        _click_row(qtbot, dialog.table, "Barbacena")
        _act(qtbot, dialog, dialog.submit_button)
        assert _statuses(dialog.table)["Barbacena"] == "Submitted, awaiting review"
        dialog.close()


def test_the_office_asks_one_more_municipality_and_one_indicator_less(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = make_state(tmp_path / "minas.sqlite")
    enter_figures(path, "Barbacena", {"Acordos ativos": 3, "Estudantes em intercâmbio": 40})
    with OfficeFile.open(path) as office:
        dialog = _opened(qtbot, RoundsDialog(office, DEADLINE - timedelta(days=10)))
        _click_row(qtbot, dialog.table, "Barbacena")
        _act(qtbot, dialog, dialog.submit_button)

        _click(qtbot, dialog.asked_button)
        qtbot.waitUntil(lambda: dialog.findChild(NewRoundDialog) is not None)
        asked = dialog.findChild(NewRoundDialog)
        assert isinstance(asked, NewRoundDialog)
        assert not asked.title.isEnabled() and asked.title.text() == ROUND
        assert asked.ticked.text() == "2 of 3 ticked"
        _tick(qtbot, asked.entities, "Tiradentes")
        _untick(qtbot, asked.entities, "Barbacena")  # has answered: it stays asked
        qtbot.keyClick(asked, Qt.Key.Key_Return)
        assert asked.message.text() == (
            "Already answered, so still asked: Barbacena (taking them out would lose their "
            "answers and your reviews)."
        )
        _tick(qtbot, asked.entities, "Barbacena")
        _untick(qtbot, asked.indicators, "Estudantes em intercâmbio")
        with qtbot.waitSignal(dialog.page_shown, timeout=10_000):
            qtbot.keyClick(asked, Qt.Key.Key_Return)
        assert dialog.message.text() == (
            "Saved. Indicators asked for: 1 (0 added, 1 taken out); local entities asked: 3 "
            "(before: 2). The figures entered stay."
        )
        assert _statuses(dialog.table) == {
            "Barbacena": "Submitted, awaiting review", "São João del-Rei": "Not submitted yet",
            "Tiradentes": "Not submitted yet",
        }  # fmt: skip
        assert dialog.table.item(0, 2).text() == "1 of 1"  # Barbacena: the one still asked
        dialog.close()
    with OfficeFile.open(path, read_only=True) as office, office.session() as session:
        kept = session.scalar(
            select(func.count()).select_from(Measurement).where(Measurement.deleted_at.is_(None))
        )
    assert kept == 2  # the figure no longer asked for stays
