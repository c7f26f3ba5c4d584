"""Applying a client's push: its new history rows and the records they changed.

One push is one database transaction, taken under a lock on the change order so pushes
are applied one after the other: the cursor numbers are handed out in commit order and
"the first value accepted" is well defined. The rules are the merge's
(:func:`intl_desk.store.merge.plan.decide_row`), with the server as "this" side:

* a history row the server already has is accepted again without effect (a push repeated
  after a lost answer changes nothing);
* a record the server does not have is added as sent;
* a field the client changed and nobody else changed since the client's cursor (or that
  the server still holds as the client found it) takes the client's value; a field both
  changed differently is a **conflict**: the server keeps its
  value (the first accepted), writes the client's into the history (action ``conflict``)
  and returns it; deletions and restorations follow the merge's rules;
* a record that would repeat a live server record's natural key (two desktops recorded
  the same rate, value, party or theme) is stored as a tombstone, the server's record
  kept live: its differing values are conflicts, as in a merge, and every copy ends up
  holding both rows (refusing it left the tombstone in that desktop's file only);
* a record the account may not change (see :mod:`intl_desk.server.scope`) is refused with
  the reason, and none of its history rows are stored; the others are. The refusal names
  the rows, so the client stops sending them (unless it says the next sync may mend it).

Every stored history row names the authenticated account, whoever the client said it was.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import insert, select, text, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from intl_desk.core.derived import agreements_of, refresh_agreement_summaries
from intl_desk.core.i18n import N_, Message
from intl_desk.core.model import Base, Document, new_uuid, utc_now
from intl_desk.core.model.natural_keys import NaturalKey, keys_of_table
from intl_desk.core.tracking import as_text
from intl_desk.server.accounts import Account
from intl_desk.server.admission import Admission, ServerBusy
from intl_desk.server.scope import Scope, closed_round_refusal, label_of
from intl_desk.server.tables import blob_table, change_order_table
from intl_desk.store.merge.plan import TableSpec, decide_row, table_specs
from intl_desk.store.row_codec import decode_row, encode_row

Key = tuple[str, str]
_CHANGES = Base.metadata.tables["change"]
_ONE_PUSH_AT_A_TIME = threading.Lock()


class MalformedPush(ValueError):
    """The push is not what a client of this version sends."""


@dataclass
class PushResult:
    accepted: list[str] = field(default_factory=list)  # history row ids now on the server
    refused: list[dict[str, Any]] = field(default_factory=list)
    conflicts: list[dict[str, Any]] = field(default_factory=list)


def _decode(
    changes: Sequence[Mapping[str, Any]], records: Mapping[str, Sequence[Mapping[str, Any]]]
) -> tuple[list[dict[str, Any]], dict[Key, dict[str, Any]]]:
    known_tables = {spec.name for spec in table_specs()}
    try:
        decoded_changes = [decode_row("change", change) for change in changes]
        rows: dict[Key, dict[str, Any]] = {}
        for table, table_rows in records.items():
            if table not in known_tables:
                raise MalformedPush(table)
            for row in table_rows:
                decoded = decode_row(table, row)
                rows[(table, str(decoded["id"]))] = decoded
    except (KeyError, TypeError, ValueError) as error:
        raise MalformedPush(str(error)) from None
    return decoded_changes, rows


def _their_edits(changes: Sequence[Mapping[str, Any]]) -> set[str]:
    return {str(change["field"]) for change in changes if change["field"]}


def _concurrent(
    current: Mapping[str, Any], edited: set[str], changes: Sequence[Mapping[str, Any]]
) -> set[str]:
    """The fields changed on the server since the client's cursor whose value the client
    did not start from: a field the server holds as the client found it (its change's
    ``old_value``) was changed back or settled in a conflict, and is the client's to set."""
    started_from: dict[str, str | None] = {}
    for change in sorted(changes, key=lambda row: row["changed_at"]):
        name = change["field"]
        if name and change["action"] == "update" and name not in started_from:
            started_from[str(name)] = change["old_value"]
    return {
        name
        for name in edited
        if not (name in started_from and as_text(current.get(name)) == started_from[name])
    }


def _server_edits(
    connection: Connection, cursor: int, client_id: str, keys: set[Key]
) -> dict[Key, set[str]]:
    """Fields changed on the server after the client's cursor, by anyone but this client."""
    found: dict[Key, set[str]] = defaultdict(set)
    ids = sorted({record_id for _table, record_id in keys})
    for start in range(0, len(ids), 1000):
        rows = connection.execute(
            select(_CHANGES.c.record_kind, _CHANGES.c.record_id, _CHANGES.c.field)
            .join(change_order_table, change_order_table.c.change_id == _CHANGES.c.id)
            .where(
                change_order_table.c.seq > cursor,
                change_order_table.c.client_id.is_distinct_from(client_id),
                _CHANGES.c.field.is_not(None),
                _CHANGES.c.record_id.in_(ids[start : start + 1000]),
            )
        )
        for kind, record_id, name in rows:
            found[(str(kind), str(record_id))].add(str(name))
    return found


def missing_contents(connection: Connection, hashes: Sequence[str]) -> list[str]:
    """The hashes among ``hashes`` whose content the server does not hold."""
    wanted = sorted({value.lower() for value in hashes})
    held: set[str] = set()
    for start in range(0, len(wanted), 1000):
        part = wanted[start : start + 1000]
        held.update(connection.scalars(select(blob_table.c.sha256).where(blob_table.c.sha256.in_(part))))
        held.update(
            connection.scalars(
                select(Document.sha256).where(
                    Document.sha256.in_(part), Document.content.is_not(None)
                )
            )
        )
    return [value for value in wanted if value not in held]


def store_content(connection: Connection, sha256: str, content: bytes) -> None:
    if not missing_contents(connection, [sha256]):
        return
    try:
        with connection.begin_nested():
            connection.execute(insert(blob_table).values(sha256=sha256, content=content))
    except IntegrityError:
        pass  # the same content arrived from another client meanwhile


def content_for(connection: Connection, sha256: str) -> bytes | None:
    stored = connection.scalar(select(blob_table.c.content).where(blob_table.c.sha256 == sha256))
    if stored is None:
        stored = connection.scalar(
            select(Document.content).where(
                Document.sha256 == sha256, Document.content.is_not(None)
            ).limit(1)
        )
    return bytes(stored) if stored is not None else None


def _parents_first(
    spec: TableSpec, keys: list[Key], rows: Mapping[Key, Mapping[str, Any]]
) -> list[Key]:
    """A table's records with any record it refers to within the table first (an entity
    before the entities under it)."""
    references = [key.parent.name for key in Base.metadata.tables[spec.name].foreign_keys
                  if key.column.table.name == spec.name]  # fmt: skip
    if not references:
        return sorted(keys)
    waiting = {key[1]: key for key in keys}
    ordered: list[Key] = []
    done: set[str] = set()

    def visit(record_id: str, trail: frozenset[str]) -> None:
        if record_id in done or record_id in trail or record_id not in waiting:
            return
        row = rows.get(waiting[record_id], {})
        for column in references:
            parent = row.get(column)
            if parent:
                visit(str(parent), trail | {record_id})
        done.add(record_id)
        ordered.append(waiting[record_id])

    for record_id in sorted(waiting):
        visit(record_id, frozenset())
    return ordered


def apply_push(
    engine: Engine,
    account: Account,
    client_id: str,
    cursor: int,
    changes: Sequence[Mapping[str, Any]],
    records: Mapping[str, Sequence[Mapping[str, Any]]],
    admission: Admission | None = None,
) -> PushResult:
    """Apply one push (see the module's description). With ``admission``, a push that
    has not had its turn after its ``push_wait`` seconds raises :class:`ServerBusy`,
    nothing of it applied; without, it waits as long as it takes."""
    decoded_changes, pushed_rows = _decode(changes, records)
    result = PushResult()
    specs = {spec.name: spec for spec in table_specs()}
    # Pushes wait for each other here, holding no database connection while they wait
    # (the table lock below keeps the order across server processes).
    admission = admission or Admission(push_wait=float("inf"))
    with admission.push_turn(_ONE_PUSH_AT_A_TIME), engine.begin() as connection:
        _lock_change_order(connection, admission)
        ids = [str(change["id"]) for change in decoded_changes]
        known: set[str] = set()
        for start in range(0, len(ids), 1000):
            known.update(
                str(value)
                for value in connection.scalars(
                    select(_CHANGES.c.id).where(_CHANGES.c.id.in_(ids[start : start + 1000]))
                )
            )
        result.accepted.extend(sorted(known))
        by_record: dict[Key, list[dict[str, Any]]] = defaultdict(list)
        for change in decoded_changes:
            if str(change["id"]) not in known:
                by_record[(str(change["record_kind"]), str(change["record_id"]))].append(change)
        if not by_record:
            return result

        scope = Scope(connection, account)
        server_edits = _server_edits(connection, cursor, client_id, set(by_record))
        pushed_children: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for (table, _record_id), row in pushed_rows.items():
            pushed_children[table].append(row)

        stored: dict[Key, dict[str, Any] | None] = {}  # server rows read so far

        def read_rows(table: str, ids: Sequence[str]) -> None:
            model_table = Base.metadata.tables[table]
            wanted = [record_id for record_id in ids if (table, record_id) not in stored]
            for start in range(0, len(wanted), 1000):
                part = wanted[start : start + 1000]
                for record_id in part:
                    stored[(table, record_id)] = None
                for row in connection.execute(
                    select(model_table).where(model_table.c.id.in_(part))
                ).mappings():
                    stored[(table, str(row["id"]))] = dict(row)

        def server_row(table: str, record_id: str) -> dict[str, Any] | None:
            read_rows(table, [record_id])
            return stored[(table, record_id)]

        def lookup(table: str, record_id: str) -> dict[str, Any] | None:
            return pushed_rows.get((table, record_id)) or server_row(table, record_id)

        now = utc_now()
        stored_changes: list[dict[str, Any]] = []
        moved_from: list[tuple[str, str, str]] = []  # (table, record given way, record kept)
        touched: dict[str, set[str]] = defaultdict(set)
        for kind, record_id in sorted(key for key in by_record if key[0] not in specs):
            result.refused.append(_refused(kind, record_id, None, Message(
                N_("“{label}” is kept on the server only: change it there."),
                {"label": kind},
            ), by_record[(kind, record_id)]))  # fmt: skip
        for spec in table_specs():
            keys = [key for key in by_record if key[0] == spec.name]
            read_rows(spec.name, [record_id for _table, record_id in keys])  # in one query
            new_rows: list[dict[str, Any]] = []
            updates: list[tuple[str, dict[str, Any]]] = []
            for key in _parents_first(spec, keys, pushed_rows):
                record_changes = by_record[key]
                pushed = pushed_rows.get(key)
                current = server_row(*key)
                if pushed is None:
                    result.refused.append(_refused(spec.name, key[1], current, Message(
                        N_("“{label}” was sent without its values; synchronise again."),
                        {"label": label_of(current, key[1])},
                    ), record_changes, retry=True))  # fmt: skip
                    continue
                reason = scope.refusal(
                    spec.name, key[1], pushed, current, lookup, pushed_children
                ) or closed_round_refusal(spec.name, key[1], pushed, current, lookup)
                retry = False  # a refusal for good, unless the next sync may mend it
                if reason is None and spec.name == "document":
                    content = content_for(connection, str(pushed["sha256"]))
                    if content is None:
                        reason = Message(
                            N_("The content of “{label}” did not arrive; synchronise again."),
                            {"label": label_of(pushed, key[1])},
                        )
                        retry = True
                    pushed = {**pushed, "content": content}
                if reason is not None:
                    result.refused.append(
                        _refused(spec.name, key[1], pushed, reason, record_changes, retry=retry)
                    )
                    continue
                office_id = record_changes[0]["office_id"]
                gave_way: list[dict[str, Any]] = []  # history rows written after the record's
                if current is None:
                    holder = _key_holder(connection, spec.name, pushed)
                    if holder is not None:  # the server holds this very thing: kept once
                        pushed = {**pushed, "deleted_at": now}
                        gave_way = _give_way(spec.name, pushed, holder, now, account.name,
                                             office_id, result)  # fmt: skip
                        moved_from.append((spec.name, key[1], str(holder[1]["id"])))
                    new_rows.append(pushed)  # inserted together, in this order, below
                else:
                    decision = decide_row(
                        spec, current, pushed, _concurrent(current, server_edits.get(key, set()),
                                                           record_changes),
                        _their_edits(record_changes), {},
                    )  # fmt: skip
                    holder = _key_holder(connection, spec.name, decision.values)
                    if holder is not None:  # an edit made it the same as another: kept once
                        decision.values["deleted_at"] = now
                        gave_way = _give_way(spec.name, decision.values, holder, now,
                                             account.name, office_id, result)  # fmt: skip
                        moved_from.append((spec.name, key[1], str(holder[1]["id"])))
                    changed = {
                        name: value
                        for name, value in decision.values.items()
                        if name != "id" and value != current[name]
                    }
                    if changed:
                        updates.append((key[1], changed))
                    for conflict in decision.conflicts:
                        result.conflicts.append({
                            "table": conflict.table, "record_id": conflict.record_id,
                            "label": conflict.label, "field": conflict.field,
                            "kept": as_text(conflict.this_value),
                            "yours": as_text(conflict.other_value),
                        })  # fmt: skip
                        stored_changes.append({
                            "id": new_uuid(), "changed_at": now, "changed_by": account.name,
                            "office_id": record_changes[0]["office_id"],
                            "record_kind": conflict.table, "record_id": conflict.record_id,
                            "action": "conflict", "field": conflict.field,
                            "old_value": as_text(conflict.other_value),
                            "new_value": as_text(conflict.this_value),
                        })  # fmt: skip
                touched[spec.name].add(key[1])
                for change in sorted(record_changes, key=lambda c: c["changed_at"]):
                    stored_changes.append({**change, "changed_by": account.name})
                    result.accepted.append(str(change["id"]))
                stored_changes.extend(gave_way)
            spec_table = Base.metadata.tables[spec.name]
            if new_rows:  # parents first, then the rows changed (which may name them)
                connection.execute(insert(spec_table), new_rows)
            for record_id, changed in updates:
                connection.execute(
                    update(spec_table).where(spec_table.c.id == record_id).values(**changed)
                )
        if moved_from:
            office_id = decoded_changes[0]["office_id"]
            stored_changes += _move_documents(connection, moved_from, now, account.name, office_id)
        if stored_changes:
            connection.execute(insert(_CHANGES), stored_changes)
            connection.execute(
                insert(change_order_table),
                [{"change_id": change["id"], "client_id": client_id} for change in stored_changes],
            )
        _refresh_derived(connection, touched, pushed_rows)
    return result


def _lock_change_order(connection: Connection, admission: Admission) -> None:
    """Take the change order for this push, across server processes: another process
    holding it longer than the push may wait makes the server busy, as a queue does."""
    if admission.push_wait != float("inf"):
        milliseconds = max(1, int(admission.push_wait * 1000))
        connection.execute(text(f"SET LOCAL lock_timeout = {milliseconds}"))
    try:
        connection.execute(text("LOCK TABLE server_change_order IN SHARE ROW EXCLUSIVE MODE"))
    except OperationalError as error:
        if getattr(error.orig, "sqlstate", None) == "55P03":  # lock_not_available
            raise ServerBusy(admission.retry_after()) from None
        raise


def _key_holder(
    connection: Connection, table: str, row: Mapping[str, Any]
) -> tuple[NaturalKey, dict[str, Any]] | None:
    """The live server record (and its natural key) that ``row``, were it stored live,
    would repeat: two desktops recorded the same value, rate, party or theme."""
    model_table = Base.metadata.tables[table]
    for natural_key in keys_of_table(table):
        if natural_key.applies(row):
            query = select(model_table).where(natural_key.same_as(row)).limit(1)
            found = connection.execute(query).mappings().first()
            if found is not None:
                return natural_key, dict(found)
    return None


def _plain(value: Any) -> str | None:
    """A value as the person typed it: 5.40, not the column's 5.4000000000."""
    if isinstance(value, Decimal):
        text = format(value, "f")
        return text.rstrip("0").rstrip(".") if "." in text else text
    return as_text(value)


def _give_way(
    table: str,
    pushed: Mapping[str, Any],
    holder: tuple[NaturalKey, dict[str, Any]],
    now: Any,
    account: str,
    office_id: Any,
    result: PushResult,
) -> list[dict[str, Any]]:
    """A pushed record repeating a live server one is stored as a tombstone, as a merge
    keeps such a pair once: the server's record (the first accepted) stays live with its
    values, each differing value of the pushed one is a conflict returned to the client
    and written into the kept record's history, and the tombstone is noted. The client
    pulls both back, so every copy holds the same rows (refusing the pushed record left
    it in that desktop's file only). Returns the history rows to store."""
    natural_key, kept = holder
    written: list[dict[str, Any]] = []
    for name in natural_key.values:
        if pushed[name] == kept[name]:
            continue
        named = [str(kept[c]) for c in natural_key.columns if not c.endswith("_id")]
        label = " ".join(named) or label_of(kept, str(kept["id"]))  # "EUR BRL 2023"
        result.conflicts.append({
            "table": table, "record_id": str(kept["id"]), "label": label, "field": name,
            "kept": _plain(kept[name]), "yours": _plain(pushed[name]),
        })  # fmt: skip
        written.append({
            "id": new_uuid(), "changed_at": now, "changed_by": account, "office_id": office_id,
            "record_kind": table, "record_id": str(kept["id"]), "action": "conflict",
            "field": name, "old_value": as_text(pushed[name]), "new_value": as_text(kept[name]),
        })  # fmt: skip
    written.append({
        "id": new_uuid(), "changed_at": now, "changed_by": account, "office_id": office_id,
        "record_kind": table, "record_id": str(pushed["id"]), "action": "delete",
        "field": None, "old_value": None, "new_value": None,
    })  # fmt: skip
    return written


def _move_documents(
    connection: Connection,
    gave_way: Sequence[tuple[str, str, str]],
    now: Any,
    account: str,
    office_id: Any,
) -> list[dict[str, Any]]:
    """The documents of each record that gave way to another ((table, record, record
    kept)) go to the record kept, as a merge moves them: a tombstone's documents are seen
    nowhere. Run once every pushed row is written (a document may come in the same push).
    Returns the history rows of the moves."""
    written: list[dict[str, Any]] = []
    documents = Base.metadata.tables["document"]
    for table, dropped_id, kept in gave_way:
        ids = list(connection.scalars(
            select(documents.c.id).where(
                documents.c.record_kind == table, documents.c.record_id == dropped_id,
                documents.c.deleted_at.is_(None),
            )
        ))  # fmt: skip
        for document_id in ids:
            connection.execute(
                update(documents)
                .where(documents.c.id == document_id)
                .values(record_id=kept, updated_at=now)
            )
            written.append({
                "id": new_uuid(), "changed_at": now, "changed_by": account,
                "office_id": office_id, "record_kind": "document",
                "record_id": str(document_id), "action": "update", "field": "record_id",
                "old_value": dropped_id, "new_value": kept,
            })  # fmt: skip
    return written


def _refused(
    table: str,
    record_id: str,
    row: Mapping[str, Any] | None,
    reason: Message,
    changes: Sequence[Mapping[str, Any]],
    *,
    retry: bool = False,
) -> dict[str, Any]:
    """A refused record: the reason, and the history rows not stored. ``retry`` says the
    next sync may get them through (a document's bytes lost on the way); otherwise they
    are refused for good and the client stops sending them."""
    return {
        "table": table,
        "record_id": record_id,
        "label": label_of(row, record_id),
        "msgid": reason.msgid,
        "params": dict(reason.params),
        "changes": sorted(str(change["id"]) for change in changes),
        "retry": retry,
    }


def _refresh_derived(
    connection: Connection, touched: Mapping[str, set[str]], rows: Mapping[Key, Mapping[str, Any]]
) -> None:
    """The agreements' summary columns (partner names, countries…) after the push."""
    refresh = set(touched.get("agreement", set()))
    for table in ("agreement_party", "agreement_objective"):
        for record_id in touched.get(table, set()):
            row = rows.get((table, record_id))
            if row and row.get("agreement_id"):
                refresh.add(str(row["agreement_id"]))
    with Session(bind=connection) as session:
        refresh |= agreements_of(
            session, touched.get("partner", set()), touched.get("local_entity", set())
        )
        if refresh:
            refresh_agreement_summaries(session, refresh)
            session.flush()


__all__ = ["MalformedPush", "PushResult", "apply_push", "encode_row"]
