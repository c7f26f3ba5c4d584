"""Looking at a file before trusting it, without changing a byte of it.

Opening goes from cheapest to dearest and stops at the first thing wrong: the 100-byte
SQLite header (read as plain bytes, so a text file or a picture never reaches SQLite), the
header's page size and page count against the file's real size (a file cut short by a
copy or a full disk), then a read-only SQLite connection for the application id, the
schema version and ``PRAGMA quick_check``. The read-only URI writes nothing, not even a
journal, so the file's bytes and modification time stay as they were.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from intl_desk.store import early_check, seal, verified
from intl_desk.store.connection import open_sqlite
from intl_desk.store.db_errors import from_os, from_sqlite
from intl_desk.store.errors import (
    CorruptFile,
    EmptyFile,
    ForeignDatabase,
    ForeignJournal,
    NewerVersion,
    NotARegularFile,
    NotSQLite,
    StoreError,
)
from intl_desk.store.journal import belongs_to, read_journal
from intl_desk.store.schema import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    known_revisions,
    revision_number,
)

MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100


@dataclass(frozen=True)
class Header:
    page_size: int
    page_count: int  # 0 when the header's count is not valid (very old writers)
    wal: bool


@dataclass(frozen=True)
class FileProbe:
    """What a file is, learnt without modifying it."""

    path: Path
    size: int
    application_id: int
    user_version: int
    revision: str
    schema_version: int
    office_id: str
    office_name: str


def _page_size(raw: int) -> int | None:
    size = 65536 if raw == 1 else raw
    return size if 512 <= size <= 65536 and size & (size - 1) == 0 else None


def _hot_journal(path: Path) -> bool:
    try:
        return Path(f"{path}-journal").stat().st_size > 0
    except OSError:
        return False


def read_header(path: Path) -> Header:
    """Check the SQLite header and the file's size; raise the typed error if wrong."""
    try:
        if not path.exists():
            raise FileNotFoundError(path)
        if not path.is_file():
            raise NotARegularFile(path, detail="not a regular file")
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(HEADER_SIZE)
    except OSError as error:
        raise from_os(error, path) from error
    if size == 0:
        raise EmptyFile(path)
    if head[: len(MAGIC)] != MAGIC:
        if len(head) < len(MAGIC) and MAGIC.startswith(head):
            raise CorruptFile(path, detail="shorter than the SQLite header")
        raise NotSQLite(path, detail="no SQLite header")
    if len(head) < HEADER_SIZE:
        raise CorruptFile(path, detail="shorter than the SQLite header")
    page_size = _page_size(int.from_bytes(head[16:18], "big"))
    write_version, read_version = head[18], head[19]
    if page_size is None or write_version not in (1, 2) or read_version not in (1, 2):
        raise CorruptFile(path, detail="invalid page size or file format numbers")
    if head[21:24] != b"\x40\x20\x20":  # payload fractions fixed by the file format
        raise CorruptFile(path, detail="invalid payload fractions")
    change_counter = head[24:28]
    page_count = int.from_bytes(head[28:32], "big")
    if page_count == 0 or head[92:96] != change_counter:
        page_count = 0  # not maintained by the last writer: the file's size is the count
    if _hot_journal(path):
        # mid-transaction sizes are legitimate: SQLite restores the file from the journal,
        # but only from its own journal (see intl_desk.store.journal)
        journal = read_journal(Path(f"{path}-journal"))
        if journal is not None and not belongs_to(journal, head, page_size):
            raise ForeignJournal(path, journal=f"{path.name}-journal")
    elif size % page_size or size < page_count * page_size:
        raise CorruptFile(path, detail=f"{size} bytes for {page_count} pages of {page_size} bytes")
    return Header(page_size, page_count, wal=read_version == 2)


def _scalar(connection: sqlite3.Connection, sql: str) -> Any:
    row = connection.execute(sql).fetchone()
    return row[0] if row else None


def _revision(connection: sqlite3.Connection, path: Path) -> str:
    try:
        rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.OperationalError as error:  # no such table: ours, but gutted
        raise CorruptFile(path, detail=str(error)) from error
    if len(rows) != 1:
        raise CorruptFile(path, detail=f"{len(rows)} schema revisions recorded")
    revision = str(rows[0][0])
    if revision not in known_revisions():
        raise NewerVersion(path, detail=f"unknown revision {revision}")
    return revision


def _quick_check(connection: sqlite3.Connection, path: Path, trust_verified: bool) -> None:
    stamp = verified.file_stamp(path)
    if trust_verified and verified.was_verified(path, stamp):
        return
    rows = early_check.result_for(path)  # already run while the program loaded?
    if rows is None:
        rows = seal.check_unless_sealed(connection, path)
    if rows != ["ok"]:
        verified.forget(path)
        raise CorruptFile(path, detail="; ".join(rows))
    verified.remember(path, stamp)


def _office(connection: sqlite3.Connection, path: Path) -> tuple[str, str]:
    row = connection.execute(
        "SELECT id, name FROM office WHERE deleted_at IS NULL ORDER BY created_at, id LIMIT 1"
    ).fetchone()
    if row is None:
        raise CorruptFile(path, detail="no office row")
    return str(row[0]), str(row[1])


def probe(path: Path, *, quick_check: bool = True, trust_verified: bool = False) -> FileProbe:
    """Identify the office file at ``path`` or raise why it cannot be used.

    ``quick_check`` reads every page; a recent-files list can skip it, opening cannot.
    ``trust_verified``: a reading may skip it when the file is, by its stamp, the one this
    user's last check found healthy (:mod:`intl_desk.store.verified`).
    """
    read_header(path)
    try:
        connection = open_sqlite(path, mode="ro")
        try:
            application_id = int(_scalar(connection, "PRAGMA application_id") or 0)
            if application_id != APPLICATION_ID:
                raise ForeignDatabase(path, detail=f"application_id {application_id:#x}")
            user_version = int(_scalar(connection, "PRAGMA user_version") or 0)
            if user_version > SCHEMA_VERSION:
                raise NewerVersion(path, detail=f"user_version {user_version}")
            revision = _revision(connection, path)
            if quick_check:
                _quick_check(connection, path, trust_verified)
            office_id, office_name = _office(connection, path)
        finally:
            connection.close()
    except StoreError:
        raise
    except sqlite3.Error as error:
        # the header was SQLite's, so "not a database" means a damaged one (or encrypted)
        typed = from_sqlite(error, path) or CorruptFile(path, detail=str(error))
        if isinstance(typed, NotSQLite):
            typed = CorruptFile(path, detail=str(error))
        raise typed from error
    return FileProbe(
        path=path,
        size=path.stat().st_size,
        application_id=application_id,
        user_version=user_version,
        revision=revision,
        schema_version=revision_number(revision),
        office_id=office_id,
        office_name=office_name,
    )
