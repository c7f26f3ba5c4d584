"""Running a :class:`ListSpec`: the ordered ids of what matches, then rows on demand.

The table on screen asks for the ids once per search, facet or sort change and fetches
the visible rows in small pages (Anki's browser does the same), so a list of 200,000
agreements never turns into 200,000 objects.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, case, func, select
from sqlalchemy.orm import Session

from intl_desk.core.listing.spec import Column, ListQuery, ListSpec
from intl_desk.core.model import Record


def _sort_expression(column: Column) -> ColumnElement[Any]:
    if column.sort is not None:
        return column.sort()
    expression = column.expression()
    if column.vocabulary is not None:  # sort codes by what the user reads, not the code
        whens = {term.code: term.display().casefold() for term in column.vocabulary}
        return case(whens, value=expression, else_=expression)
    if column.kind in ("text", "country"):
        return func.lower(expression)
    return expression


def filtered(spec: ListSpec, query: ListQuery) -> Select[Any]:
    model: type[Record] = spec.model
    statement = select(model.id).where(model.deleted_at.is_(None))
    if query.search.strip():
        statement = statement.where(spec.search(query.search.strip()))
    for key, value in query.facets.items():
        if value:
            statement = statement.where(spec.facet(key).condition(value))
    return statement


def fetch_ids(session: Session, spec: ListSpec, query: ListQuery) -> list[str]:
    """The ids of the live records matching ``query``, in its order."""
    statement = filtered(spec, query)
    sort_key = query.sort_key or spec.default_sort
    descending = query.descending if query.sort_key else spec.descending
    if sort_key:
        expression = _sort_expression(spec.column(sort_key))
        order = expression.desc() if descending else expression.asc()
        statement = statement.order_by(order.nulls_last(), spec.model.id)
    return list(session.scalars(statement))


def count(session: Session, spec: ListSpec, query: ListQuery) -> int:
    subquery = filtered(spec, query).subquery()
    return int(session.scalar(select(func.count()).select_from(subquery)) or 0)


def fetch_rows(
    session: Session, spec: ListSpec, ids: Sequence[str], columns: Sequence[str] | None = None
) -> dict[str, tuple[Any, ...]]:
    """Raw values of ``columns`` (all by default) for ``ids``, keyed by id."""
    chosen = [spec.column(key) for key in columns] if columns else list(spec.columns)
    model: type[Record] = spec.model
    rows: dict[str, tuple[Any, ...]] = {}
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        statement = select(model.id, *(column.expression() for column in chosen)).where(
            model.id.in_(chunk)
        )
        for row in session.execute(statement):
            rows[row[0]] = tuple(row[1:])
    return rows
