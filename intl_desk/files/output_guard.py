"""One guard for everything the program writes where the user pointed it: exports,
reports, copies, extracts, documents saved out of the file.

An office keeps years of work in one file, so no writer may land on that file, on the
files SQLite and Intl Desk keep beside it (lock, journal, WAL, backups), or on another
office file. Targets are compared by identity (device and inode, through
:func:`os.path.samefile`), not by spelling, so a symbolic link, a hard link, ``..`` or
another drive mapping of the same file is caught. A writer writes to a temporary file in
the target's folder and renames it into place, so a failed write leaves the target as
it was and no partial file under its name.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import IO, Any, ClassVar, TypeVar

from intl_desk.core.errors import IntlDeskError
from intl_desk.core.i18n import N_, Message
from intl_desk.files.office_paths import engine_file, lock_path

#: "SQLite format 3\0" then, at byte 68, the application id "INTD"
_SQLITE_MAGIC = b"SQLite format 3\x00"
_APPLICATION_ID = b"INTD"
#: files SQLite keeps next to a database while it writes
_SIDECARS = ("-journal", "-wal", "-shm")

T = TypeVar("T")


class OutputError(IntlDeskError):
    """A place the user chose to write to would destroy records or cannot be written."""

    msgid: ClassVar[str]  # each kind says what is wrong and what to do

    def __init__(self, path: Path | str, **params: Any) -> None:
        self.path = Path(path)
        super().__init__(Message(self.msgid, {"file": self.path.name, **params}))


class OutputIsOfficeFile(OutputError):
    msgid = N_(
        "“{file}” is the office file or one of the files kept beside it (lock, journal, "
        "backup), and writing there would destroy the office's records: choose another name."
    )


class OutputIsAnotherOfficeFile(OutputError):
    msgid = N_(
        "“{file}” is an Intl Desk office file, and writing there would destroy its records: "
        "choose another name."
    )


class OutputIsFolder(OutputError):
    msgid = N_("“{file}” is a folder: give the name of the file to write in it.")


class OutputFolderMissing(OutputError):
    msgid = N_("The folder of “{file}” does not exist: choose an existing folder.")


class OutputNotWritable(OutputError):
    msgid = N_("“{file}” cannot be written ({reason}): choose a folder where you may write.")

    def __init__(self, path: Path | str, *, reason: str = "", **params: Any) -> None:
        super().__init__(path, reason=reason or "?", **params)


def protected_files(office: Path) -> Iterator[Path]:
    """The office file and every file that belongs to it, existing or not."""
    yield office
    yield lock_path(office)
    for sidecar in _SIDECARS:
        yield office.with_name(office.name + sidecar)
    folder = office.parent if str(office.parent) else Path(".")
    try:
        yield from folder.glob(f"{_glob_escape(office.name)}.before-*.bak")
    except OSError:
        return


def guard_output(
    target: Path | str, sources: Iterable[Path | str] = (), *, may_replace_office_file: bool = False
) -> Path:
    """Raise a typed error if writing ``target`` could destroy ``sources`` (the office
    files being read) or their companions; return ``target`` as a :class:`Path`.

    ``may_replace_office_file`` is for "Save a copy", where replacing an older copy is
    what the user asked for; every other writer refuses any office file.
    """
    path = Path(target)
    if path.is_dir():
        raise OutputIsFolder(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputFolderMissing(path)
    resolved = _resolved(path)
    for source in sources:
        # SQLite may keep the journal beside the name given or beside the resolved file
        for name in {Path(source), _resolved(Path(source))}:
            for protected in protected_files(name):
                if _same(path, resolved, protected):
                    raise OutputIsOfficeFile(path)
    if not may_replace_office_file and is_office_file(path):
        raise OutputIsAnotherOfficeFile(path)
    return path


def session_file(session: object) -> list[Path]:
    """The office file a SQLAlchemy session reads, as ``sources`` for the guard."""
    info = getattr(session, "info", {})
    if info.get("file"):
        return [Path(info["file"])]
    bind = getattr(session, "get_bind", None)
    engine = bind() if bind is not None else None
    found = engine_file(engine) if engine is not None else None
    return [found] if found else []


def is_office_file(path: Path) -> bool:
    """Whether ``path`` starts like an Intl Desk office file (read without SQLite)."""
    try:
        with path.open("rb") as handle:
            header = handle.read(72)
    except OSError:
        return False
    return header.startswith(_SQLITE_MAGIC) and header[68:72] == _APPLICATION_ID


def write_guarded(
    target: Path | str,
    write: Callable[[IO[bytes]], T],
    sources: Iterable[Path | str] = (),
) -> T:
    """Guard ``target``, call ``write(stream)`` on a temporary file beside it, then move
    it into place; on any failure the temporary file is removed and the target is as it was."""
    return write_through_temporary(
        target, lambda temporary: _write_stream(temporary, write), sources
    )


def write_through_temporary(
    target: Path | str,
    write: Callable[[Path], T],
    sources: Iterable[Path | str] = (),
) -> T:
    """Like :func:`write_guarded` for writers that want a path (they open it themselves).

    The temporary name keeps the target's extension, since some writers choose their
    format from it.
    """
    path = guard_output(target, sources)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle, name = tempfile.mkstemp(prefix=".~intl-desk-", suffix=path.suffix, dir=folder)
    except OSError as error:
        raise OutputNotWritable(path, reason=error.strerror or str(error)) from error
    os.close(handle)
    temporary = Path(name)
    try:
        result = write(temporary)
        _give_the_mode_of(path, temporary)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return result


def _give_the_mode_of(target: Path, temporary: Path) -> None:
    """The permissions ``target`` will have: those of the file it replaces, else those a
    new file gets here. The temporary file is made readable by its owner only, so a
    report saved to a shared folder could be opened by nobody else."""
    if os.name == "nt":  # the permissions are the folder's
        return
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except OSError:
        mode = 0o666 & ~_umask()
    os.chmod(temporary, mode)


@cache
def _umask() -> int:
    """The process's umask. Reading it means setting it: another thread creating a file
    meanwhile gets the usual 022, never a file anyone may write."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _write_stream(temporary: Path, write: Callable[[IO[bytes]], T]) -> T:
    with temporary.open("wb") as stream:
        return write(stream)


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path.absolute()


def _same(path: Path, resolved: Path, protected: Path) -> bool:
    try:
        if path.exists() and protected.exists():
            return os.path.samefile(path, protected)
    except OSError:
        pass
    # a companion that does not exist yet (a journal, a lock) is compared by its name
    return os.path.normcase(str(resolved)) == os.path.normcase(str(_resolved(protected)))


def _glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in name)


__all__ = [
    "OutputError",
    "OutputFolderMissing",
    "OutputIsAnotherOfficeFile",
    "OutputIsFolder",
    "OutputIsOfficeFile",
    "OutputNotWritable",
    "guard_output",
    "is_office_file",
    "protected_files",
    "session_file",
    "write_guarded",
    "write_through_temporary",
]
