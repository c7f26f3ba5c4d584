"""Deciding what a merge does, record by record and field by field (nothing is written).

Both files are read on one SQLite connection, the other file attached read-only as
``other``. Records are matched by UUID, the same in every copy of a file.

**What changed since the common state.** Two copies of a file share their history up to
the moment they parted, and every change made since is a :class:`Change` row with its own
UUID. So the changes one side made since the common state are exactly its ``change`` rows
the other side does not have: no common ancestor file is needed, and it works just as well
for a copy that was itself merged with a third one. Merging copies the other side's
history rows in, so merging again finds nothing new (idempotence), and a later merge in the
opposite direction sees the same rows as already known.

**A field that differs** between the two versions of a record is then decided by who
changed it since the common state: one side only, that side's value; both sides, a
conflict (the caller's ``choices`` say which value wins, this file's by default, and the
losing value is recorded in the history); neither side (rows written without history,
e.g. by a bulk import), the version updated last wins, and equal times are a conflict.
Different fields changed on the two sides are therefore both kept.

**Deletions** travel as tombstones (``deleted_at``). When one side deleted a record and the
other did not, the record stays deleted unless the live side updated it after the deletion
time: a delete never beats a later edit. The children deleted with it in the same save (an
agreement's parties, objectives…) come back with it. When both deleted it, the earlier
deletion time is kept. Timestamps are UTC; a clock that is badly wrong on one machine can
only make an edit look earlier or later, never lose the row (a tombstone is still a row and
can be restored).

Every rule depends only on the two versions and their histories, never on which file is
"this" one, except the default choice for a conflict; so merging A into B and B into A
give the same records wherever there is no conflict.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal

from sqlalchemy.orm.relationships import RelationshipDirection

from intl_desk.core.derived import DERIVED_AGREEMENT_COLUMNS
from intl_desk.core.model import Base, Record
from intl_desk.core.model.base import search_key_for
from intl_desk.core.model.natural_keys import NaturalKey, keys_of_table
from intl_desk.store.merge.added import new_ids, quoted, rows_by_id

Side = Literal["this", "other"]
#: a deletion undone by a later edit: (the side that deleted, its row's updated_at)
Revival = tuple[str, Any]
#: conflict key: (table, record id, field)
ConflictKey = tuple[str, str, str]

IDENTITY = ("id", "created_at", "updated_at", "origin_office", "deleted_at")
DERIVED = frozenset({"search_key", *DERIVED_AGREEMENT_COLUMNS})
#: tables never merged: each file has its own office row; history is merged separately
NOT_MERGED = frozenset({"office", "change"})


@dataclass(frozen=True)
class TableSpec:
    name: str
    model: type[Record]
    columns: tuple[str, ...]
    fields: tuple[str, ...]  # what users edit: merged one by one

    @property
    def compared(self) -> tuple[str, ...]:
        return (*self.fields, "created_at", "updated_at", "origin_office", "deleted_at")


@cache
def table_specs() -> tuple[TableSpec, ...]:
    """Every merged table, parents before children."""
    models = {
        mapper.class_.__tablename__: mapper.class_
        for mapper in Base.registry.mappers
        if issubclass(mapper.class_, Record)
    }
    specs = []
    for table in Base.metadata.sorted_tables:
        if table.name in NOT_MERGED or table.name not in models:
            continue
        columns = tuple(column.name for column in table.columns)
        fields = tuple(c for c in columns if c not in IDENTITY and c not in DERIVED)
        specs.append(TableSpec(table.name, models[table.name], columns, fields))
    return tuple(specs)


@cache
def parent_links() -> dict[str, tuple[tuple[str, str], ...]]:
    """child table: ((column naming the parent, parent table), …) for the collections
    deleting a record cascades to (an agreement's parties, a project's budget lines…)."""
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for mapper in Base.registry.mappers:
        for relation in mapper.relationships:
            if relation.direction is RelationshipDirection.ONETOMANY and not relation.viewonly:
                child = relation.mapper.class_
                for _parent_column, child_column in relation.synchronize_pairs:
                    found[child.__tablename__].append(
                        (child_column.name, mapper.class_.__tablename__)
                    )
    return {child: tuple(pairs) for child, pairs in found.items()}


@dataclass(frozen=True)
class Conflict:
    """The same field changed differently on both sides."""

    table: str
    record_id: str
    label: str
    field: str
    this_value: Any
    other_value: Any

    @property
    def key(self) -> ConflictKey:
        return (self.table, self.record_id, self.field)


@dataclass
class RowDecision:
    """The merged version of one record both files hold, when it differs from ours."""

    table: str
    record_id: str
    values: dict[str, Any]  # every column of the merged row
    original: dict[str, Any]  # every column of our row before the merge
    fields_taken: list[str]  # fields whose value comes from the other file
    deleted: bool = False  # a tombstone was taken from the other file
    restored: bool = False  # our tombstone was undone by a later edit there
    conflicts: list[Conflict] = field(default_factory=list)
    #: set when one side's tombstone was undone: (that side, its row's updated_at)
    revival: Revival | None = None
    #: the merged record repeats another's natural key and gives way to it (a Collision)
    dropped: bool = False

    @property
    def visible(self) -> bool:
        return bool(self.fields_taken or self.deleted or self.restored)


@dataclass(frozen=True)
class Collision:
    """Two records that would both be live after the merge and are the same thing (the
    same indicator, period and entity; the same currency and year…): one the other file
    added, or one an edit or an undone deletion makes the same as another. The one
    created first stays live, whichever file holds it, so merging either way keeps the
    same record; the other is kept as a tombstone and its documents move to the one
    kept. Where their values differ, each differing field is a :class:`Conflict` on the
    record that stays (this file's value — the one of the record live with that key
    here — unless the person takes the other's)."""

    table: str
    kept_id: str
    dropped_id: str
    ours_dropped: bool  # the record live here with that key gives way to the other one
    dropped_is_new: bool = True  # the record that gives way comes from the other file


@dataclass
class MergePlan:
    new_rows: dict[str, tuple[int, int]]  # table: (rows, of which live)
    decisions: list[RowDecision]
    new_history: int
    conflicts: list[Conflict]
    collisions: list[Collision] = field(default_factory=list)
    #: table: the ids of the other file's rows this one lacks (see merge/added.py)
    added: dict[str, tuple[Any, ...]] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not any(count for count, _live in self.new_rows.values()) and not (
            self.decisions or self.new_history or self.conflicts
        )


def _edited_fields(
    connection: sqlite3.Connection, side: str, opposite: str
) -> dict[tuple[str, str], set[str]]:
    """Fields each record had changed on ``side`` in history rows ``opposite`` lacks."""
    found: dict[tuple[str, str], set[str]] = defaultdict(set)
    rows = connection.execute(
        f"SELECT record_kind, record_id, field FROM {side}.change "
        f"WHERE field IS NOT NULL AND id NOT IN (SELECT id FROM {opposite}.change)"
    )
    for kind, record_id, name in rows:
        found[(kind, record_id)].add(name)
    return found


def _new_live_rows(
    connection: sqlite3.Connection, spec: TableSpec, ids: tuple[Any, ...]
) -> list[dict[str, Any]]:
    """The live ones among the other file's rows ``ids`` (all their columns where the
    table has natural keys, to look for the records they repeat; else their ids)."""
    if keys_of_table(spec.name):
        names = spec.columns
        rows = (
            dict(zip(names, row, strict=True))
            for row in rows_by_id(connection, spec.name, names, ids)
        )
        return [row for row in rows if row["deleted_at"] is None]
    found = rows_by_id(connection, spec.name, ("id", "deleted_at"), ids)
    return [{"id": row[0]} for row in found if row[1] is None]


def _pairs(
    connection: sqlite3.Connection, spec: TableSpec
) -> Iterable[tuple[dict[str, Any], dict[str, Any]]]:
    names = spec.columns
    select = ", ".join([*(f"m.{quoted(c)}" for c in names), *(f"o.{quoted(c)}" for c in names)])
    differs = " OR ".join(f"m.{quoted(c)} IS NOT o.{quoted(c)}" for c in spec.compared)
    rows = connection.execute(
        f"SELECT {select} FROM main.{quoted(spec.name)} AS m "
        f"JOIN other.{quoted(spec.name)} AS o ON o.id = m.id WHERE {differs}"
    )
    width = len(names)
    for row in rows:
        yield dict(zip(names, row[:width], strict=True)), dict(zip(names, row[width:], strict=True))


def _label(spec: TableSpec, row: Mapping[str, Any]) -> str:
    for name in ("name", "title", "label", "filename", "code", "text"):
        if row.get(name):
            return str(row[name])[:80]
    return str(row["id"])[:8]


def _later(a: Any, b: Any) -> Any:
    """The later of two stored UTC timestamps (ISO text sorts by time), None-safe."""
    present = [value for value in (a, b) if value is not None]
    return max(present) if present else None


def _cascaded(parent: Revival | None, dead_side: str, dead_row: Mapping[str, Any]) -> bool:
    """Whether this child was tombstoned with its parent, in the same save (one save gives
    every row it touches the same ``updated_at``), on the side whose deletion of the
    parent was undone: then it comes back with it."""
    return parent is not None and parent == (dead_side, dead_row["updated_at"])


def decide_row(
    spec: TableSpec,
    ours: dict[str, Any],
    theirs: dict[str, Any],
    our_edits: set[str],
    their_edits: set[str],
    choices: Mapping[ConflictKey, Side],
    parent: Revival | None = None,
) -> RowDecision:
    """The merged version of one record (see the module docstring for the rules).

    ``parent`` is the revival of the record this one is a child of (an agreement for its
    parties), when that record's deletion was undone by a later edit.
    """
    merged = dict(ours)
    decision = RowDecision(spec.name, str(ours["id"]), merged, ours, [])
    for name in spec.fields:
        if ours[name] == theirs[name]:
            continue
        if name in their_edits and name not in our_edits:
            take = True
        elif name in our_edits and name not in their_edits:
            take = False
        elif name not in our_edits and ours["updated_at"] != theirs["updated_at"]:
            take = _later(ours["updated_at"], theirs["updated_at"]) == theirs["updated_at"]
        else:
            conflict = Conflict(
                spec.name, decision.record_id, _label(spec, ours), name, ours[name], theirs[name]
            )
            decision.conflicts.append(conflict)
            take = choices.get(conflict.key, "this") == "other"
        if take:
            merged[name] = theirs[name]
            decision.fields_taken.append(name)

    our_tomb, their_tomb = ours["deleted_at"], theirs["deleted_at"]
    if our_tomb is not None and their_tomb is not None:
        merged["deleted_at"] = min(our_tomb, their_tomb)
    elif our_tomb is None and their_tomb is not None:
        if ours["updated_at"] > their_tomb or _cascaded(parent, "theirs", theirs):
            decision.revival = ("theirs", theirs["updated_at"])  # their delete is undone
        else:
            merged["deleted_at"] = their_tomb
            decision.deleted = True
    elif our_tomb is not None and (
        theirs["updated_at"] > our_tomb or _cascaded(parent, "ours", ours)
    ):  # their_tomb is None here
        merged["deleted_at"] = None
        decision.restored = True
        decision.revival = ("ours", ours["updated_at"])

    merged["updated_at"] = _later(ours["updated_at"], theirs["updated_at"])
    for name in ("created_at", "origin_office"):  # equal unless edited by other tools
        present = [value for value in (ours[name], theirs[name]) if value is not None]
        merged[name] = min(present) if present else None
    if decision.fields_taken and "search_key" in merged:
        merged["search_key"] = search_key_for(spec.model, merged)
    return decision


def make_plan(
    connection: sqlite3.Connection, choices: Mapping[ConflictKey, Side] | None = None
) -> MergePlan:
    """What merging ``other`` into ``main`` would do, on a connection with both."""
    chosen = choices or {}
    ours = _edited_fields(connection, "main", "other")
    theirs = _edited_fields(connection, "other", "main")
    new_rows: dict[str, tuple[int, int]] = {}
    added: dict[str, tuple[Any, ...]] = {}
    new_live: dict[str, list[dict[str, Any]]] = {}
    decisions: list[RowDecision] = []
    conflicts: list[Conflict] = []
    revived: dict[tuple[str, str], Revival] = {}
    links = parent_links()
    for spec in table_specs():  # parents first, so a child knows its parent's fate
        added[spec.name] = new_ids(connection, spec.name)
        new_live[spec.name] = _new_live_rows(connection, spec, added[spec.name])
        new_rows[spec.name] = (len(added[spec.name]), len(new_live[spec.name]))
        for mine, other in _pairs(connection, spec):
            key = (spec.name, str(mine["id"]))
            parent = next(
                (
                    revived[(table, str(mine[column]))]
                    for column, table in links.get(spec.name, ())
                    if (table, str(mine[column])) in revived
                ),
                None,
            )
            decision = decide_row(
                spec, mine, other, ours.get(key, set()), theirs.get(key, set()), chosen, parent
            )
            if decision.revival is not None:
                revived[key] = decision.revival
            if decision.values != mine:
                decisions.append(decision)
            conflicts.extend(decision.conflicts)
    new_history = connection.execute(
        "SELECT count(*) FROM other.change WHERE id NOT IN (SELECT id FROM main.change)"
    ).fetchone()[0]
    collisions: list[Collision] = []
    by_table: dict[str, dict[str, RowDecision]] = defaultdict(dict)
    for decision in decisions:  # grouped once: 39 tables × 41,000 decisions otherwise
        by_table[decision.table][decision.record_id] = decision
    for spec in table_specs():
        decided = by_table[spec.name]
        for natural_key in keys_of_table(spec.name):
            found = _collisions(connection, spec, natural_key, decided, new_live[spec.name])
            for collision, conflicts_found in found:
                collisions.append(collision)
                conflicts.extend(conflicts_found)
                if collision.dropped_id in decided:
                    decided[collision.dropped_id].dropped = True
    return MergePlan(new_rows, decisions, int(new_history), conflicts, collisions, added)


def _key_condition(alias: str, key: NaturalKey) -> str:
    parts = [f"{alias}.deleted_at IS NULL"]
    parts += [f"{alias}.{quoted(column)} IS NOT NULL" for column in (*key.columns, *key.present)]
    parts += [f"{alias}.{quoted(column)} IS NULL" for column in key.absent]
    return " AND ".join(parts)


def _key_of(key: NaturalKey, row: Mapping[str, Any]) -> tuple[Any, ...]:
    return tuple(row[column] for column in key.columns)


#: key values looked up in one statement (each takes len(key.columns) parameters)
_KEYS_AT_ONCE = 200


def _live_here_with(
    connection: sqlite3.Connection, spec: TableSpec, key: NaturalKey, wanted: list[tuple[Any, ...]]
) -> Iterable[dict[str, Any]]:
    """This file's live rows (as they are before the merge) holding one of ``wanted``."""
    names = spec.columns
    columns = ", ".join(f"k{index}" for index in range(len(key.columns)))
    same = " AND ".join(f"m.{quoted(c)} = k.k{index}" for index, c in enumerate(key.columns))
    select = ", ".join(f"m.{quoted(c)}" for c in names)
    for start in range(0, len(wanted), _KEYS_AT_ONCE):
        chunk = wanted[start : start + _KEYS_AT_ONCE]
        values = ", ".join(["(" + ", ".join("?" * len(key.columns)) + ")"] * len(chunk))
        rows = connection.execute(
            f"WITH k({columns}) AS (VALUES {values}) "
            f"SELECT {select} FROM main.{quoted(spec.name)} AS m JOIN k ON {same} "
            f"WHERE {_key_condition('m', key)}",
            [value for key_values in chunk for value in key_values],
        )
        for row in rows:
            yield dict(zip(names, row, strict=True))


def _collisions(
    connection: sqlite3.Connection,
    spec: TableSpec,
    key: NaturalKey,
    decisions: Mapping[str, RowDecision],
    new_live: list[dict[str, Any]],
) -> Iterable[tuple[Collision, list[Conflict]]]:
    """Records that would be live with the same natural key once the merge is written.

    Only a record the merge touches can repeat another: a new live row of the other file,
    or a row here whose key or life the merge changes (an edit moving a measurement to
    another period, a tombstone undone by a later edit). Each is compared with the rows
    holding its key after the merge: this file's live ones (as the merge leaves them) and
    the other touched ones. The record created first stays live; ``decisions`` are this
    table's, by record id, and ``new_live`` the other file's live rows this one lacks.
    """
    touched: dict[str, dict[str, Any]] = {}
    fresh = set()
    for theirs in new_live:
        if key.applies(theirs):
            touched[str(theirs["id"])] = theirs
            fresh.add(str(theirs["id"]))
    for record_id, decision in decisions.items():
        merged, before = decision.values, decision.original
        if key.applies(merged) and not (
            key.applies(before) and _key_of(key, before) == _key_of(key, merged)
        ):
            touched[record_id] = merged
    if not touched:
        return
    groups: dict[tuple[Any, ...], dict[str, dict[str, Any]]] = defaultdict(dict)
    for record_id, row in touched.items():
        groups[_key_of(key, row)][record_id] = row
    here_at: dict[tuple[Any, ...], str] = {}  # key: the record live with it here before
    for mine in _live_here_with(connection, spec, key, list(groups)):
        held = _key_of(key, mine)
        here_at[held] = str(mine["id"])
        decided = decisions.get(str(mine["id"]))
        after = mine if decided is None else decided.values
        if key.applies(after) and _key_of(key, after) == held:
            groups[held][str(mine["id"])] = after
    for held, members in groups.items():
        if len(members) < 2:
            continue
        kept, *dropped = sorted(members.values(), key=lambda row: (row["created_at"], row["id"]))
        for other in dropped:
            ours_dropped = here_at.get(held) == str(other["id"])
            ours, theirs = (other, kept) if ours_dropped else (kept, other)
            conflicts = [
                Conflict(
                    spec.name, str(kept["id"]), _label(spec, ours), name, ours[name], theirs[name]
                )
                for name in key.values
                if ours[name] != theirs[name]
            ]
            collision = Collision(
                spec.name,
                str(kept["id"]),
                str(other["id"]),
                ours_dropped,
                dropped_is_new=str(other["id"]) in fresh,
            )
            yield collision, conflicts
