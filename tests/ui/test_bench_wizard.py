"""The bench's import through the window runs the wizard to its end (issue 17's memory)."""

from __future__ import annotations

from pathlib import Path

import pytest
from overview_office import build_overview_office
from sqlalchemy import text

from pytestqt.qtbot import QtBot

from intl_desk.exchange.import_write import ImportResult
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui import bench_scenarios
from intl_desk.ui.import_wizard import ImportWizard


def test_the_state_register_goes_through_every_step_of_the_wizard(
    tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Exported, columns read, rows checked and written into a new file: every agreement
    of the office is imported, and the scenario says how long it took."""
    office = build_overview_office(tmp_path / "São João del-Rei.sqlite")
    with OfficeFile.open(office, read_only=True) as opened, opened.engine.connect() as reader:
        agreements = reader.execute(
            text("SELECT count(*) FROM agreement WHERE deleted_at IS NULL")
        ).scalar_one()
    imported: list[int] = []
    written = ImportWizard._written

    def noted(wizard: ImportWizard, result: ImportResult) -> None:
        imported.append(result.imported)
        written(wizard, result)

    monkeypatch.setattr(ImportWizard, "_written", noted)
    assert bench_scenarios.import_state_register(office) > 0
    assert imported == [agreements]
