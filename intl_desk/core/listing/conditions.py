"""Conditions every list shares: live records, the words typed, an entity's subtree."""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    ColumnElement,
    and_,
    literal,
    select,
)
from sqlalchemy.orm import aliased

from intl_desk.core.folding import fold
from intl_desk.core.listing.spec import like_pattern
from intl_desk.core.model import (
    LocalEntity,
)


def live(model: Any) -> ColumnElement[bool]:
    condition: ColumnElement[bool] = model.deleted_at.is_(None)
    return condition


def words(text: str) -> list[str]:
    return [like_pattern(fold(word)) for word in text.split()]


def matches(model: Any, text: str) -> ColumnElement[bool]:
    """Every word of ``text`` appears in the record's folded ``search_key``."""
    clauses = [model.search_key.like(pattern, escape="\\") for pattern in words(text)]
    return and_(*clauses) if clauses else literal(True)


def entity_subtree(entity_id: str) -> Any:
    """A recursive CTE of ``entity_id`` and every entity under it (regions → municipalities)."""
    tree = select(LocalEntity.id).where(LocalEntity.id == entity_id).cte(recursive=True)
    child = aliased(LocalEntity)
    return tree.union_all(
        select(child.id).where(child.parent_id == tree.c.id, child.deleted_at.is_(None))
    )
