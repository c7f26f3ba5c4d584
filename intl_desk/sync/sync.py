"""``intl-desk sync``: send this file's changes to its office server, then take everyone's.

**Push.** The history rows the server does not have yet (every row of the file not in
``sent_change``) go in batches of records, each with the present version of the records;
the documents' bytes go first, only those whose hash the server lacks. The server applies
the push in one transaction and answers which rows it accepted (marked as sent here), which
records it refused and why, and the conflicts it settled by keeping its own value.

**Pull.** Then the history rows after the file's cursor come back in batches with the
records they concern (the server's version replaces this file's, which now differs only
where the server settled a conflict or refused a change); each batch is written in one
transaction together with the new cursor.

A sync interrupted anywhere resumes next time without duplicates: rows the server already
has are accepted again without effect, and a batch is either written with its cursor or
not at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from intl_desk.core.errors import IntlDeskError
from intl_desk.core.i18n import N_, Message
from intl_desk.store.link_row import Link, read_link
from intl_desk.store.merge.plan import table_specs
from intl_desk.store.office_file import OfficeFile
from intl_desk.store.row_codec import decode_row, encode_row
from intl_desk.store.server_link import (
    apply_pulled,
    current_rows,
    keep_rights,
    local_contents,
    mark_sent,
    pending_changes,
    settle_refused,
)
from intl_desk.sync.client import ServerClient, ServerError

PULL_BATCH = 1000
#: records per push (each with all its history rows): one server transaction each
PUSH_BATCH = 500


class NotAClone(IntlDeskError):
    """The file was not made by ``intl-desk clone``: it has no server to synchronise with."""


@dataclass(frozen=True)
class Refused:
    label: str
    message: Message
    #: the record's table and id
    table: str = ""
    record_id: str = ""
    #: the next sync may get it through (a document's bytes lost on the way)
    retry: bool = False


@dataclass(frozen=True)
class SyncConflict:
    label: str
    field: str
    kept: str | None
    yours: str | None
    #: the record's table and id, for choosing the value to keep afterwards
    table: str = ""
    record_id: str = ""


@dataclass
class SyncReport:
    server_url: str
    pushed: int = 0
    pulled: int = 0
    refused: list[Refused] = field(default_factory=list)
    conflicts: list[SyncConflict] = field(default_factory=list)


def _batches(pending: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """The pending history rows in batches of at most :data:`PUSH_BATCH` records, each
    record's rows together; parents' tables first (a partner before the agreement parties
    naming it), so a batch never names a record only a later batch brings."""
    by_record: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in pending:
        by_record.setdefault((str(row["record_kind"]), str(row["record_id"])), []).append(row)
    order = {spec.name: index for index, spec in enumerate(table_specs())}
    records = sorted(
        by_record.values(),
        key=lambda rows: (order.get(str(rows[0]["record_kind"]), -1), rows[0]["changed_at"]),
    )
    return [
        [row for rows in records[start : start + PUSH_BATCH] for row in rows]
        for start in range(0, len(records), PUSH_BATCH)
    ]


def _push_batch(
    office: OfficeFile,
    client: ServerClient,
    link: Link,
    pending: list[dict[str, Any]],
    report: SyncReport,
) -> None:
    with office.engine.connect() as connection:
        records = current_rows(
            connection, {(str(row["record_kind"]), str(row["record_id"])) for row in pending}
        )
    contents = {
        str(row["sha256"]): bytes(row["content"])
        for row in records.get("document", ())
        if row.get("content") is not None
    }
    if contents and client.role != "reader":
        missing = client.request(
            "POST", "/v1/documents/missing", json={"hashes": sorted(contents)}
        ).json()["hashes"]
        for sha256 in missing:
            client.request("PUT", f"/v1/documents/{sha256}", content=contents[sha256])
    answer = client.request(
        "POST",
        "/v1/sync/push",
        json={
            "client_id": link.client_id,
            "cursor": link.cursor,
            "changes": [encode_row("change", row) for row in pending],
            "records": {
                table: [encode_row(table, row) for row in rows] for table, rows in records.items()
            },
        },
    ).json()
    with office.engine.begin() as connection:
        mark_sent(connection, answer["accepted"])
        # refused for good: said once (below), kept in this file, not sent again
        settle_refused(
            connection, [item for item in answer["refused"] if not item.get("retry")],
            client.account,
        )  # fmt: skip
    pending_ids = {str(row["id"]) for row in pending}
    report.pushed += len(pending_ids & set(answer["accepted"]))
    report.refused.extend(
        Refused(
            str(item["label"]),
            Message(str(item["msgid"]), dict(item["params"])),
            str(item.get("table") or ""),
            str(item.get("record_id") or ""),
            bool(item.get("retry")),
        )
        for item in answer["refused"]
    )
    report.conflicts.extend(
        SyncConflict(
            str(item["label"]),
            str(item["field"]),
            item["kept"],
            item["yours"],
            str(item.get("table") or ""),
            str(item.get("record_id") or ""),
        )
        for item in answer["conflicts"]
    )


def _push(office: OfficeFile, client: ServerClient, link: Link, report: SyncReport) -> None:
    """Each batch is its own transaction on the server and is marked as sent here once
    the server has answered: an interrupted push resumes with the batches not answered."""
    with office.engine.connect() as connection:
        pending = pending_changes(connection)
    for batch in _batches(pending):
        _push_batch(office, client, link, batch, report)


def fill_document_contents(
    office: OfficeFile, client: ServerClient, rows: list[dict[str, Any]]
) -> None:
    """Give each pulled document row its bytes: from this file when it holds the same
    content already, otherwise fetched once per hash."""
    hashes = {str(row["sha256"]) for row in rows}
    with office.engine.connect() as connection:
        held = local_contents(connection, hashes)
    for sha256 in sorted(hashes - set(held)):
        held[sha256] = client.request("GET", f"/v1/documents/{sha256}").content
    for row in rows:
        row["content"] = held[str(row["sha256"])]


def _pull(office: OfficeFile, client: ServerClient, link: Link, report: SyncReport) -> None:
    cursor = link.cursor
    while True:
        batch = client.request(
            "GET", "/v1/sync/pull",
            params={"cursor": cursor, "limit": PULL_BATCH, "client": link.client_id},
        ).json()
        if not batch["changes"]:
            return
        records = {
            table: [decode_row(table, row) for row in rows]
            for table, rows in batch["records"].items()
        }
        if records.get("document"):
            fill_document_contents(office, client, records["document"])
        changes = [decode_row("change", row) for row in batch["changes"]]
        with office.engine.begin() as connection:
            apply_pulled(connection, records, changes, int(batch["cursor"]))
        cursor = int(batch["cursor"])
        report.pulled += len(changes)
        if not batch["more"]:
            return


def sync_file(path: Path | str, password: str, *, take_over: bool = False) -> SyncReport:
    with OfficeFile.open(path, take_over=take_over) as office:
        link = server_link_of(office)
        with ServerClient(link.server_url, link.account, password) as client:
            client.sign_in()
            return sync_office(office, client)


def server_link_of(office: OfficeFile) -> Link:
    """The open file's link to its server; :class:`NotAClone` when it has none."""
    with office.engine.connect() as connection:
        link = read_link(connection)
    if link is None:
        raise NotAClone(
            Message(
                N_(
                    "“{file}” is not linked to an office server: make a linked copy with "
                    "intl-desk clone URL -o FILE --user NAME."
                ),
                {"file": str(office.path)},
            )
        )
    return link


def sync_office(office: OfficeFile, client: ServerClient) -> SyncReport:
    """Push this open file's changes, then pull everyone else's, with a signed-in client
    (the desktop app's file stays open, and locked, while it synchronises)."""
    link = server_link_of(office)
    if client.role is not None and (client.role, client.scope_entity_id) != (
        link.role, link.scope_entity_id
    ):
        with office.engine.begin() as connection:
            keep_rights(connection, client.role, client.scope_entity_id)
    report = SyncReport(link.server_url)
    _push(office, client, link, report)
    try:
        _pull(office, client, link, report)
    except ServerError as error:
        if not report.pushed:
            raise
        # the server stopped or went away after taking this file's changes (the same
        # kind of error: offline stays offline for the desktop app)
        raise type(error)(
            Message(
                N_(
                    "Your {pushed} changes were sent, but receiving the others' "
                    "was cut short: {reason} Synchronise again."
                ),
                {"pushed": report.pushed, "reason": error.message},
            )
        ) from None
    return report


def link_of(path: Path | str) -> Link | None:
    """The file's link to its server, read without opening it for editing."""
    with OfficeFile.open(path, read_only=True) as office, office.engine.connect() as connection:
        return read_link(connection)
