"""Who changed what and when, for one record and its child rows."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from intl_desk.core.display import date_text
from intl_desk.core.i18n import N_, _
from intl_desk.core.model import Change

ACTIONS = {
    "create": N_("Created"),
    "update": N_("Changed"),
    "delete": N_("Deleted"),
    "restore": N_("Restored"),
}


class HistoryPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [_("When"), _("Who"), _("What"), _("Before"), _("After")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)

    def load(self, session: Session, record_id: str | None, child_ids: list[str]) -> None:
        self.table.setRowCount(0)
        if record_id is None:
            return
        ids = [record_id, *child_ids]
        changes = session.scalars(
            select(Change)
            .where(or_(Change.record_id.in_(ids)))
            .order_by(Change.changed_at.desc())
            .limit(500)
        ).all()
        self.table.setRowCount(len(changes))
        for row, change in enumerate(changes):
            what = _(ACTIONS.get(change.action, change.action))
            if change.field:
                what = f"{what}: {change.field}"
            elif change.record_id != record_id:
                what = f"{what}: {change.record_kind}"
            cells = [
                f"{date_text(change.changed_at)} {change.changed_at:%H:%M}",
                change.changed_by or "",
                what,
                change.old_value or "",
                change.new_value or "",
            ]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
