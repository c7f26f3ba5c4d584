"""Filling ``search_key`` for rows written without the ORM (bulk inserts, imports)."""

from __future__ import annotations

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from intl_desk.core.model import Base
from intl_desk.core.model.base import Searchable, search_key_for

BATCH = 5000


def searchable_models() -> list[type[Searchable]]:
    return [
        mapper.class_ for mapper in Base.registry.mappers if issubclass(mapper.class_, Searchable)
    ]


def refresh_search_keys(session: Session, only_missing: bool = True) -> int:
    """Compute the search key of every row lacking one; returns how many were set."""
    done = 0
    for model in searchable_models():
        table = model.__table__  # type: ignore[attr-defined]
        columns = [table.c.id, *(table.c[field] for field in model.search_fields)]
        statement = select(*columns)
        if only_missing:
            statement = statement.where(table.c.search_key.is_(None))
        rows = session.execute(statement).all()
        updates = []
        for row in rows:
            values = dict(zip(model.search_fields, row[1:], strict=True))
            key = search_key_for(model, values)
            if key is not None:
                updates.append({"row_id": row[0], "key": key})
        for start in range(0, len(updates), BATCH):
            session.execute(
                update(table)
                .where(table.c.id == bindparam("row_id"))
                .values(search_key=bindparam("key")),
                updates[start : start + BATCH],
            )
        done += len(updates)
    return done
