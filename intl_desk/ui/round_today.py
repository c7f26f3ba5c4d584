"""Collection rounds in the window: Office › Collection rounds… and the Today page's
section saying what this file's entities still owe and which answers wait for review
(hidden while there is neither)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidgetItem, QVBoxLayout

from intl_desk.core import rounds
from intl_desk.core.display import date_text
from intl_desk.core.i18n import N_, Message, _
from intl_desk.ui.operations import Operation
from intl_desk.ui.rounds_dialog import RoundsDialog
from intl_desk.ui.today_page import RECORD_ROLE, TodayPage, _Panel

if TYPE_CHECKING:
    from intl_desk.ui.main_window import MainWindow

#: lines shown before "and N more" (a state's file holds a submission per municipality)
SHOWN = 8


@dataclass(frozen=True)
class RoundsToday:
    due: list[rounds.SubmissionDue]
    reviews: list[rounds.ReviewDue]


def read_rounds_today(session_factory: Callable[[], Session], today: date) -> RoundsToday:
    with session_factory() as session:
        return RoundsToday(rounds.submissions_due(session, today), rounds.reviews_due(session))


def _due_line(due: rounds.SubmissionDue) -> str:
    if due.closed:
        return Message(
            N_("{title} — {entity}: the office closed the round, it takes no new answers"),
            {"title": due.title, "entity": due.entity},
        ).render()
    if due.status == "returned":
        return Message(
            N_("{title} — {entity}: returned to be corrected ({comment}), due {date}"),
            {"title": due.title, "entity": due.entity, "comment": due.comment or "",
             "date": date_text(due.deadline)},
        ).render()  # fmt: skip
    return Message(
        N_("{title} — {entity}: {filled} of {asked} figures entered, due {date}")
        if due.days_left >= 0
        else N_("{title} — {entity}: {filled} of {asked} figures entered, late since {date}"),
        {"title": due.title, "entity": due.entity, "filled": due.filled, "asked": due.asked,
         "date": date_text(due.deadline)},
    ).render()  # fmt: skip


class RoundsPanel(_Panel):
    """The Today page's "Collection rounds" section."""

    def __init__(self, page: TodayPage, open_round: Callable[[str], object]) -> None:
        super().__init__(_("Collection rounds"), "")
        self.setObjectName("roundsPanel")
        self.page = page
        self.hide()
        self.list.itemActivated.connect(self._open)
        self.list.itemDoubleClicked.connect(self._open)
        self._open_round = open_round
        self._reading: Operation[RoundsToday] | None = None
        page.loaded.connect(self.load)
        layout = page.layout()
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(2, self)  # under the heading and the first steps

    def load(self) -> None:
        if self._reading is not None:
            self._reading.cancel()
        factory, today = self.page._session_factory, self.page._today()
        self._reading = Operation(
            self, lambda _progress: read_rounds_today(factory, today), self.show_rounds,
            failure=lambda _error: self.hide(),
        ).run()  # fmt: skip

    def show_rounds(self, data: RoundsToday) -> None:
        lines: list[tuple[str, tuple[str, str] | None]] = []
        late: set[int] = set()
        for review in data.reviews:
            text = Message(
                N_("{title}: {count} answers to approve or return"),
                {"title": review.title, "count": review.waiting},
            ).render()
            lines.append((text, ("round", review.round_id)))
        for due in data.due[:SHOWN]:
            if due.days_left < 0 and not due.closed:
                late.add(len(lines))
            lines.append((_due_line(due), ("round", due.round_id)))
        if len(data.due) > SHOWN:
            more = Message(
                N_("and {count} more: open the round to see them all"),
                {"count": len(data.due) - SHOWN},
            ).render()
            lines.append((more, ("round", data.due[SHOWN].round_id)))
        self.fill(lines, late=frozenset(late))
        # as tall as its lines (a few): the panels below keep their room
        shown = max(1, min(len(lines), 6))
        row = max(self.list.sizeHintForRow(0), self.list.fontMetrics().height() + 4)
        self.list.setFixedHeight(row * shown + 2 * self.list.frameWidth() + 2)
        self.setVisible(bool(lines))

    def _open(self, item: QListWidgetItem) -> None:
        record = item.data(RECORD_ROLE)
        if record and record[0] == "round":
            self._open_round(record[1])


def open_rounds(window: MainWindow, round_id: str | None = None) -> RoundsDialog | None:
    if window.office is None:
        window.statusBar().showMessage(_("Open an office file first."), 5000)
        return None
    rights = window.server.rights  # a municipality's account answers, the office reviews
    may_review = rights is None or (rights.role != "reader" and not rights.scope_entity_id)
    dialog = RoundsDialog(
        window.office, window.today_page._today(), window, round_id, may_review=may_review
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.finished.connect(lambda _result: window.reload())  # Today, the measurements
    dialog.open()
    return dialog
