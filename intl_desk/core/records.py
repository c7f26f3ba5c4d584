"""Record kinds by table name, and the name a user knows a record by."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from intl_desk.core.i18n import translate
from intl_desk.core.model import Base, Record


def model_for(kind: str) -> type[Record] | None:
    for mapper in Base.registry.mappers:
        cls = mapper.class_
        if issubclass(cls, Record) and cls.__tablename__ == kind:
            return cls
    return None


def title_of(record: Record) -> str:
    for attribute in ("name", "title", "label", "text"):
        value = getattr(record, attribute, None)
        if value:
            return str(value)
    return translate(record.kind_label)


def describe(session: Session, kind: str, record_id: str) -> tuple[str, str]:
    """(kind label, title) of a record, in the current language."""
    model = model_for(kind)
    if model is None:
        return kind, record_id
    record = session.get(model, record_id)
    title = title_of(record) if record is not None else record_id[:8]
    return translate(model.kind_label), title


def delete_records(session: Session, model: type[Record], ids: Sequence[str]) -> list[str]:
    """Delete the live records of ``ids`` (tombstones, with their children, as a form's
    Delete does: they stay in the history and travel to merged copies). Returns the
    titles deleted; the caller commits."""
    deleted = []
    for record_id in ids:
        record = session.get(model, record_id)
        if record is not None and record.deleted_at is None:
            deleted.append(title_of(record))
            session.delete(record)
    return deleted
