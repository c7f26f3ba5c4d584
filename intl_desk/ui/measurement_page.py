"""The Measurements page: what is due by period, and the grids to enter a period's values.

On the left, every period that has started with how many values it still lacks; on the
right, the chosen period's grids (:mod:`intl_desk.ui.measurement_grid`) and the evidence
documents of the selected value. Everything typed, and every document attached, is kept
in one session and written together by Save (or dropped by Discard), like a form.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy.orm import Session

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from intl_desk.core.display import number_text
from intl_desk.core.errors import IntlDeskError
from intl_desk.core.evaluation.engine import Evaluation, PeriodInfo
from intl_desk.core.evaluation.entry import (
    due_periods,
    load_entries,
    measured_entities,
    measured_indicators,
    save_entries,
)
from intl_desk.core.folding import fold
from intl_desk.core.i18n import N_, Message, _
from intl_desk.core.model import Measurement
from intl_desk.ui.documents_panel import DocumentsPanel
from intl_desk.ui.measurement_grid import (
    VALUE_COLUMN,
    EntityGridModel,
    GridModel,
    Key,
    OfficeGridModel,
    due_text,
    grid_view,
)

PERIOD_ROLE = Qt.ItemDataRole.UserRole + 30
ERROR_STYLE = "color: #b3261e;"


class MeasurementPage(QWidget):
    def __init__(
        self,
        session_factory: Callable[[], Session],
        today: Callable[[], date] = date.today,
        read_only: Callable[[], bool] = lambda: False,
        reload_on_show: Callable[[], bool] = lambda: False,
    ) -> None:
        super().__init__()
        self._session_factory, self._today, self._read_only = session_factory, today, read_only
        self.session: Session | None = None
        self.evaluation: Evaluation | None = None
        self.period: PeriodInfo | None = None
        self.documents: DocumentsPanel | None = None
        self._document_key: Key | None = None
        self._reload_on_show = reload_on_show

        heading = QLabel(_("Measurements due"))
        font = QFont(heading.font())
        font.setBold(True)
        heading.setFont(font)
        self.due_list = QListWidget()
        self.due_list.currentItemChanged.connect(self._period_chosen)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(heading)
        left_layout.addWidget(self.due_list)

        self.title = QLabel()
        self.title.setFont(font)
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.office_model = OfficeGridModel()
        self.entity_model = EntityGridModel()
        self.office_table = grid_view(self.office_model)
        self.entity_table = grid_view(self.entity_model)
        self.office_table.setColumnWidth(1, 320)
        self.entity_table.setColumnWidth(0, 220)
        self.region = QComboBox()
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Find a local entity…"))
        self.search.setClearButtonEnabled(True)
        self.region.currentIndexChanged.connect(self._filter_entities)
        self.search.textChanged.connect(self._filter_entities)
        entity_page = QWidget()
        entity_layout = QVBoxLayout(entity_page)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(_("Under:")))
        filters.addWidget(self.region, 1)
        filters.addWidget(self.search, 1)
        entity_layout.addLayout(filters)
        entity_layout.addWidget(self.entity_table)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.office_table, _("Office indicators"))
        self.tabs.addTab(entity_page, _("By local entity"))
        self.tabs.currentChanged.connect(lambda _index: self._show_documents())
        for model, table in (
            (self.office_model, self.office_table),
            (self.entity_model, self.entity_table),
        ):
            model.problem.connect(self._show_problem)
            model.edited.connect(self._update_buttons)
            table.selectionModel().currentChanged.connect(lambda *_args: self._show_documents())
        self.documents_box = QVBoxLayout()
        self.documents_label = QLabel()
        self.documents_label.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.save_button = QPushButton(_("Save"))
        self.discard_button = QPushButton(_("Discard changes"))
        self.save_button.clicked.connect(self.save)
        self.discard_button.clicked.connect(self.discard)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.discard_button)
        buttons.addWidget(self.save_button)
        documents = QWidget()
        documents_layout = QVBoxLayout(documents)
        documents_layout.setContentsMargins(0, 0, 0, 0)
        documents_layout.addWidget(QLabel(_("Evidence documents of the selected value")))
        documents_layout.addWidget(self.documents_label)
        documents_layout.addLayout(self.documents_box, 1)
        grids = QSplitter(Qt.Orientation.Vertical)
        grids.addWidget(self.tabs)
        grids.addWidget(documents)
        grids.setSizes([520, 180])
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.title)
        right_layout.addWidget(self.empty_label)
        right_layout.addWidget(grids, 1)
        right_layout.addLayout(buttons)
        self.grids = grids
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([220, 900])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._update_buttons()

    def showEvent(self, event: QShowEvent) -> None:
        """Read afresh each time the page is shown (records change elsewhere), unless
        values typed here wait to be saved."""
        super().showEvent(event)
        if self._reload_on_show() and not self.has_changes():
            self.load()

    # --- replaceable interactions -----------------------------------------------------

    def confirm_discard(self) -> bool:
        answer = QMessageBox.question(
            self, _("Measurements"), _("Discard the values typed and not saved?")
        )
        return answer == QMessageBox.StandardButton.Yes

    # --- loading ------------------------------------------------------------------------

    def load(self) -> None:
        """Read the periods and what is due, then show the latest started period."""
        self._close_session()
        for model in (self.office_model, self.entity_model):  # what was typed is saved or gone
            model.set_entries({})
        self.session = self._session_factory()
        self.evaluation = Evaluation(self.session, self._today())
        dues = due_periods(
            self.session, self.evaluation.periods, self.evaluation.indicators, self._today()
        )
        chosen = self.period.id if self.period else None
        self.due_list.blockSignals(True)
        self.due_list.clear()
        for due in dues:
            item = QListWidgetItem(due_text(due))
            item.setData(PERIOD_ROLE, due.period.id)
            self.due_list.addItem(item)
        self.due_list.blockSignals(False)
        ids = [due.period.id for due in dues]
        self.due_list.setCurrentRow(ids.index(chosen) if chosen in ids else 0 if ids else -1)
        if not ids:
            self.show_period(None)

    def _period_chosen(
        self, item: QListWidgetItem | None, previous: QListWidgetItem | None
    ) -> None:
        if self.has_changes() and not self.confirm_discard():
            self.due_list.blockSignals(True)
            if previous is not None:
                self.due_list.setCurrentItem(previous)
            self.due_list.blockSignals(False)
            return
        if self.has_changes() and self.session is not None:
            self.session.rollback()
        evaluation = self.evaluation
        period_id = item.data(PERIOD_ROLE) if item is not None else None
        self.show_period(evaluation.period(period_id) if evaluation and period_id else None)

    def show_period(self, period: PeriodInfo | None) -> None:
        self.period = period
        evaluation, session = self.evaluation, self.session
        indicators = measured_indicators(evaluation.indicators) if evaluation else []
        office_wide = [i for i in indicators if not i.per_local_entity]
        per_entity = [i for i in indicators if i.per_local_entity]
        empty = None
        if evaluation is None or not evaluation.periods:
            empty = _(
                "No periods yet. Open an indicator, add yearly periods on its Targets "
                "tab, and the years to measure appear here."
            )
        elif not indicators:
            empty = _(
                "No indicators to measure yet. Add indicators (Indicators list, New); "
                "computed ones are counted from the records and need no entry."
            )
        self.empty_label.setText(empty or "")
        self.empty_label.setVisible(empty is not None)
        self.grids.setVisible(empty is None and period is not None)
        entries = load_entries(session, period.id) if session and period else {}
        targets = {}
        if evaluation and period:
            targets = {i.id: evaluation.target(i, period, None) for i in office_wide}
        self.office_model.set_rows(office_wide if period else [], targets)
        self.office_model.set_entries(entries)
        self.entities = measured_entities(session) if session and per_entity else []
        self.entity_model.set_entries(entries)
        self.entity_indicators = per_entity if period else []
        self._fill_regions()
        self._filter_entities()
        for column in range(1, 1 + len(self.entity_indicators)):
            self.entity_table.setColumnWidth(column, 110)
        self.tabs.setTabVisible(1, bool(per_entity))
        self.tabs.setTabVisible(0, bool(office_wide) or not per_entity)
        if not office_wide and per_entity:
            self.tabs.setCurrentIndex(1)
        read_only = self._read_only()
        for model in (self.office_model, self.entity_model):
            model.read_only = read_only
        self.title.setText(
            Message(N_("Values for {period}"), {"period": period.label}).render() if period else ""
        )
        self.message.clear()
        self._show_documents()
        self._update_buttons()

    def _fill_regions(self) -> None:
        parents = {parent for _id, _name, parent in self.entities if parent}
        names = dict(self._entity_names())
        self.region.blockSignals(True)
        self.region.clear()
        self.region.addItem(_("All local entities"), None)
        for parent in sorted(parents, key=lambda p: fold(names.get(p, ""))):
            self.region.addItem(names.get(parent, "?"), parent)
        self.region.blockSignals(False)
        self.region.setVisible(len(parents) > 1)

    def _entity_names(self) -> list[tuple[str, str]]:
        from sqlalchemy import select

        from intl_desk.core.model import LocalEntity

        if self.session is None:
            return []
        rows = self.session.execute(select(LocalEntity.id, LocalEntity.name))
        return [(row.id, row.name) for row in rows]

    def _filter_entities(self) -> None:
        parent, typed = self.region.currentData(), fold(self.search.text().strip())
        shown = [
            entity
            for entity in self.entities
            if (parent is None or entity[2] == parent) and (not typed or typed in fold(entity[1]))
        ]
        self.entity_model.set_rows(self.entity_indicators, shown)

    # --- evidence documents -------------------------------------------------------------

    def current_cell(self) -> tuple[GridModel, Key] | None:
        on_entities = self.tabs.currentIndex() == 1
        table = self.entity_table if on_entities else self.office_table
        model: GridModel = self.entity_model if on_entities else self.office_model
        index = table.currentIndex()
        if not index.isValid():
            return None
        if not on_entities:
            index = model.index(index.row(), VALUE_COLUMN)
        cell = model.cell(index)
        return (model, cell[1]) if cell else None

    def _show_documents(self) -> None:
        if self.documents is not None:  # Qt deletes it later; it stays parented till then
            self.documents_box.removeWidget(self.documents)
            self.documents.hide()
            self.documents.deleteLater()
            self.documents = None
        found = self.current_cell()
        self.documents_label.setText(
            "" if found else _("Select a value to see or attach its evidence documents.")
        )
        if found is None or self.session is None or self.period is None:
            return
        model, key = found
        entry = model.entry(key)
        owner = None
        if entry is not None and entry.measurement_id:
            owner = self.session.get(Measurement, entry.measurement_id)
        if owner is None:  # not saved yet: attaching gives it the id it will be saved with
            owner = Measurement(
                id=entry.measurement_id if entry else None,
                indicator_id=key[0],
                period_id=self.period.id,
                local_entity_id=key[1],
            )
        self.documents = DocumentsPanel(self.session, owner)
        self.documents.load()
        self.documents.set_read_only(self._read_only())
        self.documents.changed.connect(lambda: self._documents_changed(model, key, owner))
        self.documents_box.addWidget(self.documents)

    def _documents_changed(self, model: GridModel, key: Key, owner: Measurement) -> None:
        entry = model.entry(key, create=True)
        if entry is not None and self.documents is not None:
            entry.measurement_id = owner.id
            entry.documents = len(self.documents.documents)
            model.layoutChanged.emit()
        self._update_buttons()

    # --- saving -------------------------------------------------------------------------

    def has_changes(self) -> bool:
        return bool(self.office_model.changed_entries() or self.entity_model.changed_entries())

    def save(self) -> bool:
        session, evaluation, period = self.session, self.evaluation, self.period
        if session is None or evaluation is None or period is None:
            return False
        changed = self.office_model.changed_entries() + self.entity_model.changed_entries()
        indicators = {indicator.id: indicator for indicator in evaluation.indicators}
        try:
            save_entries(session, period.id, changed, indicators, self._today())
            session.commit()
        except IntlDeskError as error:
            session.rollback()
            self._show_problem(str(error))
            return False
        count = len(changed)
        self.load()
        self.message.setStyleSheet("")
        self.message.setText(
            Message(N_("{count} value(s) saved."), {"count": number_text(count)}).render()
        )
        return True

    def discard(self) -> None:
        if self.session is not None:
            self.session.rollback()
        self.show_period(self.period)

    def _show_problem(self, text: str) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(text)

    def _update_buttons(self) -> None:
        changes = self.has_changes()
        self.save_button.setEnabled(changes and not self._read_only())
        self.discard_button.setEnabled(changes)

    def _close_session(self) -> None:
        if self.session is not None:
            self.session.close()
            self.session = None
