"""Creating, reopening and using an office file."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from store_helpers import fingerprint, is_one_sentence_naming, new_office

from intl_desk.core.errors import ValidationError
from intl_desk.core.model import Change, Office, Partner
from intl_desk.core.tracking import TrackedSession
from intl_desk.store import db_errors, errors
from intl_desk.store.office_file import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    OfficeFile,
    inspect_file,
)
from intl_desk.store.schema import head_revision


def _pragma(path: Path, name: str) -> object:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return connection.execute(f"PRAGMA {name}").fetchone()[0]
    finally:
        connection.close()


def test_create_and_reopen_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "lyon.sqlite"
    created = OfficeFile.create(path, "Ville de Lyon", kind="city", country_code="FR")
    office_id = created.office_id
    created.close()

    assert sorted(p.name for p in tmp_path.iterdir()) == ["lyon.sqlite"]  # no temp left
    assert _pragma(path, "application_id") == APPLICATION_ID
    assert _pragma(path, "user_version") == SCHEMA_VERSION
    with OfficeFile.open(path) as office:
        assert office.path == path
        assert office.office_id == office_id
        assert office.schema_version == SCHEMA_VERSION
        assert not office.read_only
        with office.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA trusted_schema").scalar() == 0
            assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar_one() >= 5000
            revision = connection.exec_driver_sql("SELECT version_num FROM alembic_version")
            assert revision.scalar() == head_revision()
        with office.session() as session:
            assert isinstance(session, TrackedSession)
            assert session.office_id == office_id
            own = session.scalars(select(Office)).one()
            assert (own.id, own.name, own.country_code, own.origin_office) == (
                office_id,
                "Ville de Lyon",
                "FR",
                office_id,
            )
    assert inspect_file(path).office_name == "Ville de Lyon"


def test_sessions_write_tracked_records(tmp_path: Path) -> None:
    path = new_office(tmp_path)
    with OfficeFile.open(path) as office, office.session() as session, office.translate_errors():
        session.add(Partner(name="Leipzig", kind="city", country_code="DE"))
        session.commit()
    with OfficeFile.open(path, read_only=True) as office, office.session() as session:
        partner = session.scalars(select(Partner)).one()
        assert partner.origin_office == office.office_id
        assert session.scalars(select(func.count()).select_from(Change)).one() >= 2


def test_create_refuses_an_existing_path(tmp_path: Path) -> None:
    path = new_office(tmp_path)
    before = fingerprint(path)
    with pytest.raises(errors.FileAlreadyExists):
        OfficeFile.create(path, "Another office")
    assert fingerprint(path) == before


def test_create_leaves_nothing_when_it_fails(tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        OfficeFile.create(tmp_path / "bad.sqlite", "")  # an office needs a name
    assert list(tmp_path.iterdir()) == []


def test_read_only_open_refuses_writes(tmp_path: Path) -> None:
    path = new_office(tmp_path)
    before = fingerprint(path)
    with OfficeFile.open(path, read_only=True) as office:
        assert office.read_only
        with office.session() as session:
            session.add(Partner(name="Leipzig", kind="city", country_code="DE"))
            with pytest.raises(errors.OpenedReadOnly):
                session.commit()
            session.rollback()
            # SQL that bypasses the ORM is refused by SQLite itself, mapped the same way
            with pytest.raises(errors.OpenedReadOnly), office.translate_errors():
                session.execute(text("UPDATE office SET name = 'x'"))
    assert fingerprint(path) == before


@pytest.mark.parametrize("read_only_mount", [True, False])
def test_unwritable_file_is_refused_for_editing_before_anything_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, read_only_mount: bool
) -> None:
    """Permissions are simulated: tests run as root in CI, where chmod changes nothing."""
    path = new_office(tmp_path)
    before = fingerprint(path)
    monkeypatch.setattr(db_errors.os, "access", lambda *args, **kwargs: False)
    monkeypatch.setattr(db_errors, "_on_read_only_storage", lambda path: read_only_mount)
    expected = errors.ReadOnlyMedium if read_only_mount else errors.PermissionDenied
    with pytest.raises(expected) as caught:
        OfficeFile.open(path)
    assert is_one_sentence_naming(caught.value.message, path)
    assert fingerprint(path) == before
    with OfficeFile.open(path, read_only=True) as office, office.session() as session:
        assert session.scalars(select(Office)).one().name == "Ville de Lyon"


def test_context_manager_closes(tmp_path: Path) -> None:
    path = new_office(tmp_path)
    with OfficeFile.open(path) as office:
        assert repr(office).startswith("<OfficeFile")
    # NullPool: nothing stays open, so the file can be renamed right away (Windows too)
    path.rename(tmp_path / "renamed.sqlite")


def test_awkward_file_names(tmp_path: Path) -> None:
    """The SQLite URI is percent-encoded: '#', '?', '%' and accents are part of the name."""
    folder = tmp_path / "Relations internationales 100%"
    folder.mkdir()
    path = new_office(folder, "Évry #2 ?draft.sqlite")
    with OfficeFile.open(path, read_only=True) as office, office.session() as session:
        assert session.scalars(select(Office)).one().name == "Ville de Lyon"
    assert sorted(p.name for p in folder.iterdir()) == ["Évry #2 ?draft.sqlite"]


def test_the_store_does_not_import_qt() -> None:
    code = (
        "import sys, intl_desk.store.office_file, intl_desk.store.backup; "
        "sys.exit('PySide6' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_opening_for_editing_writes_nothing_until_something_is_saved(tmp_path: Path) -> None:
    path = new_office(tmp_path)
    before = fingerprint(path)
    with OfficeFile.open(path) as office, office.session() as session:
        session.scalars(select(Office)).one()
    assert fingerprint(path) == before
