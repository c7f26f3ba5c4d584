"""A local entity and every entity under it, as SQL (regions → municipalities)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from intl_desk.core.columns import LocalEntity


def entity_subtree(entity_id: str) -> Any:
    """A recursive CTE of ``entity_id`` and every entity under it (regions → municipalities).

    Core columns (:mod:`intl_desk.core.columns`): the overview filtered to one region
    reads it without the model.
    """
    tree = select(LocalEntity.id).where(LocalEntity.id == entity_id).cte(recursive=True)
    child = LocalEntity.alias()
    return tree.union_all(
        select(child.id).where(child.parent_id == tree.c.id, child.deleted_at.is_(None))
    )
