"""The filters of computed indicators, and the window a formula counts in.

``formula_filter`` is written ``key=value`` with alternatives separated by commas and
conditions by semicolons (``type=twinning,friendship; theme=culture``); ``entity`` takes a
local entity's code or name and counts it with everything under it (a recursive CTE,
portable to PostgreSQL).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, or_, select

from intl_desk.core.agreement_time import standing_day
from intl_desk.core.columns import LocalEntity
from intl_desk.core.errors import IntlDeskError
from intl_desk.core.folding import fold
from intl_desk.core.i18n import N_, Message

Filters = dict[str, tuple[str, ...]]


class FormulaError(IntlDeskError):
    """An indicator's formula or filter cannot be read; the figure is not computed."""


@dataclass(frozen=True)
class Window:
    """What a formula counts: a period, the indicator's filters, and whose records
    (``scope``: a select of local entity ids, None for the whole office). ``by_entity``
    asks for the local entity of each row (figures per entity), which costs a join."""

    start: date
    end: date
    filters: Filters
    scope: Select[Any] | None = None
    by_entity: bool = False
    #: the day the figures are computed on (None: the computer's date)
    today: date | None = None

    @property
    def standing_day(self) -> date | None:
        """The day standing figures ("active") are taken: the period's last day once it
        is over, None (today's statuses) while it runs — as the overview does."""
        return standing_day(self.end, self.today or date.today())

    @property
    def needs_entity(self) -> bool:
        return self.by_entity or self.scope is not None or "entity" in self.filters


# --- filters --------------------------------------------------------------------------


def parse_filter(text: str | None, allowed: tuple[str, ...]) -> Filters:
    """``type=twinning,friendship; theme=culture`` → ``{"type": ("twinning", "friendship"), …}``."""
    filters: Filters = {}
    for part in (text or "").replace("\n", ";").split(";"):
        if not part.strip():
            continue
        key, sign, values = part.partition("=")
        key = key.strip().casefold()
        choices = tuple(value.strip() for value in values.split(",") if value.strip())
        if not sign or not choices:
            raise FormulaError(
                Message(
                    N_("“{part}” is not a condition like type=twinning in the indicator's filter."),
                    {"part": part.strip()},
                )
            )
        if key not in allowed:
            raise FormulaError(
                Message(
                    N_("The filter “{key}” cannot be used here; known filters: {known}."),
                    {"key": key, "known": ", ".join(allowed)},
                )
            )
        filters[key] = filters.get(key, ()) + choices
    return filters


def subtree(roots: Select[Any]) -> Select[Any]:
    """The ids of ``roots`` and of every local entity under them (recursive, portable)."""
    tree = roots.cte("entity_tree", recursive=True)
    tree = tree.union_all(
        select(LocalEntity.id).where(
            LocalEntity.parent_id == tree.c[0], LocalEntity.deleted_at.is_(None)
        )
    )
    return select(tree.c[0])


def _entity_roots(values: tuple[str, ...]) -> Select[Any]:
    return select(LocalEntity.id).where(
        LocalEntity.deleted_at.is_(None),
        or_(LocalEntity.code.in_(values), LocalEntity.search_key.in_([fold(v) for v in values])),
    )


def _in_entities(column: Any, window: Window) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if "entity" in window.filters:
        conditions.append(column.in_(subtree(_entity_roots(window.filters["entity"]))))
    if window.scope is not None:
        conditions.append(column.in_(window.scope))
    return conditions


def _one_of(window: Window, key: str, column: Any, *, upper: bool = False) -> list[Any]:
    if key not in window.filters:
        return []
    values = window.filters[key]
    return [column.in_([value.upper() for value in values] if upper else values)]


def _number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise FormulaError(
            Message(N_("“{value}” is not an SDG number (1 to 17)."), {"value": text})
        ) from None
