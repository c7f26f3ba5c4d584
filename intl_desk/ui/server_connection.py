"""The open office file's connection to its office server, in the window.

When the file on screen was cloned from an office server, :class:`ServerConnection`
synchronises it: on opening, a moment after each save (when the server was reachable at
the last attempt), every few minutes, when the file is closed, and on File › Sync now.
Every synchronisation runs through the background-operation helper, so typing never
waits for the network, and offline is a normal state: the status bar says how many
changes wait to be sent, and the next attempt (every :data:`RETRY_OFFLINE_MS` while
offline) sends them.

Other features that talk to the server (Office › Users and roles…, collection rounds)
use :attr:`ServerConnection.session` (a :class:`~intl_desk.sync.session.ServerSession`:
``session.client()`` gives a signed-in client, ``session.rights`` the account's role and
scope) and :meth:`ServerConnection.ask_sign_in` when the server wants a new sign-in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from intl_desk.core.errors import IntlDeskError
from intl_desk.core.i18n import N_, Message, _
from intl_desk.core.model import utc_now
from intl_desk.store.link_row import read_link
from intl_desk.store.office_file import OfficeFile
from intl_desk.store.server_link import pending_count
from intl_desk.sync.status import SyncState, as_of_text
from intl_desk.ui.operations import Operation, Progress, show_failure
from intl_desk.ui.sync_status import SyncStatusButton

if TYPE_CHECKING:  # the network modules load with the first cloned file, not at start-up
    from intl_desk.sync.client import ServerError
    from intl_desk.sync.session import AccountRights, ServerSession
    from intl_desk.sync.sync import Refused, SyncConflict, SyncReport
    from intl_desk.ui.main_window import MainWindow
    from intl_desk.ui.sign_in_dialog import SignInDialog

#: a synchronisation every five minutes while the file is open
SYNC_EVERY_MS = 5 * 60_000
#: while the server cannot be reached, try again this often (a cheap attempt)
RETRY_OFFLINE_MS = 30_000
#: after a save, wait this long for more saves before synchronising
AFTER_SAVE_MS = 1_500
#: closing the file waits at most this long for its changes to be sent
CLOSING_WAIT_MS = 10_000


@dataclass(frozen=True)
class SyncOutcome:
    """What one attempt gave: the report when it went through, else the problem."""

    pending: int
    report: SyncReport | None = None
    problem: ServerError | None = None


def _count_pending(office: OfficeFile) -> int:
    with office.engine.connect() as connection:
        return pending_count(connection)


def _attempt(office: OfficeFile, session: ServerSession, _progress: Progress) -> SyncOutcome:
    """The work of one synchronisation, on a worker thread. The expected problems (offline,
    sign-in expired, the server refusing) are results, not failures."""
    from intl_desk.sync.client import ServerError

    try:
        report = session.sync(office)
    except ServerError as problem:
        return SyncOutcome(_count_pending(office), problem=problem)
    return SyncOutcome(_count_pending(office), report=report)


class ServerConnection(QObject):
    #: the state in the status bar changed
    state_changed = Signal()
    #: a synchronisation went through (its :class:`SyncReport`)
    synced = Signal(object)
    #: an attempt to synchronise ended, whatever its outcome
    attempt_ended = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.session: ServerSession | None = None
        self.state = SyncState()
        self.conflicts: list[SyncConflict] = []
        #: records the server refused, not yet looked at (kept across restarts)
        self.refused: list[Refused] = []
        self._office: OfficeFile | None = None
        self._operation: Operation[SyncOutcome] | None = None
        self._again = False
        self._reloading = False
        self._sign_in: SignInDialog | None = None
        self._sign_in_declined = False

        self.status = SyncStatusButton()
        self.status.clicked.connect(self._status_clicked)
        window.statusBar().addPermanentWidget(self.status)
        self._timer = QTimer(self)
        self._timer.timeout.connect(lambda: self.sync_now(automatic=True))
        self._after_save = QTimer(self)
        self._after_save.setSingleShot(True)
        self._after_save.setInterval(AFTER_SAVE_MS)
        self._after_save.timeout.connect(lambda: self.sync_now(automatic=True))

        self.connect_action = QAction(_("Connect to an office ser&ver…"), window)
        self.connect_action.setObjectName("connectAction")
        self.connect_action.triggered.connect(self.connect_to_server)
        self.sync_action = QAction(_("S&ync now"), window)
        self.sync_action.setObjectName("syncNowAction")
        self.sync_action.setShortcut("F9")
        self.sync_action.triggered.connect(lambda: self.sync_now(automatic=False))
        self.sync_action.setEnabled(False)
        window.file_opened.connect(self._file_opened)
        window.reloaded.connect(self._file_changed)

    # --- the file ------------------------------------------------------------------------

    @property
    def connected(self) -> bool:
        return self.session is not None

    @property
    def rights(self) -> AccountRights | None:
        """The account's role and scope, as the server last said (None: not a clone)."""
        return self.session.rights if self.session is not None else None

    @property
    def may_add(self) -> bool:
        """Whether New is offered: not to an account that may only read."""
        rights = self.rights
        return rights is None or not rights.reads_only

    def write_refusal(self, table: str, record_id: str | None) -> str | None:
        """Why the account may not change this record of the open file (None: it may, or
        the file is not a clone): the form then opens read-only with this line."""
        office, rights = self._office, self.rights
        if office is None or rights is None:
            return None
        from intl_desk.sync.write_scope import write_refusal

        with office.engine.connect() as connection:
            refusal = write_refusal(connection, rights, table, record_id)
        return refusal.render() if refusal is not None else None

    def _file_opened(self, _path: str) -> None:
        office = self.window.office
        if office is None:
            return
        with office.engine.connect() as connection:
            link = read_link(connection)
        if link is None:
            return
        from intl_desk.sync.session import ServerSession
        from intl_desk.sync.trust import known_servers

        self._office = office
        self.session = ServerSession.of_link(link, known_servers())
        self._sign_in_declined = False
        self._take_to_review()
        self._show(
            SyncState(
                last_synced=self.session.last_sync,
                conflicts=len(self.conflicts),
                refused=len(self.refused),
            )
        )
        self.sync_action.setEnabled(not office.read_only)
        self.window.update_actions()  # New only where the account may write
        if office.read_only:
            return  # someone else edits it: nothing to send, nothing may be written
        self._timer.start(SYNC_EVERY_MS)
        self.sync_now(automatic=True)

    def file_closing(self) -> None:
        """Before the file closes: send its changes if the server is reachable, waiting
        at most :data:`CLOSING_WAIT_MS` (offline, they wait in the file for next time)."""
        office, session = self._office, self.session
        if office is not None and session is not None and not office.read_only:
            self._wait_for_sync(CLOSING_WAIT_MS)
            reachable = not (self.state.offline or self.state.sign_in_needed)
            if reachable and session.signed_in and _count_pending(office):
                self.sync_now(automatic=True)
                self._wait_for_sync(CLOSING_WAIT_MS)
        self._timer.stop()
        self._after_save.stop()
        if self._operation is not None:
            self._operation.cancel()  # its answer is no longer wanted
        self._operation = None
        self._office = None
        self.session = None
        self.conflicts = []
        self.refused = []
        self.state = SyncState()
        self._show_as_of()
        self.status.clear()
        self.sync_action.setEnabled(False)
        self.window.update_actions()
        if self._sign_in is not None:
            self._sign_in.reject()

    def _wait_for_sync(self, limit_ms: int) -> None:
        """Let the synchronisation under way end (events go on being handled), for at
        most ``limit_ms``."""
        if self._operation is None or not self._operation.running:
            return
        loop = QEventLoop()
        limit = QTimer(loop)
        limit.setSingleShot(True)
        limit.timeout.connect(loop.quit)
        self.attempt_ended.connect(loop.quit)
        limit.start(limit_ms)
        loop.exec()
        self.attempt_ended.disconnect(loop.quit)

    def _file_changed(self) -> None:
        """A save (or an import, a merge): send it soon when online; say the count offline."""
        if self.session is None or self._reloading or self._office is None:
            return
        office = self._office  # the count in the status bar follows every save
        Operation(self.window, lambda _p: _count_pending(office), self._pending_counted).run()
        if not (self.state.offline or self.state.sign_in_needed):
            self._after_save.start()

    def _pending_counted(self, pending: int) -> None:
        if self.session is not None and not self.state.syncing:
            self._show(self.state.but(pending=pending))

    # --- synchronising -------------------------------------------------------------------

    def sync_now(self, automatic: bool = False) -> Operation[SyncOutcome] | None:
        """Synchronise in the background (None when there is nothing to do now)."""
        office, session = self._office, self.session
        if office is None or session is None:
            if not automatic:
                self.window.statusBar().showMessage(
                    _(
                        "This file is not linked to an office server: use File › Connect to "
                        "an office server… to make one that is."
                    ),
                    8000,
                )
            return None
        if office.read_only:
            return None
        if self._operation is not None and self._operation.running:
            self._again = not automatic or self._again
            return None
        if not session.signed_in:
            self._show(self.state.but(sign_in_needed=True))
            if not automatic or not self._sign_in_declined:
                self.ask_sign_in()
            return None
        self._show(self.state.but(syncing=True))
        self._operation = Operation(
            self.window,
            lambda progress: _attempt(office, session, progress),
            self._attempted,
            failure=self._failed,
            label=_("Synchronising with the office server…"),
            indicator=self.window.busy,
        ).run()
        return self._operation

    def _attempted(self, outcome: SyncOutcome) -> None:
        from intl_desk.sync.client import ServerUnreachable, SignInNeeded
        from intl_desk.sync.trust import CertificateChanged

        if self.session is None:
            return
        problem = outcome.problem
        if outcome.report is not None:
            self._synced(outcome)
        elif isinstance(problem, SignInNeeded):
            self._show(self.state.but(syncing=False, sign_in_needed=True, pending=outcome.pending))
            if not self._sign_in_declined:
                self.ask_sign_in(problem.message)
        elif isinstance(problem, ServerUnreachable):
            self._show(
                self.state.but(syncing=False, offline=True, pending=outcome.pending),
                tooltip=str(problem),
            )
            self._timer.start(RETRY_OFFLINE_MS)
        else:  # the server refused (busy, another version) or its certificate changed
            self._show(
                self.state.but(syncing=False, offline=True, pending=outcome.pending),
                tooltip=str(problem),
            )
            if isinstance(problem, CertificateChanged):
                self._timer.stop()  # never again with this server until the person acts
                QMessageBox.warning(
                    self.window, _("The office server's certificate changed"), str(problem)
                )
            else:
                self._timer.start(RETRY_OFFLINE_MS)
        self.attempt_ended.emit()
        self._run_again()

    def _synced(self, outcome: SyncOutcome) -> None:
        report = outcome.report
        assert report is not None
        self.window.update_actions()  # the role may have changed on the server
        self._take_to_review()  # the sync added its conflicts and refusals to them
        self._timer.start(SYNC_EVERY_MS)
        self._show(
            SyncState(
                last_synced=utc_now(),
                pending=outcome.pending,
                conflicts=len(self.conflicts),
                refused=len(self.refused),
            )
        )
        if report.pulled or report.conflicts or report.refused:
            self._reloading = True
            try:
                self.window.reload()  # the pages on screen show what came in
            finally:
                self._reloading = False
        if report.refused:  # short: the reasons are in the list the status note opens
            said = (
                Message(
                    N_("The server refused your changes to “{label}”: click the note on the "
                       "right to see why."),
                    {"label": report.refused[0].label},
                )
                if len(report.refused) == 1
                else Message(
                    N_("The server refused your changes to {count} records: click the note "
                       "on the right to see why."),
                    {"count": len(report.refused)},
                )
            )  # fmt: skip
            self.window.statusBar().showMessage(said.render(), 15_000)
        self.synced.emit(report)

    def _failed(self, error: BaseException) -> None:
        """Something unexpected (the file could not be read or written)."""
        self._show(self.state.but(syncing=False))
        if isinstance(error, IntlDeskError):
            self.window.statusBar().showMessage(str(error), 15_000)
        else:
            show_failure(self.window, _("Cannot synchronise"), error)
        self.attempt_ended.emit()
        self._run_again()

    def _run_again(self) -> None:
        if self._again:
            self._again = False
            QTimer.singleShot(0, lambda: self.sync_now(automatic=True))

    # --- signing in ----------------------------------------------------------------------

    def ask_sign_in(self, reason: Message | None = None) -> None:
        """The small sign-in dialog (once at a time), saying the server's ``reason`` when
        it is more than an expiry; a sign-in then synchronises."""
        from intl_desk.ui.sign_in_dialog import SignInDialog

        if self.session is None:
            return
        if self._sign_in is not None and self._sign_in.isVisible():
            self._sign_in.raise_()
            return
        dialog = SignInDialog(self.window, self.session, self._signed_in, reason)
        dialog.rejected.connect(self._sign_in_later)
        self._sign_in = dialog
        dialog.open()

    def _sign_in_later(self) -> None:
        self._sign_in_declined = True  # not asked again by the automatic syncs

    def _signed_in(self, _rights: AccountRights) -> None:
        self._sign_in_declined = False
        self._show(self.state.but(sign_in_needed=False))
        self.sync_now(automatic=False)

    # --- the status bar ------------------------------------------------------------------

    def _show(self, state: SyncState, tooltip: str = "") -> None:
        self.state = state
        self.status.show_state(state)
        if tooltip:
            self.status.setToolTip(tooltip)
        self._show_as_of()
        self.state_changed.emit()

    def _show_as_of(self) -> None:
        """The overview of a cloned file says when its figures were last synchronised."""
        overview = getattr(self.window, "overview", None)
        if overview is None:
            return
        if self.session is None:
            overview.page.show_as_of(None)
        else:
            overview.page.show_as_of(as_of_text(self.state.last_synced))

    def _status_clicked(self) -> None:
        if self.state.conflicts:
            self.show_conflicts()
        elif self.state.sign_in_needed:
            self.ask_sign_in()
        elif self.state.refused and not self.state.offline:
            self.show_refused()
        else:
            self.sync_now(automatic=False)

    def show_conflicts(self) -> None:
        from intl_desk.ui.sync_conflicts import review_conflicts

        review_conflicts(self)

    def _take_to_review(self) -> None:
        """What the file's syncs left to look at, as kept on this computer."""
        kept = self.session.to_review() if self.session is not None else None
        self.conflicts = list(kept.conflicts) if kept is not None else []
        self.refused = list(kept.refused) if kept is not None else []

    def conflicts_resolved(self, conflicts: list[SyncConflict]) -> None:
        """The person chose the values to keep: those conflicts leave the status bar
        (and are no longer kept for the next start)."""
        if self.session is not None:
            self.session.reviewed(conflicts=conflicts)
        self._take_to_review()
        self._show(self.state.but(conflicts=len(self.conflicts)))

    def show_refused(self) -> None:
        from intl_desk.ui.refused_dialog import RefusedDialog

        if not self.refused:
            return
        dialog = RefusedDialog(self.window, list(self.refused))
        dialog.cleared.connect(self.refused_read)
        dialog.open()

    def refused_read(self, refused: list[Refused]) -> None:
        """The person read the list of refused records and cleared it."""
        if self.session is not None:
            self.session.reviewed(refused=refused)
        self._take_to_review()
        self._show(self.state.but(refused=len(self.refused)))

    # --- File › Connect to an office server… ----------------------------------------------

    def connect_to_server(self) -> None:
        from intl_desk.ui.connect_dialog import ConnectDialog

        dialog = ConnectDialog(self.window)
        dialog.cloned.connect(self.window.open_file)
        dialog.open()
