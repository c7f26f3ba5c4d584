"""Remembering which office files passed their integrity check, as they were then.

``PRAGMA quick_check`` reads every page of a file: 0.2 s of CPU for a state's 200 MB file,
a fifth of what printing its overview costs. A manager printing the overview for one year,
then for another, then the yearly report, reads the same unchanged file each time. A
reading (never an opening for editing, which always checks) may skip the check when this
user's last check of the file found it healthy and the file is, by every sign the system
keeps, the one that was checked:

- the same device and inode (a file sent by e-mail or copied is a new file),
- the same size, modification time and status-change time (``st_ctime``: on POSIX even a
  writer that puts the modification time back cannot put it back),
- the same SQLite file change counter (bytes 24–27 of the header), which every committed
  write transaction in rollback-journal mode increments, and no journal beside it.

What no stamp can see is a disk that silently corrupts a file nobody wrote; a reading
still stops at any page SQLite finds malformed, and ``intl-desk check`` and every opening
for editing check the whole file whatever was remembered.

The record is a small JSON file in the user's data folder, the most recent files last;
it holds paths and stamps, never content. Failing to read or write it only means checking.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

#: how many files are remembered (the most recently checked kept)
REMEMBERED = 64
RECORD_NAME = "verified-files.json"
_HEADER = 100


def record_path() -> Path:
    """The record in the user's data folder (a test points it elsewhere)."""
    from intl_desk.paths import user_data_dir

    return user_data_dir() / RECORD_NAME


def file_stamp(path: Path) -> str | None:
    """The signs that ``path`` is unchanged (see the module docstring), or None when they
    cannot be read or a journal beside it says a write is unfinished."""
    try:
        if os.path.exists(f"{path}-journal") or os.path.exists(f"{path}-wal"):
            return None
        status = os.stat(path)
        with open(path, "rb") as handle:
            header = handle.read(_HEADER)
    except OSError:
        return None
    if len(header) < _HEADER:
        return None
    return ":".join(
        (
            str(status.st_dev),
            str(status.st_ino),
            str(status.st_size),
            str(status.st_mtime_ns),
            str(status.st_ctime_ns),
            header[24:28].hex(),
            header[92:96].hex(),
        )
    )


def _key(path: Path) -> str:
    return str(path.resolve())


def _read() -> dict[str, str]:
    try:
        content = json.loads(record_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    files = content.get("files") if isinstance(content, dict) else None
    if not isinstance(files, dict):
        return {}
    return {str(key): str(value) for key, value in files.items()}


def was_verified(path: Path, stamp: str | None) -> bool:
    """Whether this user's last check of ``path`` found it healthy with this ``stamp``."""
    return stamp is not None and _read().get(_key(path)) == stamp


def remember(path: Path, stamp: str | None) -> None:
    """Note that ``path``, stamped ``stamp`` before it was checked, passed the check —
    if it still carries that stamp (a write during the check voids it)."""
    if stamp is None or file_stamp(path) != stamp:
        return
    files = _read()
    key = _key(path)
    files.pop(key, None)
    files[key] = stamp
    _write(dict(list(files.items())[-REMEMBERED:]))


def forget(path: Path) -> None:
    """Drop what was remembered of ``path`` (it was found damaged)."""
    files = _read()
    if files.pop(_key(path), None) is None:
        return
    _write(files)


def _write(files: dict[str, str]) -> None:
    """Replace the record whole (a reader never sees half of it); a home folder that
    cannot be written only means the next reading checks."""
    try:
        target = record_path()
        work = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    except OSError:
        return
    try:
        work.write_text(json.dumps({"version": 1, "files": files}, indent=0), encoding="utf-8")
        os.replace(work, target)
    except OSError:
        with contextlib.suppress(OSError):
            work.unlink(missing_ok=True)
