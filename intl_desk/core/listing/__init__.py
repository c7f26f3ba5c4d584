"""Lists of records defined once in Core SQL, for the screen, exports and tests."""

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
