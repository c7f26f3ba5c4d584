"""The reads behind a list page, run on worker threads (so: no widget here).

See :class:`intl_desk.ui.list_page.ListPage` for how they are used: the first read gives
what the user waits for (the count and the rows on screen), then every id is read.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from intl_desk.core.listing import (
    FacetOption,
    ListQuery,
    ListSpec,
    count,
    first_ids,
    is_filtered,
    matching_among,
    with_values,
)
from intl_desk.ui.operations import Progress
from intl_desk.ui.table_model import PAGE_SIZE, SessionFactory

#: ids read with the first page of a search: one finding fewer is complete at once (and
#: can be narrowed as the user types on), a bigger one scrolls that far before the rest is
#: read; a word most records hold gives its first page only, when that is quicker (see
#: :func:`intl_desk.core.listing.first_ids`). Other reads take the first page only:
#: sorting the top 200 is what is quickest.
KNOWN_IDS = 5_000


@dataclass(frozen=True)
class FirstRead:
    """What a list shows first: the count, the first ids, the rows on screen, the facet
    choices (when asked for)."""

    query: ListQuery
    total: int
    ids: list[str]
    rows: list[tuple[Any, ...]]
    facets: dict[str, list[FacetOption]] | None = None


@contextmanager
def interruptible(session: Session, progress: Progress | None) -> Iterator[None]:
    """Let a cancellation stop the statement the session runs within the block (SQLite's
    ``interrupt()`` is safe from any thread while the connection is open); drivers
    without one just finish the statement."""
    driver = session.connection().connection.driver_connection
    interrupt = getattr(driver, "interrupt", None)
    if progress is None or interrupt is None:
        yield
        return
    with progress.cancelling(interrupt):
        yield


def read_first(
    session_factory: SessionFactory,
    spec: ListSpec,
    query: ListQuery,
    progress: Progress | None = None,
    with_facets: bool = False,
    total: int | None = None,
    within: list[str] | None = None,
) -> FirstRead:
    """The work of the first read of a list (on a worker thread: no widget here).

    ``total`` is the count when only the order changes, so it is not counted again;
    ``within`` are every id of a query that ``query`` narrows (see
    :meth:`ListQuery.narrows`), so only those rows are looked at.
    """
    with session_factory() as session, interruptible(session, progress):
        facets = (
            {facet.key: facet.options(session) for facet in spec.facets} if with_facets else None
        )
        if progress is not None:
            progress.check()
        ids: list[str] = []
        if within is not None:
            ids = matching_among(session, spec, query, within)
            total = len(ids)
        elif total is not None:  # a new order: the first page only (top-200 sorts fastest)
            _counted, ids = first_ids(session, spec, query, PAGE_SIZE)
        elif is_filtered(query):
            total, ids = first_ids(session, spec, query, KNOWN_IDS, counted=True, page=PAGE_SIZE)
        else:
            total = count(session, spec, query)
            if total:
                _counted, ids = first_ids(session, spec, query, PAGE_SIZE)
        rows = with_values(session, spec, ids[:PAGE_SIZE])
    return FirstRead(query, total or 0, ids, rows, facets)
