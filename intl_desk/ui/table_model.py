"""A lazy table model over a :class:`ListSpec`: ids in memory, rows fetched by page.

Sorting and filtering are done in SQL by re-reading the ids (never by a proxy model,
which is 250 times slower at 100,000 rows); rows are fetched for the visible part only
and cached. ``RAW_ROLE`` gives the stored value for tests and exports.

A big list can be shown in two steps (see :class:`intl_desk.ui.list_page.ListPage`):
:meth:`RecordTableModel.show_first_page` with the count and the rows on screen, then
:meth:`RecordTableModel.complete_ids` once every id has been read in the background;
rows past the ids known so far stay blank until then.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from intl_desk.core.date_precision import precise_date_text, precision_of
from intl_desk.core.display import country_name, date_text, number_text
from intl_desk.core.i18n import _, current_language
from intl_desk.core.listing import ListQuery, ListSpec, fetch_ids, fetch_rows
from intl_desk.core.listing.register_lists import ordered_lines
from intl_desk.core.listing.spec import Column
from intl_desk.core.reference import sdg_goals

RAW_ROLE = int(Qt.ItemDataRole.UserRole) + 1
ID_ROLE = int(Qt.ItemDataRole.UserRole) + 2
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_RAW, _ID = RAW_ROLE, ID_ROLE
_ANSWERED = frozenset({_DISPLAY, int(Qt.ItemDataRole.ToolTipRole), _ALIGNMENT, _RAW, _ID})
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
PAGE_SIZE = 200
CACHED_PAGES = 50

SessionFactory = Callable[[], Session]
QueryRunner = Callable[[ListQuery], None]
Index = QModelIndex | QPersistentModelIndex


def display_value(column: Column, value: Any) -> str:
    """The text shown for a raw value of ``column`` in the current language."""
    if value is None:
        return ""
    if column.kind == "codes" and column.vocabulary is not None:
        return ", ".join(sorted(column.vocabulary.label(code) for code in str(value).split(",")))
    if column.kind == "sdgs":
        return ", ".join(str(number) for number in sorted(int(n) for n in str(value).split(",")))
    if column.kind == "lines":
        return " · ".join(ordered_lines(value))
    if column.vocabulary is not None:
        return column.vocabulary.label(str(value))
    if column.kind == "country":
        return ", ".join(country_name(code) for code in str(value).split(",") if code)
    if column.kind == "date":
        return _date_text(value)
    if column.kind == "money":
        return number_text(round(value)) if value else ""
    if column.kind in ("integer", "number"):
        return number_text(value)
    if column.kind == "bool":
        return _("Yes") if value else _("No")
    if column.kind == "sdg":
        goals = {goal.number: goal for goal in sdg_goals()}
        goal = goals.get(int(value))
        return f"{value}. {goal.short_name(current_language())}" if goal else str(value)
    return str(value)


_DATE_TEXTS: dict[tuple[str, date, str], str] = {}


def _date_text(value: date) -> str:
    """Babel takes 0.1 ms a date; a screen of rows shows the same few dates many times.
    A date known only to the year or month reads "2011" or "July 2003"."""
    precision = precision_of(value)
    key = (current_language(), value, precision)
    text = _DATE_TEXTS.get(key)
    if text is None:
        if len(_DATE_TEXTS) > 50_000:
            _DATE_TEXTS.clear()
        text = _DATE_TEXTS[key] = (
            date_text(value) if precision == "day" else precise_date_text(value, precision)
        )
    return text


class RecordTableModel(QAbstractTableModel):
    def __init__(self, spec: ListSpec, session_factory: SessionFactory) -> None:
        super().__init__()
        self.spec = spec
        self._session_factory = session_factory
        self.query = ListQuery(sort_key=spec.default_sort or None, descending=spec.descending)
        self._loaded = False
        self._ids: list[str] = []
        self._total = 0  # rows shown; more than len(self._ids) until every id is known
        self._pages: OrderedDict[int, dict[str, tuple[Any, ...]]] = OrderedDict()
        self._texts: dict[tuple[str, int, int], str] = {}  # what data() showed, by row
        #: when set, sorting asks it to re-read the list (in the background) instead
        self.runner: QueryRunner | None = None

    # --- loading --------------------------------------------------------------------

    def set_query(self, query: ListQuery) -> None:
        """Re-read the ids for ``query`` (search, facets, sort) and reset the view."""
        with self._session_factory() as session:
            ids = fetch_ids(session, self.spec, query)
        self.set_ids(query, ids)

    def set_ids(self, query: ListQuery, ids: list[str]) -> None:
        """Install ids read elsewhere (e.g. on a worker thread)."""
        self.beginResetModel()
        self.query = query
        self._loaded = True
        self._ids = ids
        self._total = len(ids)
        self._pages.clear()
        self._texts.clear()
        self.endResetModel()

    def show_first_page(
        self,
        query: ListQuery,
        total: int,
        ids: Sequence[str],
        rows: Sequence[tuple[Any, ...]],
    ) -> None:
        """Show ``total`` rows of which the first ``ids`` are known, with the values of the
        first ones: ``(id, value, …)`` for every column, as :func:`with_values` reads
        them (the first :data:`PAGE_SIZE` at most)."""
        self.beginResetModel()
        self.query = query
        self._loaded = True
        self._ids = list(ids)
        self._total = max(total, len(self._ids))
        self._pages.clear()
        self._texts.clear()
        if rows and len(rows) == min(PAGE_SIZE, len(self._ids)):  # else read when shown
            self._pages[0] = {row[0]: tuple(row[1:]) for row in rows}
        self.endResetModel()

    def ids(self) -> list[str]:
        """The ids known, in order (every id once :attr:`complete`)."""
        return list(self._ids)

    @property
    def loaded(self) -> bool:
        return self._loaded

    @property
    def complete(self) -> bool:
        """Whether every id is known (else the rows past the first page are blank)."""
        return len(self._ids) >= self._total

    def complete_ids(self, query: ListQuery, ids: list[str]) -> None:
        """Every id of ``query``, read after :meth:`show_first_page`; ignored if the list
        has moved on to another query meanwhile."""
        if query != self.query:
            return
        known = len(self._ids)
        if len(ids) != self._total or ids[:known] != self._ids:
            self.set_ids(query, ids)  # the file changed in between: start over
            return
        self._ids = ids
        if known < len(ids):
            self.dataChanged.emit(
                self.index(known, 0), self.index(len(ids) - 1, len(self.spec.columns) - 1)
            )

    def refresh(self) -> None:
        self.set_query(self.query)

    def id_at(self, row: int) -> str | None:
        return self._ids[row] if row < len(self._ids) else None

    def row_of(self, record_id: str) -> int:
        try:
            return self._ids.index(record_id)
        except ValueError:
            return -1

    def _row_values(self, row: int) -> tuple[Any, ...]:
        if row >= len(self._ids):
            return ()  # not read yet: blank until complete_ids()
        page_number = row // PAGE_SIZE
        page = self._pages.get(page_number)
        if page is None:
            ids = self._ids[page_number * PAGE_SIZE : (page_number + 1) * PAGE_SIZE]
            with self._session_factory() as session:
                page = fetch_rows(session, self.spec, ids)
            self._pages[page_number] = page
            while len(self._pages) > CACHED_PAGES:
                self._pages.popitem(last=False)
            if len(self._texts) > PAGE_SIZE * len(self.spec.columns) * 4:
                self._texts.clear()  # keep what a few screens show, not the whole list
        else:
            self._pages.move_to_end(page_number)
        return page.get(self._ids[row], ())

    # --- Qt model API ---------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.spec.columns)

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        # Called about 2,000 times per repaint of a screenful: plain ints, no enum lookups.
        if role not in _ANSWERED or not index.isValid():
            return None
        row = index.row()
        if role == _ID:
            return self.id_at(row)
        number = index.column()
        column = self.spec.columns[number]
        if role == _ALIGNMENT:
            return _RIGHT if column.kind in ("integer", "money", "number") else None
        values = self._row_values(row)
        value = values[number] if number < len(values) else None
        if role == _RAW:
            return value
        if value is None:
            return ""
        key = (current_language(), row, number)
        text = self._texts.get(key)
        if text is None:
            text = self._texts[key] = display_value(column, value)
        return text

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(self.spec.columns[section].label)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.spec.columns[column].key
        query = self.query.with_sort(key, order == Qt.SortOrder.DescendingOrder)
        if self.runner is not None:
            self.runner(query)
        elif self._loaded:
            self.set_query(query)
        else:  # the view sets its sort indicator before any file is open
            self.query = query
