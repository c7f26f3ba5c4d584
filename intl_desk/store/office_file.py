"""One office's SQLite file: create it, open it (upgrading older ones), hand out sessions.

Nothing is written to a file before it has been identified as an Intl Desk office file of
a version this build understands (see :mod:`intl_desk.store.probe`); an older file is
backed up and upgraded in one transaction (see :mod:`intl_desk.store.upgrade`); a new file
is built under a temporary name and renamed into place, so a crash never leaves half a
file under the name the user chose.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from intl_desk.core.i18n import Message
from intl_desk.core.users import current_user
from intl_desk.store.backup import fsync_file, publish, temporary_sibling
from intl_desk.store.blank_schema import make_blank_schema
from intl_desk.store.connection import make_engine, open_sqlite
from intl_desk.store.db_errors import translate_db_errors, write_blocker
from intl_desk.store.errors import (
    CorruptFile,
    FileAlreadyExists,
    FileLocked,
    FileLockedElsewhere,
    NeedsUpgrade,
    StoreError,
    UnfinishedWrite,
)
from intl_desk.store.leftovers import remove_stale_temporaries
from intl_desk.store.lock import FileLock
from intl_desk.store.probe import FileProbe, probe
from intl_desk.store.safety import location_warning, refuse_unexpected
from intl_desk.store.schema import APPLICATION_ID, SCHEMA_VERSION

if TYPE_CHECKING:
    from sqlalchemy.orm import sessionmaker

    from intl_desk.core.office_session import OfficeSession
    from intl_desk.store.check import CheckReport

# The model, the ORM's sessions and the checks are imported where they are used, not
# here: a report reads an office file with Core columns alone (intl_desk.core.columns),
# and importing the model costs it 0.14 s of CPU.


def check(path: Path | str) -> CheckReport:
    """Every check of an office file (:func:`intl_desk.store.check.check`)."""
    from intl_desk.store.check import check as check_file

    return check_file(Path(path))


@dataclass(frozen=True)
class FileInfo:
    """What a recent-files list or ``intl-desk info`` shows before opening a file."""

    path: Path
    office_name: str
    office_id: str
    schema_version: int
    application_id: int
    size: int


def inspect_file(path: Path | str) -> FileInfo:
    """Identify ``path`` without locking or modifying it; raise the store's typed errors.

    Skips ``quick_check`` (it reads every page), so it stays fast on big files; opening
    runs it.
    """
    target = Path(path)
    with translate_db_errors(target, read_only=True):
        found = probe(target, quick_check=False)
    return FileInfo(
        path=target,
        office_name=found.office_name,
        office_id=found.office_id,
        schema_version=found.schema_version,
        application_id=found.application_id,
        size=found.size,
    )


def _recover(path: Path) -> None:
    """Let SQLite roll back the hot journal a crashed writer left: any read-write
    connection does it on first read. Only done when opening for editing."""
    connection = open_sqlite(path, mode="rw")
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        connection.close()


def _hot_journal(path: Path) -> bool:
    try:
        return Path(f"{path}-journal").stat().st_size > 0
    except OSError:
        return False


def _refuse_unexpected(path: Path, found: FileProbe) -> None:
    connection = open_sqlite(path, mode="ro")
    try:
        refuse_unexpected(path, connection, tables_too=found.schema_version == SCHEMA_VERSION)
    finally:
        connection.close()


def _probe_for_opening(path: Path, read_only: bool) -> FileProbe:
    try:
        # a reading trusts an unchanged file's last healthy check; editing checks again
        return probe(path, trust_verified=read_only)
    except UnfinishedWrite:
        if read_only:
            raise
        _recover(path)
        return probe(path)


class OfficeFile(AbstractContextManager["OfficeFile"]):
    """An open office file. Use :meth:`create` or :meth:`open`, then :meth:`session`."""

    def __init__(
        self,
        path: Path,
        engine: Engine,
        *,
        read_only: bool,
        found: FileProbe,
        lock: FileLock | None = None,
    ) -> None:
        self._path = path
        self._lock = lock
        #: what the integrity check found, when a damaged file was opened read-only
        self.damage: str | None = None
        #: why a file opened for editing is open read-only instead (no write access)
        self.read_only_reason: Message | None = None
        self._engine = engine
        self._read_only = read_only
        self._office_id = found.office_id
        self._schema_version = found.schema_version
        self._user = current_user()
        self._sessions: sessionmaker[OfficeSession] | None = None

    # -- creating and opening -------------------------------------------------------------

    @classmethod
    def create(
        cls,
        path: Path | str,
        office_name: str,
        *,
        kind: str = "city",
        country_code: str | None = None,
        language: str = "en",
        currency: str = "EUR",
        own_entity: str | None = None,
    ) -> OfficeFile:
        """Create a new office file at ``path`` (which must not exist) and open it.

        ``own_entity`` names the office's own government, created as its first local
        entity: the local party of new agreements and of imported registers that have no
        column for it (without it, an office's first import has no local side at all).
        """
        target = Path(path)
        if os.path.lexists(target):  # a dangling link is taken too
            raise FileAlreadyExists(target)
        from intl_desk.core.model import LocalEntity, Office, new_uuid
        from intl_desk.core.tracking import TrackedSession

        work = temporary_sibling(target, "new")
        try:
            with translate_db_errors(target):
                engine = make_engine(work, create=True)
                try:
                    with engine.begin() as connection:
                        make_blank_schema(connection)  # what the migrations make, written out
                        connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
                        connection.exec_driver_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")
                    office_id = new_uuid()
                    info = {"office_id": office_id, "user": current_user()}
                    with TrackedSession(bind=engine, info=info) as session:
                        session.add(
                            Office(
                                id=office_id,
                                name=office_name,
                                kind=kind,
                                country_code=country_code,
                                language=language,
                                currency=currency,
                            )
                        )
                        if own_entity:
                            session.add(LocalEntity(name=own_entity, kind="government"))
                        session.commit()
                finally:
                    engine.dispose()
                fsync_file(work)
                publish(work, target, overwrite=False)
        finally:
            work.unlink(missing_ok=True)
            Path(f"{work}-journal").unlink(missing_ok=True)
        return cls.open(target)

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        read_only: bool = False,
        take_over: bool = False,
        damaged_ok: bool = False,
        read_only_if_unwritable: bool = False,
    ) -> OfficeFile:
        """Open an existing office file, upgrading it first if it is older (not read-only).

        Opening for editing takes the file's lock (see :mod:`intl_desk.store.lock`) and
        raises :class:`FileLocked` naming whoever holds it; ``take_over`` is the user's
        confirmation that a lock from another machine is stale. A read-only opening
        never writes and never needs the lock: an older file is read as it is when the
        current model can read it, otherwise :class:`NeedsUpgrade` is raised. Files with
        views, triggers or unknown tables are refused either way.

        A file whose integrity check fails is refused (:class:`CorruptFile`), except
        read-only with ``damaged_ok``: then what can still be read is shown, and
        :attr:`damage` says what the check found, so the user can save a copy of it.

        A file the user may read but not write (permissions, a read-only drive) is refused
        for editing with the reason (:class:`PermissionDenied`, :class:`ReadOnlyMedium`),
        or, with ``read_only_if_unwritable``, opened read-only with the reason's sentence
        in :attr:`read_only_reason` (what the app does: reading needs no permission to
        write).
        """
        target = Path(path)
        lock: FileLock | None = None
        damage: str | None = None
        reason: Message | None = None
        unwritable = None
        if not read_only and read_only_if_unwritable and target.exists():
            unwritable = write_blocker(target)
            if unwritable is not None:
                read_only, reason = True, unwritable.opened_read_only
        try:
            with translate_db_errors(target, read_only=read_only):
                try:
                    found = _probe_for_opening(target, read_only)
                except UnfinishedWrite:
                    if unwritable is not None:  # only a writer can roll the journal back
                        raise unwritable from None
                    raise
                except CorruptFile as error:
                    if not (read_only and damaged_ok):
                        raise
                    found = probe(target, quick_check=False)  # still refused if unreadable
                    damage = error.detail or ""
                _refuse_unexpected(target, found)
                if not read_only:
                    blocker = write_blocker(target)
                    if blocker is not None:
                        raise blocker
                    lock = FileLock.acquire(target, take_over=take_over)
                    remove_stale_temporaries(target)  # ours alone write them: we hold the lock
                if found.schema_version < SCHEMA_VERSION:
                    from intl_desk.store.upgrade import migrate_file, readable_without_upgrade

                    if read_only:
                        if not readable_without_upgrade(target):
                            raise unwritable or NeedsUpgrade(target)
                    else:
                        migrate_file(target)
                        found = probe(target)
                engine = make_engine(target, read_only=read_only)
                if not read_only:  # a writer that left agreements pending (see search_index)
                    with engine.begin():
                        pass  # the commit brings the search index up to date
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        opened = cls(target, engine, read_only=read_only, found=found, lock=lock)
        opened.damage = damage
        opened.read_only_reason = reason
        return opened

    # -- using it -------------------------------------------------------------------------

    @property
    def path(self) -> Path:
        return self._path

    @property
    def engine(self) -> Engine:
        return self._engine

    @property
    def read_only(self) -> bool:
        return self._read_only

    @property
    def office_id(self) -> str:
        return self._office_id

    @property
    def schema_version(self) -> int:
        """The file's schema version: :data:`SCHEMA_VERSION` unless an older file was
        opened read-only."""
        return self._schema_version

    def location_warning(self) -> Message | None:
        """Why this file's folder (a network share, a cloud-sync folder) is risky, if it is."""
        return location_warning(self._path)

    def session(self) -> OfficeSession:
        """A new tracked session (:class:`~intl_desk.core.tracking.TrackedSession`); in
        read-only mode a session whose flushes raise :class:`OpenedReadOnly`."""
        if self._sessions is None:  # two threads may both build one: either will do
            self._sessions = self._session_maker()
        return self._sessions()

    def _session_maker(self) -> sessionmaker[OfficeSession]:
        from sqlalchemy.orm import sessionmaker

        kind: type[OfficeSession]
        if self._read_only:  # without the tracking, which imports the model
            from intl_desk.store.read_only_session import ReadOnlySession

            kind = ReadOnlySession
        else:
            from intl_desk.core.tracking import TrackedSession

            kind = TrackedSession
        return sessionmaker(
            bind=self._engine,
            class_=kind,
            # the UI keeps showing records after saving; only this writer changes them
            expire_on_commit=False,
            info={
                "office_id": self._office_id,
                "user": self._user,
                "file": self._path,
                "read_only": self._read_only,
            },
        )

    def translate_errors(self) -> AbstractContextManager[None]:
        """:func:`translate_db_errors` for this file (wrap commits in it)."""
        return translate_db_errors(self._path, read_only=self._read_only)

    def close(self) -> None:
        """Close the file; a write that failed half-way (a full disk, a lost share) is
        rolled back first, while the lock is still held, so the file is left as it was
        before that write and no journal stays beside it."""
        self._engine.dispose()
        if self._lock is not None:
            if not self._read_only and _hot_journal(self._path):
                with contextlib.suppress(sqlite3.Error, OSError):  # else the next opening
                    _recover(self._path)
            self._lock.release()
            self._lock = None

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        mode = "read-only" if self._read_only else "read-write"
        return f"<OfficeFile {str(self._path)!r} v{self._schema_version} {mode}>"


__all__ = [
    "APPLICATION_ID",
    "SCHEMA_VERSION",
    "FileInfo",
    "FileLocked",
    "FileLockedElsewhere",
    "OfficeFile",
    "StoreError",
    "check",
    "inspect_file",
    "translate_db_errors",
]
