"""Verified copies: ``backup_copy`` ("Save a copy") and the backup before an upgrade."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from store_helpers import copy_v0001, fingerprint, new_office

from intl_desk.core.model import Office
from intl_desk.store import backup
from intl_desk.store.errors import BackupFailed
from intl_desk.store.link_row import read_link
from intl_desk.store.office_file import APPLICATION_ID, SCHEMA_VERSION, OfficeFile
from intl_desk.store.server_link import link_to_server


def _identity(path: Path) -> tuple[int, int, str]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return (
            connection.execute("PRAGMA application_id").fetchone()[0],
            connection.execute("PRAGMA user_version").fetchone()[0],
            connection.execute("PRAGMA integrity_check").fetchone()[0],
        )
    finally:
        connection.close()


def _client_id(path: Path) -> str:
    with OfficeFile.open(path, read_only=True) as office, office.engine.connect() as connection:
        link = read_link(connection)
    assert link is not None and link.cursor == 42
    return link.client_id


def test_a_copy_of_a_clone_for_another_desk_gets_its_own_client_id_but_a_backup_does_not(
    tmp_path: Path,
) -> None:
    clone = new_office(tmp_path)
    original = link_to_server(clone, "https://minas.example:8700", "bruno", 42).client_id
    sent = backup.backup_copy(clone, tmp_path / "sent.sqlite", another_desk=True)
    kept = backup.backup_copy(clone, tmp_path / "kept.sqlite")
    assert _client_id(sent) != original
    assert _client_id(kept) == original == _client_id(clone)
    assert _identity(sent) == (APPLICATION_ID, SCHEMA_VERSION, "ok")


def test_copy_of_a_file(tmp_path: Path) -> None:
    path = new_office(tmp_path)
    before = fingerprint(path)
    copy = backup.backup_copy(path, tmp_path / "copy.sqlite")
    assert _identity(copy) == (APPLICATION_ID, SCHEMA_VERSION, "ok")
    assert fingerprint(path).sha256 == before.sha256
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.sqlite", "office.sqlite"]
    with OfficeFile.open(copy, read_only=True) as office, office.session() as session:
        assert session.scalars(select(Office)).one().name == "Ville de Lyon"


def test_copy_of_an_open_file_replaces_the_destination(tmp_path: Path) -> None:
    path = new_office(tmp_path)
    destination = tmp_path / "elsewhere.sqlite"
    destination.write_text("an older copy the user agreed to replace")
    with OfficeFile.open(path) as office:
        backup.backup_copy(office.engine, destination)
    assert _identity(destination) == (APPLICATION_ID, SCHEMA_VERSION, "ok")


def test_copy_refuses_to_overwrite_when_asked(tmp_path: Path) -> None:
    path = new_office(tmp_path)
    taken = new_office(tmp_path, "taken.sqlite")
    before = fingerprint(taken)
    with pytest.raises(Exception, match="already exists"):
        backup.backup_copy(path, taken, overwrite=False)
    assert fingerprint(taken).sha256 == before.sha256
    assert not any(p.name.startswith(".~") for p in tmp_path.iterdir())


def test_backup_before_migration_names_and_never_overwrites(tmp_path: Path) -> None:
    path = copy_v0001(tmp_path)
    first = backup.backup_before_migration(path, to_version=2)
    second = backup.backup_before_migration(path, to_version=2)
    assert first != second
    for made in (first, second):
        assert made.name.startswith("office_v0001.sqlite.before-v2.")
        assert made.suffix == ".bak"
        assert _identity(made) == (APPLICATION_ID, 1, "ok")


def test_backup_name() -> None:
    moment = datetime(2026, 5, 9, 14, 3, 7)
    assert backup.backup_name(Path("/x/Lyon.sqlite"), 2, moment).name == (
        "Lyon.sqlite.before-v2.20260509-140307.bak"
    )
    assert backup.backup_name(Path("Lyon.sqlite"), 2, moment, 1).name.endswith("-1.bak")


def test_a_copy_that_fails_verification_is_not_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = new_office(tmp_path)

    def damaged(path: Path) -> tuple[int, int]:
        raise BackupFailed(path, detail="integrity_check: page 7 is never used")

    monkeypatch.setattr(backup, "verify_copy", damaged)
    with pytest.raises(BackupFailed):
        backup.backup_copy(path, tmp_path / "copy.sqlite")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["office.sqlite"]
