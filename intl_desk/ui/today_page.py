"""The start page: what needs attention today."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from PySide6.QtCore import SIGNAL, QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from intl_desk.core import today as questions
from intl_desk.core.display import date_text, number_text
from intl_desk.core.i18n import N_, Message, _
from intl_desk.core.mission_value import FollowUpDue, follow_ups_due
from intl_desk.core.records import describe
from intl_desk.core.vocabularies import RENEWAL_DECISIONS
from intl_desk.ui.operations import BusyIndicator, Operation

RECORD_ROLE = Qt.ItemDataRole.UserRole + 10
LATE_COLOUR = QColor("#b3261e")  # the forms' error red: past its date


class _AiryDelegate(QStyledItemDelegate):
    """Four more pixels under each record: one line per record reads better with air."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return super().sizeHint(option, index) + QSize(0, 4)


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
        # air between records comes from the delegate: QListView's spacing, with word wrap,
        # measures a line a few pixels wider than it paints it, and a Portuguese line that
        # just fits ends in "…" above an empty second line
        self.list.setItemDelegate(_AiryDelegate(self.list))
        self.list.setAlternatingRowColors(True)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.list)

    def fill(
        self,
        lines: list[tuple[str, tuple[str, str] | None]],
        title: str | None = None,
        empty_text: str | None = None,
        late: frozenset[int] = frozenset(),
        headings: frozenset[int] = frozenset(),
    ) -> None:
        """``late`` holds the rows past their date, shown in red; ``headings`` the rows
        that head a group (bold, not a record)."""
        self.list.clear()
        title = title or self.title
        self.heading.setText(f"{title} ({number_text(len(lines))})" if lines else title)
        if not lines:
            item = QListWidgetItem(empty_text or self.empty_text)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(item)
            return
        for row, (text, record) in enumerate(lines):
            item = QListWidgetItem(text)
            item.setData(RECORD_ROLE, record)
            item.setToolTip(text)
            if row in late:
                item.setForeground(LATE_COLOUR)
            if row in headings:
                bold = QFont(item.font())
                bold.setBold(True)
                item.setFont(bold)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.list.addItem(item)


#: The first steps in a new office file: (list kind, button, what it is for).
FIRST_STEPS = (
    (
        "local_entities",
        N_("Add our local entities…"),
        N_(
            "The departments, municipalities or agencies of our own administration that sign "
            "and carry out the international work."
        ),
    ),
    (
        "partners",
        N_("Add a partner…"),
        N_(
            "The cities and organisations abroad. Type a city's name: its country and map "
            "position are filled in from the world gazetteer."
        ),
    ),
    (
        "agreements",
        N_("Record an agreement…"),
        N_(
            "Twinnings, memoranda and cooperation agreements, with their parties, objectives, "
            "renewal dates and signed documents."
        ),
    ),
    (
        "projects",
        N_("Record a project…"),
        N_("Cooperation projects with their participants, yearly budget and co-financing."),
    ),
    (
        "indicators",
        N_("Define an indicator…"),
        N_("What the office measures each period, with its targets."),
    ),
)


class _FirstSteps(QFrame):
    """What to do in a file that holds nothing yet, one button per kind of record."""

    new_requested = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.heading = heading = QLabel(_("This office file is ready. Where to start:"))
        font = QFont(heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        heading.setFont(font)
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(12)
        self.buttons: dict[str, QPushButton] = {}
        self.explanations: dict[str, QLabel] = {}
        for row, (kind, button_text, help_text) in enumerate(FIRST_STEPS):
            button = QPushButton(_(button_text))
            button.setMinimumWidth(220)
            button.clicked.connect(lambda _checked=False, k=kind: self.new_requested.emit(k))
            explanation = QLabel(_(help_text))
            explanation.setWordWrap(True)
            grid.addWidget(button, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(explanation, row, 1)
            self.buttons[kind] = button
            self.explanations[kind] = explanation
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 16)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addLayout(grid)

    def set_writable(self, writable: bool) -> None:
        """A file open read-only takes no new records: the steps are shown, not offered."""
        for button in self.buttons.values():
            button.setEnabled(writable)
            button.setToolTip(
                "" if writable else _("The file is open read-only: nothing can be added.")
            )

    def show_steps(self, left: list[str], new_file: bool) -> None:
        """Offer the steps not taken yet; gone once every kind has its first record."""
        for kind, button in self.buttons.items():
            button.setVisible(kind in left)
            self.explanations[kind].setVisible(kind in left)
        self.heading.setText(
            _("This office file is ready. Where to start:") if new_file else _("Next steps:")
        )
        self.setVisible(bool(left))


@dataclass(frozen=True)
class TodayData:
    """Everything the page shows, read in one session off the GUI thread."""

    renewals: list[questions.RenewalDue]
    #: the office's own government, whose renewals come first
    own_entity: str | None
    reports: list[questions.ReportDue]
    measurements: list[questions.MeasurementDue]
    follow_ups: list[FollowUpDue]
    gap: str | None
    new_file: bool
    steps_left: list[str]
    recent: list[tuple[questions.RecentChange, str, str]]


def read_today(session_factory: Callable[[], Session], today: date) -> TodayData:
    with session_factory() as session:
        return TodayData(
            renewals=questions.renewals_due(session, today),
            own_entity=questions.own_entity_name(session),
            reports=questions.reports_due(session, today),
            measurements=questions.measurements_due(session, today),
            follow_ups=follow_ups_due(session, today),
            gap=questions.measurement_gap(session),
            new_file=questions.is_new_file(session),
            steps_left=questions.first_steps_left(session),
            recent=[
                (change, *describe(session, change.record_kind, change.record_id))
                for change in questions.recent_changes(session)
            ],
        )


def _renewal_text(due: questions.RenewalDue) -> str:
    return Message(
        N_("{title} — expires {date} ({decision})")
        if due.days_left >= 0
        else N_("{title} — expired on {date} ({decision})"),
        {
            "title": due.title,
            "date": date_text(due.expires),
            "decision": RENEWAL_DECISIONS.label(due.decision or "undecided"),
        },
    ).render()


def _report_text(due: questions.ReportDue) -> str:
    return Message(
        N_("{report} — {project}, due {date}")
        if due.days_left >= 0
        else N_("{report} — {project}, overdue since {date}"),
        {"report": due.report_title, "project": due.project_title, "date": date_text(due.due)},
    ).render()


def _follow_up_text(due: FollowUpDue) -> str:
    return Message(
        N_("{mission} — {months}-month follow-up, due {date}")
        if due.days_left >= 0
        else N_("{mission} — {months}-month follow-up, overdue since {date}"),
        {"mission": due.title, "months": due.months, "date": date_text(due.due)},
    ).render()


def _group_filter(panel: _Panel, name: str, refill: Callable[[], None]) -> QComboBox:
    """A box above the panel's list to show one local entity's items (hidden while all
    the items belong to one entity)."""
    box = QComboBox()
    box.setObjectName(name)
    box.hide()
    box.currentIndexChanged.connect(lambda _index: refill())
    layout = panel.layout()
    if isinstance(layout, QVBoxLayout):
        layout.insertWidget(1, box)
    return box


def _offer_groups(box: QComboBox, items: Sequence[Any], own: str | None, nobody: str) -> None:
    """Every local entity with its count in ``box``, keeping the one chosen."""
    groups = questions.group_by_entity(list(items), own)
    box.blockSignals(True)
    chosen = box.currentData()
    box.clear()
    box.addItem(
        Message(N_("Every local entity ({count})"), {"count": number_text(len(items))}).render(),
        None,
    )
    for name, members in groups:
        box.addItem(f"{name or nobody} ({number_text(len(members))})", name)
    index = box.findData(chosen) if chosen is not None else 0
    box.setCurrentIndex(max(index, 0))
    box.blockSignals(False)
    box.setVisible(len(groups) > 1)


def _fill_grouped(
    panel: _Panel,
    box: QComboBox,
    groups: Sequence[tuple[str, Sequence[Any]]],
    line: Callable[[Any], tuple[str, tuple[str, str]]],
    nobody: str,
    title: str | None = None,
    empty_text: str | None = None,
) -> None:
    """The chosen entity's items, or all of them under a heading per entity (with its
    count) when there are several; those past their date in red."""
    chosen = box.currentData()
    if chosen is not None:
        groups = [(name, items) for name, items in groups if name == chosen]
    headed = len(groups) > 1
    lines: list[tuple[str, tuple[str, str] | None]] = []
    late: set[int] = set()
    headings: set[int] = set()
    for name, items in groups:
        if headed:
            headings.add(len(lines))
            lines.append((f"{name or nobody} ({number_text(len(items))})", None))
        for due in items:
            if due.days_left < 0:
                late.add(len(lines))
            lines.append(line(due))
    panel.fill(lines, title, empty_text, late=frozenset(late), headings=frozenset(headings))
    count = sum(len(items) for _name, items in groups)
    title = title or panel.title
    panel.heading.setText(f"{title} ({number_text(count)})" if count else title)


class TodayPage(QWidget):
    """Emits ``open_requested(kind, id)`` for a record picked, ``new_requested(kind)`` for a
    first step (the main window opens an empty form of that kind)."""

    open_requested = Signal(str, str)
    new_requested = Signal(str)
    #: the panels show what was read (or why nothing could be)
    loaded = Signal()

    def __init__(
        self, session_factory: Callable[[], Session], today: Callable[[], date] = date.today
    ) -> None:
        super().__init__()
        self._session_factory = session_factory
        self._today = today
        self._reading: Operation[TodayData] | None = None
        #: the window's progress indicator, when the page is in one
        self.indicator: BusyIndicator | None = None
        self.heading = QLabel()
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.renewals = _Panel(
            _("Agreements to renew"), _("No agreement needs a renewal decision now.")
        )
        # a state's hundreds of renewals and reports, grouped by local entity and filtered
        self.renewal_filter = _group_filter(self.renewals, "renewalFilter", self._fill_renewals)
        self._renewals: list[questions.RenewalDue] = []
        self._own_entity: str | None = None
        self.reports = _Panel(
            _("Project reports due"), _("No project report is due in the next 60 days.")
        )
        self.report_filter = _group_filter(self.reports, "reportFilter", self._fill_reports)
        self._reports: list[questions.ReportDue] = []
        self.measurements = _Panel(
            _("Measurements to enter"), _("Every indicator has its measurement for the period.")
        )
        # a state's municipalities each owe their values of the per-entity indicators
        self.measurement_filter = _group_filter(
            self.measurements, "measurementFilter", self._fill_measurements
        )
        self._measurements: list[questions.MeasurementDue] = []
        self._measurement_gap: str | None = None
        self.follow_ups = _Panel(
            _("Mission follow-ups"),
            _("No mission follow-up is due: missions with expected results get one 3, 6 and "
              "12 months after they end."),
        )  # fmt: skip
        # a state's municipalities each follow up their own missions
        self.follow_up_filter = _group_filter(
            self.follow_ups, "followUpFilter", self._fill_follow_ups
        )
        self._follow_ups: list[FollowUpDue] = []
        self.recent = _Panel(
            _("Recently changed"), _("Nothing recorded yet: start with a partner or an agreement.")
        )
        self.first_steps = _FirstSteps()
        self.first_steps.new_requested.connect(self._new_record)
        self.first_steps.hide()
        grid = QGridLayout()
        grid.addWidget(self.renewals, 0, 0)
        grid.addWidget(self.reports, 0, 1)
        grid.addWidget(self.follow_ups, 1, 0)
        grid.addWidget(self.measurements, 1, 1)
        grid.addWidget(self.recent, 2, 0, 1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.first_steps)
        layout.addLayout(grid, 1)
        panels = (self.renewals, self.reports, self.follow_ups, self.measurements, self.recent)
        for panel in panels:
            panel.list.itemActivated.connect(self._open_item)
            panel.list.itemDoubleClicked.connect(self._open_item)

    def load(self) -> None:
        """Read what is due in the background (≈0.3 s on a state's 200,000 agreements),
        then fill the panels; a newer load replaces one still running."""
        today = self._today()
        self.heading.setText(Message(N_("Today, {date}"), {"date": date_text(today)}).render())
        if self._reading is not None:
            self._reading.cancel()
        factory = self._session_factory
        self._reading = Operation(
            self,
            lambda _progress: read_today(factory, today),
            self.show_today,
            failure=self._read_failed,
            label=_("Reading today's page…"),
            indicator=self.indicator,
        ).run()

    def _read_failed(self, error: BaseException) -> None:
        self.heading.setText(
            Message(N_("Today's page could not be read: {error}"), {"error": str(error)}).render()
        )
        self.loaded.emit()

    def show_today(self, data: TodayData) -> None:
        self._renewals, self._own_entity = data.renewals, data.own_entity
        self._reports = data.reports
        _offer_groups(self.renewal_filter, data.renewals, data.own_entity, _("No local party"))
        self._fill_renewals()
        _offer_groups(self.report_filter, data.reports, data.own_entity, _("No lead entity"))
        self._fill_reports()
        self._measurements, self._measurement_gap = data.measurements, data.gap
        _offer_groups(self.measurement_filter, data.measurements, data.own_entity, _(_WHOLE_OFFICE))
        self._fill_measurements()
        self._follow_ups = data.follow_ups
        _offer_groups(self.follow_up_filter, data.follow_ups, data.own_entity, _("No local entity"))
        self._fill_follow_ups()
        self.first_steps.show_steps(data.steps_left, data.new_file)
        recent_lines: list[tuple[str, tuple[str, str] | None]] = []
        for change, kind_label, title in data.recent:
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
        self.loaded.emit()

    def _fill_renewals(self) -> None:
        self._fill_by_entity(self.renewals, self.renewal_filter, self._renewals,
                             lambda due: (_renewal_text(due), ("agreements", due.agreement_id)),
                             _("No local party"))  # fmt: skip

    def _fill_reports(self) -> None:
        self._fill_by_entity(self.reports, self.report_filter, self._reports,
                             lambda due: (_report_text(due), ("projects", due.project_id)),
                             _("No lead entity"))  # fmt: skip

    def _fill_follow_ups(self) -> None:
        self._fill_by_entity(self.follow_ups, self.follow_up_filter, self._follow_ups,
                             lambda due: (_follow_up_text(due), ("activities", due.activity_id)),
                             _("No local entity"))  # fmt: skip

    def _fill_by_entity(
        self,
        panel: _Panel,
        box: QComboBox,
        items: Sequence[Any],
        line: Callable[[Any], tuple[str, tuple[str, str]]],
        nobody: str,
    ) -> None:
        groups = questions.group_by_entity(list(items), self._own_entity)
        _fill_grouped(panel, box, groups, line, nobody)

    def _fill_measurements(self) -> None:
        """One period is due at a time: it goes in the heading, the lines name indicators
        (under the local entity that owes them, for indicators measured per entity)."""
        due = self._measurements
        empty = {
            "no_indicators": _("No indicator yet: define what the office measures in Indicators."),
            "no_periods": _(
                "No period has started yet: add the periods in an indicator's Targets."
            ),
        }.get(self._measurement_gap or "")
        title = (
            Message(
                N_("Measurements to enter for {period}"), {"period": due[0].period_label}
            ).render()
            if due
            else None
        )
        _fill_grouped(
            self.measurements,
            self.measurement_filter,
            questions.group_by_entity(due, self._own_entity),
            lambda line: (line.name, ("indicators", line.indicator_id)),
            _(_WHOLE_OFFICE),
            title,
            empty,
        )

    def _new_record(self, kind: str) -> None:
        self.new_requested.emit(kind)
        window = self.window()
        open_record = getattr(window, "open_record", None)
        if callable(open_record) and not self.receivers(SIGNAL("new_requested(QString)")):
            open_record(kind, None)  # until the main window listens to new_requested

    def _open_item(self, item: QListWidgetItem) -> None:
        record = item.data(RECORD_ROLE)
        if record and record[0]:
            self.open_requested.emit(record[0], record[1])


#: the group of the indicators measured for the office as a whole
_WHOLE_OFFICE = N_("The whole office")

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
