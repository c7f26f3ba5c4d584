"""A long register says in the wizard how far the check and the write have got, and
Cancel stops a write under way with nothing written."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from intl_desk.core.model import Agreement
from intl_desk.exchange import importer
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui import import_wizard
from intl_desk.ui.import_wizard import CHECK, COLUMNS, ImportWizard

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "exchange"))
from exchange_helpers import write_rows

CITIES = [("Porto", "Portugal"), ("Łódź", "Pologne"), ("Córdoba", "Argentine"),
          ("Huế", "Viêt Nam"), ("Thiès", "Sénégal"), ("Kraków", "Pologne")]


@pytest.fixture
def register(tmp_path: Path) -> Path:
    return write_rows(
        tmp_path / "jumelages.xlsx",
        [
            ["Registre des jumelages de la Ville — mis à jour en 2024"],
            ["Ville partenaire", "Pays", "Type", "Signé le"],
            *[[city, country, "Jumelage", "2011"] for city, country in CITIES],
            [],
            ["Total : 6 jumelages"],
        ],
    )


def _wizard(qtbot: QtBot, office: OfficeFile, config: Path) -> ImportWizard:
    """The import wizard on screen, over ``office``."""
    wizard = ImportWizard(office.session, mappings_folder=config)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def _to_check(qtbot: QtBot, wizard: ImportWizard, register: Path) -> None:
    qtbot.keyClicks(wizard.path_edit, str(register))
    for step in (COLUMNS, CHECK):
        qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda s=step: wizard.step == s and not wizard.busy, timeout=10_000)


def test_the_wizard_says_how_many_rows_are_checked_and_written(
    qtbot: QtBot,
    office_path: Path,
    register: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(importer, "PROGRESS_STEP", 2)  # a word every 2 rows, not 5,000
    with OfficeFile.open(office_path) as office:
        wizard = _wizard(qtbot, office, tmp_path / "config")
        said: list[tuple[str, int, int]] = []
        shown = wizard.progress_indicator.progress

        def heard(token: int, text: str, done: int, total: int) -> None:
            said.append((text, done, total))
            shown(token, text, done, total)

        monkeypatch.setattr(wizard.progress_indicator, "progress", heard)
        _to_check(qtbot, wizard, register)
        qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)  # Import 6 row(s)
        qtbot.waitUntil(lambda: wizard.outcome is not None, timeout=10_000)
    assert said == [
        ("Rows checked: 2 of 6…", 2, 6),
        ("Rows checked: 4 of 6…", 4, 6),
        ("Rows checked: 6 of 6…", 6, 6),
        ("Rows written: 2 of 6…", 2, 6),
        ("Rows written: 4 of 6…", 4, 6),
        ("Rows written: 6 of 6…", 6, 6),
    ]


def _pausing(
    monkeypatch: pytest.MonkeyPatch, step: str, *, runs: int = 1, at_last_row: bool = False
) -> list[tuple[threading.Event, threading.Event]]:
    """Have each of the next ``runs`` runs of ``step`` ("Rows checked", "Rows written")
    wait once it has told of its first batch of rows (or of its last), until resumed:
    the moment a person clicks Cancel. One (paused, resume) per run, in order."""
    monkeypatch.setattr(importer, "PROGRESS_STEP", 2)
    telling = import_wizard._telling
    gates = [(threading.Event(), threading.Event()) for _ in range(runs)]
    waiting = iter(gates)

    def slow_telling(progress: object, msgid: str) -> Callable[[int, int], None]:
        tell = telling(progress, msgid)  # type: ignore[arg-type]
        gate = next(waiting, None) if msgid.startswith(step) else None

        def told(done: int, total: int) -> None:
            tell(done, total)  # Cancel is heard here, at the next batch of rows
            if gate and not gate[0].is_set() and (done == total or not at_last_row):
                gate[0].set()
                gate[1].wait(10)

        return told

    monkeypatch.setattr(import_wizard, "_telling", slow_telling)
    return gates


def _write_pauses(
    monkeypatch: pytest.MonkeyPatch, *, at_last_row: bool = False
) -> tuple[threading.Event, threading.Event]:
    """The write waits as :func:`_pausing` says. (paused, resume)."""
    return _pausing(monkeypatch, "Rows written", at_last_row=at_last_row)[0]


def _writing(qtbot: QtBot, office: OfficeFile, register: Path, config: Path) -> ImportWizard:
    """A wizard on screen whose Import was clicked."""
    wizard = _wizard(qtbot, office, config)
    _to_check(qtbot, wizard, register)
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)  # Import 6 row(s)
    return wizard


def test_cancel_during_the_write_leaves_the_file_as_it_was(
    qtbot: QtBot,
    office_path: Path,
    register: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    telling = import_wizard._telling
    paused, resume = _write_pauses(monkeypatch)
    with OfficeFile.open(office_path) as office:
        wizard = _writing(qtbot, office, register, tmp_path / "config")
        assert paused.wait(10)
        # while it writes, the table keeps the rows in view, greyed: the write lets go of
        # the rows as it goes
        assert not wizard.rows_table.isEnabled()
        qtbot.mouseClick(wizard.update_button, Qt.MouseButton.LeftButton)  # changing its mind
        assert not wizard.next_button.isEnabled()  # the rows are being written: no second go
        assert "Łódź" in wizard.rows_table.model().index(1, 2).data()
        writing = wizard.operation
        assert writing is not None
        qtbot.mouseClick(wizard.close_button, Qt.MouseButton.LeftButton)  # Cancel
        # not "stopped" before it is: the write takes back its rows first
        assert wizard.status.text() == "Stopping the write…"
        assert not wizard.close_button.isEnabled()
        resume.set()
        qtbot.waitUntil(lambda: not writing.running, timeout=10_000)  # rolled back
        # the write let go of the rows it wrote: they are checked again before another try
        assert wizard.status.text() == (
            "Stopped: nothing was written. Check the rows again to import them."
        )
        assert wizard.isVisible() and wizard.step == COLUMNS  # still there, not closed
        assert wizard.next_button.isEnabled()
        assert wizard.next_button.text() == "Check the rows"
        with office.session() as session:
            assert session.scalar(select(func.count()).select_from(Agreement)) == 0
        assert wizard.outcome is None
        monkeypatch.setattr(import_wizard, "_telling", telling)  # no more waiting
        qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)  # Check the rows
        qtbot.waitUntil(lambda: wizard.step == CHECK and not wizard.busy, timeout=10_000)
        assert wizard.next_button.text() == "Import 6 row(s)"
        qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: wizard.outcome is not None, timeout=10_000)
        assert wizard.outcome.imported == 6
        with office.session() as session:
            titles = session.scalars(select(Agreement.title)).all()
        assert len(titles) == 6 and any("Łódź" in title for title in titles)


def test_cancel_after_the_last_row_says_the_import_was_written(
    qtbot: QtBot,
    office_path: Path,
    register: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Cancel pressed once the last row is written, while the write commits: the wizard
    never says "nothing was written" of rows that are in the file, and shows them."""
    last, resume = _write_pauses(monkeypatch, at_last_row=True)
    with OfficeFile.open(office_path) as office:
        wizard = _writing(qtbot, office, register, tmp_path / "config")
        assert last.wait(10)  # past the last batch: the commit follows
        qtbot.mouseClick(wizard.close_button, Qt.MouseButton.LeftButton)  # Cancel, too late
        assert wizard.status.text() == "Stopping the write…"
        resume.set()
        qtbot.waitUntil(lambda: wizard.outcome is not None, timeout=10_000)
        assert wizard.outcome.imported == 6
        assert wizard.status.text() == "Cancel came after the last row: the import was written."
        assert wizard.close_button.isEnabled()
        with office.session() as session:
            assert session.scalar(select(func.count()).select_from(Agreement)) == 6


def test_a_check_cancelled_then_run_again_is_not_stopped_when_the_first_one_ends(
    qtbot: QtBot,
    office_path: Path,
    register: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Cancel during the check, then Check the rows again at once: the first check ends
    later on its worker, and that must not stop the second or say it was stopped."""
    checks = _pausing(monkeypatch, "Rows checked", runs=2)  # (paused, resume) each
    with OfficeFile.open(office_path) as office:
        wizard = _wizard(qtbot, office, tmp_path / "config")
        qtbot.keyClicks(wizard.path_edit, str(register))
        qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: wizard.step == COLUMNS and not wizard.busy, timeout=10_000)
        qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)  # Check the rows
        qtbot.waitUntil(checks[0][0].is_set, timeout=10_000)
        first = wizard.operation
        assert first is not None
        qtbot.mouseClick(wizard.close_button, Qt.MouseButton.LeftButton)  # Cancel
        assert wizard.status.text() == "Stopped: nothing was written."
        qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)  # Check the rows
        qtbot.waitUntil(checks[1][0].is_set, timeout=10_000)
        checks[0][1].set()  # the first check reaches its next batch and stops
        qtbot.waitUntil(lambda: not first.running, timeout=10_000)  # its end delivered
        assert wizard.busy and wizard.status.text() == "Checking every row…"
        checks[1][1].set()
        qtbot.waitUntil(lambda: wizard.step == CHECK and not wizard.busy, timeout=10_000)
        assert wizard.next_button.text() == "Import 6 row(s)"
