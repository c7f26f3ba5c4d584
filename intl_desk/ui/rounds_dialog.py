"""Office › Collection rounds…: each round's page — who has answered, who is late, the
answers to approve or return, and the reminder list to paste into an e-mail.

Every step is saved at once (it is one field of one record, in the history like any
edit); a municipality's file shows its own submission, which it submits from here.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from intl_desk.core import round_changes, rounds
from intl_desk.core.display import date_text
from intl_desk.core.errors import IntlDeskError
from intl_desk.core.i18n import N_, Message, _
from intl_desk.core.vocabularies import SUBMISSION_STATUSES
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui.date_field import DateField
from intl_desk.ui.operations import Operation, Progress
from intl_desk.ui.today_page import LATE_COLOUR

ID_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = (
    N_("Local entity"), N_("Answer"), N_("Figures entered"), N_("Submitted on"),
    N_("Office's comment"),
)  # fmt: skip


class RoundsDialog(QDialog):
    #: a round's page (or the empty state) is read and shown
    page_shown = Signal()

    def __init__(
        self,
        office: OfficeFile,
        today: date,
        parent: QWidget | None = None,
        round_id: str | None = None,
        *,
        may_review: bool = True,
    ) -> None:
        """``may_review`` is False for a municipality's account on an office server: it
        submits its figures, the office approves or returns them."""
        super().__init__(parent)
        self.setObjectName("roundsDialog")
        self.may_review = may_review
        self.setWindowTitle(_("Collection rounds"))
        self.office = office
        self.today = today
        self.view: rounds.RoundView | None = None
        self._reading: Operation[rounds.RoundView] | None = None
        self._listing: Operation[list[rounds.RoundLine]] | None = None
        self.round_list = QListWidget()
        self.round_list.setObjectName("roundList")
        # a round's whole title, wrapped ("Indicadores anuais 2025 — municípios da Zona da
        # Mata…" is longer than the list is wide)
        self.round_list.setWordWrap(True)
        self.round_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.round_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.round_list.setSpacing(4)
        self.round_list.currentItemChanged.connect(lambda item, _old: self._show(item))
        self.new_button = QPushButton(_("New round…"))
        self.new_button.setObjectName("newRoundButton")
        self.new_button.clicked.connect(self.new_round)
        self.heading = QLabel()
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setObjectName("roundSummary")
        self.summary.setWordWrap(True)
        self.deadline = DateField()
        self.deadline.setObjectName("roundDeadline")
        self.deadline.setMinimumWidth(self.deadline.sizeHint().width())
        self.deadline_button = QPushButton(_("Change the deadline"))
        self.deadline_button.setObjectName("changeDeadlineButton")
        self.deadline_button.clicked.connect(self.change_deadline)
        self.close_round_button = QPushButton(_("Close the round"))
        self.close_round_button.setObjectName("closeRoundButton")
        self.close_round_button.setToolTip(
            _("Stop taking answers: the answers given stay and can still be approved.")
        )
        self.close_round_button.clicked.connect(self.close_or_reopen)
        self.asked_button = QPushButton(_("Change what is asked…"))
        self.asked_button.setObjectName("changeAskedButton")
        self.asked_button.clicked.connect(self.change_asked)
        self.delete_button = QPushButton(_("Delete the round…"))
        self.delete_button.setObjectName("deleteRoundButton")
        self.delete_button.clicked.connect(self.delete_round)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("submissionTable")
        self.table.setHorizontalHeaderLabels([_(title) for title in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._offer_steps)
        self.submit_button = QPushButton(_("Submit the figures"))
        self.submit_button.setObjectName("submitButton")
        self.submit_button.clicked.connect(lambda: self._step("submit"))
        self.approve_button = QPushButton(_("Approve"))
        self.approve_button.setObjectName("approveButton")
        self.approve_button.clicked.connect(lambda: self._step("approve"))
        self.comment = QLineEdit()
        self.comment.setObjectName("returnComment")
        self.comment.setPlaceholderText(_("What to correct (sent back with the figures)"))
        self.return_button = QPushButton(_("Return"))
        self.return_button.setObjectName("returnButton")
        self.return_button.clicked.connect(lambda: self._step("return"))
        self.message = QLabel()
        self.message.setObjectName("roundMessage")
        self.message.setWordWrap(True)
        self.reminder = QPlainTextEdit()
        self.reminder.setObjectName("reminderText")
        self.reminder.setReadOnly(True)
        self.reminder.setMaximumHeight(110)
        self.copy_button = QPushButton(_("Copy the reminder list"))
        self.copy_button.setObjectName("copyReminderButton")
        self.copy_button.clicked.connect(self.copy_reminder)

        left = QVBoxLayout()
        left.addWidget(self.round_list, 1)
        left.addWidget(self.new_button)
        steps = QHBoxLayout()
        steps.addWidget(self.submit_button)
        steps.addWidget(self.approve_button)
        steps.addWidget(self.comment, 1)
        steps.addWidget(self.return_button)
        reminder_row = QHBoxLayout()
        reminder_row.addWidget(self.reminder, 1)
        reminder_row.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignTop)
        page = QVBoxLayout()
        page.addWidget(self.heading)
        page.addWidget(self.summary)
        round_row = QHBoxLayout()
        round_row.addWidget(QLabel(_("Deadline")))
        round_row.addWidget(self.deadline)
        round_row.addWidget(self.deadline_button)
        round_row.addStretch(1)
        page.addLayout(round_row)
        # apart from the deadline's row: in French or Portuguese one row would squeeze
        # the date field to a few digits
        manage_row = QHBoxLayout()
        manage_row.addWidget(self.asked_button)
        manage_row.addWidget(self.close_round_button)
        manage_row.addStretch(1)
        manage_row.addWidget(self.delete_button)
        page.addLayout(manage_row)
        page.addWidget(self.table, 1)
        page.addLayout(steps)
        page.addWidget(self.message)
        page.addWidget(QLabel(_("Reminder for those who have not answered:")))
        page.addLayout(reminder_row)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(page, 3)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(close)
        self.new_button.setEnabled(not office.read_only)
        self.resize(1100, 620)
        self.load(round_id)

    # --- reading ----------------------------------------------------------------------

    def load(self, round_id: str | None = None, then: Callable[[], object] | None = None) -> None:
        """The rounds, the latest deadline first, read in the background; ``round_id``
        (else the first) shown, then ``then`` called once its page is read."""
        if self._listing is not None:
            self._listing.cancel()
        if self._reading is not None:
            self._reading.cancel()
            self._reading = None
        self.view = None
        self._offer_steps()
        self.summary.setText(_("Reading who has answered…"))
        office = self.office

        def work(_progress: Progress) -> list[rounds.RoundLine]:
            with office.session() as session:
                return rounds.round_lines(session)

        def failed(error: BaseException) -> None:
            self._listing = None
            self.summary.clear()
            self.message.setText(str(error))
            self.page_shown.emit()

        self._listing = Operation(
            self, work, lambda found: self._fill_list(found, round_id, then), failure=failed
        ).run()

    def _fill_list(
        self,
        found: list[rounds.RoundLine],
        round_id: str | None,
        then: Callable[[], object] | None,
    ) -> None:
        self._listing = None
        self.round_list.blockSignals(True)
        self.round_list.clear()
        for line in found:
            text = (
                Message(
                    N_("{title}\ndue {deadline} — closed"),
                    {"title": line.title, "deadline": date_text(line.deadline)},
                )
                if line.closed
                else Message(
                    N_("{title}\ndue {deadline}"),
                    {"title": line.title, "deadline": date_text(line.deadline)},
                )
            ).render()
            item = QListWidgetItem(text)
            item.setToolTip(line.title)
            item.setData(ID_ROLE, line.id)
            self.round_list.addItem(item)
        self.round_list.blockSignals(False)
        wanted = next(
            (row for row in range(self.round_list.count())
             if self.round_list.item(row).data(ID_ROLE) == round_id),
            0,
        )  # fmt: skip
        if found:
            self.round_list.setCurrentRow(wanted)
            self._show(self.round_list.currentItem(), then)
        else:
            self._show(None, then)

    def _show(self, item: QListWidgetItem | None, then: Callable[[], object] | None = None) -> None:
        """Reads the round's page in the background (853 municipalities × their figures take
        a few tenths of a second): meanwhile the steps wait and the page says so."""
        self.message.clear()
        if self._reading is not None:
            self._reading.cancel()  # another round was chosen: the older page is not wanted
            self._reading = None
        if item is None:
            self._fill(None, then)
            return
        round_id = str(item.data(ID_ROLE))
        office, today = self.office, self.today
        self.view = None
        self._offer_steps()
        self.summary.setText(_("Reading who has answered…"))
        self.table.viewport().setCursor(Qt.CursorShape.BusyCursor)

        def work(_progress: Progress) -> rounds.RoundView:
            with office.session() as session:
                return rounds.round_view(session, round_id, today)

        def failed(error: BaseException) -> None:
            self._reading = None
            self.table.viewport().unsetCursor()
            self.summary.clear()
            self.message.setText(str(error))
            self.page_shown.emit()

        self._reading = Operation(
            self, work, lambda view: self._fill(view, then), failure=failed
        ).run()

    def _fill(self, view: rounds.RoundView | None, then: Callable[[], object] | None) -> None:
        self._reading = None
        self.table.viewport().unsetCursor()
        self.view = view
        if view is None:
            self.heading.setText(_("No collection round yet"))
            self.summary.setText(
                _(
                    "A round asks local entities for a period's figures by a deadline: they "
                    "answer from their own file, the office approves or returns each answer. "
                    "New round… opens one."
                )
            )
            self.table.setRowCount(0)
            self.reminder.clear()
            self.deadline.set_value(None)
        else:
            self._fill_page(view)
        self._offer_steps()
        if then is not None:
            then()
        self.page_shown.emit()

    def _fill_page(self, view: rounds.RoundView) -> None:
        self.heading.setText(
            Message(N_("{title} (closed)"), {"title": view.title}).render()
            if view.closed
            else view.title
        )
        self.summary.setText(self._summary(view))
        self.deadline.set_value(view.deadline)
        self.table.setRowCount(len(view.rows))
        for row, line in enumerate(view.rows):
            cells = (
                line.entity,
                SUBMISSION_STATUSES.label(line.status),
                Message(
                    N_("{filled} of {asked}"), {"filled": line.filled, "asked": line.asked}
                ).render(),
                date_text(line.submitted_at),
                line.comment or "",
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(ID_ROLE, line.id)
                if line.late:
                    cell.setForeground(LATE_COLOUR)
                self.table.setItem(row, column, cell)
        self.reminder.setPlainText(rounds.reminder_text(view))

    @staticmethod
    def _summary(view: rounds.RoundView) -> str:
        if view.closed:
            text = Message(
                N_(
                    "Figures for {period}: the round is closed and takes no new answers. "
                    "{answered} of {asked} answered, {approved} approved, {waiting} to review."
                ),
                {
                    "period": view.period_label,
                    "answered": view.count("submitted", "approved"),
                    "asked": len(view.rows),
                    "approved": view.count("approved"),
                    "waiting": view.count("submitted"),
                },
            ).render()
            return f"{text}\n{view.instructions}" if view.instructions else text
        text = Message(
            N_(
                "Figures for {period}, due by {deadline}: {answered} of {asked} answered, "
                "{approved} approved, {waiting} to review, {late} late."
            ),
            {
                "period": view.period_label,
                "deadline": date_text(view.deadline),
                "answered": view.count("submitted", "approved"),
                "asked": len(view.rows),
                "approved": view.count("approved"),
                "waiting": view.count("submitted"),
                "late": len(view.late),
            },
        ).render()
        return f"{text}\n{view.instructions}" if view.instructions else text

    def _selected(self) -> rounds.SubmissionRow | None:
        rows = self.table.selectionModel().selectedRows() if self.view else []
        if not rows or self.view is None:
            return None
        return self.view.rows[rows[0].row()]

    def _offer_steps(self) -> None:
        chosen = self._selected()
        status = chosen.status if chosen else None
        writable = not self.office.read_only
        open_ = self.view is not None and not self.view.closed
        self.submit_button.setEnabled(writable and open_ and status in rounds.OWED)
        reviews = writable and self.may_review
        self.approve_button.setEnabled(reviews and status == "submitted")
        self.return_button.setEnabled(
            reviews and open_ and status in ("submitted", "approved")
        )
        closed_tip = _("The round is closed: it takes no new answers.") if not open_ else ""
        self.submit_button.setToolTip(closed_tip)
        if not self.may_review:
            for button in (self.approve_button, self.return_button):
                button.setToolTip(_("Only the office's own accounts approve or return figures."))
        else:
            self.return_button.setToolTip(closed_tip)
        self.comment.setEnabled(self.return_button.isEnabled())
        self.copy_button.setEnabled(open_)
        manages = writable and self.may_review and self.view is not None
        for widget in (self.deadline, self.deadline_button, self.delete_button,
                       self.close_round_button, self.asked_button):  # fmt: skip
            widget.setEnabled(manages)
        self.close_round_button.setText(
            _("Reopen the round") if self.view is not None and self.view.closed
            else _("Close the round")
        )  # fmt: skip

    # --- acting -----------------------------------------------------------------------

    def _step(self, step: str) -> None:
        chosen = self._selected()
        if chosen is None or self.view is None:
            return
        with self.office.session() as session:
            try:
                if step == "submit":
                    rounds.submit(session, chosen.id)
                elif step == "approve":
                    rounds.approve(session, chosen.id)
                else:
                    rounds.return_submission(session, chosen.id, self.comment.text())
                session.commit()
            except IntlDeskError as error:
                session.rollback()
                self.message.setText(str(error))
                return
        done = {
            "submit": N_("{entity}: figures submitted."),
            "approve": N_("{entity}: figures approved."),
            "return": N_("{entity}: figures returned with your comment."),
        }[step]
        self.comment.clear()

        def reselect() -> None:
            row = next(
                (i for i, line in enumerate(self.view.rows if self.view else ())
                 if line.id == chosen.id),
                None,
            )  # fmt: skip
            if row is not None:
                self.table.selectRow(row)
            self.message.setText(Message(done, {"entity": chosen.entity}).render())

        self.load(self.view.id, reselect)

    def change_deadline(self) -> None:
        if self.view is None:
            return
        round_id = self.view.id
        with self.office.session() as session:
            try:
                round_changes.change_deadline(session, round_id, self.deadline.value())
                session.commit()
            except IntlDeskError as error:
                session.rollback()
                self.message.setText(str(error))
                return
        self.load(
            round_id,
            lambda: self.message.setText(
                _("The deadline is changed: who is late is read against it.")
            ),
        )

    def close_or_reopen(self) -> None:
        """Close the round shown (no new answers), or open a closed one again."""
        if self.view is None:
            return
        view = self.view
        with self.office.session() as session:
            try:
                if view.closed:
                    round_changes.reopen_round(session, view.id)
                else:
                    round_changes.close_round(session, view.id)
                session.commit()
            except IntlDeskError as error:
                session.rollback()
                self.message.setText(str(error))
                return
        said = (
            _("The round is open again: answers are taken.")
            if view.closed
            else _("The round is closed: it takes no new answers.")
        )
        self.load(view.id, lambda: self.message.setText(said))

    def delete_round(self) -> None:
        """Asks first, saying what goes with the round (answers, approvals, comments)."""
        if self.view is None:
            return
        view = self.view
        answer = QMessageBox.question(
            self, _("Delete the round"), round_changes.what_deleting_loses(view).render()
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        with self.office.session() as session:
            try:
                round_changes.delete_round(session, view.id)
                session.commit()
            except IntlDeskError as error:
                session.rollback()
                self.message.setText(str(error))
                return
        deleted = Message(N_("The round “{title}” is deleted."), {"title": view.title})
        self.load(then=lambda: self.message.setText(deleted.render()))

    def copy_reminder(self) -> None:
        QGuiApplication.clipboard().setText(self.reminder.toPlainText())
        self.message.setText(_("The reminder list is copied: paste it into an e-mail."))

    def change_asked(self) -> None:
        """More or fewer indicators or entities for the round shown."""
        from intl_desk.ui.new_round_dialog import NewRoundDialog

        if self.view is None:
            return
        dialog = NewRoundDialog(self.office, self, round_id=self.view.id)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def saved() -> None:
            said = dialog.saved.render() if dialog.saved is not None else ""
            self.load(dialog.round_id, lambda: self.message.setText(said))

        dialog.accepted.connect(saved)
        dialog.open()

    def new_round(self) -> None:
        from intl_desk.ui.new_round_dialog import NewRoundDialog

        dialog = NewRoundDialog(self.office, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.load(dialog.round_id))
        dialog.open()
