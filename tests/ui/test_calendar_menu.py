"""File › Export the calendar…, reached as people do: a click on File, then D."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar
from menu_helpers import choose, window_on

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from intl_desk.core.model import Activity
from intl_desk.store.office_file import OfficeFile


def test_export_the_calendar_from_the_file_menu(
    qtbot: QtBot, office_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    soon = date.today() + timedelta(days=30)
    with OfficeFile.open(office_path) as office, office.session() as session:
        session.add(Activity(kind="mission", status="planned", title="Mission à Łódź",
                             start_date=soon, location="Łódź"))  # fmt: skip
        session.commit()
    target = tmp_path / "agenda"
    asked: list[str] = []

    def save_as(_parent: object, title: str, *_args: object) -> tuple[str, str]:
        asked.append(title)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    window = window_on(qtbot, office_path)
    choose(qtbot, window, "&File", Qt.Key.Key_D)
    qtbot.waitUntil(lambda: bool(asked))
    assert asked == ["Export the calendar"]
    qtbot.waitUntil(lambda: bool(window.statusBar().currentMessage()))  # written on a worker
    written = target.with_suffix(".ics")
    events = Calendar.from_ical(written.read_bytes()).walk("VEVENT")
    assert [str(event["SUMMARY"]) for event in events] == ["Mission à Łódź"]
    assert window.statusBar().currentMessage() == (
        "Calendar written to agenda.ics, events: 1. Open it in your calendar program."
    )
