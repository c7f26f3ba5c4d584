"""Index upkeep a database does row by row, done once for a bulk write instead.

An office file on SQLite notes every agreement inserted, one row at a time, for its
full-text index (TEMP triggers, :mod:`intl_desk.store.search_index`): a third of the time
of writing 50,000 imported agreements with their parties. The store registers here how to
suspend that noting and note the written agreements in one statement; a database with
nothing of the kind (the office server's PostgreSQL) has nothing registered.

The store also registers how to ready a connection for a bulk write: SQLite's default page
cache (2 MB) is smaller than the index pages 50,000 imported rows go through, and every
page it lets go is written out and read back.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

#: ``note(agreement_ids)``: the agreements a bulk write inserted, or inserted parties of
Note = Callable[[Collection[str]], None]
#: ``suspender(session)``: a context under which inserts are not noted row by row; it
#: gives the ``note`` to call with what was written before it ends
Suspender = Callable[["Session"], AbstractContextManager[Note]]

_suspenders: list[Suspender] = []
#: ``preparer(session)``: readies the session's connection for a bulk write, for the rest
#: of its transaction
Preparer = Callable[["Session"], None]
_preparers: list[Preparer] = []


def register_suspender(suspender: Suspender) -> None:
    if suspender not in _suspenders:
        _suspenders.append(suspender)


def register_preparer(preparer: Preparer) -> None:
    if preparer not in _preparers:
        _preparers.append(preparer)


def prepare_bulk_write(session: Session) -> None:
    """Ready ``session``'s connection for writing many rows (what the store registered)."""
    for preparer in _preparers:
        preparer(session)


def _nothing(_agreement_ids: Collection[str]) -> None:
    return None


@contextmanager
def noted_in_bulk(session: Session) -> Iterator[Note]:
    """Under this context, rows inserted in ``session`` are not noted one by one; call the
    ``note`` it gives with every agreement written (or whose parties were)."""
    context = _suspenders[0](session) if _suspenders else nullcontext(_nothing)
    with context as note:
        yield note
