"""Refusing a second live record with the same natural key, before anything is written.

The partial unique indexes (:mod:`intl_desk.core.model.natural_keys`) would refuse it
anyway, but as a database error naming columns; here the person gets the sentence of
the key next to the field to change ("This partner is already a party to the
agreement."). Run on every flush for the records it writes (see
:mod:`intl_desk.core.tracking`): a few indexed look-ups per record a form saves.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.relationships import RelationshipDirection

from intl_desk.core.errors import FieldError
from intl_desk.core.i18n import Message
from intl_desk.core.model import Record
from intl_desk.core.model.natural_keys import NATURAL_KEYS, NaturalKey, keys_of

_KEYED = frozenset(key.model for key in NATURAL_KEYS)


def _value(record: Record, column: str) -> Any:
    """A key column's value, also when only the related record is set so far (a new
    measurement given its indicator, whose id the flush fills in)."""
    value = getattr(record, column)
    if value is None and column.endswith("_id"):
        related = getattr(record, column[:-3], None)
        if isinstance(related, Record):
            value = related.id
    return value


def key_row(record: Record, key: NaturalKey) -> dict[str, Any]:
    names = {*key.columns, *key.present, *key.absent}
    return {"deleted_at": record.deleted_at} | {name: _value(record, name) for name in names}


def _error(record: Record, key: NaturalKey) -> FieldError:
    return FieldError(record.__tablename__, record.id, key.field, Message(key.message))


def _live_in_session(session: Session, model: type[Record], record_id: str) -> Record | None:
    """The session's version of a row, if the session holds it (it may differ from the
    database: tombstoned or moved in this very flush)."""
    found = session.identity_map.get(inspect(model).identity_key_from_primary_key((record_id,)))
    return found if isinstance(found, Record) else None


def _stored_duplicates(
    session: Session, record: Record, key: NaturalKey, row: dict[str, Any]
) -> bool:
    model = key.model
    query = select(model.id).where(model.deleted_at.is_(None))
    for column in key.columns:
        query = query.where(getattr(model, column) == row[column])
    for column in key.absent:
        query = query.where(getattr(model, column).is_(None))
    if record.id is not None:
        query = query.where(model.id != record.id)
    with session.no_autoflush:
        for other_id in session.scalars(query):
            other = _live_in_session(session, model, other_id)
            if other is None or (
                key.applies(key_row(other, key))
                and all(key_row(other, key)[column] == row[column] for column in key.columns)
            ):
                return True
    return False


def _collections(record: Record) -> Iterable[list[Record]]:
    """The loaded child collections of ``record`` holding keyed records."""
    state = inspect(record)
    for relation in state.mapper.relationships:
        if (
            relation.direction is RelationshipDirection.ONETOMANY
            and relation.mapper.class_ in _KEYED
            and relation.key in state.dict
        ):
            yield list(getattr(record, relation.key))


def _parent_column(parent: Record, child: Record) -> str | None:
    for relation in inspect(type(parent)).relationships:
        if relation.mapper.class_ is type(child):
            for _parent, child_column in relation.synchronize_pairs:
                return str(child_column.name)
    return None


def _in_collections(records: Sequence[Record]) -> list[FieldError]:
    """Duplicates among a parent's children, whose parent id a new child lacks until the
    flush (two parties naming the same partner on a new agreement)."""
    errors: list[FieldError] = []
    for parent in records:
        for children in _collections(parent):
            seen: set[tuple[str, tuple[Any, ...]]] = set()
            for child in children:
                column = _parent_column(parent, child)
                for key in keys_of(type(child)):
                    row = key_row(child, key)
                    if column is not None:
                        row[column] = parent.id
                    if not key.applies(row):
                        continue
                    marker = (key.name, tuple(row[name] for name in key.columns))
                    if marker in seen:
                        errors.append(_error(child, key))
                    seen.add(marker)
    return errors


def duplicate_errors(records: Sequence[Record], session: Session) -> list[FieldError]:
    """The records among ``records`` (new or changed, about to be written) that would be
    a second live record with the same natural key."""
    errors = _in_collections(records)
    seen: set[tuple[str, tuple[Any, ...]]] = set()
    for record in records:
        for key in keys_of(type(record)):
            row = key_row(record, key)
            if not key.applies(row):
                continue
            marker = (key.name, tuple(row[name] for name in key.columns))
            if marker in seen or _stored_duplicates(session, record, key, row):
                errors.append(_error(record, key))
            seen.add(marker)
    unique: dict[tuple[str | None, str, str], FieldError] = {}
    for error in errors:
        unique.setdefault((error.record_id, error.field, error.message.msgid), error)
    return list(unique.values())
