"""The measurements of one indicator: a list, and an editor for the selected one.

Measurements are records of their own, not child rows (an indicator measured for each of
853 municipalities has thousands), so the list is read-only text and one measurement at
a time is edited beside it; core's rules run on the ones changed here, and on all of them
only when the indicator's kind of measure or scale changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QTableWidget, QTableWidgetItem, QWidget

from intl_desk.core.display import date_text, number_text, sort_key
from intl_desk.core.errors import FieldError
from intl_desk.core.i18n import N_, Message, _
from intl_desk.core.model import Indicator, Measurement
from intl_desk.core.periods import PeriodSpan, period_for_measurement
from intl_desk.core.validation import errors_of
from intl_desk.ui.choices import fill_combo
from intl_desk.ui.dialogs.project_parts import make_searchable
from intl_desk.ui.fields import FieldBinding, allow_empty_number, prepare_date_edit
from intl_desk.ui.forms.ui_indicator import Ui_IndicatorForm
from intl_desk.ui.pickers import show_as_tree
from intl_desk.ui.record_dialog import ERROR_STYLE

MEASUREMENT_HEADERS = (
    N_("Period"),
    N_("Local entity"),
    N_("Value"),
    N_("Measured on"),
    N_("Source"),
    N_("Evidence"),
)
ENTITY_COLUMN = 1
ERROR_COLOUR = QColor("#b3261e")
ERRORS_LISTED = 3  # measurements named in the message under the tabs; the rest are counted

Choices = list[tuple[Any, str]]


class MeasurementsPanel(QObject):
    """The list of an indicator's measurements and the editor of the selected one."""

    changed = Signal()

    def __init__(self, ui: Ui_IndicatorForm, session: Session, indicator: Indicator) -> None:
        super().__init__(ui.measurement_table)
        self.ui, self.session, self.indicator = ui, session, indicator
        self.rows: list[Measurement] = []
        self.removed = 0
        self.periods: dict[str, tuple[int, str]] = {}  # id → (order, label)
        self.spans: list[PeriodSpan] = []
        self.entities: dict[str, str] = {}
        self.levels: dict[int, str] = {}
        self.mode: tuple[Any, ...] = ()
        self.checked: dict[int, tuple[Any, list[FieldError]]] = {}
        self.error_labels: dict[str, QLabel] = {}
        table = self.table = ui.measurement_table
        table.setColumnCount(len(MEASUREMENT_HEADERS))
        table.setHorizontalHeaderLabels([_(header) for header in MEASUREMENT_HEADERS])
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setStretchLastSection(True)
        table.setWordWrap(False)
        table.verticalHeader().setDefaultSectionSize(24)
        for number, width in enumerate((70, 180, 130, 104, 140)):  # evidence takes the rest
            table.setColumnWidth(number, width)
        ui.measurement_splitter.setSizes([600, 380])
        table.itemSelectionChanged.connect(self.show_current)
        ui.add_measurement.clicked.connect(self.add)
        ui.remove_measurement.clicked.connect(self.remove)
        make_searchable(ui.m_local_entity_id)
        prepare_date_edit(ui.m_measured_on)
        allow_empty_number(ui.m_value)
        widgets: dict[str, QWidget] = {
            "period_id": ui.m_period_id,
            "local_entity_id": ui.m_local_entity_id,
            "value": ui.m_value,
            "scale_level": ui.m_scale_level,
            "text": ui.m_text,
            "measured_on": ui.m_measured_on,
            "source": ui.m_source,
            "evidence": ui.m_evidence,
            "comment": ui.m_comment,
        }
        self.bindings = [FieldBinding(field, widget, object) for field, widget in widgets.items()]
        for binding in self.bindings:
            binding.changed_signal().connect(self.write_current)

    # --- loading ------------------------------------------------------------------------

    def set_choices(
        self, periods: Choices, entities: Choices, spans: Sequence[PeriodSpan] = ()
    ) -> None:
        self.periods = {value: (order, label) for order, (value, label) in enumerate(periods)}
        self.spans = list(spans)
        self.entities = dict(entities)
        for box, choices in ((self.ui.m_period_id, periods), (self.ui.m_local_entity_id, entities)):
            box.blockSignals(True)
            fill_combo(box, choices)
            box.blockSignals(False)
        show_as_tree(self.ui.m_local_entity_id)
        self.show_current()

    def load(self) -> None:
        rows: Sequence[Measurement] = []
        if self.indicator.id is not None:
            rows = self.session.scalars(
                select(Measurement).where(
                    Measurement.indicator_id == self.indicator.id, Measurement.deleted_at.is_(None)
                )
            ).all()
        self.rows = sorted(rows, key=self._order)
        self.table.setRowCount(len(self.rows))
        for row, measurement in enumerate(self.rows):
            self._show_row(row, measurement)
        if self.rows:
            self.table.selectRow(len(self.rows) - 1)
        self.show_current()

    def _order(self, measurement: Measurement) -> tuple[int, Any]:
        order = self.periods.get(measurement.period_id or "", (-1, ""))[0]
        return order, sort_key(self.entities.get(measurement.local_entity_id or "", ""))

    def set_levels(self, levels: dict[int, str]) -> None:
        if levels != self.levels:
            self.levels = levels
            self.refresh_rows()
            self.show_current()  # the level list of the editor

    def set_mode(self, measure: str, per_entity: bool, computed: bool, unit: str | None) -> None:
        mode = (measure, per_entity, computed, unit)
        if mode == self.mode:
            return
        self.mode = mode
        ui, form = self.ui, self.ui.measurement_form
        self.table.setColumnHidden(ENTITY_COLUMN, not per_entity)
        form.setRowVisible(ui.m_local_entity_id, per_entity)
        for measure_kind, widget in (
            ("quantitative", ui.m_value),
            ("qualitative", ui.m_scale_level),
            ("text", ui.m_text),
        ):
            form.setRowVisible(widget, measure == measure_kind)
        ui.computed_note.setVisible(computed)
        ui.measurement_splitter.setVisible(not computed)
        self.refresh_rows()
        self.show_current()

    # --- the list -----------------------------------------------------------------------

    def current(self) -> Measurement | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def value_text(self, measurement: Measurement) -> str:
        measure, unit = self.indicator.measure, self.indicator.unit
        if measure == "qualitative":
            level = measurement.scale_level
            return "" if level is None else f"{level} — {self.levels.get(level, '?')}"
        if measure == "text":
            return (measurement.text or "").strip().split("\n")[0]
        if measurement.value is None:
            return ""
        return (
            f"{number_text(measurement.value)} {unit}" if unit else number_text(measurement.value)
        )

    def _show_row(self, row: int, measurement: Measurement) -> None:
        texts = (
            self.periods.get(measurement.period_id or "", (0, ""))[1],
            self.entities.get(measurement.local_entity_id or "", "").strip(),
            self.value_text(measurement),
            date_text(measurement.measured_on),
            measurement.source or "",
            (measurement.evidence or "").split("\n")[0],
        )
        for number, text in enumerate(texts):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            self.table.setItem(row, number, item)

    def refresh_rows(self) -> None:
        for row, measurement in enumerate(self.rows):
            self._show_row(row, measurement)

    def add(self) -> None:
        used = {m.period_id for m in self.rows}
        chosen = period_for_measurement(self.spans, used, date.today())
        if chosen is None:  # every period measured: the latest, to be changed
            chosen = next(reversed(self.periods), None)
        measurement = Measurement(indicator=self.indicator, period_id=chosen)
        self.session.add(measurement)
        self.rows.append(measurement)
        row = len(self.rows) - 1
        self.table.insertRow(row)
        self._show_row(row, measurement)
        self.table.selectRow(row)
        self.ui.m_period_id.setFocus()
        self.changed.emit()

    def remove(self) -> None:
        measurement = self.current()
        if measurement is None:
            return
        row = self.rows.index(measurement)
        self.rows.pop(row)
        self.table.removeRow(row)
        if inspect(measurement).persistent:
            self.session.delete(measurement)  # a tombstone once saved
            self.removed += 1
        else:
            self.session.expunge(measurement)
        self.show_current()
        self.changed.emit()

    # --- the editor ---------------------------------------------------------------------

    def show_current(self) -> None:
        measurement = self.current()
        computed = bool(self.mode and self.mode[2])
        self.ui.measurement_group.setEnabled(measurement is not None and not computed)
        self.ui.remove_measurement.setEnabled(measurement is not None and not computed)
        level_box = self.ui.m_scale_level
        level_box.blockSignals(True)
        fill_combo(
            level_box, [(level, f"{level} — {label}") for level, label in self.levels.items()]
        )
        level = measurement.scale_level if measurement is not None else None
        if level is not None and level not in self.levels:
            level_box.addItem(
                Message(N_("{level} — not on the scale"), {"level": level}).render(), level
            )
        level_box.blockSignals(False)
        for binding in self.bindings:
            binding.widget.blockSignals(True)
            binding.write(getattr(measurement, binding.field) if measurement else None)
            binding.widget.blockSignals(False)
        self._show_errors(self.checked.get(id(measurement), (None, []))[1])

    def write_current(self) -> None:
        measurement = self.current()
        if measurement is None:
            return
        for binding in self.bindings:
            value = binding.read()
            if getattr(measurement, binding.field) != value:
                setattr(measurement, binding.field, value)
        self._show_row(self.rows.index(measurement), measurement)
        self.changed.emit()

    # --- validation ---------------------------------------------------------------------

    def errors(self) -> list[FieldError]:
        """Core's rules on each measurement; unchanged ones only when the scale or kind moved."""
        key = (self.indicator.measure, tuple(self.levels))
        found: list[tuple[Measurement, list[FieldError]]] = []
        for row, measurement in enumerate(self.rows):
            earlier = self.checked.get(id(measurement))
            fresh = inspect(measurement).pending or self.session.is_modified(measurement)
            if fresh or earlier is None or earlier[0] != key:
                with self.session.no_autoflush:
                    earlier = (key, errors_of(measurement, self.session))
                self.checked[id(measurement)] = earlier
            if earlier[1]:
                found.append((measurement, earlier[1]))
            item = self.table.item(row, 0)
            if item is not None and bool(earlier[1]) != (item.foreground().color() == ERROR_COLOUR):
                item.setForeground(QBrush(ERROR_COLOUR) if earlier[1] else QBrush())
        current = self.current()
        self._show_errors(next((errors for m, errors in found if m is current), []))
        listed = [
            FieldError(
                "measurement",
                measurement.id,
                "measurements",
                Message(
                    N_("Measurement {period}: {message}"),
                    {"period": self._name(measurement), "message": str(error)},
                ),
            )
            for measurement, errors in found[:ERRORS_LISTED]
            for error in errors
        ]
        if len(found) > ERRORS_LISTED:
            count = len(found) - ERRORS_LISTED
            message = Message(N_("…and {count} more measurements to correct."), {"count": count})
            listed.append(FieldError("measurement", None, "measurements", message))
        return listed

    def _name(self, measurement: Measurement) -> str:
        period = self.periods.get(measurement.period_id or "", (0, "—"))[1]
        entity = self.entities.get(measurement.local_entity_id or "", "").strip()
        return f"{period} — {entity}" if entity else period

    def _show_errors(self, errors: list[FieldError]) -> None:
        by_field: dict[str, list[str]] = {}
        for error in errors:
            by_field.setdefault(error.field, []).append(str(error))
        for binding in self.bindings:
            messages = by_field.get(binding.field, [])
            label = self.error_labels.get(binding.field)
            if label is None and messages:
                label = self.error_labels[binding.field] = QLabel()
                label.setObjectName(f"m_{binding.field}_error")
                label.setStyleSheet(ERROR_STYLE)
                label.setWordWrap(True)
                form = self.ui.measurement_form
                position: Any = form.getWidgetPosition(binding.widget)
                form.insertRow(int(position[0]) + 1, "", label)
            if label is not None:
                label.setText(" ".join(messages))
                label.setVisible(bool(messages))

    def state(self) -> tuple[Any, ...]:
        fields = [binding.field for binding in self.bindings]
        rows = tuple(tuple(getattr(m, field) for field in fields) for m in self.rows)
        return (*rows, self.removed)

    def ids(self) -> list[str]:
        return [m.id for m in self.rows if m.id]
