"""Revision 0015: every office file gets the (empty) table a copy to send is sealed in."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from store_helpers import V0014
from whole_checks import watch_whole_checks

from intl_desk.cli import main
from intl_desk.store import probe, seal, verified
from intl_desk.store.office_file import SCHEMA_VERSION, OfficeFile


def _seal_table(path: Path) -> tuple[str | None, list[tuple[int, int, int]]]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        found = connection.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'copy_seal'"
        ).fetchone()
        rows = connection.execute("SELECT * FROM copy_seal").fetchall() if found else []
    finally:
        connection.close()
    return (found[0] if found else None), rows


def test_a_file_of_revision_0014_gets_an_empty_seal_table_and_its_copies_are_sealed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "Relações internacionais.sqlite"
    shutil.copyfile(V0014, path)
    assert _seal_table(path) == (None, [])
    with OfficeFile.open(path) as office:  # the upgrade, after its backup
        assert office.schema_version == SCHEMA_VERSION == 15
    assert _seal_table(path) == (seal.CREATE_SQL, [])  # a file of its own: not sealed
    assert main(["check", str(path)]) == 0

    sent = tmp_path / "Para Łódź.sqlite"
    assert main(["copy", str(path), str(sent)]) == 0
    capsys.readouterr()
    table, rows = _seal_table(sent)
    assert table == seal.CREATE_SQL and len(rows) == 1 and rows[0][2] > 1
    verified.forget(sent)
    whole_checks = watch_whole_checks(monkeypatch, probe)
    with OfficeFile.open(sent, read_only=True):
        pass
    assert whole_checks == []


def test_a_copy_of_a_file_from_before_the_seal_is_not_sealed_but_opens(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A copy keeps its file's version: one of revision 0014 has nowhere to hold a seal."""
    path = tmp_path / "Córdoba v14.sqlite"
    shutil.copyfile(V0014, path)
    sent = tmp_path / "Córdoba v14 (copie).sqlite"
    assert main(["copy", str(path), str(sent)]) == 0
    assert _seal_table(sent) == (None, [])
    verified.forget(sent)
    whole_checks = watch_whole_checks(monkeypatch, probe)
    with OfficeFile.open(sent) as office:  # upgraded on opening, as any older file
        assert office.schema_version == SCHEMA_VERSION
    assert whole_checks and whole_checks[0] == f"{sent.name} quick_check"
