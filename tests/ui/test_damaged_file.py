"""A damaged office file opens read-only with a line saying so: nothing is written to it,
and what can still be read is shown and can be exported."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from intl_desk.cli import main
from intl_desk.core.model import Partner
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui.dialogs.registry import register_all
from intl_desk.ui.main_window import MainWindow


@pytest.fixture
def damaged(office_path: Path) -> Path:
    """Three hundred partners, then one page near the end overwritten: the integrity
    check fails, the office record at the start of the file is still readable."""
    with OfficeFile.open(office_path) as office, office.session() as session:
        session.add_all(
            Partner(name=f"Ville {n} de Łódź", kind="city", country_code="PL", notes="·" * 300)
            for n in range(300)
        )
        session.commit()
    pages = office_path.stat().st_size // 4096
    with office_path.open("r+b") as handle:
        handle.seek((pages - 2) * 4096)
        handle.write(random.Random(7).randbytes(4096))
    return office_path


def test_a_damaged_file_opens_read_only_and_says_so(
    qtbot: QtBot, damaged: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: told.append(text))
    before = damaged.read_bytes()
    register_all()
    window = MainWindow()
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.file_opened, timeout=10_000):
        window.open_file(damaged)
    assert len(told) == 1 and told[0].startswith(f"“{damaged.name}” is damaged (")
    assert "It opens read-only so that you can read what it still holds and export" in told[0]
    assert window.office is not None and window.office.read_only
    assert window.mode_label.text() == "Damaged: read-only"
    assert not window.list_pages["partners"].new_button.isEnabled()
    assert not window.import_action.isEnabled() and window.export_action.isEnabled()
    told.clear()
    window.show_list("partners")  # its rows lie on the damaged page
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    assert told == [
        "This part of the file cannot be read: the file is damaged. Restore your latest "
        "backup copy to go on working."
    ]
    window.close_file()
    assert damaged.read_bytes() == before  # nothing was written, not even a lock inside


def test_writers_refuse_a_damaged_file(
    damaged: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register = tmp_path / "partenaires.csv"
    register.write_text("Nom;Pays\nCórdoba;Argentine\n", "utf-8")
    before = damaged.read_bytes()
    assert main(["import", str(damaged), str(register), "--kind", "partners"]) == 2
    assert "is damaged (truncated or corrupted)" in capsys.readouterr().err
    assert damaged.read_bytes() == before
