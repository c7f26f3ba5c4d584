"""Who changed what and when, for one record and its child rows, in words.

The lines come from :func:`intl_desk.core.history.record_history`: field labels as the
form shows them, names instead of ids, dates in the user's language. One save writes
several lines at the same moment; the moment and the author are shown once per save so
the table reads as a list of edits rather than a wall of timestamps.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.orm import Session

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from intl_desk.core.display import date_text
from intl_desk.core.history import HistoryLine, record_history
from intl_desk.core.i18n import N_, Message, _
from intl_desk.core.model import Record

COLUMN_WIDTHS = (150, 110, 230, 160)  # when, who, what, before; after stretches


class HistoryPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setObjectName("historySummary")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [_("When"), _("Who"), _("What"), _("Before"), _("After")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate(COLUMN_WIDTHS):
            self.table.setColumnWidth(column, width)
        self.lines: list[HistoryLine] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addStretch(0)  # keeps the summary at the top while the table is hidden
        self.summary.setText(_("The history starts when the record is first saved."))

    def load(self, session: Session, record: Record | None, child_ids: Iterable[str] = ()) -> None:
        """Show ``record``'s history; ``None`` (a record not saved yet) shows none."""
        self.table.setRowCount(0)
        self.lines = []
        if record is None or record.id is None or record.created_at is None:
            self.summary.setText(_("The history starts when the record is first saved."))
            self.table.hide()
            return
        self.lines = record_history(session, record, child_ids)
        self._show_summary(record)
        self.table.setRowCount(len(self.lines))
        previous: tuple[str, str] | None = None
        bold = QFont(self.table.font())
        bold.setBold(True)
        for row, line in enumerate(self.lines):
            moment = f"{date_text(line.changed_at)} {line.changed_at.astimezone():%H:%M}"
            same_save = previous == (moment, line.changed_by)
            previous = (moment, line.changed_by)
            cells = [
                "" if same_save else moment,
                "" if same_save else line.changed_by,
                line.what,
                line.before,
                line.after,
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 0:
                    item.setToolTip(moment)
                elif column == 3 and line.before_full:
                    item.setToolTip(line.before_full)
                elif column == 4 and line.after_full:
                    item.setToolTip(line.after_full)
                elif text:
                    item.setToolTip(text)
                self.table.setItem(row, column, item)

    def _show_summary(self, record: Record) -> None:
        created, updated = date_text(record.created_at), date_text(record.updated_at)
        if updated and updated != created:
            text = Message(
                N_("Created on {created}, last changed on {updated}."),
                {"created": created, "updated": updated},
            ).render()
        else:
            text = Message(N_("Created on {created}."), {"created": created}).render()
        if not self.lines:
            text += " " + _(
                "No change has been recorded since (records imported or generated in bulk "
                "start without a history)."
            )
        self.summary.setText(text)
        self.table.setVisible(bool(self.lines))
