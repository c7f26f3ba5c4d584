"""Reading and writing record fields through the widgets a Designer form holds.

A form's widgets are named after the model's columns (``title``, ``date_signed``…);
:func:`bind_fields` finds them and returns one :class:`FieldBinding` each, so a form
class needs no per-field code for plain fields.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import inspect

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTextEdit,
    QWidget,
)

from intl_desk.core.date_precision import END_DATES, has_precision
from intl_desk.core.model import Record
from intl_desk.core.vocabularies import Vocabulary
from intl_desk.ui.date_field import DateField

NO_DATE = QDate(1900, 1, 1)
DATE_FORMAT = "dd/MM/yyyy"


def prepare_date_edit(widget: QDateEdit | DateField) -> None:
    """A date field that can be empty: its minimum stands for "no date" and shows a dash.

    (Forms hold :class:`DateField` instead, which needs none of this; table cells still
    edit dates with a ``QDateEdit``.)"""
    if isinstance(widget, DateField):
        return
    widget.setMinimumDate(NO_DATE)
    widget.setSpecialValueText("—")
    widget.setCalendarPopup(True)
    # day/month/year with four digits, as the app's four languages (British English,
    # French, Spanish, Brazilian Portuguese) write dates by hand
    widget.setDisplayFormat(DATE_FORMAT)
    if widget.date() == QDate(2000, 1, 1):
        widget.setDate(NO_DATE)


def fill_vocabulary(box: QComboBox, vocabulary: Vocabulary, optional: bool = False) -> None:
    box.clear()
    if optional:
        box.addItem("—", None)
    for term in vocabulary:
        box.addItem(term.display(), term.code)


@dataclass
class FieldBinding:
    field: str
    widget: QWidget
    python_type: type
    #: "precision" binds a date's precision column to that date's field
    aspect: str = "value"

    def read(self) -> Any:
        widget = self.widget
        if isinstance(widget, DateField) and self.aspect == "precision":
            return widget.precision()
        if isinstance(widget, DateField):
            return widget.value()
        if isinstance(widget, QLineEdit):
            return widget.text().strip() or None
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText().strip() or None
        if isinstance(widget, QTextEdit):
            return widget.toPlainText().strip() or None
        if isinstance(widget, QComboBox):
            data = widget.currentData()
            return None if data in (None, "") else data
        if isinstance(widget, QDateEdit):
            value = widget.date()
            return None if value == NO_DATE else date(value.year(), value.month(), value.day())
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        if (
            isinstance(widget, QDoubleSpinBox | QSpinBox)
            and widget.specialValueText()
            and widget.value() == widget.minimum()
        ):
            return None
        if isinstance(widget, QDoubleSpinBox):
            if self.python_type is Decimal:
                return Decimal(str(round(widget.value(), widget.decimals())))
            return widget.value()
        if isinstance(widget, QSpinBox):
            return widget.value()
        raise TypeError(f"no binding for {type(widget).__name__}")

    def write(self, value: Any) -> None:
        widget = self.widget
        if isinstance(widget, DateField) and self.aspect == "precision":
            widget.set_precision(value)
        elif isinstance(widget, DateField):
            widget.set_value(value)
        elif isinstance(widget, QLineEdit):
            widget.setText("" if value is None else str(value))
        elif isinstance(widget, QPlainTextEdit | QTextEdit):
            widget.setPlainText("" if value is None else str(value))
        elif isinstance(widget, QComboBox):
            index = widget.findData(value)
            widget.setCurrentIndex(index if index >= 0 else (0 if widget.count() else -1))
        elif isinstance(widget, QDateEdit):
            widget.setDate(NO_DATE if value is None else QDate(value.year, value.month, value.day))
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif isinstance(widget, QDoubleSpinBox) and widget.specialValueText() and value is None:  # noqa: SIM114 - split for the type checker
            widget.setValue(widget.minimum())
        elif isinstance(widget, QSpinBox) and widget.specialValueText() and value is None:
            widget.setValue(widget.minimum())
        elif isinstance(widget, QDoubleSpinBox):
            widget.setValue(float(value or 0))
        elif isinstance(widget, QSpinBox):
            widget.setValue(int(value or 0))

    def changed_signal(self) -> Any:
        widget = self.widget
        if isinstance(widget, DateField):
            return widget.dateChanged
        for name in (
            "textChanged",
            "currentIndexChanged",
            "dateChanged",
            "toggled",
            "valueChanged",
        ):
            signal = getattr(widget, name, None)
            if signal is not None:
                return signal
        return None


def bind_fields(root: QWidget, model: type[Record]) -> list[FieldBinding]:
    """One binding per model column that has a widget of the same name under ``root``."""
    bindings = []
    table = str(getattr(model, "__tablename__", ""))
    for attribute in inspect(model).column_attrs:
        dated = attribute.key.removesuffix("_precision")
        if dated != attribute.key and has_precision(table, dated):
            field = root.findChild(DateField, dated)
            if field is not None:  # a year or a month alone is kept as such
                field.allow_partial(is_end=dated in END_DATES)
                bindings.append(FieldBinding(attribute.key, field, str, "precision"))
            continue
        widget = root.findChild(QWidget, attribute.key)
        if widget is None:
            continue
        column = attribute.columns[0]
        try:
            python_type = column.type.python_type
        except NotImplementedError:
            python_type = object
        if isinstance(widget, QDateEdit):
            prepare_date_edit(widget)
        bindings.append(FieldBinding(attribute.key, widget, python_type))
    return bindings


def allow_empty_number(widget: QDoubleSpinBox | QSpinBox) -> None:
    """Let a number field be empty: one step below its range shows a dash and means None."""
    step = 1 if isinstance(widget, QSpinBox) else 10 ** -widget.decimals()
    widget.setMinimum(widget.minimum() - step)  # type: ignore[arg-type]
    widget.setSpecialValueText("—")
    widget.setValue(widget.minimum())  # type: ignore[arg-type]
