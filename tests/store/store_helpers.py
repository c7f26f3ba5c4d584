"""Helpers for the store tests: fingerprints of files and the refused kinds of file."""

from __future__ import annotations

import hashlib
import random
import re
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from platforms import fifo_or_skip

from intl_desk.core.i18n import Message
from intl_desk.store.office_file import OfficeFile

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
V0001 = FIXTURES / "office_v0001.sqlite"
V0002 = FIXTURES / "office_v0002.sqlite"
V0003 = FIXTURES / "office_v0003.sqlite"
V0004 = FIXTURES / "office_v0004.sqlite"
V0005 = FIXTURES / "office_v0005.sqlite"
V0006 = FIXTURES / "office_v0006.sqlite"
V0007 = FIXTURES / "office_v0007.sqlite"
V0008 = FIXTURES / "office_v0008.sqlite"
V0009 = FIXTURES / "office_v0009.sqlite"
V0011 = FIXTURES / "office_v0011.sqlite"
V0012 = FIXTURES / "office_v0012.sqlite"
V0013 = FIXTURES / "office_v0013.sqlite"
V0014 = FIXTURES / "office_v0014.sqlite"
PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200)


@dataclass(frozen=True)
class Fingerprint:
    """Everything a refusal must leave unchanged: bytes, mtime and the folder's names."""

    sha256: str
    mtime_ns: int
    folder: frozenset[str]


def fingerprint(path: Path) -> Fingerprint:
    # a pipe is never read: that would wait for a writer forever
    content = path.read_bytes() if path.is_file() else oct(path.stat().st_mode).encode()
    return Fingerprint(
        hashlib.sha256(content).hexdigest(),
        path.stat().st_mtime_ns,
        frozenset(child.name for child in path.parent.iterdir()),
    )


def is_one_sentence_naming(message: Message, path: Path) -> bool:
    text = message.render()
    return (
        f"“{path.name}”" in text
        and text.endswith(".")
        and not re.search(r"[.!?]\s+\S", text.rstrip("."))
        and "\n" not in text
    )


def copy_v0001(folder: Path) -> Path:
    target = folder / "office_v0001.sqlite"
    shutil.copyfile(V0001, target)
    return target


def new_office(folder: Path, name: str = "office.sqlite") -> Path:
    path = folder / name
    OfficeFile.create(path, "Ville de Lyon", country_code="FR").close()
    return path


def _garbage(path: Path) -> None:
    """Overwrite whole pages in the middle of the file with random bytes."""
    page_size = 4096
    pages = path.stat().st_size // page_size
    rng = random.Random(20260509)
    with path.open("r+b") as handle:
        for page in range(pages // 3, 2 * pages // 3):
            handle.seek(page * page_size)
            handle.write(rng.randbytes(page_size))


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _set(path: Path, *statements: str) -> None:
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        for statement in statements:
            connection.execute(statement)
    finally:
        connection.close()


def make_refused(kind: str, folder: Path) -> Path:
    """A file of ``kind`` that opening must refuse."""
    path = folder / f"{kind}.sqlite"
    if kind == "text":
        path.write_text("Minutes of the twinning committee\n" * 20, encoding="utf-8")
    elif kind == "png":
        path.write_bytes(PNG_HEADER)
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "fifo":  # a named pipe: reading it would wait for a writer forever
        fifo_or_skip(path)
    elif kind == "header_only":
        path.write_bytes(b"SQLite for")
    elif kind == "foreign":
        _set(path, "CREATE TABLE invoice (id INTEGER PRIMARY KEY, total REAL)")
    elif kind == "foreign_alembic":  # application_id 0 even though it uses Alembic too
        _set(
            path,
            "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)",
            "INSERT INTO alembic_version VALUES ('0002')",
        )
    else:
        new_office(folder, path.name)
        if kind == "truncated":
            _truncate(path)
        elif kind == "corrupt":
            _garbage(path)
        elif kind == "newer":
            _set(path, "PRAGMA user_version = 99", "UPDATE alembic_version SET version_num='0099'")
        elif kind == "unknown_revision":
            _set(path, "UPDATE alembic_version SET version_num = 'f00dcafe'")
        elif kind == "no_office":
            _set(path, "DELETE FROM office")
        else:
            raise ValueError(kind)
    return path
