"""The integrity check started before the rest of the program is loaded.

``PRAGMA quick_check`` reads every page of the file (0.2 s for a state's 200 MB file) and
importing SQLAlchemy and the model takes about as long. SQLite releases Python's lock
while it works, so a command that opens one file (``intl-desk info``) starts the check
on a thread first, with nothing but the standard library, and the opening then takes its
result instead of checking again. The result is used only if the file still carries the
stamp it was checked with (size, times, change counter: :func:`verified.file_stamp`);
anything unexpected simply means the opening runs the check itself. Nor is it started
for a file unchanged since this user's last healthy check of it
(:mod:`intl_desk.store.verified`), which a reading trusts.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from urllib.parse import quote

from intl_desk.store import seal, verified

SQLITE_HEADER = b"SQLite format 3\x00"

_Key = tuple[str, str]
_results: dict[_Key, list[str]] = {}
_threads: dict[_Key, threading.Thread] = {}


def _key(path: Path) -> _Key | None:
    stamp = verified.file_stamp(path)
    return None if stamp is None else (str(path.resolve()), stamp)


def _check(path: Path, key: _Key) -> None:
    try:
        uri = f"file:{quote(str(path.resolve()))}?mode=ro"
        connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
        try:
            connection.execute("PRAGMA trusted_schema = OFF")
            rows = seal.check_unless_sealed(connection, path)
        finally:
            connection.close()
    except sqlite3.Error:
        return  # the opening will check, and say what is wrong
    _results[key] = rows


def start(path: Path) -> None:
    """Begin checking ``path`` in the background, if it looks like an SQLite file."""
    if not path.is_file():
        return  # opening a pipe would wait for a writer forever; the probe says what it is
    key = _key(path)
    if key is None or key in _threads or verified.was_verified(path, key[1]):
        return  # unchanged since this user's last healthy check: the reading trusts it
    try:
        with path.open("rb") as handle:
            if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                return
    except OSError:
        return
    thread = threading.Thread(target=_check, args=(path, key), daemon=True)
    _threads[key] = thread
    thread.start()


def result_for(path: Path) -> list[str] | None:
    """The rows ``quick_check`` gave for ``path`` as it is now, or None (not started,
    failed, or the file changed since)."""
    key = _key(path)
    thread = _threads.pop(key, None) if key is not None else None
    if thread is None or key is None:
        return None
    thread.join()
    return _results.pop(key, None)
