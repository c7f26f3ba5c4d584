"""Bookkeeping done on every flush: identity, timestamps, tombstones, history, validation.

Sessions of :class:`TrackedSession` (the store hands these out) get, before each flush:

* new records: their UUID, ``created_at``/``updated_at`` and originating office;
* changed records: ``updated_at`` and one :class:`Change` row per changed field;
* deleted records: a tombstone (``deleted_at``) instead of a removed row, cascaded to
  their child collections, so a copy of the file can learn about the deletion on merge;
* validation of everything new or changed; a :class:`ValidationError` aborts the flush
  and nothing is written.

``session.info`` carries ``office_id`` and ``user``; ``history=False`` there skips the
history rows (demo generation and bulk import write their own summary).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session, UOWTransaction
from sqlalchemy.orm.attributes import PASSIVE_NO_INITIALIZE, get_history
from sqlalchemy.orm.relationships import RelationshipDirection

from intl_desk.core.derived import (
    DERIVED_AGREEMENT_COLUMNS,
    agreements_of,
    refresh_agreement_summaries,
)
from intl_desk.core.model import (
    Agreement,
    AgreementObjective,
    AgreementParty,
    Change,
    LocalEntity,
    Partner,
    Record,
    new_uuid,
    utc_now,
)
from intl_desk.core.model.base import Searchable, search_key_for
from intl_desk.core.office_session import OfficeSession
from intl_desk.core.validation import validate

_BOOKKEEPING = frozenset(
    {
        "id",
        "created_at",
        "updated_at",
        "origin_office",
        "deleted_at",
        "search_key",
        "partner_names",
        "entity_names",
        "country_codes",
        "objective_count",
    }
)


class TrackedSession(OfficeSession):
    """A session whose flushes keep history, tombstones and validation (see module doc)."""


def as_text(value: Any) -> str | None:
    """How a field's value is written into the history."""
    if value is None:
        return None
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def soft_delete(session: Session, record: Record) -> None:
    """Tombstone ``record`` and, recursively, the children listed in its collections."""
    if record.deleted_at is not None:
        return
    record.deleted_at = utc_now()
    for relation in inspect(type(record)).relationships:
        if relation.direction is RelationshipDirection.ONETOMANY and not relation.viewonly:
            for child in getattr(record, relation.key):
                if isinstance(child, Record):
                    soft_delete(session, child)


def restore(record: Record) -> None:
    """Undo a tombstone."""
    record.deleted_at = None


def _changed_fields(record: Record) -> Iterable[tuple[str, Any, Any]]:
    state = inspect(record)
    seen: set[str] = set()
    for attribute in state.mapper.column_attrs:
        if attribute.key in _BOOKKEEPING:
            continue
        history = get_history(record, attribute.key)
        if history.has_changes():
            old = history.deleted[0] if history.deleted else None
            new = history.added[0] if history.added else None
            if as_text(old) != as_text(new):
                seen.add(attribute.key)
                yield attribute.key, old, new
    yield from _relinked_fields(record, seen)
    del state


def _relinked_fields(record: Record, seen: set[str]) -> Iterable[tuple[str, Any, Any]]:
    """The key columns a record's links change (``party.partner = córdoba``): the flush
    writes the new key only after this history is taken, so the column itself shows no
    change yet, and without these rows a merge would let an older copy's link win."""
    mapper = inspect(record).mapper
    for relation in mapper.relationships:
        if relation.direction is not RelationshipDirection.MANYTOONE or relation.viewonly:
            continue
        # what was set only: loading a link nobody touched could add rows to this flush
        history = get_history(record, relation.key, passive=PASSIVE_NO_INITIALIZE)
        if not history.has_changes():
            continue
        target = history.added[0] if history.added else None
        for local, remote in relation.local_remote_pairs or ():
            key = mapper.get_property_by_column(local).key
            if key in seen or key in _BOOKKEEPING:
                continue
            old = getattr(record, key)  # still the stored key until the flush
            new = None
            if target is not None:
                new = getattr(target, inspect(type(target)).get_property_by_column(remote).key)
            if as_text(old) != as_text(new):
                seen.add(key)
                yield key, old, new


@event.listens_for(TrackedSession, "before_flush")
def _before_flush(session: Session, context: UOWTransaction, instances: Any) -> None:
    assert isinstance(session, TrackedSession)
    now = utc_now()
    keep_history = session.info.get("history", True)
    changes: list[Change] = []

    def log(
        record: Record, action: str, field: str | None = None, old: Any = None, new: Any = None
    ) -> None:
        if keep_history:
            changes.append(
                Change(
                    id=new_uuid(),
                    changed_at=now,
                    changed_by=session.user,
                    office_id=session.office_id,
                    record_kind=record.__tablename__,
                    record_id=record.id,
                    action=action,
                    field=field,
                    old_value=as_text(old),
                    new_value=as_text(new),
                )
            )

    for record in [obj for obj in session.deleted if isinstance(obj, Record)]:
        session.add(record)  # un-delete: a tombstone replaces the row
        soft_delete(session, record)

    for record in [obj for obj in session.new if isinstance(obj, Record)]:
        if record.id is None:
            record.id = new_uuid()
        record.created_at = record.created_at or now
        record.updated_at = now
        if record.origin_office is None:
            record.origin_office = session.office_id
        log(record, "create")

    dirty = [obj for obj in session.dirty if isinstance(obj, Record)]
    for record in dirty:
        if not session.is_modified(record, include_collections=False):
            continue
        tombstone = get_history(record, "deleted_at")
        if tombstone.has_changes():
            log(record, "delete" if record.deleted_at is not None else "restore")
        for field, old, new in _changed_fields(record):
            log(record, "update", field, old, new)
        record.updated_at = now

    for record in (*session.new, *dirty):
        if isinstance(record, Searchable):
            values = {field: getattr(record, field) for field in record.search_fields}
            key = search_key_for(type(record), values)
            if record.search_key != key:
                record.search_key = key

    validate([obj for obj in (*session.new, *dirty) if isinstance(obj, Record)], session)
    _note_agreements_to_refresh(session, dirty)
    session.add_all(changes)


_NAMES_SHOWN_ON_AGREEMENTS = {Partner: ("name", "country_code"), LocalEntity: ("name",)}


def _note_agreements_to_refresh(session: Session, dirty: list[Record]) -> None:
    """Remember which agreements' derived columns this flush makes out of date."""
    pending: set[str] = session.info.setdefault("agreements_to_refresh", set())
    partners: set[str] = set()
    entities: set[str] = set()
    for record in (*session.new, *dirty):
        if isinstance(record, Agreement):
            pending.add(record.id)
        elif isinstance(record, AgreementParty | AgreementObjective) and record.agreement_id:
            pending.add(record.agreement_id)
        elif isinstance(record, Partner | LocalEntity) and record in dirty:
            fields = _NAMES_SHOWN_ON_AGREEMENTS[type(record)]
            if any(get_history(record, field).has_changes() for field in fields) or (
                get_history(record, "deleted_at").has_changes()
            ):
                (partners if isinstance(record, Partner) else entities).add(record.id)
    if partners or entities:
        with session.no_autoflush:
            pending.update(agreements_of(session, partners, entities))


@event.listens_for(TrackedSession, "after_flush_postexec")
def _after_flush(session: Session, context: UOWTransaction) -> None:
    """Refresh derived agreement columns, then let loaded agreements re-read them."""
    pending: set[str] = session.info.pop("agreements_to_refresh", set())
    if not pending:
        return
    refresh_agreement_summaries(session, pending)
    for record in list(session.identity_map.values()):
        if isinstance(record, Agreement) and record.id in pending:
            session.expire(record, list(DERIVED_AGREEMENT_COLUMNS))
