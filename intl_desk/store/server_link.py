"""The office file's side of its link to an office server (:mod:`intl_desk.core.model.sync`).

A file becomes a clone when it is given its link: the server's address, the account,
a fresh client id and the server's cursor, and every history row it already holds is
marked as known to the server (it came from there). A sync then reads the history rows
not yet known there (:func:`pending_changes`) and writes what it pulls
(:func:`apply_pulled`); the SQLite-only pragma for checking references at commit lives here.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from intl_desk.core.derived import agreements_of, refresh_agreement_summaries
from intl_desk.core.model import (
    Base,
    Change,
    Document,
    SentChange,
    ServerLink,
    new_uuid,
    utc_now,
)
from intl_desk.core.model.natural_keys import keys_of_table
from intl_desk.store.connection import make_engine, open_sqlite
from intl_desk.store.db_errors import translate_db_errors
from intl_desk.store.link_row import Link
from intl_desk.store.merge.plan import table_specs


def link_to_server(
    path: Path,
    server_url: str,
    account: str,
    cursor: int,
    role: str | None = None,
    scope_entity_id: str | None = None,
) -> Link:
    """Make the office file at ``path`` (a fresh clone, not yet published) a clone."""
    link = Link(server_url, account, new_uuid(), cursor, role, scope_entity_id)
    with translate_db_errors(path):
        engine = make_engine(path)
        try:
            with engine.begin() as connection:
                connection.execute(
                    insert(ServerLink).values(
                        id=1,
                        server_url=link.server_url,
                        account=link.account,
                        client_id=link.client_id,
                        cursor=link.cursor,
                        role=link.role,
                        scope_entity_id=link.scope_entity_id,
                    )
                )
                connection.execute(
                    insert(SentChange).from_select(["change_id"], select(Change.id))
                )
        finally:
            engine.dispose()
    return link


def give_own_client_id(path: Path) -> None:
    """Make the clone at ``path`` — a copy of another clone, not yet published — a client
    of its own. Two files sending under one client id would each take the other's edits
    for their own, and a field both changed would never be reported as a conflict. The
    copy keeps the cursor and what the server is known to hold: both are still true."""
    connection = open_sqlite(path, mode="rw")
    try:
        linked = connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'server_link'"
        ).fetchone()
        if linked:
            connection.execute("UPDATE server_link SET client_id = ?", (new_uuid(),))
    finally:
        connection.close()


def keep_rights(connection: Connection, role: str, scope_entity_id: str | None) -> None:
    """Write the account's role and scope, as the server just said them, into the link."""
    connection.execute(
        update(ServerLink)
        .where(ServerLink.id == 1)
        .values(role=role, scope_entity_id=scope_entity_id)
    )


_CHANGES = Base.metadata.tables["change"]


def pending_changes(connection: Connection) -> list[dict[str, Any]]:
    """The history rows the server does not have yet, oldest first."""
    rows = connection.execute(
        select(_CHANGES)
        .where(_CHANGES.c.id.not_in(select(SentChange.change_id)))
        .order_by(_CHANGES.c.changed_at, _CHANGES.c.id)
    ).mappings()
    return [dict(row) for row in rows]


def pending_count(connection: Connection) -> int:
    """How many history rows wait to be sent to the server (the status bar's count)."""
    return int(
        connection.scalar(
            select(func.count())
            .select_from(_CHANGES)
            .where(_CHANGES.c.id.not_in(select(SentChange.change_id)))
        )
        or 0
    )


def _existing(connection: Connection, column: Any, ids: Sequence[str]) -> set[str]:
    """Which of ``ids`` are values of ``column`` (asked 500 at a time)."""
    found: set[str] = set()
    for start in range(0, len(ids), 500):
        found.update(
            str(value)
            for value in connection.scalars(
                select(column).where(column.in_(ids[start : start + 500]))
            )
        )
    return found


def current_rows(
    connection: Connection, keys: Iterable[tuple[str, str]]
) -> dict[str, list[dict[str, Any]]]:
    """The present version of each (table, id) of a synchronised table that exists here."""
    merged = {spec.name for spec in table_specs()}
    wanted: dict[str, set[str]] = defaultdict(set)
    for table, record_id in keys:
        if table in merged:
            wanted[table].add(record_id)
    found: dict[str, list[dict[str, Any]]] = {}
    for table, ids in wanted.items():
        model_table = Base.metadata.tables[table]
        ordered = sorted(ids)
        rows: list[dict[str, Any]] = []
        for start in range(0, len(ordered), 500):
            rows.extend(
                dict(row)
                for row in connection.execute(
                    select(model_table).where(model_table.c.id.in_(ordered[start : start + 500]))
                ).mappings()
            )
        if rows:
            found[table] = rows
    return found


def mark_sent(connection: Connection, change_ids: Iterable[str]) -> None:
    ids = sorted(set(change_ids))
    if not ids:
        return
    known = _existing(connection, SentChange.change_id, ids)
    fresh = [{"change_id": change_id} for change_id in ids if change_id not in known]
    if fresh:
        connection.execute(insert(SentChange), fresh)


def settle_refused(
    connection: Connection, refusals: Iterable[Mapping[str, Any]], account: str
) -> None:
    """Stop offering the server the history rows it refused for good: they are marked as
    known there, and one history row per refused record (action ``refused``, the reason's
    message as JSON in ``new_value``) says so in this file only. The edits stay in the file
    until the record changes on the server."""
    notes: list[dict[str, Any]] = []
    for refusal in refusals:
        change_ids = [str(value) for value in refusal.get("changes", ())]
        if not change_ids:
            continue
        office_id = connection.scalar(
            select(_CHANGES.c.office_id).where(_CHANGES.c.id.in_(change_ids[:500])).limit(1)
        )
        reason = {"msgid": refusal["msgid"], "params": refusal.get("params") or {}}
        notes.append({
            "id": new_uuid(), "changed_at": utc_now(), "changed_by": account,
            "office_id": office_id, "record_kind": str(refusal["table"]),
            "record_id": str(refusal["record_id"]), "action": "refused", "field": None,
            "old_value": None, "new_value": json.dumps(reason, ensure_ascii=False),
        })  # fmt: skip
        mark_sent(connection, change_ids)
    if notes:
        connection.execute(insert(_CHANGES), notes)
        mark_sent(connection, [str(note["id"]) for note in notes])


def local_contents(connection: Connection, hashes: Iterable[str]) -> dict[str, bytes]:
    """The bytes of the documents this file holds with these content hashes."""
    found: dict[str, bytes] = {}
    wanted = sorted(set(hashes))
    for start in range(0, len(wanted), 500):
        for sha256, content in connection.execute(
            select(Document.sha256, Document.content).where(
                Document.sha256.in_(wanted[start : start + 500]), Document.content.is_not(None)
            )
        ):
            found[str(sha256)] = bytes(content)
    return found


def _yield_natural_keys(
    connection: Connection, table: str, rows: Sequence[Mapping[str, Any]]
) -> None:
    """A record of this file that the server holds under another id (the same rate,
    value or party, which the server refused when it was pushed) becomes a tombstone:
    the server's record takes its place."""
    model_table = Base.metadata.tables[table]
    for natural_key in keys_of_table(table):
        for row in rows:
            if natural_key.applies(row):
                connection.execute(
                    update(model_table)
                    .where(natural_key.same_as(row))
                    .values(deleted_at=utc_now())
                )


def apply_pulled(
    connection: Connection,
    records: Mapping[str, Sequence[Mapping[str, Any]]],
    changes: Sequence[Mapping[str, Any]],
    cursor: int,
) -> None:
    """Write a pulled batch: the server's version of each record (added or replacing ours),
    its history rows (the server's author replacing ours), all marked as known to the
    server, and the new cursor — in the caller's transaction, foreign keys checked at its
    commit. The agreements' summary columns are refreshed for what changed."""
    connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
    touched: dict[str, set[str]] = defaultdict(set)
    for spec in table_specs():
        rows = records.get(spec.name, ())
        if not rows:
            continue
        model_table = Base.metadata.tables[spec.name]
        ids = [str(row["id"]) for row in rows]
        present = _existing(connection, model_table.c.id, ids)
        fresh = [dict(row) for row in rows if str(row["id"]) not in present]
        _yield_natural_keys(connection, spec.name, rows)
        if fresh:
            connection.execute(insert(model_table), fresh)
        for row in rows:
            if str(row["id"]) in present:
                values = {name: value for name, value in row.items() if name != "id"}
                connection.execute(
                    update(model_table).where(model_table.c.id == row["id"]).values(**values)
                )
        touched[spec.name].update(ids)
    ids = [str(change["id"]) for change in changes]
    present = _existing(connection, _CHANGES.c.id, ids)
    fresh = [dict(change) for change in changes if str(change["id"]) not in present]
    if fresh:
        connection.execute(insert(_CHANGES), fresh)
    for change in changes:
        if str(change["id"]) in present:
            connection.execute(
                update(_CHANGES)
                .where(_CHANGES.c.id == change["id"])
                .values(changed_by=change["changed_by"])
            )
    mark_sent(connection, ids)
    connection.execute(update(ServerLink).where(ServerLink.id == 1).values(cursor=cursor))
    refresh = set(touched.get("agreement", set()))
    for table in ("agreement_party", "agreement_objective"):
        for row in records.get(table, ()):
            if row.get("agreement_id"):
                refresh.add(str(row["agreement_id"]))
    with Session(bind=connection) as session:
        refresh |= agreements_of(
            session, touched.get("partner", set()), touched.get("local_entity", set())
        )
        if refresh:
            refresh_agreement_summaries(session, refresh)
            session.flush()
