"""Writing a merge: everything in one transaction on the (locked) office file.

The plan is computed again inside the write transaction, so what is written is exactly
what the two files say at that moment. Rows are inserted parents first with foreign keys
checked at commit (``PRAGMA defer_foreign_keys``), so a record that refers to another one
added in the same merge, or to itself, goes in whatever the order; a reference to a record
neither file holds fails the commit and nothing is written. A crash or ``kill -9`` midway
leaves SQLite's rollback journal, which the next opening for editing plays back.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from intl_desk.core.derived import agreements_of, refresh_agreement_summaries
from intl_desk.core.model import new_uuid, utc_now
from intl_desk.core.model.natural_keys import NATURAL_KEYS
from intl_desk.core.tracking import as_text
from intl_desk.store.connection import driver_connection, sqlite_uri
from intl_desk.store.errors import BrokenReferences
from intl_desk.store.merge.added import copy_in, rows_by_id
from intl_desk.store.merge.plan import (
    Collision,
    ConflictKey,
    MergePlan,
    RowDecision,
    Side,
    make_plan,
    quoted,
    table_specs,
)

Progress = Callable[[str], None]

CHANGE_COLUMNS = (
    "id",
    "changed_at",
    "changed_by",
    "office_id",
    "record_kind",
    "record_id",
    "action",
    "field",
    "old_value",
    "new_value",
)


def attach(connection: sqlite3.Connection, other: Path) -> None:
    """Attach ``other`` read-only as schema ``other`` (never written, not even a journal)."""
    connection.execute("ATTACH DATABASE ? AS other", (sqlite_uri(other, "ro"),))


def _key_columns() -> dict[str, frozenset[str]]:
    """table: every column a natural key of it names or depends on."""
    found: dict[str, set[str]] = defaultdict(set)
    for key in NATURAL_KEYS:
        found[key.table].update(key.columns, key.present, key.absent, ("deleted_at",))
    return {table: frozenset(columns) for table, columns in found.items()}


_KEY_COLUMNS = _key_columns()


def _moves_a_key(decision: RowDecision) -> bool:
    """Whether writing ``decision`` changes one of its row's entries in a partial unique
    index (a key's column, or the row's life), or the row gives way to another."""
    columns = _KEY_COLUMNS.get(decision.table)
    if columns is None:
        return False
    before, after = decision.original, decision.values
    return decision.dropped or any(
        after[name] != before[name] or type(after[name]) is not type(before[name])
        for name in columns
    )


def _park(raw: sqlite3.Connection, plan: MergePlan, now: str) -> set[tuple[str, str]]:
    """Tombstone, for the moment, every row here the merge changes in a table with natural
    keys, and for good the rows here that give way to another (a Collision).

    SQLite checks a unique index at each row, not at commit: moving a measurement to a
    period another one leaves, in whatever order, would be refused midway although the
    merged file holds one of each. Tombstones are outside the partial indexes, so with
    the changed rows parked every update below lands on a key nobody holds.
    A row live before and after whose keys' columns keep their values needs no parking:
    its index entries stay as they are, and no other row can land on its key (that would
    be a collision, and one of the two would give way, parked).
    Returns the parked decisions, whose ``deleted_at`` must be written back."""
    parked = {(d.table, d.record_id) for d in plan.decisions if _moves_a_key(d)}
    leaving = {(c.table, c.dropped_id) for c in plan.collisions if not c.dropped_is_new}
    by_table: dict[str, list[str]] = defaultdict(list)
    for table, record_id in parked | leaving:
        by_table[table].append(record_id)
    for table, ids in by_table.items():
        raw.executemany(
            f"UPDATE main.{quoted(table)} SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL",
            [(now, record_id) for record_id in ids],
        )
    return parked


def _insert_new_rows(
    raw: sqlite3.Connection, progress: Progress | None, plan: MergePlan, now: str
) -> None:
    """Every row of the other file this one lacks; one that gives way to a record here
    (the same natural key) comes in as a tombstone."""
    tombstoned: dict[str, set[str]] = defaultdict(set)
    for collision in plan.collisions:
        if collision.dropped_is_new:
            tombstoned[collision.table].add(collision.dropped_id)
    for spec in table_specs():
        if progress is not None:
            progress(spec.name)
        ids = plan.added.get(spec.name, ())
        dropped = tombstoned.get(spec.name, set())
        copy_in(raw, spec.name, spec.columns, [i for i in ids if str(i) not in dropped])
        copy_in(raw, spec.name, spec.columns, [i for i in ids if str(i) in dropped], deleted_at=now)


def _move_documents(
    raw: sqlite3.Connection, collisions: list[Collision], now: str
) -> list[tuple[str, str, str]]:
    """The documents of a record that gave way go to the record kept: evidence typed
    against a duplicate is evidence of the same figure, and a tombstone's documents
    would be seen nowhere. Returns (document, from record, to record) for the history."""
    moved: list[tuple[str, str, str]] = []
    for collision in collisions:
        rows = raw.execute(
            "SELECT id FROM main.document WHERE record_kind = ? AND record_id = ? "
            "AND deleted_at IS NULL",
            (collision.table, collision.dropped_id),
        ).fetchall()
        for (document_id,) in rows:
            raw.execute(
                "UPDATE main.document SET record_id = ?, updated_at = ? WHERE id = ?",
                (collision.kept_id, now, document_id),
            )
            moved.append((str(document_id), collision.dropped_id, collision.kept_id))
    return moved


def _settle_collided_values(
    raw: sqlite3.Connection, plan: MergePlan, choices: Mapping[ConflictKey, Side]
) -> None:
    """The record that stays after a collision takes the values chosen: this file's by
    default, the other's where the person took them."""
    collisions = {(c.table, c.kept_id): c for c in plan.collisions}
    for conflict in plan.conflicts:
        collision = collisions.get((conflict.table, conflict.record_id))
        if collision is None:
            continue
        take_theirs = choices.get(conflict.key, "this") == "other"
        if take_theirs == collision.ours_dropped:
            continue  # the record that stays holds that value already
        value = conflict.other_value if take_theirs else conflict.this_value
        raw.execute(
            f"UPDATE main.{quoted(conflict.table)} SET {quoted(conflict.field)} = ? WHERE id = ?",
            (value, conflict.record_id),
        )


def _update_rows(
    raw: sqlite3.Connection,
    decisions: list[RowDecision],
    parked: set[tuple[str, str]],
    now: str,
) -> None:
    """UPDATE only the columns that change (SQLite rewrites the index entries of every
    column named in SET, changed or not), and the life of the rows :func:`_park` parked:
    a record that gives way to another stays a tombstone."""
    groups: dict[tuple[str, tuple[str, ...]], list[list[Any]]] = defaultdict(list)
    for decision in decisions:
        before = decision.original
        values = dict(decision.values)
        if decision.dropped:
            values["deleted_at"] = before["deleted_at"] or now
        names = tuple(
            name
            for name, value in values.items()
            if name != "id"
            and (
                value != before[name]
                or type(value) is not type(before[name])
                or (name == "deleted_at" and (decision.table, decision.record_id) in parked)
            )
        )
        if names:
            groups[(decision.table, names)].append(
                [values[name] for name in names] + [decision.record_id]
            )
    for (table, names), rows in groups.items():
        assignments = ", ".join(f"{quoted(name)} = ?" for name in names)
        raw.executemany(f"UPDATE main.{quoted(table)} SET {assignments} WHERE id = ?", rows)


def _stamp() -> str:
    """Now as the store writes UTC timestamps (naive, with microseconds)."""
    return utc_now().strftime("%Y-%m-%d %H:%M:%S.%f")


def _history(
    raw: sqlite3.Connection,
    plan: MergePlan,
    choices: Mapping[ConflictKey, Side],
    office_id: str,
    user: str,
    moved: list[tuple[str, str, str]],
) -> None:
    """Copy the other file's history in, then note what the merge itself decided."""
    columns = ", ".join(CHANGE_COLUMNS)
    raw.execute(
        f"INSERT INTO main.change ({columns}) SELECT {columns} FROM other.change "
        "WHERE id NOT IN (SELECT id FROM main.change)"
    )
    now = _stamp()
    rows: list[tuple[Any, ...]] = []
    for conflict in plan.conflicts:
        if choices.get(conflict.key, "this") == "other":  # the user took their value
            action, old, new = "update", conflict.this_value, conflict.other_value
        else:  # ours kept: theirs is written down so that it is not lost
            action, old, new = "conflict", conflict.other_value, conflict.this_value
        rows.append(
            (new_uuid(), now, user, office_id, conflict.table, conflict.record_id, action,
             conflict.field, as_text(old), as_text(new))
        )  # fmt: skip
    for collision in plan.collisions:  # the same thing as the record kept: a tombstone
        rows.append(
            (new_uuid(), now, user, office_id, collision.table, collision.dropped_id,
             "delete", None, None, None)
        )  # fmt: skip
    for document_id, dropped_id, kept_id in moved:
        rows.append(
            (new_uuid(), now, user, office_id, "document", document_id, "update",
             "record_id", dropped_id, kept_id)
        )  # fmt: skip
    for decision in plan.decisions:
        if decision.restored and not decision.dropped:
            rows.append(
                (new_uuid(), now, user, office_id, decision.table, decision.record_id,
                 "restore", None, None, None)
            )  # fmt: skip
    raw.executemany(
        f"INSERT INTO main.change ({columns}) VALUES ({', '.join('?' * len(CHANGE_COLUMNS))})",
        rows,
    )


def _agreements_to_refresh(raw: sqlite3.Connection, plan: MergePlan) -> set[str]:
    """Agreements whose derived columns the inserts below may make out of date."""
    found = {str(record_id) for record_id in plan.added.get("agreement", ())}
    for table in ("agreement_party", "agreement_objective"):
        rows = rows_by_id(raw, table, ("agreement_id",), plan.added.get(table, ()))
        found |= {str(agreement_id) for (agreement_id,) in rows if agreement_id is not None}
    return found


def apply_merge(
    engine: Engine,
    other: Path,
    *,
    office_id: str,
    user: str,
    choices: Mapping[ConflictKey, Side] | None = None,
    progress: Progress | None = None,
    plan: MergePlan | None = None,
) -> MergePlan:
    """Merge ``other`` (verified, current version) into the file of ``engine``.

    ``plan`` is one made since the file was locked (nobody else can have written since);
    without it the plan is made inside the write transaction.
    """
    chosen = choices or {}
    with engine.connect() as connection:
        raw = driver_connection(connection)
        attach(raw, other)
        try:
            with connection.begin():
                raw.execute("PRAGMA defer_foreign_keys = ON")
                if plan is None:
                    plan = make_plan(raw, chosen)
                refresh = _agreements_to_refresh(raw, plan)
                if progress is not None:
                    progress("updates")
                # updates first: a record deleted by the merge frees its natural key
                now = _stamp()
                parked = _park(raw, plan, now)
                _update_rows(raw, plan.decisions, parked, now)
                _insert_new_rows(raw, progress, plan, now)
                _settle_collided_values(raw, plan, chosen)
                moved = _move_documents(raw, plan.collisions, now)
                _history(raw, plan, chosen, office_id, user, moved)
                partners: set[str] = set()
                entities: set[str] = set()
                for decision in plan.decisions:
                    if decision.table == "agreement":
                        refresh.add(decision.record_id)
                    elif decision.table in ("agreement_party", "agreement_objective"):
                        refresh.add(str(decision.values["agreement_id"]))
                    elif decision.table == "partner":
                        partners.add(decision.record_id)
                    elif decision.table == "local_entity":
                        entities.add(decision.record_id)
                with Session(bind=connection) as session:
                    refresh |= agreements_of(session, partners, entities)
                    if refresh:
                        refresh_agreement_summaries(session, refresh)
                if progress is not None:
                    progress("commit")
        except (IntegrityError, sqlite3.IntegrityError) as error:
            raise BrokenReferences(other, detail=str(error)) from error
        finally:
            raw.execute("DETACH DATABASE other")
    return plan
