"""Typed errors of the office file, each with a one-sentence message for the user.

Every message names the file and says what to do, so the UI and the command line can show
it as it is. The file is named by its base name: a full path on a network share is long and
says less to the user than the name they chose.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from intl_desk.core.errors import IntlDeskError
from intl_desk.core.i18n import N_, Message


class StoreError(IntlDeskError):
    """Something about the office file itself (not about a record) went wrong."""

    msgid: ClassVar[str] = N_(
        "“{file}” could not be read or written: check the drive or network connection and "
        "try again."
    )

    def __init__(self, path: Path | str, *, detail: str | None = None, **params: Any) -> None:
        self.path = Path(path)
        #: the underlying technical reason, for logs and bug reports (never translated)
        self.detail = detail
        super().__init__(Message(self.msgid, {"file": self.path.name, **params}))


class FileMissing(StoreError):
    msgid = N_(
        "“{file}” cannot be found: check that its drive or network share is connected, or "
        "choose another file."
    )


class FileAlreadyExists(StoreError):
    msgid = N_("“{file}” already exists: choose another name so that it is not overwritten.")


class NotSQLite(StoreError):
    msgid = N_("“{file}” is not an Intl Desk office file: choose the file that Intl Desk created.")


class NotARegularFile(NotSQLite):
    """A folder, a pipe or a device given as the office file: never opened, since reading
    a pipe waits for a writer forever."""

    msgid = N_(
        "“{file}” is not an ordinary file (it is a folder, a pipe or a device), so Intl Desk "
        "will not read it: choose the office file itself."
    )


class CorruptFile(StoreError):
    msgid = N_(
        "“{file}” is damaged (truncated or corrupted), so Intl Desk will not use it: restore "
        "it from your latest backup copy."
    )


class EmptyFile(CorruptFile):
    """A zero-byte file: Intl Desk never writes one, so it is a damaged copy or save."""

    msgid = N_(
        "“{file}” is empty, so it was probably damaged while being copied or saved: restore "
        "it from your latest backup copy."
    )


class UnfinishedWrite(StoreError):
    """A hot journal: SQLite must roll it back, which a read-only opening cannot do."""

    msgid = N_(
        "“{file}” was not closed properly after a crash: open it for editing once so that "
        "it can be repaired."
    )


class ForeignJournal(StoreError):
    """A hot journal written for another file: rolling it back would damage this one."""

    msgid = N_(
        "The journal “{journal}” beside “{file}” was left by another file, and using it "
        "would damage “{file}”: move “{journal}” to another folder, then open “{file}” again."
    )

    def __init__(self, path: Path | str, *, journal: str = "?", detail: str | None = None):
        super().__init__(path, detail=detail, journal=journal)


class ForeignDatabase(StoreError):
    msgid = N_(
        "“{file}” is another application's database, not an Intl Desk office file: choose "
        "the file that Intl Desk created."
    )


class NewerVersion(StoreError):
    msgid = N_("“{file}” was made by a newer version of Intl Desk: update Intl Desk to open it.")


class NeedsUpgrade(StoreError):
    """An older file whose tables the current model cannot read without migrating."""

    msgid = N_(
        "“{file}” was made by an older version of Intl Desk and must be upgraded before it "
        "can be read: open it for editing once (a backup copy is kept)."
    )


class BackupFailed(StoreError):
    msgid = N_(
        "No verified backup of “{file}” could be made, so it was left as it is: free some "
        "disk space or check that its folder is writable, then try again."
    )


class MigrationFailed(StoreError):
    """The upgrade was rolled back; ``backup`` is the copy made before it started."""

    msgid = N_(
        "“{file}” could not be upgraded and was left unchanged, and the copy made before "
        "the upgrade is kept as “{backup}”: please report this problem."
    )

    def __init__(self, path: Path | str, *, backup: Path, detail: str | None = None) -> None:
        self.backup = backup
        super().__init__(path, detail=detail, backup=backup.name)


class DiskFull(StoreError):
    msgid = N_(
        "“{file}” could not be saved because the disk is full: free some space and try "
        "again (what was saved before is kept)."
    )


class WriteBlocked(StoreError):
    """The file may be read but not written (permissions, a read-only drive): the app
    opens it read-only and says why in :attr:`opened_read_only`."""

    read_only_msgid: ClassVar[str] = ""

    @property
    def opened_read_only(self) -> Message:
        """The sentence shown while the file is open read-only for this reason."""
        return Message(self.read_only_msgid, {"file": self.path.name})


class SizeLimitReached(StoreError):
    """A write refused because the file would outgrow what the drive (FAT32: 4 GB) or
    the user's account (a file-size limit) allows."""

    msgid = N_(
        "“{file}” could not be saved because it would grow beyond the largest file this "
        "drive or account allows: move it to another drive or ask your administrator (what "
        "was saved before is kept)."
    )


class ReadOnlyMedium(WriteBlocked):
    msgid = N_(
        "“{file}” is on a read-only drive or share: copy it to a writable folder to make changes."
    )
    read_only_msgid = N_(
        "“{file}” is on a read-only drive or share, so it is open read-only: to make changes, "
        "save a copy in a writable folder (File › Save a copy…) and open that copy."
    )


class PermissionDenied(WriteBlocked):
    msgid = N_(
        "You are not allowed to change “{file}” or its folder: ask for write access or copy "
        "it to a folder of your own."
    )
    read_only_msgid = N_(
        "You are not allowed to change “{file}” or its folder, so it is open read-only: to "
        "make changes, ask for write access or save a copy in a folder of your own (File › "
        "Save a copy…) and open that copy."
    )


class OpenedReadOnly(StoreError):
    msgid = N_(
        "“{file}” is open read-only, so changes cannot be saved: open it for editing to "
        "make changes."
    )


class FileBusy(StoreError):
    msgid = N_("“{file}” is being used by another program right now: wait a moment and try again.")


class FileHeldUnderAnotherName(StoreError):
    """This machine's system lock on the file is held, and no lock file beside this name
    says by whom: the file is open for editing under another name (a link, a copy of the
    path through another drive letter)."""

    msgid = N_(
        "“{file}” is being edited in another program on this computer, opened under "
        "another name or through a link: close it there, or open it read-only."
    )


class FileLocked(StoreError):
    """Another program on this machine is editing the file (see :mod:`.lock`)."""

    msgid = N_(
        "“{file}” is being edited by {user} on {machine} since {since}: open it read-only, "
        "or wait until they close it."
    )

    def __init__(
        self,
        path: Path | str,
        *,
        user: str | None = None,
        machine: str | None = None,
        since: str | None = None,
        pid: int = 0,
        detail: str | None = None,
    ) -> None:
        self.user, self.machine, self.since, self.pid = user, machine, since, pid
        #: the :class:`intl_desk.store.lock.LockInfo` found, for a confirmed take-over
        self.holder: Any = None
        super().__init__(
            path,
            detail=detail,
            user=user or Message(N_("an unknown user")),
            machine=machine or Message(N_("an unknown computer")),
            since=since or Message(N_("an unknown time")),
        )

    @classmethod
    def held_by(cls, path: Path | str, holder: Any) -> FileLocked:
        """The error naming ``holder`` (a :class:`intl_desk.store.lock.LockInfo`)."""
        error = cls(
            path,
            user=holder.user or None,
            machine=holder.machine or None,
            since=holder.since_local or None,
            pid=holder.pid,
            detail=f"pid {holder.pid}",
        )
        error.holder = holder
        return error


class FileLockedElsewhere(FileLocked):
    """The lock comes from another machine, whose processes this one cannot see."""

    msgid = N_(
        "“{file}” is being edited by {user} on {machine} since {since}: open it read-only, "
        "or take it over if you are sure it is no longer open there."
    )


class UnexpectedContent(StoreError):
    """Tables, views or triggers that Intl Desk never creates: code could hide in them."""

    msgid = N_(
        "“{file}” contains tables, views or triggers that Intl Desk did not create, so it "
        "will not be used: ask its sender for a copy saved by Intl Desk."
    )


class BrokenReferences(StoreError):
    msgid = N_(
        "“{file}” refers to records it does not contain, so it cannot be merged: run "
        "“intl-desk check” on it and repair it first."
    )


class SameFile(StoreError):
    msgid = N_("“{file}” cannot be merged into itself: choose the copy you received instead.")


class NoSuchEntity(StoreError):
    msgid = N_(
        "“{file}” has no local entity named “{entity}”: give its name or code as shown in "
        "the list of local entities."
    )

    def __init__(self, path: Path | str, *, entity: str = "?", detail: str | None = None) -> None:
        super().__init__(path, detail=detail, entity=entity)


class OtherOffice(StoreError):
    """Merging a file of another office (not a copy of this one) needs the user's word."""

    msgid = N_(
        "“{file}” is the file of another office ({other}), not a copy of this office's file "
        "({ours}), so merging it would add its whole register to yours; if that is what you "
        "want, merge again with --other-office (in the app, confirm it)."
    )

    def __init__(self, path: Path | str, *, other: str = "?", ours: str = "?", **params: Any):
        super().__init__(path, other=other, ours=ours, **params)


__all__ = [
    "BackupFailed",
    "BrokenReferences",
    "CorruptFile",
    "DiskFull",
    "EmptyFile",
    "FileAlreadyExists",
    "FileBusy",
    "FileHeldUnderAnotherName",
    "FileLocked",
    "FileLockedElsewhere",
    "FileMissing",
    "ForeignDatabase",
    "ForeignJournal",
    "MigrationFailed",
    "NeedsUpgrade",
    "NewerVersion",
    "NoSuchEntity",
    "NotARegularFile",
    "NotSQLite",
    "OpenedReadOnly",
    "OtherOffice",
    "PermissionDenied",
    "ReadOnlyMedium",
    "SameFile",
    "SizeLimitReached",
    "StoreError",
    "UnexpectedContent",
    "UnfinishedWrite",
    "WriteBlocked",
]
