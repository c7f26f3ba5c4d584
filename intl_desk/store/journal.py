"""Whether the rollback journal beside an office file belongs to it.

A program that crashes mid-write leaves ``NAME-journal``, and SQLite copies the pages it
holds back into ``NAME`` on the next opening. That repairs the file the journal was
written for, and destroys any other: a file restored from a backup copy, or received
again, under the same name beside an old journal would get pages of another database
and be cut to that database's size. SQLite does not check, so this module does, from
the journal's header and page records (format: https://sqlite.org/fileformat.html,
section "The Rollback Journal"):

* the journal's page size must be the file's;
* if the journal holds page 1 as it was when the write began, that page must be the
  file's own (the same application id, the same change counter or the one before it);
* otherwise page 1 in the file is still the one the write began with, so the database
  size it records must be the journal's "initial database size".
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")
_HEADER = 28  # magic, record count, nonce, initial size, sector size, page size
_TO_END = (0, 0xFFFFFFFF)  # record counts meaning "as many as the file holds"


@dataclass(frozen=True)
class Journal:
    page_size: int
    initial_pages: int
    #: page 1 as it was before the interrupted write, when the journal holds it
    first_page: bytes | None


def _number(data: bytes, offset: int) -> int:
    return int.from_bytes(data[offset : offset + 4], "big")


def read_journal(path: Path) -> Journal | None:
    """The journal at ``path``, or None when SQLite would not roll it back (missing,
    empty, or without a valid header)."""
    try:
        data = path.read_bytes() if path.is_file() else b""
    except OSError:
        return None
    if data[:8] != JOURNAL_MAGIC or len(data) < _HEADER:
        return None
    initial, sector, page_size = _number(data, 16), _number(data, 20), _number(data, 24)
    if not sector or not page_size:
        return None
    first_page: bytes | None = None
    start = 0
    while data[start : start + 8] == JOURNAL_MAGIC:  # one segment per sync of the journal
        count = _number(data, start + 8)
        offset = start + sector
        record = page_size + 8
        if count in _TO_END:
            count = max(0, (len(data) - offset) // record)
        for _ in range(count):
            if offset + record > len(data):
                break
            if first_page is None and _number(data, offset) == 1:
                first_page = data[offset + 4 : offset + 4 + page_size]
            offset += record
        start = -(-offset // sector) * sector  # the next segment begins on a sector
    return Journal(page_size, initial, first_page)


def belongs_to(journal: Journal, header: bytes, page_size: int) -> bool:
    """Whether ``journal`` was written for the file whose first 100 bytes are ``header``
    (``page_size`` read from it)."""
    if journal.page_size != page_size:
        return False
    counter = _number(header, 24)
    if journal.first_page is not None:
        before = journal.first_page
        return before[68:72] == header[68:72] and _number(before, 24) in (
            counter,
            (counter - 1) % 2**32,
        )
    if header[92:96] != header[24:28]:  # the size in the header is not kept up to date
        return True
    return _number(header, 28) == journal.initial_pages
