"""Writing new records in bulk, with the bookkeeping a tracked flush would do.

The ORM spends about 1.5 ms per agreement with its parties (unit of work, cascades,
history), so 10,000 imported rows would take 15 s; executemany INSERTs take well under
one. Each row gets what :mod:`intl_desk.core.tracking` gives a record — UUID, timestamps,
originating office, ``search_key``, column defaults, a "create" entry in the history for
each record the user imported (not for each of its parties) — and the agreements' derived
columns are refreshed afterwards. Validation has already run
on every row in the preview (the same rules, on transient records). Portable SQL only.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import Table
from sqlalchemy.orm import Session

from intl_desk.core.bulk_insert import insert_rows
from intl_desk.core.derived import refresh_agreement_summaries
from intl_desk.core.index_upkeep import noted_in_bulk, prepare_bulk_write
from intl_desk.core.model import (
    Activity,
    Agreement,
    AgreementObjective,
    AgreementParty,
    AgreementSdg,
    AgreementTheme,
    BudgetLine,
    Change,
    CofinancingLine,
    Contact,
    ContactPosition,
    ExpectedResult,
    FollowUp,
    Indicator,
    LocalEntity,
    Measurement,
    Membership,
    Network,
    Participation,
    Partner,
    Period,
    PoliticalTerm,
    Project,
    ProjectParticipant,
    ProjectSdg,
    ProjectSector,
    ProjectTransaction,
    Record,
    StrategicLine,
    StrategicObjective,
    utc_now,
)
from intl_desk.core.model.base import search_key_for
from intl_desk.core.tracking import TrackedSession, as_text
from intl_desk.exchange.queued_summaries import fill_agreement_summaries

#: parents before children, so foreign keys hold at every INSERT
ORDER: Sequence[type[Record]] = (
    PoliticalTerm,
    StrategicLine,
    StrategicObjective,
    LocalEntity,
    Partner,
    Period,
    Indicator,
    Agreement,
    AgreementParty,
    AgreementTheme,
    AgreementSdg,
    AgreementObjective,
    Project,
    ProjectParticipant,
    ProjectSdg,
    BudgetLine,
    CofinancingLine,
    ProjectTransaction,
    ProjectSector,
    Measurement,
    Contact,
    ContactPosition,
    Network,
    Membership,  # its focal contact before it
    Participation,
    Activity,
    ExpectedResult,
    FollowUp,
)
BATCH = 5000
#: the records whose creation the history names; their parties, themes, SDGs and money
#: lines are part of that one event (a bulk import writes "its own summary", see
#: :mod:`intl_desk.core.tracking`), which keeps 10,000 agreements at 10,000 history rows
HISTORY_FOR = frozenset(
    {
        PoliticalTerm,
        StrategicLine,
        LocalEntity,
        Partner,
        Period,
        Indicator,
        Agreement,
        Project,
        Measurement,
        Network,
        Activity,
        Contact,
    }
)


def fast_uuid() -> str:
    """A random (version 4) UUID as text, about six times quicker than ``str(uuid4())``."""
    raw = bytearray(os.urandom(16))
    raw[6] = (raw[6] & 0x0F) | 0x40
    raw[8] = (raw[8] & 0x3F) | 0x80
    h = raw.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _defaults(model: type[Record]) -> dict[str, Any]:
    table = cast(Table, model.__table__)
    found: dict[str, Any] = {}
    for column in table.columns:
        default = column.default
        if default is not None and getattr(default, "is_scalar", False):
            found[column.key] = getattr(default, "arg", None)
    return found


_DEFAULTS: dict[type[Record], dict[str, Any]] = {}


def transient(model: type[Record], values: dict[str, Any]) -> Any:
    """An unsaved ``model`` with its column defaults and ``values``, made for validation.

    Skips ``Record.__init__`` (which walks every column of the table for each record): the
    preview of 10,000 rows builds 10,000 of these.
    """
    if model not in _DEFAULTS:
        _DEFAULTS[model] = _defaults(model)
    record = model.__mapper__.class_manager.new_instance()
    for key, value in {**_DEFAULTS[model], **values}.items():
        setattr(record, key, value)
    return record


class BulkWriter:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.rows: dict[type[Record], list[dict[str, Any]]] = {}
        self._defaults: dict[type[Record], dict[str, Any]] = {}
        self.now = utc_now()
        self.office_id = session.info.get("office_id")
        self.user = session.user if isinstance(session, TrackedSession) else None
        self.keep_history = session.info.get("history", True)

    def add(self, model: type[Record], values: dict[str, Any]) -> dict[str, Any]:
        """Queue a new ``model`` row; returns it (its values may still change until
        :meth:`flush`, e.g. when a later duplicate row updates it)."""
        if model not in self._defaults:
            self._defaults[model] = _defaults(model)
        row = {**self._defaults[model], **values}
        if "id" not in row:
            row["id"] = fast_uuid()
        row.update(created_at=self.now, updated_at=self.now, origin_office=self.office_id)
        self.rows.setdefault(model, []).append(row)
        return row

    def _history(self, model: type[Record], rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        # plain text: the driver adapts the name's own str subclass one row at a time
        kind = str(cast(Table, model.__table__).name)
        return [
            {
                "id": fast_uuid(),
                "changed_at": self.now,
                "changed_by": self.user,
                "office_id": self.office_id,
                "record_kind": kind,
                "record_id": row["id"],
                "action": "create",
                "field": None,
                "old_value": None,
                "new_value": None,
            }
            for row in rows
        ]

    def flush(self) -> None:
        """INSERT everything queued, the new agreements with their derived columns filled
        in; then refresh those of the agreements already in the file that gained parties
        or objectives."""
        agreements: list[str] = []
        prepare_bulk_write(self.session)
        with self.session.no_autoflush, noted_in_bulk(self.session) as note:
            filled = fill_agreement_summaries(self.session, self.rows)
            for model in ORDER:
                rows = self.rows.pop(model, [])
                if not rows:
                    continue
                table = cast(Table, model.__table__)
                rows = _referenced_first(table, rows)
                if hasattr(model, "search_fields"):
                    for row in rows:
                        row["search_key"] = search_key_for(model, row)
                keys = {key for row in rows for key in row}  # executemany wants one shape
                for row in rows:
                    for key in keys - row.keys():
                        row[key] = None
                for start in range(0, len(rows), BATCH):
                    chunk = rows[start : start + BATCH]
                    insert_rows(self.session, table, chunk)
                    if self.keep_history and model in HISTORY_FOR:
                        insert_rows(
                            self.session, cast(Table, Change.__table__), self._history(model, chunk)
                        )
                if model is Agreement:
                    agreements.extend(str(row["id"]) for row in rows)
                elif model in (AgreementParty, AgreementObjective):
                    agreements.extend(str(row["agreement_id"]) for row in rows)
            if self.rows:  # a model missing from ORDER would be lost without a word
                raise RuntimeError(f"not written: {', '.join(m.__name__ for m in self.rows)}")
            note(agreements)
            existing = set(agreements) - filled
            if existing:
                refresh_agreement_summaries(self.session, existing)


def _referenced_first(table: Table, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows ordered so that one another row of the same import refers to (a region its
    municipalities name as parent, an agreement its renewal names) is inserted first:
    SQLite checks each INSERT's references as it runs."""
    columns = [key.parent.name for key in table.foreign_keys if key.column.table is table]
    if not columns:
        return rows
    by_id = {str(row["id"]): row for row in rows}
    if not any(str(row[c]) in by_id for row in rows for c in columns if row.get(c)):
        return rows  # no row refers to another: the order they came in
    depths: dict[str, int] = {}
    return sorted(rows, key=lambda row: _depth(row, by_id, columns, depths, set()))


def _depth(
    row: dict[str, Any],
    by_id: dict[str, dict[str, Any]],
    columns: list[str],
    depths: dict[str, int],
    visiting: set[str],
) -> int:
    """How many rows of ``by_id`` ``row`` refers to through ``columns``, one behind the
    other (a plain function, not a closure: a closure calling itself is a reference
    cycle, and kept each batch's rows alive until the garbage collector came by)."""
    key = str(row["id"])
    if key not in depths:
        if key in visiting:  # a loop: its rows get no order among themselves
            return 0
        visiting.add(key)
        parents = (by_id.get(str(row[c])) for c in columns if row.get(c))
        depths[key] = max(
            (1 + _depth(p, by_id, columns, depths, visiting) for p in parents if p is not None),
            default=0,
        )
        visiting.discard(key)
    return depths[key]


__all__ = ["BulkWriter", "as_text"]
