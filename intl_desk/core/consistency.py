"""What a file's stored data can get wrong without being unreadable, found in one place
for ``check`` (which lists it) and ``check --repair`` (which fixes what can be fixed
safely): search keys that no longer match their record's text, live records repeating
another one's natural key, and agreements that ended without the date they ended (which
only a person can give). Derived agreement columns are :mod:`intl_desk.core.derived`'s.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from intl_desk.core.agreement_time import ENDED_EARLY
from intl_desk.core.model import Agreement, Base, Record
from intl_desk.core.model.base import Searchable, search_key_for
from intl_desk.core.model.natural_keys import NATURAL_KEYS, NaturalKey


@dataclass(frozen=True)
class StaleKeys:
    """Rows of one kind whose ``search_key`` is not their text folded."""

    model: type[Record]
    fixes: tuple[tuple[str, str | None], ...]  # (id, the right key)
    example: str  # a label of the first one


def searchable_models() -> list[type[Searchable]]:
    return [
        mapper.class_ for mapper in Base.registry.mappers if issubclass(mapper.class_, Searchable)
    ]


def stale_search_keys(session: Session) -> Iterator[StaleKeys]:
    for searchable in searchable_models():
        model: type[Record] = searchable  # type: ignore[assignment]
        fields = searchable.search_fields
        columns = [getattr(model, name) for name in fields]
        rows = session.execute(
            select(model.id, model.search_key, *columns)  # type: ignore[attr-defined]
            .where(model.deleted_at.is_(None))
            .order_by(model.id)
        )
        fixes: list[tuple[str, str | None]] = []
        example = ""
        for record_id, stored, *values in rows:
            expected = search_key_for(model, dict(zip(fields, values, strict=True)))
            if stored != expected:
                fixes.append((str(record_id), expected))
                example = example or str(next((v for v in values if v), record_id))
        if fixes:
            yield StaleKeys(model, tuple(fixes), example)


@dataclass(frozen=True)
class Duplicates:
    """Live records repeating the natural key of another live one: the one changed last
    is kept, ``extra`` are the others; ``kept`` names, for each of them, the record kept
    in its place."""

    key: NaturalKey
    extra: tuple[str, ...]
    kept: tuple[str, ...]


def duplicates(session: Session) -> Iterator[Duplicates]:
    """Possible only in a file whose unique indexes were removed by another tool, or
    written before they existed and not upgraded since."""
    for key in NATURAL_KEYS:
        model = key.model
        columns = [getattr(model, name) for name in key.columns]
        query = select(model.id, *columns).where(model.deleted_at.is_(None))
        for name in key.present:
            query = query.where(getattr(model, name).is_not(None))
        for name in key.absent:
            query = query.where(getattr(model, name).is_(None))
        rows = session.execute(
            query.order_by(*columns, model.updated_at.desc(), model.id.desc())
        )
        extra: list[str] = []
        kept: list[str] = []
        previous: tuple[object, ...] | None = None
        first = ""
        for record_id, *values in rows:
            if tuple(values) == previous and None not in values:
                extra.append(str(record_id))
                kept.append(first)
            else:
                first = str(record_id)
            previous = tuple(values)
        if extra:
            yield Duplicates(key, tuple(extra), tuple(kept))


def ended_without_date(session: Session) -> list[str]:
    """Titles of live agreements ended early (terminated, suspended, superseded) without
    the date they ended: a past year's figures cannot place them (core/agreement_time.py)."""
    return list(
        session.scalars(
            select(Agreement.title)
            .where(
                Agreement.deleted_at.is_(None),
                Agreement.status.in_(ENDED_EARLY),
                Agreement.date_ended.is_(None),
            )
            .order_by(Agreement.title)
        )
    )
