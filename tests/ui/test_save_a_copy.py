"""File › Save a copy…: the copy an office sends is sealed, and whoever receives it opens
it without reading every page again (intl_desk.store.seal); every menu entry has a key of
its own in every language, so that a letter typed in an open menu runs its entry."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from menu_helpers import choose, window_on
from whole_checks import watch_whole_checks

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMenu
from pytestqt.qtbot import QtBot

from intl_desk.core.i18n import set_language
from intl_desk.core.model import Partner
from intl_desk.store import probe, verified
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui.dialogs.registry import register_all
from intl_desk.ui.main_window import MainWindow


def test_a_copy_saved_from_the_file_menu_opens_at_its_receiver_without_a_second_check(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lyon = tmp_path / "Lyon.sqlite"
    OfficeFile.create(lyon, "Métropole de Lyon", country_code="FR").close()
    with OfficeFile.open(lyon) as office, office.session() as session:
        session.add(Partner(name="Łódź", country_code="PL", kind="city"))
        session.commit()
    window = window_on(qtbot, lyon)
    (tmp_path / "à envoyer").mkdir()
    sent = tmp_path / "à envoyer" / "Lyon pour Córdoba.sqlite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(sent), ""))
    choose(qtbot, window, "&File", Qt.Key.Key_P)  # Save a co&py…
    said = f"Copy saved as {sent}."
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == said, timeout=10_000)
    window.close_file()

    verified.forget(sent)  # at Córdoba, a file never seen before
    whole_checks = watch_whole_checks(monkeypatch, probe)
    with qtbot.waitSignal(window.file_opened, timeout=10_000):
        window.open_file(sent)
    assert window.office is not None and not window.office.read_only
    assert whole_checks == []
    with window.office.session() as session:
        assert [p.name for p in session.query(Partner)] == ["Łódź"]


@pytest.mark.parametrize("language", ["en", "fr", "es", "pt"])
def test_every_menu_entry_has_a_key_of_its_own(qtbot: QtBot, language: str) -> None:
    set_language(language)
    try:
        register_all()
        window = MainWindow()
        qtbot.addWidget(window)
        shared = {}
        for menu in window.findChildren(QMenu):
            keys: dict[str, list[str]] = {}
            for action in menu.actions():
                found = re.search(r"&(\w)", action.text())
                if found:
                    keys.setdefault(found.group(1).lower(), []).append(action.text())
            shared.update({k: v for k, v in keys.items() if len(v) > 1})
        assert shared == {}
    finally:
        set_language("en")
