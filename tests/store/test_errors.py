"""SQLite's and the system's failures reach callers as the store's typed errors."""

from __future__ import annotations

import errno
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select
from store_helpers import fingerprint, is_one_sentence_naming, new_office

from intl_desk.core.model import Document, Partner
from intl_desk.store import errors
from intl_desk.store.office_file import OfficeFile, check, inspect_file, translate_db_errors


def test_full_disk_is_disk_full_and_keeps_what_was_saved(tmp_path: Path) -> None:
    path = new_office(tmp_path)
    with OfficeFile.open(path) as office:
        with office.session() as session:
            session.add(Partner(name="Leipzig", kind="city", country_code="DE"))
            session.commit()
        pages = path.stat().st_size // 4096

        def cap(dbapi_connection: Any, record: Any) -> None:
            dbapi_connection.execute(f"PRAGMA max_page_count = {pages + 2}")

        event.listen(office.engine, "connect", cap)
        with office.session() as session:
            session.add(
                Document(
                    title="Scan",
                    filename="scan.pdf",
                    category="other",
                    media_type="application/pdf",
                    size=1_000_000,
                    sha256="0" * 64,
                    content=bytes(1_000_000),
                )
            )
            with pytest.raises(errors.DiskFull) as caught, office.translate_errors():
                session.commit()
            session.rollback()
        assert is_one_sentence_naming(caught.value.message, path)
        assert "full" in (caught.value.detail or "")
        event.remove(office.engine, "connect", cap)
    assert check(path).problems == []
    with OfficeFile.open(path, read_only=True) as office, office.session() as session:
        assert session.scalar(select(func.count()).select_from(Partner)) == 1
        assert session.scalar(select(func.count()).select_from(Document)) == 0


def _sqlite_error(message: str, code: int) -> sqlite3.OperationalError:
    error = sqlite3.OperationalError(message)
    error.sqlite_errorcode = code
    return error


@pytest.mark.parametrize(
    ("message", "code", "read_only", "expected"),
    [
        ("database or disk is full", 13, False, errors.DiskFull),
        ("attempt to write a readonly database", 8, True, errors.OpenedReadOnly),
        ("database disk image is malformed", 11, False, errors.CorruptFile),
        ("file is not a database", 26, False, errors.NotSQLite),
        ("database is locked", 5, False, errors.FileBusy),
        ("disk I/O error", 10 | (4 << 8), False, errors.StoreError),
    ],
)
def test_sqlite_errors_are_typed(
    tmp_path: Path, message: str, code: int, read_only: bool, expected: type[Exception]
) -> None:
    with (
        pytest.raises(expected) as caught,
        translate_db_errors(tmp_path / "f", read_only=read_only),
    ):
        raise _sqlite_error(message, code)
    assert type(caught.value) is expected
    assert isinstance(caught.value.__cause__, sqlite3.Error)


def test_messages_decide_when_there_is_no_code(tmp_path: Path) -> None:
    with pytest.raises(errors.DiskFull), translate_db_errors(tmp_path / "f"):
        raise sqlite3.OperationalError("database or disk is full")


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), errors.DiskFull),
        (OSError(errno.EROFS, "Read-only file system"), errors.ReadOnlyMedium),
        (PermissionError(errno.EACCES, "Permission denied"), errors.PermissionDenied),
        (FileNotFoundError(errno.ENOENT, "No such file"), errors.FileMissing),
    ],
)
def test_os_errors_are_typed(tmp_path: Path, error: OSError, expected: type[Exception]) -> None:
    with pytest.raises(expected), translate_db_errors(tmp_path / "f"):
        raise error


def test_other_errors_pass_through(tmp_path: Path) -> None:
    with pytest.raises(sqlite3.IntegrityError), translate_db_errors(tmp_path / "f"):
        raise sqlite3.IntegrityError("UNIQUE constraint failed: partner.id")
    with pytest.raises(KeyError), translate_db_errors(tmp_path / "f"):
        raise KeyError("x")


def _crash_mid_transaction(source: Path, crashed: Path) -> None:
    """Copy ``source`` and its journal while a write is half done: a hot journal."""
    connection = sqlite3.connect(source, isolation_level=None)
    try:
        connection.execute("PRAGMA cache_size = 1")  # spill changed pages into the file
        connection.execute("BEGIN")
        connection.execute("UPDATE partner SET notes = 'half-written ' || notes")
        connection.execute("DELETE FROM office")
        shutil.copyfile(source, crashed)
        shutil.copyfile(f"{source}-journal", f"{crashed}-journal")
        connection.execute("ROLLBACK")
    finally:
        connection.close()


def test_a_crashed_write_is_rolled_back_on_opening_for_editing(tmp_path: Path) -> None:
    path = new_office(tmp_path)
    with OfficeFile.open(path) as office, office.session() as session:
        session.add_all(
            Partner(name=f"P{n}", kind="city", country_code="FR", notes="x" * 500)
            for n in range(200)
        )
        session.commit()
    crashed = tmp_path / "crashed.sqlite"
    _crash_mid_transaction(path, crashed)

    before = fingerprint(crashed)
    for look in (lambda: inspect_file(crashed), lambda: OfficeFile.open(crashed, read_only=True)):
        with pytest.raises(errors.UnfinishedWrite) as caught:
            look()
        assert is_one_sentence_naming(caught.value.message, crashed)
        assert fingerprint(crashed) == before

    with OfficeFile.open(crashed) as office, office.session() as session:
        notes = session.scalars(select(Partner.notes)).all()
        assert len(notes) == 200
        assert all(note == "x" * 500 for note in notes)
    assert not Path(f"{crashed}-journal").exists()
    assert check(crashed).problems == []
