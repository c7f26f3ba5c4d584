"""Turning SQLite's and the operating system's errors into the store's typed errors.

SQLite reports a full disk, a read-only share or a damaged file as generic
``OperationalError``/``DatabaseError``; the user needs to know which one it is and what to
do. The primary result code (``sqlite_errorcode & 0xFF``) decides, the English message is
the fallback for drivers that do not expose the code.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from intl_desk.store.errors import (
    CorruptFile,
    DiskFull,
    FileBusy,
    FileMissing,
    NotSQLite,
    OpenedReadOnly,
    PermissionDenied,
    ReadOnlyMedium,
    SizeLimitReached,
    StoreError,
    UnfinishedWrite,
    WriteBlocked,
)

SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_AUTH = 23
SQLITE_NOTADB = 26
SQLITE_READONLY_ROLLBACK = SQLITE_READONLY | (3 << 8)

_BY_MESSAGE: tuple[tuple[str, int], ...] = (
    ("database or disk is full", SQLITE_FULL),
    ("attempt to write a readonly database", SQLITE_READONLY),
    ("database disk image is malformed", SQLITE_CORRUPT),
    ("file is not a database", SQLITE_NOTADB),
    ("database is locked", SQLITE_BUSY),
    ("unable to open database file", SQLITE_CANTOPEN),
    ("disk i/o error", SQLITE_IOERR),
)


def _code(error: sqlite3.Error) -> int | None:
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code
    text = str(error).lower()
    return next((value for message, value in _BY_MESSAGE if message in text), None)


def _on_read_only_storage(path: Path) -> bool:
    """Whether the file system holding ``path`` is mounted read-only (POSIX only)."""
    folder = path if path.is_dir() else path.parent
    statvfs = getattr(os, "statvfs", None)
    if statvfs is None:
        return False
    try:
        return bool(statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def _may_write(path: Path) -> bool:
    """Whether this program may write ``path``, judged by its effective user (the one the
    operating system checks when the file is written), where the system can tell."""
    effective = os.access in os.supports_effective_ids
    return os.access(path, os.W_OK, effective_ids=effective)


def write_blocker(path: Path) -> WriteBlocked | None:
    """Why the file (or its folder, where the journal goes) cannot be written, if it can't."""
    if _may_write(path) and _may_write(path.parent):
        return None
    if _on_read_only_storage(path):
        return ReadOnlyMedium(path)
    return PermissionDenied(path)


#: the largest file FAT32 (USB sticks, some shares) can hold
FAT32_LIMIT = 4 * 2**30 - 1
#: how close to a limit a file must be for a failed write to be blamed on it
_NEAR_LIMIT = 2**20


def _size_limit() -> int:
    """The largest file this process may write (``ulimit -f``), or FAT32's."""
    try:
        import resource
    except ImportError:  # Windows
        return FAT32_LIMIT
    soft, _hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    return FAT32_LIMIT if soft == resource.RLIM_INFINITY else min(soft, FAT32_LIMIT)


def _at_size_limit(path: Path) -> bool:
    """Whether the file or its journal has grown up to the largest size allowed: SQLite
    reports that refusal (``EFBIG``) as a plain I/O error."""
    limit = _size_limit()
    for candidate in (path, path.with_name(f"{path.name}-journal")):
        try:
            if candidate.stat().st_size > limit - _NEAR_LIMIT:
                return True
        except OSError:
            continue
    return False


def from_sqlite(error: sqlite3.Error, path: Path, *, read_only: bool = False) -> StoreError | None:
    """The typed error for ``error``, or None when it is not about the file (a bug, a
    constraint) and should propagate as it is."""
    code = _code(error)
    if code is None:
        return None
    detail = str(error)
    primary = code & 0xFF
    if code == SQLITE_READONLY_ROLLBACK:
        return UnfinishedWrite(path, detail=detail)
    if primary == SQLITE_FULL:
        return DiskFull(path, detail=detail)
    if primary == SQLITE_READONLY:
        if read_only:
            return OpenedReadOnly(path, detail=detail)
        return write_blocker(path) or ReadOnlyMedium(path, detail=detail)
    if primary in (SQLITE_PERM, SQLITE_AUTH):
        return PermissionDenied(path, detail=detail)
    if primary == SQLITE_CORRUPT:
        return CorruptFile(path, detail=detail)
    if primary == SQLITE_NOTADB:
        return NotSQLite(path, detail=detail)
    if primary in (SQLITE_BUSY, SQLITE_LOCKED):
        return FileBusy(path, detail=detail)
    if primary == SQLITE_CANTOPEN:
        if not path.exists():
            return FileMissing(path, detail=detail)
        if not os.access(path, os.R_OK):
            return PermissionDenied(path, detail=detail)
        return StoreError(path, detail=detail)
    if primary == SQLITE_IOERR:
        if not read_only and _at_size_limit(path):
            return SizeLimitReached(path, detail=detail)
        return StoreError(path, detail=detail)
    return None


def from_os(error: OSError, path: Path) -> StoreError:
    detail = str(error)
    if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return DiskFull(path, detail=detail)
    if error.errno == errno.EFBIG:
        return SizeLimitReached(path, detail=detail)
    if error.errno == errno.EROFS:
        return ReadOnlyMedium(path, detail=detail)
    if isinstance(error, PermissionError):
        return PermissionDenied(path, detail=detail)
    if isinstance(error, FileNotFoundError):
        return FileMissing(path, detail=detail)
    return StoreError(path, detail=detail)


@contextmanager
def translate_db_errors(path: Path | str, *, read_only: bool = False) -> Iterator[None]:
    """Re-raise file-level SQLite and OS errors met inside the block as typed errors.

    ``read_only`` says the file was opened read-only on purpose, so a refused write means
    "open it for editing" rather than "the drive is read-only". Errors that are not about
    the file (integrity violations, programming errors) pass through unchanged.
    """
    target = Path(path)
    try:
        yield
    except StoreError:
        raise
    except sqlite3.Error as error:
        typed = from_sqlite(error, target, read_only=read_only)
        if typed is None:
            raise
        raise typed from error
    except OSError as error:
        raise from_os(error, target) from error
    except Exception as error:
        original = _wrapped_sqlite_error(error)
        typed = (
            from_sqlite(original, target, read_only=read_only) if original is not None else None
        )
        if typed is None:
            raise
        raise typed from error


def _wrapped_sqlite_error(error: Exception) -> sqlite3.Error | None:
    """The sqlite3 error SQLAlchemy wrapped in ``error``, if it is one of its DBAPIErrors.

    Looked up in ``sys.modules`` rather than imported: read-only commands (``info``) use
    this module without SQLAlchemy, and when SQLAlchemy was never imported none of its
    errors can have been raised.
    """
    sqlalchemy_errors = sys.modules.get("sqlalchemy.exc")
    if sqlalchemy_errors is None or not isinstance(error, sqlalchemy_errors.DBAPIError):
        return None
    original = error.orig
    return original if isinstance(original, sqlite3.Error) else None
