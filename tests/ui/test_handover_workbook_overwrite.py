"""The handover report writes its full lists beside the PDF as a workbook of the same
name: one already there is replaced only when the person says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot


@pytest.mark.parametrize("replace", [False, True])
def test_a_workbook_of_the_same_name_is_replaced_only_when_confirmed(
    qtbot: QtBot,
    office_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    replace: bool,
) -> None:
    from intl_desk.ui import evaluation_reports
    from intl_desk.ui.main_window import MainWindow

    kept = tmp_path / "Passation 2026.xlsx"
    kept.write_bytes(b"the budget workbook of the finance department")
    shown: list[Path] = []
    asked: list[str] = []

    def answer(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Yes if replace else QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer)
    monkeypatch.setattr(
        evaluation_reports, "ask_path", lambda _w, _t, _n: tmp_path / "Passation 2026.pdf"
    )
    monkeypatch.setattr(evaluation_reports, "show_pdf", shown.append)
    window = MainWindow()
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.file_opened, timeout=10_000):
        assert window.open_file(office_path)

    action = window.findChild(QAction, "handoverReportAction")
    assert action is not None
    action.trigger()  # Reports › Handover report…

    assert asked == [
        "The handover's full lists are written beside it as “Passation 2026.xlsx”, and a file "
        "of that name is already there. Replace it?"
    ]
    if replace:
        qtbot.waitUntil(lambda: len(shown) == 1)
        assert kept.read_bytes().startswith(b"PK")  # the handover's workbook now
    else:
        assert kept.read_bytes() == b"the budget workbook of the finance department"
        assert not (tmp_path / "Passation 2026.pdf").exists()
    window.close_file()
