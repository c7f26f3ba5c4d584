"""The date field of every form: people type a date the way they write it.

``QDateEdit`` fights typing (an empty field shows a dash that the digits run into, Tab is
held while a section is incomplete, the calendar opens in 1900), so forms use this line
edit instead. It reads what was typed with the register reader's rules (day first:
``15/03/2024``, ``15.03.2024``, ``2024-03-15``, ``15 mars 2024``, ``15 de março de
2024``), shows what it understood (``15/03/2024``, the long form in its tooltip), may be
left empty, and never drops input: text it cannot read stays as typed, marked, with the
reason, and the form will not save it. The calendar button opens at the field's date or
at today.

A date an office may know only to the year or the month (an agreement's signing, a
project's end: see :mod:`intl_desk.core.date_precision`) takes "2011" or "juillet 2003"
once :meth:`DateField.allow_partial` is called, keeps that precision and shows it as given
("2011", "July 2003"); an end date given so runs to the period's last day.

Its API is the part of ``QDateEdit``'s the forms use (``date``, ``setDate``,
``dateChanged``, empty = :data:`NO_DATE`), so forms and their tests keep working.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QFocusEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDateEdit,
    QLabel,
    QLineEdit,
    QStyle,
    QWidget,
)

from intl_desk.core.date_precision import (
    Precision,
    as_precision,
    end_of_period,
    precise_date_text,
    start_of_period,
)
from intl_desk.core.display import date_text
from intl_desk.core.i18n import N_, Message, _
from intl_desk.exchange.dates import DateUnreadable, read_date

NO_DATE = QDate(1900, 1, 1)
INVALID_STYLE = "QLineEdit { border: 1px solid #c62828; background: #fff5f5; }"


class DateField(QLineEdit):
    """A typed date; empty means no date."""

    dateChanged = Signal(QDate)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._date: dt.date | None = None
        self._precision: Precision = "day"
        self._partial_allowed = False
        self._is_end = False
        self.error: Message | None = None
        self.setPlaceholderText(_("dd/mm/yyyy"))
        self.setClearButtonEnabled(True)
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView)
        self.calendar_action = QAction(icon, _("Choose in a calendar"), self)
        self.calendar_action.setObjectName("calendarAction")
        self.addAction(self.calendar_action, QLineEdit.ActionPosition.TrailingPosition)
        self.calendar_action.triggered.connect(self.open_calendar)
        self.calendar: QCalendarWidget | None = None
        self.textEdited.connect(self._read)
        self.editingFinished.connect(self.tidy)

    # --- the QDateEdit part the forms use ------------------------------------------------

    def date(self) -> QDate:
        value = self._date
        return NO_DATE if value is None else QDate(value.year, value.month, value.day)

    def setDate(self, value: QDate) -> None:
        valid = value.isValid() and value != NO_DATE
        self.set_value(dt.date(value.year(), value.month(), value.day()) if valid else None)

    # --- the field's own API -------------------------------------------------------------

    def value(self) -> dt.date | None:
        return self._date

    def precision(self) -> Precision:
        """How much of the date was given: "day", or "month" / "year" alone."""
        return self._precision if self._date is not None else "day"

    def allow_partial(self, *, is_end: bool) -> None:
        """Take a year or a month alone; an end date then runs to its period's last day."""
        self._partial_allowed, self._is_end = True, is_end
        self.setPlaceholderText(_("dd/mm/yyyy, or a month or a year"))

    def set_value(self, value: dt.date | None) -> None:
        self.error = None
        changed = value != self._date or self._precision != "day"
        self._date, self._precision = value, "day"
        self.setText(_shown(value))
        self._mark()
        if changed:
            self.dateChanged.emit(self.date())

    def set_precision(self, precision: object) -> None:
        """Show the date held as the year or month it stands for (after :meth:`set_value`)."""
        if self._partial_allowed and self._date is not None:
            self._precision = as_precision(precision)
            self.setText(_shown(self._date, self._precision))
            self._mark()

    def _read(self, text: str) -> None:
        """Read as the user types: a complete date is taken at once, an unreadable text
        keeps its reason (shown on leaving the field)."""
        previous = (self._date, self._precision)
        self._precision = "day"
        try:
            reading = read_date(text.strip(), day_first=True) if text.strip() else None
        except DateUnreadable as error:
            self._date, self.error = None, error.message
        else:
            if reading is not None and reading.precision != "day" and self._partial_allowed:
                period = end_of_period if self._is_end else start_of_period
                self._date = period(reading.value, reading.precision)
                self._precision, self.error = reading.precision, None
            elif reading is not None and reading.precision != "day":
                self._date = None
                self.error = Message(
                    N_("“{value}” gives no day: type the whole date, like 15/03/2024."),
                    {"value": text.strip()},
                )
            else:
                self._date, self.error = (reading.value if reading else None), None
        self._mark(quiet=True)
        if (self._date, self._precision) != previous or self.error is not None:
            self.dateChanged.emit(self.date())

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.tidy()

    def focusNextPrevChild(self, next: bool) -> bool:
        self.tidy()  # Tab and Shift+Tab
        return super().focusNextPrevChild(next)

    def tidy(self) -> None:
        """Leaving the field shows what was understood, in one unambiguous form."""
        if self.error is None and self._date is not None:
            self.setText(_shown(self._date, self._precision))
        self._mark()

    def _mark(self, quiet: bool = False) -> None:
        if self.error is not None:
            if not quiet:
                self.setStyleSheet(INVALID_STYLE)
            self.setToolTip(self.error.render())
        elif self._date is not None and self._precision != "day":
            self.setStyleSheet("")
            self.setToolTip(
                Message(
                    N_("{period}: computations take {day}"),
                    {
                        "period": precise_date_text(self._date, self._precision),
                        "day": date_text(self._date),
                    },
                ).render()
            )
        else:
            self.setStyleSheet("")
            self.setToolTip(date_text(self._date) if self._date else "")

    # --- the calendar --------------------------------------------------------------------

    def open_calendar(self) -> QCalendarWidget:
        calendar = QCalendarWidget(self)
        calendar.setWindowFlags(Qt.WindowType.Popup)
        calendar.setObjectName("dateFieldCalendar")
        calendar.setGridVisible(True)
        start = self._date or dt.date.today()
        calendar.setSelectedDate(QDate(start.year, start.month, start.day))
        calendar.clicked.connect(lambda chosen: self._chosen(calendar, chosen))
        calendar.activated.connect(lambda chosen: self._chosen(calendar, chosen))
        calendar.move(self.mapToGlobal(QPoint(0, self.height())))
        calendar.show()
        self.calendar = calendar
        return calendar

    def _chosen(self, calendar: QCalendarWidget, chosen: QDate) -> None:
        calendar.close()
        self.set_value(dt.date(chosen.year(), chosen.month(), chosen.day()))
        self.setFocus()


def _shown(value: dt.date | None, precision: Precision = "day") -> str:
    """What the field shows: 15/03/2024, or a year or month alone as it was given."""
    if value is None:
        return ""
    if precision != "day":
        return precise_date_text(value, precision)
    return value.strftime("%d/%m/%Y")


def replace_date_edits(root: QWidget, holder: object) -> list[DateField]:
    """Put a :class:`DateField` in the place of every ``QDateEdit`` under ``root`` (a
    Designer form), under the same object name, and point ``holder``'s attribute of that
    name (the compiled form's ``self.ui``) at it."""
    fields = []
    for old in root.findChildren(QDateEdit):
        parent = old.parentWidget()
        layout = parent.layout() if parent is not None else None
        if layout is None:
            continue
        new = DateField(parent)
        new.setObjectName(old.objectName())
        before, after = old.previousInFocusChain(), old.nextInFocusChain()
        item = layout.replaceWidget(old, new)
        if item is None:
            new.deleteLater()
            continue
        # Tab keeps its order through the form, and a label's shortcut reaches the field
        if before is not None and after is not None:
            QWidget.setTabOrder(before, new)
            QWidget.setTabOrder(new, after)
        for label in root.findChildren(QLabel):
            if label.buddy() is old:
                label.setBuddy(new)
        name = old.objectName()
        old.hide()
        old.setObjectName("")  # findChild(name) must find the new field only
        old.setParent(None)
        old.deleteLater()
        if getattr(holder, name, None) is old:
            setattr(holder, name, new)
        fields.append(new)
    return fields


__all__ = ["NO_DATE", "DateField", "replace_date_edits"]
