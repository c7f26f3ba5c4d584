"""The full-text index of agreements (SQLite only), and how it stays in step.

Revision 0013 made three tables (its docstring says what each holds): the searched text
of every live agreement, the FTS5 trigram index over it, and the agreements changed
since the index was last brought up to date ("pending").

**Keeping it in step.** Every connection that may write an office file is opened by
:func:`intl_desk.store.connection.open_sqlite`, which calls :func:`prepare`: it creates
TEMP triggers, on that connection only, that note in the pending table the rowid of
every agreement whose searched text may have changed (the agreement itself, one of its
parties, or the partner or local entity a party names). Noting is cheap, so imports,
merges, extracts and pulls pay little per row; :func:`catch_up` then rewrites the text
and index of the pending agreements in one statement each, before every commit through
SQLAlchemy (``make_engine``) and when a file is opened for editing. Nothing is kept in
the file that could run by itself: the triggers are TEMP (never stored), and an FTS5
table cannot be written by a stored trigger under ``trusted_schema=OFF`` anyway.

While anything is pending, or when the file was changed by another tool (``check``
compares the index with the records; ``check --repair`` rebuilds it), searching does
not use the index: the portable ``LIKE`` finds the same agreements, only slower.

This module is imported by every connection, so it uses the standard library only.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

TEXT = "agreement_search_text"
INDEX = "agreement_search"
PENDING = "agreement_search_pending"
#: the tables FTS5 makes for an external-content index
SHADOW = tuple(f"{INDEX}_{suffix}" for suffix in ("data", "idx", "docsize", "config"))
TABLES = frozenset({TEXT, INDEX, PENDING, *SHADOW})

#: as revision 0013 creates them (tests/store/test_search_index.py keeps both equal)
CREATE = (
    f"CREATE TABLE {TEXT} (rowid INTEGER PRIMARY KEY, words TEXT NOT NULL)",
    f"CREATE TABLE {PENDING} (rowid INTEGER PRIMARY KEY)",
    f"CREATE VIRTUAL TABLE {INDEX} USING fts5(words, content='{TEXT}', "
    "content_rowid='rowid', tokenize='trigram')",
)
#: the searched text of agreement ``a``: its search key, then its live parties' keys
WORDS = (
    "coalesce(a.search_key, '') || coalesce((SELECT ' ' || group_concat(coalesce("
    "partner.search_key, local_entity.search_key, ''), ' ') FROM agreement_party AS party "
    "LEFT JOIN partner ON partner.id = party.partner_id LEFT JOIN local_entity ON "
    "local_entity.id = party.local_entity_id WHERE party.agreement_id = a.id AND "
    "party.deleted_at IS NULL), '')"
)
FILL = f"INSERT INTO {TEXT} (rowid, words) SELECT a.rowid, {WORDS} FROM agreement AS a " \
    "WHERE a.deleted_at IS NULL"  # fmt: skip
REBUILD = f"INSERT INTO {INDEX} ({INDEX}) VALUES ('rebuild')"

_NOTE_AGREEMENT = f"INSERT OR IGNORE INTO {PENDING} (rowid) VALUES"
_NOTE_PARTIES = (
    f"INSERT OR IGNORE INTO {PENDING} (rowid) SELECT agreement.rowid FROM agreement "
    "JOIN agreement_party AS party ON party.agreement_id = agreement.id WHERE"
)
#: (name, event, what to note) — one TEMP trigger each, see the module docstring
_TRIGGERS = (
    ("agreement_inserted", "AFTER INSERT ON main.agreement", f"{_NOTE_AGREEMENT} (new.rowid)"),
    ("agreement_updated", "AFTER UPDATE OF search_key, deleted_at, id ON main.agreement",
     f"{_NOTE_AGREEMENT} (old.rowid); {_NOTE_AGREEMENT} (new.rowid)"),
    ("agreement_deleted", "AFTER DELETE ON main.agreement", f"{_NOTE_AGREEMENT} (old.rowid)"),
    ("party_inserted", "AFTER INSERT ON main.agreement_party",
     f"INSERT OR IGNORE INTO {PENDING} (rowid) SELECT rowid FROM agreement "
     "WHERE id = new.agreement_id"),
    ("party_updated", "AFTER UPDATE OF agreement_id, partner_id, local_entity_id, deleted_at "
     "ON main.agreement_party",
     f"INSERT OR IGNORE INTO {PENDING} (rowid) SELECT rowid FROM agreement "
     "WHERE id IN (old.agreement_id, new.agreement_id)"),
    ("party_deleted", "AFTER DELETE ON main.agreement_party",
     f"INSERT OR IGNORE INTO {PENDING} (rowid) SELECT rowid FROM agreement "
     "WHERE id = old.agreement_id"),
    ("partner_updated", "AFTER UPDATE OF search_key, id ON main.partner "
     "WHEN old.search_key IS NOT new.search_key OR old.id IS NOT new.id",
     f"{_NOTE_PARTIES} party.partner_id IN (old.id, new.id)"),
    ("entity_updated", "AFTER UPDATE OF search_key, id ON main.local_entity "
     "WHEN old.search_key IS NOT new.search_key OR old.id IS NOT new.id",
     f"{_NOTE_PARTIES} party.local_entity_id IN (old.id, new.id)"),
)  # fmt: skip


def has_index(connection: sqlite3.Connection) -> bool:
    """Whether the file holds the index tables (schema 13 on an SQLite with FTS5)."""
    row = connection.execute(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN (?, ?, ?)",
        (TEXT, INDEX, PENDING),
    ).fetchone()
    return bool(row and row[0] == 3)


def available(connection: sqlite3.Connection) -> bool:
    """Whether this SQLite has FTS5 (Python's builds do; a system library may not)."""
    options = {str(row[0]) for row in connection.execute("PRAGMA compile_options")}
    return "ENABLE_FTS5" in options


def prepare(connection: sqlite3.Connection) -> None:
    """Create the TEMP triggers that note changed agreements, if the file has the index.

    Called on every connection that may write; a file without the index is left alone.
    """
    if not has_index(connection):
        return
    for name, event, action in _TRIGGERS:
        connection.execute(
            f"CREATE TEMP TRIGGER IF NOT EXISTS search_note_{name} {event} BEGIN {action}; END"
        )


#: the triggers that note each inserted row (what a bulk write notes in one statement)
_NOTING_INSERTS = ("agreement_inserted", "party_inserted")


def suspend_noting(connection: sqlite3.Connection) -> bool:
    """Drop the triggers that note inserted agreements and parties one row at a time,
    inside the caller's transaction (a rollback brings them back); whether there were
    any. Per-row noting took a third of writing 50,000 imported agreements; the writer
    notes what it inserted with :func:`note` instead, then :func:`prepare` makes the
    triggers again."""
    if not has_index(connection):
        return False
    for name in _NOTING_INSERTS:
        connection.execute(f"DROP TRIGGER IF EXISTS temp.search_note_{name}")
    return True


def note(connection: sqlite3.Connection, agreement_ids: Sequence[str]) -> None:
    """Note the agreements ``agreement_ids`` (text ids) for the next :func:`catch_up`, in
    one statement."""
    connection.executemany(
        f"INSERT OR IGNORE INTO {PENDING} (rowid) SELECT rowid FROM agreement WHERE id = ?",
        ((agreement_id,) for agreement_id in agreement_ids),
    )


def pending(connection: sqlite3.Connection) -> bool:
    return connection.execute(f"SELECT 1 FROM {PENDING} LIMIT 1").fetchone() is not None


def catch_up(connection: sqlite3.Connection) -> int:
    """Bring the pending agreements' text and index up to date; how many there were.

    Runs inside the caller's transaction (or as its own statements in autocommit).
    """
    if not has_index(connection) or not pending(connection):
        return 0
    count = int(connection.execute(f"SELECT count(*) FROM {PENDING}").fetchone()[0])
    chosen = f"rowid IN (SELECT rowid FROM {PENDING})"
    connection.execute(
        f"INSERT INTO {INDEX} ({INDEX}, rowid, words) SELECT 'delete', rowid, words FROM {TEXT} "
        f"WHERE {chosen}"
    )
    connection.execute(f"DELETE FROM {TEXT} WHERE {chosen}")
    connection.execute(
        f"INSERT INTO {TEXT} (rowid, words) SELECT a.rowid, {WORDS} FROM agreement AS a "
        f"WHERE a.deleted_at IS NULL AND a.{chosen}"
    )
    connection.execute(
        f"INSERT INTO {INDEX} (rowid, words) SELECT rowid, words FROM {TEXT} WHERE {chosen}"
    )
    connection.execute(f"DELETE FROM {PENDING}")
    return count


def rebuild(connection: sqlite3.Connection) -> None:
    """Make the three tables again from the records (``check --repair``): whatever state
    they were in, damaged or missing, inside the caller's transaction."""
    for table in (INDEX, PENDING, TEXT):
        connection.execute(f"DROP TABLE IF EXISTS {table}")
    for statement in (*CREATE, FILL, REBUILD):
        connection.execute(statement)
    for name, _event, _action in _TRIGGERS:
        connection.execute(f"DROP TRIGGER IF EXISTS temp.search_note_{name}")
    prepare(connection)


def stale(connection: sqlite3.Connection) -> int:
    """How many live agreements the index does not hold as they are (0 when in step).

    Pending agreements are not stale: the next commit brings them up to date. Any
    difference, and an index FTS5 itself finds damaged, counts as the whole file.
    """
    if not has_index(connection):
        return 0
    if _damaged(connection):
        return int(connection.execute("SELECT count(*) FROM agreement").fetchone()[0]) or 1
    unsettled = f"rowid NOT IN (SELECT rowid FROM {PENDING})"
    missing = connection.execute(
        f"SELECT count(*) FROM agreement AS a WHERE a.deleted_at IS NULL AND a.{unsettled} "
        f"AND NOT EXISTS (SELECT 1 FROM {TEXT} AS t WHERE t.rowid = a.rowid AND "
        f"t.words = {WORDS})"
    ).fetchone()[0]
    extra = connection.execute(
        f"SELECT count(*) FROM {TEXT} AS t WHERE t.{unsettled} AND NOT EXISTS (SELECT 1 FROM "
        "agreement AS a WHERE a.rowid = t.rowid AND a.deleted_at IS NULL)"
    ).fetchone()[0]
    return int(missing) + int(extra)


def _damaged(connection: sqlite3.Connection) -> bool:
    """FTS5's own check of its index against the text (a writable connection only: it is
    asked for by an INSERT), else whether the index answers a query at all."""
    try:
        connection.execute(f"INSERT INTO {INDEX} ({INDEX}, rank) VALUES ('integrity-check', 1)")
        return False
    except sqlite3.OperationalError as error:
        if "readonly" not in str(error):
            return True
    except sqlite3.DatabaseError:
        return True
    try:
        connection.execute(f"SELECT rowid FROM {INDEX} WHERE {INDEX} MATCH 'abc' LIMIT 1")
        return False
    except sqlite3.DatabaseError:
        return True


def expected_sql() -> dict[str, str]:
    """The ``sqlite_master.sql`` of the index's own tables (FTS5's shadow tables aside),
    which the safety check accepts in a file and nothing else under those names."""
    names = (TEXT, PENDING, INDEX)
    return dict(zip(names, CREATE, strict=True))
