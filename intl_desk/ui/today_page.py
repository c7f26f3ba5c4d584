"""The start page: what needs attention today."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy.orm import Session

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from intl_desk.core import today as questions
from intl_desk.core.display import date_text
from intl_desk.core.i18n import N_, Message, _
from intl_desk.core.records import describe
from intl_desk.core.vocabularies import RENEWAL_DECISIONS

RECORD_ROLE = Qt.ItemDataRole.UserRole + 10


class _Panel(QFrame):
    def __init__(self, title: str, empty_text: str) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.empty_text = empty_text
        self.title = title
        heading = QLabel(title)
        self.heading = heading
        font = QFont(heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        heading.setFont(font)
        self.list = QListWidget()
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.list)

    def fill(self, lines: list[tuple[str, tuple[str, str] | None]]) -> None:
        self.list.clear()
        self.heading.setText(f"{self.title} ({len(lines)})" if lines else self.title)
        if not lines:
            item = QListWidgetItem(self.empty_text)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(item)
            return
        for text, record in lines:
            item = QListWidgetItem(text)
            item.setData(RECORD_ROLE, record)
            self.list.addItem(item)


class TodayPage(QWidget):
    open_requested = Signal(str, str)

    def __init__(
        self, session_factory: Callable[[], Session], today: Callable[[], date] = date.today
    ) -> None:
        super().__init__()
        self._session_factory = session_factory
        self._today = today
        self.heading = QLabel()
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.renewals = _Panel(
            _("Agreements to renew"), _("No agreement needs a renewal decision now.")
        )
        self.reports = _Panel(
            _("Project reports due"), _("No project report is due in the next 60 days.")
        )
        self.measurements = _Panel(
            _("Measurements to enter"), _("Every indicator has its measurement for the period.")
        )
        self.recent = _Panel(
            _("Recently changed"), _("Nothing recorded yet: start with a partner or an agreement.")
        )
        grid = QGridLayout()
        grid.addWidget(self.renewals, 0, 0)
        grid.addWidget(self.reports, 0, 1)
        grid.addWidget(self.measurements, 1, 0)
        grid.addWidget(self.recent, 1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(grid, 1)
        for panel in (self.renewals, self.reports, self.measurements, self.recent):
            panel.list.itemActivated.connect(self._open_item)
            panel.list.itemDoubleClicked.connect(self._open_item)

    def load(self) -> None:
        today = self._today()
        self.heading.setText(Message(N_("Today, {date}"), {"date": date_text(today)}).render())
        with self._session_factory() as session:
            self.renewals.fill(
                [
                    (
                        Message(
                            N_("{title} — expires {date} ({decision})"),
                            {
                                "title": due.title,
                                "date": date_text(due.expires),
                                "decision": RENEWAL_DECISIONS.label(due.decision or "undecided"),
                            },
                        ).render(),
                        ("agreements", due.agreement_id),
                    )
                    for due in questions.renewals_due(session, today)
                ]
            )
            self.reports.fill(
                [
                    (
                        Message(
                            N_("{report} — {project}, due {date}")
                            if due.days_left >= 0
                            else N_("{report} — {project}, overdue since {date}"),
                            {
                                "report": due.report_title,
                                "project": due.project_title,
                                "date": date_text(due.due),
                            },
                        ).render(),
                        ("projects", due.project_id),
                    )
                    for due in questions.reports_due(session, today)
                ]
            )
            self.measurements.fill(
                [
                    (
                        Message(
                            N_("{indicator} ({period})"),
                            {"indicator": due.name, "period": due.period_label},
                        ).render(),
                        ("indicators", due.indicator_id),
                    )
                    for due in questions.measurements_due(session, today)
                ]
            )
            recent_lines: list[tuple[str, tuple[str, str] | None]] = []
            for change in questions.recent_changes(session):
                kind_label, title = describe(session, change.record_kind, change.record_id)
                values = {
                    "kind": kind_label,
                    "title": title,
                    "date": date_text(change.changed_at),
                    "user": change.changed_by,
                }
                text = (
                    N_("{kind}: {title} — {date}, {user}")
                    if change.changed_by
                    else N_("{kind}: {title} — {date}")
                )
                recent_lines.append(
                    (
                        Message(text, values).render(),
                        (_LIST_OF_KIND.get(change.record_kind, ""), change.record_id),
                    )
                )
            self.recent.fill(recent_lines)

    def _open_item(self, item: QListWidgetItem) -> None:
        record = item.data(RECORD_ROLE)
        if record and record[0]:
            self.open_requested.emit(record[0], record[1])


_LIST_OF_KIND = {
    "agreement": "agreements",
    "project": "projects",
    "partner": "partners",
    "local_entity": "local_entities",
    "network": "networks",
    "activity": "activities",
    "indicator": "indicators",
    "contact": "contacts",
}
