"""Where a mission leaves from, for its carbon estimate: its local entity's position, else
the position of the nearest entity above it that has one — a university or a department
of the city hall leaves from the city, whose position the office typed once.

The list's carbon column (SQL, :func:`origin_position`) and the form and reports (Python,
:func:`origins`) climb the same number of levels, so they always give the same figure.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import and_, case, select
from sqlalchemy.orm import Session, aliased

from intl_desk.core.carbon import Place
from intl_desk.core.model import LocalEntity

#: the entity itself and the entities above it looked at for a position
ORIGIN_LEVELS = 4
_CHUNK = 500


def origins(session: Session, entity_ids: Iterable[str]) -> dict[str, Place]:
    """Each entity's origin, named after the entity whose position it is (itself, or the
    one above it that lent its position); an entity with none located has a Place without
    coordinates, named after itself."""
    rows: dict[str, Any] = {}
    wanted = {i for i in entity_ids if i}
    for _level in range(ORIGIN_LEVELS):
        missing = sorted(wanted - rows.keys())
        for start in range(0, len(missing), _CHUNK):
            for row in session.execute(
                select(
                    LocalEntity.id,
                    LocalEntity.parent_id,
                    LocalEntity.name,
                    LocalEntity.latitude,
                    LocalEntity.longitude,
                ).where(LocalEntity.id.in_(missing[start : start + _CHUNK]))
            ):
                rows[row.id] = row
        wanted = {row.parent_id for row in rows.values() if row.parent_id}
    found: dict[str, Place] = {}
    for entity_id in {i for i in entity_ids if i} & rows.keys():
        row = rows[entity_id]
        place = Place(row.name, None, None)
        current = row
        for _level in range(ORIGIN_LEVELS):
            if current.latitude is not None and current.longitude is not None:
                place = Place(current.name, current.latitude, current.longitude)
                break
            current = rows.get(current.parent_id or "")
            if current is None:
                break
        found[entity_id] = place
    return found


def origin(session: Session, entity_id: str | None) -> Place | None:
    """One entity's origin (see :func:`origins`), None without an entity."""
    if not entity_id:
        return None
    return origins(session, [entity_id]).get(entity_id)


def origin_position(entity_key: Any, axis: str) -> Any:
    """The origin's ``latitude`` or ``longitude`` for the entity ``entity_key`` as a
    portable SQL scalar subquery (joins up the parents, takes the first located)."""
    levels = [aliased(LocalEntity) for _ in range(ORIGIN_LEVELS)]
    located = [
        (and_(level.latitude.is_not(None), level.longitude.is_not(None)), getattr(level, axis))
        for level in levels
    ]
    query = select(case(*located, else_=None)).select_from(levels[0])
    for upper, lower in zip(levels[1:], levels, strict=False):
        query = query.outerjoin(upper, upper.id == lower.parent_id)
    return query.where(levels[0].id == entity_key).scalar_subquery()


__all__ = ["ORIGIN_LEVELS", "origin", "origin_position", "origins"]
