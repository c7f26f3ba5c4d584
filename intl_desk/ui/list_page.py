"""One list of the main window: search, facet filters, sortable columns, a count.

Every read of the list runs as an :class:`~intl_desk.ui.operations.Operation`, so typing
in the search box or sorting 200,000 agreements never freezes the window: first the
count and the rows on screen (what the user waits for; :attr:`ListPage.refreshed` then
fires), then every id in order, in the background (:attr:`ListPage.completed`). A newer
query cancels the reads of an older one, whose results are dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from intl_desk.core.display import number_text
from intl_desk.core.i18n import N_, Message, _
from intl_desk.core.listing import FacetOption, ListQuery, ListSpec, fetch_ids
from intl_desk.core.listing.spec import Column
from intl_desk.ui import settings as options
from intl_desk.ui.list_reads import FirstRead, interruptible, read_first
from intl_desk.ui.operations import BusyIndicator, Operation, Progress, show_failure
from intl_desk.ui.table_model import ID_ROLE, RecordTableModel, SessionFactory

#: typing more narrows the rows already found when there are at most this many
NARROW_WITHIN = 20_000
SEARCH_DELAY_MS = 60  # coalesces a burst of keys; reads are cancelled anyway

#: filters side by side before the next row starts (fewer when their names run long)
FACETS_PER_ROW = 4
#: the room a list has beside the navigation in a 1280-pixel-wide window
LIST_ROOM = 1060
#: the widest a column of choices grows to fit its longest choice
MAX_CHOICE_COLUMN = 240
#: room for a column title's margins and sort arrow beside its text
HEADER_PADDING = 30


class ListPage(QWidget):
    """Emits ``open_requested(kind, id)`` on double-click or Enter; its rows' menu asks
    the window for the rest (duplicate, delete, export the selected rows)."""

    open_requested = Signal(str, str)
    new_requested = Signal(str)
    duplicate_requested = Signal(str, str)
    #: (kind, ids): the selected rows, for Delete… and Export the selection…
    delete_requested = Signal(str, list)
    export_requested = Signal(list)

    #: the list shows the count and first rows of the latest query
    refreshed = Signal()
    #: every id of the latest query is known (rows past the first page can be shown)
    completed = Signal()

    def __init__(
        self,
        spec: ListSpec,
        session_factory: SessionFactory,
        parent: QWidget | None = None,
        indicator: BusyIndicator | None = None,
    ) -> None:
        super().__init__(parent)
        self.spec = spec
        self.model = RecordTableModel(spec, session_factory)
        self.model.runner = self._sort_requested
        self.indicator = indicator
        self._session_factory = session_factory
        self._settings = options.app_settings()
        self._sort = (self.model.query.sort_key, self.model.query.descending)
        self._reads: list[Operation[Any]] = []
        self._facets_wanted = False
        self._filling = False

        title = QLabel(_(spec.label))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.search_box = QLineEdit()
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setPlaceholderText(_("Search…"))
        self.search_box.setMinimumWidth(260)
        self.new_button = QPushButton(_("New…"))
        self.new_button.clicked.connect(lambda: self.new_requested.emit(spec.kind))

        header_row = QHBoxLayout()
        header_row.addWidget(title)
        header_row.addSpacing(12)
        header_row.addWidget(self.count_label)
        header_row.addStretch(1)
        header_row.addWidget(self.search_box)
        header_row.addWidget(self.new_button)

        self.facet_boxes: dict[str, QComboBox] = {}
        # A grid, not one row: seven filters named in French or Portuguese ("Entité
        # locale : toutes") do not fit side by side at 1280 px without being cut.
        facet_row = QGridLayout()
        facet_row.setHorizontalSpacing(6)
        for facet in spec.facets:
            box = QComboBox()
            box.setObjectName(f"facet_{facet.key}")
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            everything = Message(N_("{facet}: all"), {"facet": _(facet.label)}).render()
            # as wide as "Theme: all" really is (a count of characters over-asks)
            box.setMinimumContentsLength(8)
            box.setMinimumWidth(box.fontMetrics().horizontalAdvance(everything) + 44)
            box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            box.currentIndexChanged.connect(self.apply_filters)
            self.facet_boxes[facet.key] = box
        self.clear_button = QPushButton(_("Clear filters"))
        self.clear_button.setFlat(True)
        self.clear_button.clicked.connect(self.clear_filters)
        # as many side by side as fit a 1280-pixel window: eleven filters named in
        # French ("Vigentes no fim de : todos") pushed the window to 1,424 pixels
        widest = max((box.minimumWidth() for box in self.facet_boxes.values()), default=1)
        per_row = max(2, min(FACETS_PER_ROW, LIST_ROOM // (widest + 6)))
        cells: list[QWidget] = [*self.facet_boxes.values(), self.clear_button]
        for position, cell in enumerate(cells):
            facet_row.addWidget(cell, position // per_row, position % per_row)

        self.table = QTableView()
        self.table.setModel(self.model)
        if spec.default_sort:
            self.table.horizontalHeader().setSortIndicator(
                [column.key for column in spec.columns].index(spec.default_sort),
                Qt.SortOrder.DescendingOrder if spec.descending else Qt.SortOrder.AscendingOrder,
            )
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Ctrl+click and Shift+click pick several rows: to copy, export or delete them
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        # the room left goes to the first column (the title, the name), not to the last
        # (a count column took 40 % of the width while titles were cut)
        header.setStretchLastSection(False)
        header.geometriesChanged.connect(self._fill_width)
        header.sectionResized.connect(lambda *_args: self._fill_width())
        header.setSectionsMovable(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        self.table.doubleClicked.connect(self._open_index)
        self.table.activated.connect(self._open_index)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._row_menu)
        # the keys of a desktop list: Ctrl+F (Cmd+F) to search, F5 to read again,
        # Ctrl+C to copy the selected rows
        for keys, slot in (
            (QKeySequence.StandardKey.Find, self.focus_search),
            (QKeySequence.StandardKey.Refresh, self.load),
            (QKeySequence.StandardKey.Copy, self.copy_current_row),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        # Delete (Backspace on a Mac keyboard) in the table: the selected rows, asked first
        for delete_keys in (
            QKeySequence(QKeySequence.StandardKey.Delete),
            QKeySequence("Backspace"),
        ):
            shortcut = QShortcut(delete_keys, self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.delete_selected)

        self.empty_label = QLabel()
        self.empty_label.setObjectName("emptyState")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setMargin(40)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_label)

        layout = QVBoxLayout(self)
        layout.addLayout(header_row)
        layout.addLayout(facet_row)
        layout.addWidget(self.stack, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search_box.textChanged.connect(self._search_timer.start)
        self._apply_column_settings()

    # --- loading ----------------------------------------------------------------------

    def load(self) -> None:
        """(Re)read facet choices and the list, in the background."""
        self._facets_wanted = True
        self._read(self.current_query())

    def first_read_work(self) -> Callable[[SessionFactory], FirstRead]:
        """What :meth:`load` reads, as work for any sessions (the window reads it ahead
        while a file is being opened)."""
        spec, query = self.spec, self.current_query()
        return lambda factory: read_first(factory, spec, query, with_facets=True)

    def show_first_read(self, first: FirstRead) -> None:
        """Show a first read (done by :meth:`load`, or ahead of time while the file was
        being opened), then read every id in the background."""
        if first.facets is not None:
            self._facets_wanted = False
            self._fill_facets(first.facets)
        self.model.show_first_page(first.query, first.total, first.ids, first.rows)
        self._update_count()
        self.refreshed.emit()
        if self.model.complete:
            self.completed.emit()
        else:
            self._read_all_ids(first.query)

    def _fill_facets(self, choices: dict[str, list[FacetOption]]) -> None:
        for facet in self.spec.facets:
            box = self.facet_boxes[facet.key]
            chosen = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(Message(N_("{facet}: all"), {"facet": _(facet.label)}).render(), "")
            for option in choices.get(facet.key, []):
                box.addItem(option.label, option.value)
            index = box.findData(chosen) if chosen else 0
            box.setCurrentIndex(max(index, 0))
            box.blockSignals(False)

    def current_query(self) -> ListQuery:
        facets = {
            key: box.currentData() for key, box in self.facet_boxes.items() if box.currentData()
        }
        return ListQuery(self.search_box.text(), facets, self._sort[0], self._sort[1])

    def apply_filters(self) -> None:
        self._search_timer.stop()
        self._read(self.current_query())

    def cancel(self) -> None:
        """Drop the reads under way (the file is being closed, or a newer query came)."""
        for operation in self._reads:
            operation.cancel()
        self._reads = []

    @property
    def reading(self) -> bool:
        return any(operation.running for operation in self._reads)

    def _sort_requested(self, query: ListQuery) -> None:
        self._sort = (query.sort_key, query.descending)
        if self.model.loaded or self.reading:  # else the first load will use it
            wanted = self.current_query()
            shown = self.model.query
            same_rows = (wanted.search, wanted.facets) == (shown.search, shown.facets)
            total = self.model.rowCount() if self.model.loaded and same_rows else None
            self._read(wanted, total=total)

    def _read(self, query: ListQuery, total: int | None = None) -> None:
        self.cancel()
        shown = self.model.query if self.model.loaded else None
        if shown is None or query.facets != shown.facets:
            self._show_reading()
        factory, spec = self._session_factory, self.spec
        with_facets = self._facets_wanted  # until a read with them was shown
        within = None
        model = self.model
        if (
            not with_facets
            and total is None
            and model.loaded
            and model.complete
            and model.rowCount() <= NARROW_WITHIN
            and query.narrows(model.query)
        ):
            within = model.ids()

        def work(progress: Progress) -> FirstRead:
            return read_first(factory, spec, query, progress, with_facets, total, within)

        self._start(
            work,
            self.show_first_read,
            Message(N_("Reading {list}…"), {"list": _(spec.label).lower()}).render(),
        )

    def _show_reading(self) -> None:
        """Other filters were chosen (a drill-down from the overview, a facet): the rows of
        the previous list must not stand under the new filters while the new ones are
        read, or a manager reads the wrong list."""
        self.count_label.setText(_("reading…"))
        self.empty_label.setText(
            Message(N_("Reading {list}…"), {"list": _(self.spec.label).lower()}).render()
        )
        self.stack.setCurrentWidget(self.empty_label)

    def _read_all_ids(self, query: ListQuery) -> None:
        factory, spec = self._session_factory, self.spec

        def work(progress: Progress) -> list[str]:
            with factory() as session, interruptible(session, progress):
                return fetch_ids(session, spec, query, progress.check)

        def done(ids: list[str]) -> None:
            self.model.complete_ids(query, ids)
            self.completed.emit()

        self._start(work, done, _("Reading the rest of the list…"))

    def _start(self, work: Any, success: Any, label: str) -> None:
        self._reads = [operation for operation in self._reads if operation.running]
        operation: Operation[Any] = Operation(
            self,
            work,
            success,
            failure=self._failed,
            label=label,
            indicator=self.indicator,
        )
        self._reads.append(operation.run())

    def _failed(self, error: BaseException) -> None:
        show_failure(self, _("Cannot read the list"), error)

    def clear_filters(self) -> None:
        self.search_box.blockSignals(True)
        self.search_box.clear()
        self.search_box.blockSignals(False)
        for box in self.facet_boxes.values():
            box.blockSignals(True)
            box.setCurrentIndex(0)
            box.blockSignals(False)
        self.apply_filters()

    def _update_count(self) -> None:
        rows = self.model.rowCount()
        query = self.model.query
        filtered = bool(query.search.strip() or query.facets)
        self.count_label.setText(
            Message(N_("{count} shown"), {"count": number_text(rows)}).render()
        )
        self.clear_button.setVisible(filtered)
        if rows == 0:
            hint = _("Nothing matches these filters.") if filtered else _(self.spec.empty_hint)
            self.empty_label.setText(hint)
            self.stack.setCurrentWidget(self.empty_label)
        else:
            self.stack.setCurrentWidget(self.table)

    # --- columns ----------------------------------------------------------------------

    def _apply_column_settings(self) -> None:
        hidden = options.hidden_columns(self.spec.kind).get(self._settings)
        widths = options.column_widths(self.spec.kind).get(self._settings)
        for number, column in enumerate(self.spec.columns):
            is_hidden = column.key in hidden if hidden else not column.visible
            self.table.setColumnHidden(number, is_hidden)
            width = self._natural_width(column)
            for item in widths:
                key, _sep, value = str(item).partition("=")
                if key == column.key and value.isdigit():
                    width = int(value)
            self.table.setColumnWidth(number, width)

    def _fill_width(self) -> None:
        """Give the width no column uses to the first one, and take it back (down to
        its own width) when the window narrows."""
        header = self.table.horizontalHeader()
        if self.table.isColumnHidden(0) or self._filling:
            return
        spare = self.table.viewport().width() - header.length()
        first = self.table.columnWidth(0)
        own = self._natural_width(self.spec.columns[0])
        wanted = max(own, first + spare)
        if wanted != first:
            self._filling = True
            try:
                self.table.setColumnWidth(0, wanted)
            finally:
                self._filling = False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fill_width()

    def _natural_width(self, column: Column) -> int:
        """A column as wide as its title in this language ("Quantidade de objetivos", with
        room for the sort arrow), and a column of choices as its longest choice ("Cidade
        ou município", "Acordo de cooperação"), within reason; at least what the list
        says."""
        header = self.table.horizontalHeader()
        title = header.fontMetrics().horizontalAdvance(_(column.label)) + HEADER_PADDING
        width = max(column.width, min(MAX_CHOICE_COLUMN, title))
        if column.vocabulary is None:
            return width
        metrics = self.table.fontMetrics()
        widest = max(
            (metrics.horizontalAdvance(term.display()) for term in column.vocabulary), default=0
        )
        return max(width, min(MAX_CHOICE_COLUMN, widest + 16))

    def save_column_settings(self) -> None:
        hidden = [
            column.key
            for number, column in enumerate(self.spec.columns)
            if self.table.isColumnHidden(number)
        ]
        options.hidden_columns(self.spec.kind).set(self._settings, hidden or ["-"])
        widths = [
            f"{column.key}={self.table.columnWidth(number)}"
            for number, column in enumerate(self.spec.columns)
        ]
        options.column_widths(self.spec.kind).set(self._settings, widths)

    def set_column_visible(self, key: str, visible: bool) -> None:
        number = [column.key for column in self.spec.columns].index(key)
        self.table.setColumnHidden(number, not visible)
        self.save_column_settings()

    def _column_menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        menu.addSection(_("Columns"))
        for number, column in enumerate(self.spec.columns):
            action = QAction(_(column.label), menu)
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(number))
            action.toggled.connect(
                lambda checked, key=column.key: self.set_column_visible(key, checked)
            )
            menu.addAction(action)
        menu.exec(self.table.horizontalHeader().mapToGlobal(position))

    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def row_menu(self, index: QModelIndex) -> QMenu:
        """What can be done with the row under the pointer, or the rows selected with it
        (also what the tests click)."""
        menu = QMenu(self)
        ids = self.selected_ids()
        one = index.isValid() and len(ids) <= 1
        open_action = menu.addAction(_("Open"), lambda: self._open_index(index))
        open_action.setEnabled(index.isValid())
        duplicate_action = menu.addAction(_("Duplicate"), self.duplicate_current)
        duplicate_action.setEnabled(one and self.writable)
        menu.addSeparator()
        copy_action = menu.addAction(
            _("Copy the row") if len(ids) <= 1 else _("Copy the rows"), self.copy_current_row
        )
        copy_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
        copy_action.setEnabled(bool(ids))
        export_action = menu.addAction(
            _("Export the selection…"), lambda: self.export_requested.emit(self.selected_ids())
        )
        export_action.setEnabled(bool(ids))
        menu.addSeparator()
        delete_action = menu.addAction(_("Delete…"), self.delete_selected)
        delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete_action.setEnabled(bool(ids) and self.writable)
        return menu

    @property
    def writable(self) -> bool:
        """Whether records can be added or changed (the window says so through New…)."""
        return self.new_button.isEnabled()

    def _row_menu(self, position: QPoint) -> None:
        index = self.table.indexAt(position)
        selection = self.table.selectionModel()
        if index.isValid() and not selection.isRowSelected(index.row()):
            self.table.selectRow(index.row())  # a click outside the selection: that row
        self.row_menu(index).exec(self.table.viewport().mapToGlobal(position))

    def selected_ids(self) -> list[str]:
        """Ids of the selected rows in the list's order (rows still being read left out)."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        ids = [self.model.data(self.model.index(row, 0), ID_ROLE) for row in rows]
        return [str(record_id) for record_id in ids if record_id]

    def duplicate_current(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1 and self.writable:
            self.duplicate_requested.emit(self.spec.kind, ids[0])

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if ids and self.writable:
            self.delete_requested.emit(self.spec.kind, ids)

    def copy_current_row(self) -> None:
        """The selected rows' visible cells, tab-separated, as a spreadsheet pastes them."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        if not rows and self.table.currentIndex().isValid():
            rows = [self.table.currentIndex().row()]
        lines = [
            "\t".join(
                str(self.model.data(self.model.index(row, column)) or "")
                for column in range(self.model.columnCount())
                if not self.table.isColumnHidden(column)
            )
            for row in rows
        ]
        if lines:
            QApplication.clipboard().setText("\n".join(lines))

    # --- opening ----------------------------------------------------------------------

    def _open_index(self, index: QModelIndex) -> None:
        record_id = self.model.data(index, ID_ROLE) if index.isValid() else None
        if record_id:  # None for a row whose id is still being read
            self.open_requested.emit(self.spec.kind, str(record_id))
