"""Faster ways a database may have to find records by the words typed.

The lists search with portable ``LIKE`` conditions (:mod:`intl_desk.core.listing.conditions`,
:mod:`intl_desk.core.listing.agreement_search`), which every database runs. An office
file on SQLite also keeps a full-text index of its agreements; the store registers here
the function that uses it (:mod:`intl_desk.store.search_query`), so the query layer stays
free of SQLite's own SQL. A finder answers ``None`` when it cannot serve a search (another
database, no index in the file, an index not yet up to date): the portable path then
finds the same records.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # registered when an engine is made: keep it light
    from sqlalchemy import ColumnElement, Select
    from sqlalchemy.orm import Session

#: ``finder(session, folded_words)``: a condition on the table's rows, or None
Finder = Callable[["Session", Sequence[str]], "ColumnElement[bool] | None"]

#: ``counter(session, folded_words, wanted)``: for words so many records hold that walking
#: the list's order until ``wanted`` of them are found costs less than gathering and
#: sorting every match, how many live records hold them and a condition on one row; None
#: for any other search
Counter = Callable[["Session", Sequence[str], int], "tuple[int, ColumnElement[bool]] | None"]

#: ``order_check(session, statement)``: whether an index gives ``statement``'s rows in its
#: order, so the first ones come without sorting them all
OrderCheck = Callable[["Session", "Select[Any]"], bool]

_finders: dict[str, Finder] = {}
_counters: dict[str, Counter] = {}
_order_checks: list[OrderCheck] = []


def register_finder(table: str, finder: Finder, counter: Counter | None = None) -> None:
    _finders[table] = finder
    if counter is not None:
        _counters[table] = counter


def register_order_check(check: OrderCheck) -> None:
    _order_checks[:] = [check]


def ordered_by_index(session: Session, statement: Select[Any]) -> bool:
    """Whether an index serves ``statement``'s order (False when nothing registered can
    tell: the records are then gathered and sorted, which is always right)."""
    return bool(_order_checks) and _order_checks[0](session, statement)


def unregister_all() -> dict[str, tuple[Finder, Counter | None]]:
    """Forget every finder (the portable path alone, for comparisons); what was registered
    is returned for :func:`register_again`."""
    saved = {table: (finder, _counters.get(table)) for table, finder in _finders.items()}
    _finders.clear()
    _counters.clear()
    return saved


def register_again(saved: dict[str, tuple[Finder, Counter | None]]) -> None:
    for table, (finder, counter) in saved.items():
        register_finder(table, finder, counter)


def indexed_count(
    session: Session, table: str, folded_words: Sequence[str], wanted: int
) -> tuple[int, ColumnElement[bool]] | None:
    """The registered counter's answer for ``folded_words`` and the first ``wanted`` ids,
    or None."""
    counter = _counters.get(table)
    return counter(session, folded_words, wanted) if counter is not None else None


def indexed_match(
    session: Session, table: str, folded_words: Sequence[str]
) -> ColumnElement[bool] | None:
    """The registered finder's condition for ``folded_words`` (each folded), or None."""
    finder = _finders.get(table)
    return finder(session, folded_words) if finder is not None else None
