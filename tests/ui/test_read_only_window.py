"""A file the user may read but not write opens read-only with a banner saying why and
what to do, instead of failing; a copy saved from it can be edited."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from intl_desk.ui.main_window import MainWindow


def test_a_file_without_write_access_opens_read_only_and_says_why(
    qtbot: QtBot, unwritable_office: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = unwritable_office.read_bytes()
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(unwritable_office), "")
    )
    with qtbot.waitSignal(window.file_opened, timeout=10_000):
        qtbot.mouseClick(window.welcome.open_button, Qt.MouseButton.LeftButton)
    assert window.office is not None and window.office.read_only
    assert window.read_only_banner.isVisible()
    assert window.read_only_banner.text() == (
        "You are not allowed to change “Relations internationales.sqlite” or its folder, so "
        "it is open read-only: to make changes, ask for write access or save a copy in a "
        "folder of your own (File › Save a copy…) and open that copy."
    )
    assert window.mode_label.text() == "Read-only"
    assert not window.list_pages["partners"].new_button.isEnabled()
    assert not window.import_action.isEnabled() and not window.merge_action.isEnabled()

    # what the banner advises: a copy in a folder of one's own, which opens for editing
    own = Path(tempfile.mkdtemp(prefix="intl-desk-own-"))
    own.chmod(0o777)
    copy = own / "Ma copie.sqlite"
    try:
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(copy), ""))
        window.copy_action.trigger()
        qtbot.waitUntil(lambda: copy.exists() and not window.busy.isVisible(), timeout=10_000)
        with qtbot.waitSignal(window.file_opened, timeout=10_000):
            window.open_file(copy)
        assert not window.office.read_only
        assert not window.read_only_banner.isVisible()
        window.close_file()
    finally:
        shutil.rmtree(own, ignore_errors=True)
    assert unwritable_office.read_bytes() == before
