"""Report PDFs are written off the GUI thread; a failure is said, nothing is opened."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from intl_desk.store.errors import DiskFull
from intl_desk.ui.pdf_output import write_pdf


def test_the_pdf_is_written_on_a_worker_and_then_opened(qtbot: QtBot, tmp_path: Path) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    threads: list[str] = []
    opened: list[Path] = []

    def write(path: Path) -> None:
        threads.append(threading.current_thread().name)
        path.write_bytes(b"%PDF-1.4")

    write_pdf(parent, tmp_path / "Rapport annuel 2025.pdf", write, opened.append)
    qtbot.waitUntil(lambda: bool(opened))
    assert opened == [tmp_path / "Rapport annuel 2025.pdf"]
    assert threads != [threading.main_thread().name]


def test_a_failed_write_is_said_and_nothing_is_opened(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    said: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text: said.append((title, text)))
    opened: list[Path] = []

    def write(path: Path) -> None:
        raise DiskFull(path)

    write_pdf(parent, tmp_path / "Handover report.pdf", write, opened.append)
    qtbot.waitUntil(lambda: bool(said))
    assert said[0][0] == "Cannot save the PDF"
    assert "Handover report.pdf" in said[0][1]
    assert opened == []
