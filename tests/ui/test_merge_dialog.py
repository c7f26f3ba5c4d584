"""File › Merge… and the question asked when the file is being edited elsewhere."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from user_input import choose
from window_files import open_and_wait

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from intl_desk.core.model import Partner
from intl_desk.store.backup import backup_copy
from intl_desk.store.errors import FileLocked, FileLockedElsewhere
from intl_desk.store.lock import lock_path, read_lock
from intl_desk.store.merge import merge_files
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui import file_lock_prompt, merge_dialog
from intl_desk.ui.dialogs import register_all
from intl_desk.ui.main_window import MainWindow
from intl_desk.ui.merge_dialog import KEEP_COLUMN, MergeDialog


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    register_all()
    main = MainWindow()
    qtbot.addWidget(main)
    return main


def _notes(path: Path, name: str) -> Any:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return connection.execute("SELECT notes FROM partner WHERE name = ?", (name,)).fetchone()[0]
    finally:
        connection.close()


def _set_notes(path: Path, name: str, notes: str) -> None:
    with OfficeFile.open(path) as office, office.session() as session:
        session.scalars(select(Partner).where(Partner.name == name)).one().notes = notes
        session.commit()


@pytest.fixture
def pair(office_path: Path) -> tuple[Path, Path]:
    with OfficeFile.open(office_path) as office, office.session() as session:
        session.add_all(
            [
                Partner(name="São João del-Rei", country_code="BR"),
                Partner(name="Łódź", country_code="PL"),
            ]
        )
        session.commit()
    theirs = backup_copy(office_path, office_path.with_name("Łódź copy.sqlite"))
    _set_notes(office_path, "Łódź", "ours")
    _set_notes(theirs, "Łódź", "theirs")
    _set_notes(theirs, "São João del-Rei", "Minas Gerais")
    return office_path, theirs


def test_the_dialog_lists_conflicts_and_records_the_choice(
    qtbot: QtBot, pair: tuple[Path, Path], tmp_path: Path
) -> None:
    ours, theirs = pair
    report = merge_files(ours, theirs, dry_run=True)
    dialog = MergeDialog(None, report, theirs)
    qtbot.addWidget(dialog)
    assert "Updated: Partner 1." in dialog.summary.text()
    assert dialog.table.rowCount() == 1
    texts = [dialog.table.item(0, column).text() for column in range(5)]
    assert texts == ["Partner", "Łódź", "Notes", "ours", "theirs"]
    assert dialog.choices() == {}  # this file's value unless the user chooses
    choose(qtbot, dialog.table.cellWidget(0, KEEP_COLUMN), data="other")
    assert list(dialog.choices().values()) == ["other"]
    dialog.show()
    dialog.grab().save(str(tmp_path / "merge_dialog.png"))


def test_merge_from_the_file_menu(
    qtbot: QtBot, window: MainWindow, pair: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    ours, theirs = pair
    open_and_wait(qtbot, window, ours)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *args, **kwargs: (str(theirs), ""))
    )

    def take_theirs(dialog: MergeDialog) -> int:
        choose(qtbot, dialog.table.cellWidget(0, KEEP_COLUMN), data="other")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(MergeDialog, "exec", take_theirs)
    window.merge_action.trigger()
    qtbot.waitUntil(lambda: _notes(ours, "Łódź") == "theirs", timeout=10_000)
    assert _notes(ours, "São João del-Rei") == "Minas Gerais"
    qtbot.waitUntil(lambda: "Updated" in window.statusBar().currentMessage(), timeout=5000)
    assert lock_path(ours).exists()  # the window still holds its file
    open_and_wait(qtbot, window, theirs)  # what was said of the merge is not about this file
    assert window.statusBar().currentMessage() == ""


def test_merge_is_refused_read_only(
    qtbot: QtBot, window: MainWindow, pair: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    ours, _theirs = pair
    open_and_wait(qtbot, window, ours, read_only=True)
    told: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", staticmethod(lambda parent, title, text: told.append(text))
    )
    assert merge_dialog.start_merge(window) is None
    assert "read-only" in told[0]


def _foreign_lock(path: Path) -> None:
    holder = {"user": "ana", "machine": "PC-02", "pid": 7, "since": "2026-05-09T07:14:00+00:00"}
    lock_path(path).write_text(json.dumps({**holder, "token": "t"}), encoding="utf-8")


@pytest.mark.parametrize("choice", ["read_only", "take_over"])
def test_a_locked_file_offers_read_only_or_take_over(
    qtbot: QtBot,
    window: MainWindow,
    office_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    choice: str,
) -> None:
    _foreign_lock(office_path)
    asked: list[FileLocked] = []

    def answer(parent: Any, error: FileLocked) -> str:
        asked.append(error)
        return choice

    monkeypatch.setattr(file_lock_prompt, "ask", answer)
    open_and_wait(qtbot, window, office_path)
    assert "ana on PC-02" in str(asked[0])
    assert window.office is not None
    assert window.office.read_only is (choice == "read_only")
    assert window.mode_label.text() == ("Read-only" if choice == "read_only" else "Editing")
    holder = read_lock(office_path)
    assert holder is not None
    if choice == "read_only":
        assert holder.user == "ana"  # reading never touches their lock
    else:
        assert holder.pid == os.getpid()  # taken over: the window holds it now


def test_cancelling_leaves_the_window_empty(
    qtbot: QtBot, window: MainWindow, office_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _foreign_lock(office_path)
    monkeypatch.setattr(file_lock_prompt, "ask", lambda parent, error: "cancel")
    with qtbot.waitSignal(window.open_failed, timeout=10_000):
        window.open_file(office_path)
    assert window.office is None


def test_the_question_offers_take_over_only_for_another_computer(qtbot: QtBot) -> None:
    here = FileLocked("/x/Łódź.sqlite", user="ana", machine="this", since="09:14")
    _box, buttons = file_lock_prompt.lock_box(None, here)
    assert set(buttons) == {"read_only", "cancel"}
    elsewhere = FileLockedElsewhere("/x/Łódź.sqlite", user="ana", machine="PC-02", since="09:14")
    box, buttons = file_lock_prompt.lock_box(None, elsewhere)
    assert set(buttons) == {"read_only", "take_over", "cancel"}
    assert "ana on PC-02" in box.text()


def test_a_file_in_a_cloud_sync_folder_opens_with_a_warning(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    folder = tmp_path / "Dropbox" / "Relations internationales"
    folder.mkdir(parents=True)
    path = folder / "Łódź.sqlite"
    OfficeFile.create(path, "Miasto Łódź", country_code="PL").close()
    open_and_wait(qtbot, window, path)
    message = window.statusBar().currentMessage()
    assert "“Łódź.sqlite” is in a cloud-sync folder" in message


@pytest.mark.parametrize("answer", ["cancel", "yes"])
def test_merging_another_offices_file_asks_naming_both_offices(
    qtbot: QtBot,
    window: MainWindow,
    office_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    answer: str,
) -> None:
    theirs = office_path.with_name("cordoba.sqlite")
    OfficeFile.create(theirs, "Municipalidad de Córdoba", kind="city", country_code="AR").close()
    with OfficeFile.open(theirs) as office, office.session() as session:
        session.add(Partner(name="Rosario", country_code="AR"))
        session.commit()
    open_and_wait(qtbot, window, office_path)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *args, **kwargs: (str(theirs), ""))
    )
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *args: object) -> object:
        asked.append(text)
        return (
            QMessageBox.StandardButton.Yes if answer == "yes" else QMessageBox.StandardButton.Cancel
        )

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    monkeypatch.setattr(MergeDialog, "exec", lambda _dialog: QDialog.DialogCode.Accepted)
    operation = merge_dialog.start_merge(window)
    assert len(asked) == 1
    assert "“cordoba.sqlite” is not a copy of this office's file" in asked[0]
    assert "“Municipalidad de Córdoba”" in asked[0] and "“Ville de Lyon”" in asked[0]
    if answer == "cancel":
        assert operation is None
        with OfficeFile.open(office_path, read_only=True) as office, office.session() as s:
            assert s.scalars(select(Partner.name)).all() == []
        return
    qtbot.waitUntil(lambda: "Added" in window.statusBar().currentMessage(), timeout=10_000)
    with OfficeFile.open(office_path, read_only=True) as office, office.session() as s:
        assert s.scalars(select(Partner.name)).all() == ["Rosario"]
