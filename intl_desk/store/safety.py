"""Files from others: what is checked before one is trusted, and where it should not live.

An office file received by e-mail or found on a share may have been edited by other
tools. Before one is read as a merge source it passes, in order: the probe's checks
(SQLite header, size, application id, a version this build knows, see
:mod:`intl_desk.store.probe`), the full ``PRAGMA integrity_check`` (or, for a copy saved
by Intl Desk whose bytes still match its seal, the check its sender ran:
:mod:`intl_desk.store.seal`), and a schema check:
no table the model does not know, and no view or trigger at all. Intl Desk never creates
views or triggers; a trigger would run its own SQL inside our transactions (even with
``trusted_schema=OFF``, which only stops it calling unsafe functions). An older file is
upgraded on a verified copy in a temporary folder, never in place: it is someone else's.

Network shares and cloud-sync folders are where office files get damaged: their locking
is unreliable, and sync clients upload a file in the middle of a write or produce
"conflicted copies" of it. Files there still open, with a warning that says so.
"""

from __future__ import annotations

import os
import re
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePath, PureWindowsPath

from intl_desk.core.i18n import N_, Message
from intl_desk.store import seal, search_index
from intl_desk.store.connection import open_sqlite
from intl_desk.store.db_errors import translate_db_errors
from intl_desk.store.errors import CorruptFile, UnexpectedContent
from intl_desk.store.probe import FileProbe, probe
from intl_desk.store.schema import SCHEMA_VERSION, TABLES

#: tables SQLite or Alembic own, besides the model's
_HOUSEKEEPING = frozenset({"alembic_version", "sqlite_sequence", "sqlite_stat1", "sqlite_stat4"})
#: the tables of the store's SQLite side, not the model's: the search index, the seal
SQLITE_SIDE = search_index.TABLES | {seal.TABLE}


def unexpected_objects(connection: sqlite3.Connection, *, tables_too: bool = True) -> list[str]:
    """Views, triggers and (``tables_too``) unknown tables, as ``"kind name"`` strings.

    ``tables_too`` is off for older files, whose tables are the older model's.
    """
    rows = connection.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE type IN ('table', 'view', 'trigger')"
    ).fetchall()
    store_tables = {**search_index.expected_sql(), seal.TABLE: seal.CREATE_SQL}
    ours = _HOUSEKEEPING | SQLITE_SIDE
    known = TABLES | ours
    if tables_too and any(kind == "table" and name not in known for kind, name, _sql in rows):
        known = _model_tables() | ours  # should TABLES lag
    found = []
    for kind, name, sql in rows:
        unknown = kind != "table" or (tables_too and name not in known)
        if unknown or store_tables.get(name, sql) != sql:  # ours only as we make them
            found.append(f"{kind} {name}")
    return sorted(found)


def _model_tables() -> frozenset[str]:
    from intl_desk.core.model import Base

    return frozenset(table.name for table in Base.metadata.sorted_tables)


def refuse_unexpected(path: Path, connection: sqlite3.Connection, *, tables_too: bool) -> None:
    found = unexpected_objects(connection, tables_too=tables_too)
    if found:
        raise UnexpectedContent(path, detail=", ".join(found))


def verify_source(path: Path) -> FileProbe:
    """Run every check of the module docstring on ``path`` without changing it."""
    with translate_db_errors(path, read_only=True):
        found = probe(path, quick_check=False)  # integrity_check below covers it and more
        connection = open_sqlite(path, mode="ro")
        try:
            rows = seal.check_unless_sealed(connection, path, "integrity_check")
            if rows != ["ok"]:
                raise CorruptFile(path, detail="; ".join(rows))
            refuse_unexpected(path, connection, tables_too=found.schema_version == SCHEMA_VERSION)
        finally:
            connection.close()
    return found


@contextmanager
def current_version_of(path: Path, verified: FileProbe | None = None) -> Iterator[Path]:
    """``path`` itself when it is verified and current; else a verified, upgraded copy in
    a temporary folder, removed afterwards. ``path`` is never written. ``verified`` is
    what :func:`verify_source` already found, if it was run."""
    found = verified or verify_source(path)
    if found.schema_version == SCHEMA_VERSION:
        yield path
        return
    from intl_desk.store.backup import backup_copy
    from intl_desk.store.upgrade import migrate_file

    with tempfile.TemporaryDirectory(prefix="intl-desk-upgrade-") as folder:
        copy = backup_copy(path, Path(folder) / path.name)
        migrate_file(copy)
        yield copy


# -- where the file lives -------------------------------------------------------------

_CLOUD_FOLDERS = re.compile(
    r"(^|/)(onedrive( - [^/]*)?|dropbox( \([^/]*\))?|google ?drive|my drive|googledrive"
    r"|icloud ?drive|mobile documents|com~apple~clouddocs|cloudstorage|box sync|nextcloud"
    r"|owncloud)(/|$)",
    re.IGNORECASE,
)
_NETWORK_FILESYSTEMS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb",
        "smbfs",
        "smb3",
        "afpfs",
        "fuse.sshfs",
        "webdav",
        "davfs",
        "fuse.davfs2",
        "9p",
        "fuse.rclone",
        "ncpfs",
    }
)


def _is_unc(path: PurePath) -> bool:
    text = str(path)
    return text.startswith(("\\\\", "//")) and not text.startswith(("\\\\?\\", "\\\\.\\"))


def _mount_type(path: Path, mounts: Path = Path("/proc/mounts")) -> str | None:
    """The file system type of the longest mount point holding ``path`` (Linux)."""
    try:
        lines = mounts.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    best, kind = "", None
    target = str(path)
    for line in lines:
        parts = line.split()
        if len(parts) < 3:
            continue
        point = parts[1].replace("\\040", " ")
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, kind = point, parts[2]
    return kind


def location_warning(path: Path | str, *, mounts: Path = Path("/proc/mounts")) -> Message | None:
    """A warning when ``path`` is on a network share or in a cloud-sync folder, else None."""
    raw = str(path)
    if _is_unc(PureWindowsPath(raw)) or _is_unc(PurePath(raw)):
        return _network(Path(raw))
    resolved = Path(raw).resolve() if os.path.exists(raw) else Path(raw).absolute()
    if _CLOUD_FOLDERS.search(resolved.as_posix()):
        return Message(
            N_(
                "“{file}” is in a cloud-sync folder, where a copy uploaded during a save can "
                "be damaged or duplicated: work on it in a local folder and use Save a copy "
                "to share it."
            ),
            {"file": resolved.name},
        )
    if (_mount_type(resolved, mounts) or "") in _NETWORK_FILESYSTEMS:
        return _network(resolved)
    return None


def _network(path: Path) -> Message:
    return Message(
        N_(
            "“{file}” is on a network share, where a dropped connection during a save can "
            "damage it: keep your own copy and make regular backups."
        ),
        {"file": PureWindowsPath(str(path)).name or path.name},
    )


__all__ = [
    "current_version_of",
    "location_warning",
    "refuse_unexpected",
    "unexpected_objects",
    "verify_source",
]
