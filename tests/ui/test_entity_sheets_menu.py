"""Reports › Sheet per local entity…, reached as people do: a click on Reports, then S."""

from __future__ import annotations

from pathlib import Path

import pytest
from menu_helpers import choose, window_on
from pypdf import PdfReader

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from intl_desk.core.model import LocalEntity
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui import evaluation_reports


def test_print_the_sheets_from_the_reports_menu(
    qtbot: QtBot, office_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with OfficeFile.open(office_path) as office, office.session() as session:
        region = LocalEntity(name="Métropole de Lyon", kind="region")
        session.add(region)
        session.flush()
        session.add_all(
            [
                LocalEntity(name=n, kind="municipality", parent_id=region.id)
                for n in ("Vénissieux", "Bron")
            ]
        )
        session.commit()
    target = tmp_path / "fiches"
    asked: list[str] = []
    shown: list[Path] = []

    def save_as(_parent: object, title: str, *_args: object) -> tuple[str, str]:
        asked.append(title)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    monkeypatch.setattr(evaluation_reports, "show_pdf", shown.append)
    window = window_on(qtbot, office_path)
    choose(qtbot, window, "&Reports", Qt.Key.Key_S)
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    assert asked == ["Save the sheets per local entity as PDF"]
    assert shown == [target.with_suffix(".pdf")]
    reader = PdfReader(shown[0])
    entities = [e.title for e in reader.outline[1]]
    assert entities == ["Bron", "Vénissieux"]
    assert len(reader.pages) == 3
