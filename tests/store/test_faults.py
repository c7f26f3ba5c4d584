"""A program killed mid-write or mid-merge, and a full disk: all or nothing, never damage."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from merge_helpers import copy_of, edit, make_base, records
from test_lock import kill, start_child, wait_for

from intl_desk.core.model import Partner
from intl_desk.store import connection as store_connection
from intl_desk.store import errors
from intl_desk.store.merge import merge_files
from intl_desk.store.office_file import OfficeFile, check


def _count(path: Path, where: str) -> int:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return int(connection.execute(f"SELECT count(*) FROM partner WHERE {where}").fetchone()[0])
    finally:
        connection.close()


def _repair_and_check(path: Path) -> None:
    """What the user does: open it for editing once (SQLite rolls the journal back)."""
    OfficeFile.open(path).close()
    assert check(path).problems == []


def test_kill_during_a_write_keeps_exactly_the_committed_batches(office_path: Path) -> None:
    child = start_child("write", str(office_path))
    wait_for(child, "committed 2")
    wait_for(child, "writing")  # batch 3 is in the file, not committed
    kill(child)
    assert Path(f"{office_path}-journal").stat().st_size > 0  # killed mid-transaction
    assert check(office_path).unusable  # a read-only check cannot roll it back…
    _repair_and_check(office_path)  # …opening for editing does, and the lock is taken over
    assert _count(office_path, "name LIKE 'Batch 1 #%'") == 100
    assert _count(office_path, "name LIKE 'Batch 2 #%'") == 100
    assert _count(office_path, "name LIKE 'Batch 3 #%'") == 0


def test_kill_during_a_merge_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    base = make_base(tmp_path / "base.sqlite")
    ours, theirs = copy_of(base, tmp_path / "ours.sqlite"), copy_of(base, tmp_path / "t.sqlite")
    edit(theirs, Partner, "Dakar", notes="Sénégal")
    with OfficeFile.open(theirs) as office, office.session() as session:
        session.add_all(
            Partner(name=f"P{n}", country_code="SN", notes="é" * 3000) for n in range(300)
        )
        session.commit()
    before = records(ours)

    child = start_child("merge", str(ours), str(theirs))
    wait_for(child, "merging")
    kill(child)
    _repair_and_check(ours)
    assert records(ours) == before
    assert list(tmp_path.glob("ours.sqlite.before-merge.*.bak"))  # the backup came first

    report = merge_files(ours, theirs)  # and it can simply be merged again
    assert report.added == {"partner": 300} and report.updated == {"partner": 1}


def test_a_full_disk_during_a_merge_is_reported_and_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = make_base(tmp_path / "base.sqlite")
    ours, theirs = copy_of(base, tmp_path / "ours.sqlite"), copy_of(base, tmp_path / "t.sqlite")
    with OfficeFile.open(theirs) as office, office.session() as session:
        session.add_all(
            Partner(name=f"P{n}", country_code="SN", notes="é" * 3000) for n in range(200)
        )
        session.commit()
    before = records(ours)
    pages = ours.stat().st_size // 4096
    harden = store_connection.harden

    def cramped(connection: sqlite3.Connection, *, read_only: bool) -> None:
        harden(connection, read_only=read_only)
        connection.execute(f"PRAGMA max_page_count = {pages + 3}")

    monkeypatch.setattr(store_connection, "harden", cramped)
    with pytest.raises(errors.DiskFull) as caught:
        merge_files(ours, theirs)
    assert "disk is full" in caught.value.message.render()
    monkeypatch.undo()
    assert check(ours).problems == []
    assert records(ours) == before


def test_a_view_or_an_unknown_table_is_refused_on_opening(office_path: Path) -> None:
    for statement in ("CREATE VIEW everything AS SELECT * FROM partner", "CREATE TABLE spy (x)"):
        connection: Any = sqlite3.connect(office_path)
        connection.execute(statement)
        connection.close()
        before = office_path.read_bytes()
        with pytest.raises(errors.UnexpectedContent):
            OfficeFile.open(office_path)
        assert office_path.read_bytes() == before
        connection = sqlite3.connect(office_path)
        connection.execute("DROP VIEW IF EXISTS everything")
        connection.execute("DROP TABLE IF EXISTS spy")
        connection.close()
