"""Conditions every list shares: live records, the words typed (an entity's subtree:
:mod:`intl_desk.core.entity_tree`)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, and_, literal

from intl_desk.core.folding import fold


def like_pattern(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere, with the wildcards in it escaped."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def live(model: Any) -> ColumnElement[bool]:
    condition: ColumnElement[bool] = model.deleted_at.is_(None)
    return condition


def words(text: str) -> list[str]:
    return [like_pattern(fold(word)) for word in text.split()]


def matches(model: Any, text: str) -> ColumnElement[bool]:
    """Every word of ``text`` appears in the record's folded ``search_key``."""
    clauses = [model.search_key.like(pattern, escape="\\") for pattern in words(text)]
    return and_(*clauses) if clauses else literal(True)
