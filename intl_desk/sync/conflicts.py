"""Choosing the value to keep after the server settled a conflict.

When two desktops changed the same field differently, the server keeps the value it
received first; the other is written in the history on every side (see
:mod:`intl_desk.sync.sync`). The person whose value lost may look at the conflict and keep
their own value after all: :func:`keep_mine` writes it into the file as a new change, which
the next synchronisation sends (the server then takes it: only this side changed it since).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement
from sqlalchemy.orm import Mapper

from intl_desk.core.model import Base, Record
from intl_desk.store.office_file import OfficeFile
from intl_desk.sync.sync import SyncConflict


def _mapper_of(table: str) -> Mapper[Any] | None:
    for mapper in Base.registry.mappers:
        if getattr(mapper.local_table, "name", None) == table:
            return mapper
    return None


def _python_type(column: ColumnElement[Any]) -> type | None:
    kind = column.type
    for candidate in (kind, getattr(kind, "impl", None)):
        try:
            return candidate.python_type if candidate is not None else None
        except NotImplementedError:
            continue
    return None


def value_from_text(column: ColumnElement[Any], text: str | None) -> Any:
    """A value as the history writes it (:func:`intl_desk.core.tracking.as_text`) back to
    the column's own type."""
    if text is None:
        return None
    python_type = _python_type(column)
    if python_type is bool:
        return text == "True"
    if python_type is datetime:
        return datetime.fromisoformat(text)
    if python_type is date:
        return date.fromisoformat(text)
    if python_type in (int, float, Decimal):
        return python_type(text)
    return text


def keep_mine(office: OfficeFile, conflicts: Iterable[SyncConflict]) -> int:
    """Write this desktop's value of each conflict back into the file (one transaction);
    returns how many fields were written. Records deleted meanwhile are left alone."""
    written = 0
    with office.session() as session:
        for conflict in conflicts:
            mapper = _mapper_of(conflict.table)
            if mapper is None or conflict.field not in mapper.local_table.c:
                continue
            record = session.get(mapper.class_, conflict.record_id)
            if not isinstance(record, Record) or record.deleted_at is not None:
                continue
            column = mapper.local_table.c[conflict.field]
            key = mapper.get_property_by_column(column).key
            setattr(record, key, value_from_text(column, conflict.yours))
            written += 1
        with office.translate_errors():
            session.commit()
    return written
