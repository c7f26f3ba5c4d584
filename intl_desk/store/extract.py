"""Extracting one local entity's records into a new office file that merges back cleanly.

A state office sends a municipality its own agreements, projects, memberships, activities,
contacts, targets and measurements; the municipality edits them and sends the file back to
be merged. For that to work the extract is a true copy of those records (same UUIDs, same
values, the history that concerns them), so merging it back finds nothing new until
somebody edits it.

It is built under a temporary name as a new, empty office file (its schema made by the
migrations, like any new file) into which the source's office row and the chosen rows are
copied in one transaction: nothing else of the source ever reaches it, not even in free
pages, and no tombstones tell the recipient about records they never had. It is then
checked (full ``integrity_check``), sealed so that its recipient need not check it again
(:mod:`intl_desk.store.seal`), and renamed into place.

What is chosen: the entity and the entities under it; the records that name one of them
(the "owners" below), changed on or after ``since`` when given; the child rows of every
chosen record (an agreement's parties, a project's budget lines…), except per-entity
figures (targets, measurements) and collection-round submissions of other entities; and,
transitively, every record a chosen row refers to (partners, networks, indicators,
periods, the parent entity…), so the new file has no broken reference. Without
``entity`` every record (changed on or after ``since``) is chosen, with what it refers to.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.orm.relationships import RelationshipDirection

from intl_desk.core.folding import fold
from intl_desk.core.model import Base, Record
from intl_desk.files.output_guard import guard_output
from intl_desk.store import search_index
from intl_desk.store.backup import (
    fsync_file,
    publish,
    temporary_sibling,
    verify_and_seal,
)
from intl_desk.store.connection import open_sqlite
from intl_desk.store.db_errors import translate_db_errors
from intl_desk.store.errors import FileAlreadyExists, NoSuchEntity
from intl_desk.store.merge.plan import quoted, table_specs
from intl_desk.store.safety import current_version_of

#: records that belong to a local entity: (owner table, table holding the entity column,
#: that column, its column naming the owner) — agreements through their parties, projects
#: through their lead or a participant
OWNERS: tuple[tuple[str, str, str, str], ...] = (
    ("agreement", "agreement_party", "local_entity_id", "agreement_id"),
    ("project", "project", "lead_entity_id", "id"),
    ("project", "project_participant", "local_entity_id", "project_id"),
    ("membership", "membership", "local_entity_id", "id"),
    ("activity", "activity", "local_entity_id", "id"),
    ("contact", "contact", "local_entity_id", "id"),
    ("indicator_target", "indicator_target", "local_entity_id", "id"),
    ("measurement", "measurement", "local_entity_id", "id"),
    ("round_submission", "round_submission", "local_entity_id", "id"),
)
#: child rows kept only when they concern the chosen entities
PER_ENTITY = frozenset({"indicator_target", "measurement", "round_submission"})


@dataclass
class ExtractReport:
    path: Path
    entity: str | None
    counts: dict[str, int] = field(default_factory=dict)


def _references() -> dict[str, list[tuple[str, str]]]:
    """table: [(column, referenced table)] for every foreign key."""
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for table in Base.metadata.sorted_tables:
        for key in table.foreign_keys:
            found[table.name].append((key.parent.name, key.column.table.name))
    return found


def _children() -> dict[str, list[tuple[str, str]]]:
    """parent table: [(child table, child's column naming the parent)] of collections."""
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for mapper in Base.registry.mappers:
        for relation in mapper.relationships:
            if relation.direction is RelationshipDirection.ONETOMANY and not relation.viewonly:
                child = relation.mapper.class_
                if issubclass(child, Record):
                    for _parent_column, child_column in relation.synchronize_pairs:
                        found[mapper.class_.__tablename__].append(
                            (child.__tablename__, child_column.name)
                        )
    return found


#: runs a query (``?`` placeholders) and returns its rows as tuples: the walk below reads
#: an office file (sqlite3) or the office server's database alike
Query = Callable[[str, tuple[Any, ...]], Iterable[Sequence[Any]]]


def sqlite_query(connection: sqlite3.Connection) -> Query:
    return lambda sql, params: connection.execute(sql, params)


def _entities(query: Query, path: Path, wanted: str, *, by_id: bool = False) -> set[str]:
    """The entities named ``wanted`` (or whose id it is, ``by_id``) and those under them."""
    key = fold(wanted.strip())
    rows = list(
        query("SELECT id, name, code, parent_id FROM local_entity WHERE deleted_at IS NULL", ())
    )
    if by_id:
        matches = [r[0] for r in rows if r[0] == wanted]
    else:
        matches = [r[0] for r in rows if fold(r[1] or "") == key or fold(r[2] or "") == key]
    if not matches:
        raise NoSuchEntity(path, entity=wanted)
    under: dict[str, list[str]] = defaultdict(list)
    for entity_id, _name, _code, parent in rows:
        if parent:
            under[parent].append(entity_id)
    chosen, pending = set(), list(matches)
    while pending:
        current = pending.pop()
        if current not in chosen:
            chosen.add(current)
            pending.extend(under[current])
    return chosen


def _seeds(query: Query, entities: set[str] | None, since: date | None) -> dict[str, set[str]]:
    seeds: dict[str, set[str]] = defaultdict(set)
    after = f"{since.isoformat()} 00:00:00" if since else ""
    if entities is None:  # every record, or every record changed since the date
        for spec in table_specs():
            rows = query(f"SELECT id FROM {quoted(spec.name)} WHERE updated_at >= ?", (after,))
            seeds[spec.name].update(str(row[0]) for row in rows)
        return seeds
    seeds["local_entity"] |= entities
    for owner, table, column, owner_column in OWNERS:
        rows = query(
            f"SELECT t.{quoted(column)}, t.{quoted(owner_column)}, o.updated_at FROM "
            f"{quoted(table)} AS t JOIN {quoted(owner)} AS o ON o.id = t.{quoted(owner_column)}",
            (),
        )
        for entity_id, owner_id, updated in rows:
            if entity_id not in entities:
                continue
            if updated is not None and str(updated) < after:
                continue
            seeds[owner].add(owner_id)
    return seeds


def choose(
    connection: sqlite3.Connection | Query,
    path: Path,
    entity: str | None,
    since: date | None,
    *,
    entity_id: str | None = None,
) -> dict[str, set[str]]:
    """The ids to keep, by table (see the module docstring); ``entity_id`` names the
    entity by its id instead of its name (the office server's scopes). ``connection``:
    the office file's, or a :data:`Query` on another database holding the same tables."""
    query = sqlite_query(connection) if isinstance(connection, sqlite3.Connection) else connection
    if entity_id:
        entities: set[str] | None = _entities(query, path, entity_id, by_id=True)
    else:
        entities = _entities(query, path, entity) if entity else None
    chosen = _seeds(query, entities, since)
    references, children = _references(), _children()
    pending = [(table, record_id) for table, ids in chosen.items() for record_id in ids]
    rows: dict[str, dict[str, dict[str, Any]]] = {}
    for spec in table_specs():  # only what the walk needs: ids and references
        columns = sorted({"id", *(column for column, _target in references[spec.name])})
        listed = ", ".join(quoted(column) for column in columns)
        read = (dict(zip(columns, found, strict=True))
                for found in query(f"SELECT {listed} FROM {quoted(spec.name)}", ()))  # fmt: skip
        rows[spec.name] = {str(row["id"]): row for row in read}
    by_parent: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for parent, kids in children.items():
        for child, column in kids:
            for row in rows.get(child, {}).values():
                if row[column] is not None:
                    by_parent[(parent, row[column])].append((child, row["id"]))
    while pending:
        table, record_id = pending.pop()
        found = rows.get(table, {}).get(record_id)
        if found is None:
            continue
        row = found
        follow = [(target, row[column]) for column, target in references[table] if row[column]]
        for child, child_id in by_parent.get((table, record_id), []):
            if (
                entities is not None
                and child in PER_ENTITY
                and rows[child][child_id]["local_entity_id"] not in entities
            ):
                continue
            follow.append((child, child_id))
        for target, target_id in follow:
            if target != "office" and target_id not in chosen[target]:
                chosen[target].add(target_id)
                pending.append((target, target_id))
    return chosen


def _copy_chosen(
    connection: sqlite3.Connection, source: Path, chosen: dict[str, set[str]]
) -> dict[str, int]:
    """Fill the new, empty file with the source's office row and the chosen records."""
    from intl_desk.store.merge.apply import CHANGE_COLUMNS, attach

    attach(connection, source)
    counts: dict[str, int] = {}
    try:
        connection.execute("BEGIN")
        connection.execute("PRAGMA defer_foreign_keys = ON")
        connection.execute("CREATE TEMP TABLE keep (kind TEXT, id TEXT, PRIMARY KEY (kind, id))")
        connection.executemany(
            "INSERT INTO temp.keep VALUES (?, ?)",
            [(table, record_id) for table, ids in chosen.items() for record_id in ids],
        )
        connection.execute(
            "INSERT OR IGNORE INTO temp.keep SELECT 'document', d.id FROM other.document AS d "
            "JOIN temp.keep AS k ON k.kind = d.record_kind AND k.id = d.record_id"
        )
        office = ", ".join(quoted(c.name) for c in Base.metadata.tables["office"].columns)
        connection.execute("DELETE FROM main.office")  # the new file is the same office's
        connection.execute(f"INSERT INTO main.office ({office}) SELECT {office} FROM other.office")
        for spec in table_specs():
            columns = ", ".join(quoted(c) for c in spec.columns)
            connection.execute(
                f"INSERT INTO main.{quoted(spec.name)} ({columns}) SELECT {columns} "
                f"FROM other.{quoted(spec.name)} WHERE id IN "
                "(SELECT id FROM temp.keep WHERE kind = ?)",
                (spec.name,),
            )
            counts[spec.name] = connection.execute(
                f"SELECT count(*) FROM main.{quoted(spec.name)} WHERE deleted_at IS NULL"
            ).fetchone()[0]
        history = ", ".join(CHANGE_COLUMNS)
        connection.execute("DELETE FROM main.change")
        connection.execute(
            f"INSERT INTO main.change ({history}) SELECT {history} FROM other.change AS c "
            "WHERE c.record_kind = 'office' OR EXISTS (SELECT 1 FROM temp.keep AS k "
            "WHERE k.kind = c.record_kind AND k.id = c.record_id)"
        )
        connection.execute("DROP TABLE temp.keep")
        search_index.catch_up(connection)  # the copied agreements, searchable at once
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
    finally:
        connection.execute("DETACH DATABASE other")
    return counts


def extract(
    source: Path | str,
    dest: Path | str,
    *,
    entity: str | None = None,
    since: date | None = None,
    entity_id: str | None = None,
) -> ExtractReport:
    """Write the records of ``entity`` (all when None; or the entity whose id is
    ``entity_id``) changed since ``since`` to ``dest``."""
    from intl_desk.store.office_file import OfficeFile

    origin, target = Path(source), Path(dest)
    guard_output(target, [origin])
    if target.exists():
        raise FileAlreadyExists(target)
    work = temporary_sibling(target, "extract")
    try:
        with current_version_of(origin) as current, translate_db_errors(target):
            reading = open_sqlite(current, mode="ro")
            try:
                chosen = choose(reading, origin, entity, since, entity_id=entity_id)
            finally:
                reading.close()
            OfficeFile.create(work, "extract").close()  # the schema, from the migrations
            connection = open_sqlite(work, mode="rw")
            try:
                counts = _copy_chosen(connection, current, chosen)
                connection.execute("VACUUM")
            finally:
                connection.close()
            verify_and_seal(work)
            fsync_file(work)
            publish(work, target, overwrite=False)
    finally:
        work.unlink(missing_ok=True)
        Path(f"{work}-journal").unlink(missing_ok=True)
    live = {table: count for table, count in counts.items() if count}
    return ExtractReport(target, entity, live)


__all__ = ["ExtractReport", "Query", "choose", "extract", "sqlite_query"]
