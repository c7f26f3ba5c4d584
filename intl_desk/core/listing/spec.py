"""What a list is made of: columns, a search, facets — described once, used by every screen.

A list is defined in SQLAlchemy Core expressions over one record kind, so sorting and
filtering happen in SQL (see ARCHITECTURE.md, "Reading big lists"), the same definition
serves the table on screen, the spreadsheet export and the tests, and nothing here
knows about Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import ColumnElement
from sqlalchemy.orm import Session

from intl_desk.core.folding import fold
from intl_desk.core.model import Record
from intl_desk.core.vocabularies import Vocabulary

#: builds a SQL expression (a column, a scalar subquery…) when the list is queried
Expression = Callable[[], Any]
#: "codes": comma-separated codes of ``vocabulary`` (themes); "sdgs": SDG numbers;
#: "number": a figure with decimals (coordinates); "lines": texts in order, one per line
ValueKind = Literal[
    "text",
    "code",
    "codes",
    "country",
    "date",
    "integer",
    "number",
    "money",
    "bool",
    "sdg",
    "sdgs",
    "lines",
]


@dataclass(frozen=True)
class Column:
    key: str
    label: str  # msgid
    expression: Expression
    kind: ValueKind = "text"
    vocabulary: Vocabulary | None = None
    visible: bool = True
    width: int = 120
    #: what to order by when it is not the value itself (a folded name sorts accents right)
    sort: Expression | None = None
    #: for a date an office may know only to the month or year: its precision column, so
    #: the value reads "2011" (see intl_desk.core.date_precision)
    precision: Expression | None = None


@dataclass(frozen=True)
class FacetOption:
    value: str
    label: str  # already in the user's language


@dataclass(frozen=True)
class Facet:
    key: str
    label: str  # msgid
    options: Callable[[Session], list[FacetOption]]
    condition: Callable[[str], ColumnElement[bool]]


@dataclass(frozen=True)
class ListSpec:
    kind: str
    label: str  # msgid, plural
    model: type[Record]
    columns: tuple[Column, ...]
    #: the condition for the words typed; it may first look up small tables in the session
    search: Callable[[Session, str], ColumnElement[bool]]
    facets: tuple[Facet, ...] = ()
    default_sort: str = ""
    descending: bool = False
    #: what to say on an empty file (msgid)
    empty_hint: str = ""

    def column(self, key: str) -> Column:
        for column in self.columns:
            if column.key == key:
                return column
        raise KeyError(key)

    def facet(self, key: str) -> Facet:
        for facet in self.facets:
            if facet.key == key:
                return facet
        raise KeyError(key)


@dataclass
class ListQuery:
    """The user's current view of a list: search text, chosen facets, sort."""

    search: str = ""
    facets: dict[str, str] = field(default_factory=dict)
    sort_key: str | None = None
    descending: bool = False

    def with_sort(self, key: str, descending: bool) -> ListQuery:
        return ListQuery(self.search, dict(self.facets), key, descending)

    def narrows(self, other: ListQuery) -> bool:
        """Whether everything this query finds, ``other`` finds too, in the same order:
        the same facets and order, and every word of ``other`` inside one of these
        (the user typed more)."""
        chosen = {key: value for key, value in self.facets.items() if value}
        before = {key: value for key, value in other.facets.items() if value}
        if chosen != before or (self.sort_key, self.descending) != (
            other.sort_key,
            other.descending,
        ):
            return False
        words = [fold(word) for word in self.search.split()]
        return all(any(old in word for word in words) for old in map(fold, other.search.split()))


