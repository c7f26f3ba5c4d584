"""Give up the edits the office server refused: its values back on those records.

A refused edit stays in the desktop's file (the server keeps its own value, the file its
refusal note) until the person decides. Reverting asks the server for its present
version of every record it refused from this file and writes it over the file's: the
fields the desk had changed get the server's values back, and a record the server does
not hold (one this desk created where its account may not) becomes a tombstone here.
Each change is written into the record's history under the person's account, like any
edit, but it is not sent to the server — the server holds these values already — and
neither are the refused edits still waiting to go (they are given up with the rest).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from intl_desk.core.display import labelled
from intl_desk.core.model import Base, Office
from intl_desk.core.model.base import new_uuid, utc_now
from intl_desk.core.records import describe
from intl_desk.core.tracking import as_text
from intl_desk.store.merge.plan import table_specs
from intl_desk.store.office_file import OfficeFile
from intl_desk.store.row_codec import decode_row
from intl_desk.store.server_link import (
    apply_pulled,
    current_rows,
    mark_sent,
    pending_changes,
)
from intl_desk.sync.client import ServerClient
from intl_desk.sync.sync import fill_document_contents, server_link_of

_CHANGES = Base.metadata.tables["change"]
Key = tuple[str, str]


@dataclass
class RevertReport:
    #: "kind: title" of each record given the server's values back
    reverted: list[str] = field(default_factory=list)
    #: "kind: title" of each record the server does not hold, deleted here
    removed: list[str] = field(default_factory=list)
    #: the (table, id) of every record reverted or removed (the desktop's refused list
    #: forgets them: :func:`intl_desk.sync.to_review.forget_refused`)
    records: list[Key] = field(default_factory=list)


def refused_records(connection: Connection) -> list[Key]:
    """Every record the server refused from this file (a refusal note in its history)."""
    rows = connection.execute(
        select(_CHANGES.c.record_kind, _CHANGES.c.record_id)
        .where(_CHANGES.c.action == "refused")
        .distinct()
        .order_by(_CHANGES.c.record_kind, _CHANGES.c.record_id)
    )
    merged = {spec.name for spec in table_specs()}
    return [(str(kind), str(record_id)) for kind, record_id in rows if kind in merged]


def revert_refused(office: OfficeFile, client: ServerClient) -> RevertReport:
    """Put the server's values back on the records it refused from this open file, with a
    signed-in client (see the module's description)."""
    link = server_link_of(office)
    report = RevertReport()
    with office.engine.connect() as connection:
        keys = refused_records(connection)
    if not keys:
        return report
    answer = client.request(
        "POST", "/v1/sync/records", json={"records": [list(key) for key in keys]}
    ).json()
    records = {
        table: [decode_row(table, row) for row in rows]
        for table, rows in answer["records"].items()
    }
    if records.get("document"):
        fill_document_contents(office, client, records["document"])
    on_server = {(table, str(row["id"])): row for table, rows in records.items() for row in rows}
    fields = {spec.name: spec.fields for spec in table_specs()}
    now = utc_now()
    with office.engine.begin() as connection:
        here = {
            (table, str(row["id"])): row
            for table, rows in current_rows(connection, keys).items()
            for row in rows
        }
        office_id = connection.scalar(select(Office.id).limit(1))
        notes: list[dict[str, Any]] = []

        def note(key: Key, action: str, name: str | None, old: Any, new: Any) -> None:
            notes.append({
                "id": new_uuid(), "changed_at": now, "changed_by": client.account,
                "office_id": office_id, "record_kind": key[0], "record_id": key[1],
                "action": action, "field": name, "old_value": as_text(old),
                "new_value": as_text(new),
            })  # fmt: skip

        changed: list[Key] = []
        for key in keys:
            mine, theirs = here.get(key), on_server.get(key)
            if theirs is None:  # the server does not hold it (or shows it not)
                if mine is not None and mine["deleted_at"] is None:
                    table = Base.metadata.tables[key[0]]
                    connection.execute(
                        update(table).where(table.c.id == key[1]).values(deleted_at=now)
                    )
                    note(key, "delete", None, None, None)
                    changed.append(key)
                continue
            differing = [
                name for name in fields[key[0]] if mine is None or mine[name] != theirs[name]
            ]
            for name in differing:
                note(key, "update", name, None if mine is None else mine[name], theirs[name])
            if mine is not None and mine["deleted_at"] != theirs["deleted_at"]:
                note(key, "delete" if theirs["deleted_at"] else "restore", None, None, None)
                differing.append("deleted_at")
            if differing:
                changed.append(key)
        # the refused edits still waiting are given up, the server's rows written over
        wanted = set(keys)
        given_up = [
            str(row["id"])
            for row in pending_changes(connection)
            if (str(row["record_kind"]), str(row["record_id"])) in wanted
        ]
        mark_sent(connection, given_up)
        apply_pulled(connection, records, [], link.cursor)
        if notes:
            connection.execute(_CHANGES.insert(), notes)
            mark_sent(connection, [str(row["id"]) for row in notes])
        with Session(bind=connection) as session:
            for key in changed:
                kind, title = describe(session, *key)
                (report.removed if key not in on_server else report.reverted).append(
                    labelled(kind, title)
                )
    report.records = keys
    return report


def revert_refused_file(path: Path | str, password: str) -> RevertReport:
    """:func:`revert_refused` on the file at ``path``, signing in with ``password``."""
    with OfficeFile.open(path) as office:
        link = server_link_of(office)
        with ServerClient(link.server_url, link.account, password) as client:
            client.sign_in()
            return revert_refused(office, client)


__all__ = ["RevertReport", "refused_records", "revert_refused", "revert_refused_file"]
