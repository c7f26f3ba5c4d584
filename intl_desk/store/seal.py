"""A saved copy's seal: proof that its bytes are the ones its integrity check passed.

Offices send each other the copy File › Save a copy… makes (:func:`backup.backup_copy`;
an extract and a desk's file from the office server are made the same way), and that copy
has passed the full ``PRAGMA integrity_check`` before it got its name. The office
receiving it used to check it again, page by page, the first time it read it (0.2 s of
CPU for a state's 200 MB file, a quarter of what printing its overview costs). The seal
carries the sender's check to the receiver: once the check has passed, the copy's CRC-32
is written into its own ``copy_seal`` table, and a file whose bytes still give that CRC is
byte for byte the file that was checked, so it needs no check of its own. Reading the
bytes and summing them takes a third of the check (0.07 s).

The seal is stronger than the check it replaces in one way: ``quick_check`` looks at the
file's structure only, so a byte changed inside a name or an amount on the way (a
damaged download, a mail gateway) passes it, while it breaks the seal. Any change at all
— a write by Intl Desk or another tool, damage in transit — breaks the seal, and the file
is then checked in full as any other; a seal is never a reason to refuse a file. Nor is it
a defence against a crafted file (anyone can compute a CRC, as anyone can write a file
that passes the check): it spares an honest copy a second check, no more.

Every file has the (empty) table since schema revision 0015, so that an older Intl Desk
says a sealed copy comes from a newer version rather than refusing a table it does not
know. The CRC covers every byte of the file except the two places its own write changes:
the ``copy_seal`` table's page (its one row) and the header's change counter and
version-valid-for number (bytes 24–27 and 92–95), which every commit increments. Only the
standard library is used: the check started while the program loads uses it too
(:mod:`intl_desk.store.early_check`).
"""

from __future__ import annotations

import os
import sqlite3
import zlib
from pathlib import Path

TABLE = "copy_seal"
#: exactly as migration 0015 creates it: a table of that name made otherwise is not a seal
CREATE_SQL = (
    "CREATE TABLE copy_seal (id INTEGER PRIMARY KEY CHECK (id = 1), "
    "crc32 INTEGER NOT NULL, pages INTEGER NOT NULL)"
)
#: header bytes every commit rewrites (file change counter, version-valid-for number)
_COMMIT_COUNTERS = ((24, 28), (92, 96))
_CHUNK = 1 << 20


def _crc(path: Path, page_size: int, seal_page: int) -> int:
    """The CRC-32 of the file with the seal's page and the commit counters read as zeros."""
    left_out = [*_COMMIT_COUNTERS, ((seal_page - 1) * page_size, seal_page * page_size)]
    crc = 0
    offset = 0
    buffer = bytearray(_CHUNK)
    view = memoryview(buffer)
    with open(path, "rb", buffering=0) as handle:
        while size := handle.readinto(buffer):
            end = offset + size
            for start, stop in left_out:
                if start < end and stop > offset:  # zero what falls in this chunk
                    first, last = max(start, offset) - offset, min(stop, end) - offset
                    view[first:last] = bytes(last - first)
            crc = zlib.crc32(view[:size], crc)
            offset = end
    return crc


def _layout(connection: sqlite3.Connection) -> tuple[int, int, int] | None:
    """(page size, page count, the seal table's page), or None when the file has no seal
    table made as :data:`CREATE_SQL` makes it."""
    row = connection.execute(
        "SELECT rootpage, sql FROM sqlite_master WHERE type = 'table' AND name = ?", (TABLE,)
    ).fetchone()
    if row is None or row[1] != CREATE_SQL:
        return None
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    page_count = connection.execute("PRAGMA page_count").fetchone()[0]
    return int(page_size), int(page_count), int(row[0])


def matches(connection: sqlite3.Connection, path: Path) -> bool:
    """Whether ``path`` (open read-only on ``connection``) carries a seal its bytes still
    give. False for an unsealed file, a broken seal, or anything unreadable: the caller
    then checks the file in full."""
    try:
        if os.path.exists(f"{path}-journal") or os.path.exists(f"{path}-wal"):
            return False  # a write is unfinished: the bytes are not the file's yet
        own_transaction = not connection.in_transaction
        if own_transaction:  # its shared lock keeps writers out while the bytes are read
            connection.execute("BEGIN")
        try:
            return _still_sealed(connection, path)
        finally:
            if own_transaction:
                connection.execute("ROLLBACK")
    except (sqlite3.Error, OSError):
        return False


def check_unless_sealed(
    connection: sqlite3.Connection, path: Path, pragma: str = "quick_check"
) -> list[str]:
    """What SQLite's ``pragma`` (``quick_check`` or ``integrity_check``) says of ``path``
    (open on ``connection``), its first five problems or ``["ok"]``; ``["ok"]`` without
    reading the pages when the file's seal holds (the full check its sender ran)."""
    if matches(connection, path):
        return ["ok"]
    return [str(row[0]) for row in connection.execute(f"PRAGMA {pragma}(5)")]


def _still_sealed(connection: sqlite3.Connection, path: Path) -> bool:
    layout = _layout(connection)
    if layout is None:
        return False
    page_size, page_count, seal_page = layout
    sealed = connection.execute(f"SELECT crc32, pages FROM {TABLE} WHERE id = 1").fetchone()
    if sealed is None or sealed[1] != page_count or not 1 < seal_page <= page_count:
        return False
    if os.stat(path).st_size != page_count * page_size:
        return False
    return _crc(path, page_size, seal_page) == sealed[0]


def prepare(connection: sqlite3.Connection) -> None:
    """Empty the seal of a new copy (open read-write, not yet checked): its table holds
    one row with a placeholder, which :func:`seal` fills once the copy is checked. A copy
    of a file from before the table existed (schema revision 0015) stays unsealed."""
    if _layout(connection) is None:
        return
    connection.execute("BEGIN")  # one commit: a copy's change counter moves as little as can be
    try:
        connection.execute(f"DELETE FROM {TABLE}")
        connection.execute(f"INSERT INTO {TABLE} (id, crc32, pages) VALUES (1, 0, 0)")
    except sqlite3.Error:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def seal(connection: sqlite3.Connection, path: Path) -> bool:
    """Write the seal of the checked copy ``path`` (open read-write on ``connection``,
    outside a transaction); True when the file then matches it. A copy whose seal does
    not hold is left unsealed: its receiver checks it in full."""
    layout = _layout(connection)
    if layout is None:
        return False
    page_size, page_count, seal_page = layout
    connection.execute(
        f"UPDATE {TABLE} SET crc32 = ?, pages = ? WHERE id = 1",
        (_crc(path, page_size, seal_page), page_count),
    )
    if matches(connection, path):
        return True
    connection.execute(f"DELETE FROM {TABLE}")
    return False
