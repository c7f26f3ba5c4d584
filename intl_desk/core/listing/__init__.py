"""Lists of records defined once in Core SQL, for the screen, exports and tests.

The names below are loaded when first used: building every list's SQL (``definitions``)
takes a tenth of a second, which a report that only needs one condition of
:mod:`intl_desk.core.listing.conditions` should not pay for.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from intl_desk.core.listing.definitions import LISTS
    from intl_desk.core.listing.query import (
        count,
        fetch_ids,
        fetch_rows,
        first_ids,
        first_page,
        is_filtered,
        matching_among,
        with_values,
    )
    from intl_desk.core.listing.spec import Column, Facet, FacetOption, ListQuery, ListSpec

_HOMES = {
    "LISTS": "definitions",
    **dict.fromkeys(
        (
            "count",
            "fetch_ids",
            "fetch_rows",
            "first_ids",
            "first_page",
            "is_filtered",
            "matching_among",
            "with_values",
        ),
        "query",
    ),
    **dict.fromkeys(("Column", "Facet", "FacetOption", "ListQuery", "ListSpec"), "spec"),
}

__all__ = [
    "LISTS",
    "Column",
    "Facet",
    "FacetOption",
    "ListQuery",
    "ListSpec",
    "count",
    "fetch_ids",
    "fetch_rows",
    "first_ids",
    "first_page",
    "is_filtered",
    "matching_among",
    "with_values",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value
