"""The status bar's word on synchronisation: "Synced 2 min ago", "Offline — 14 changes to
send", "3 conflicts", "Syncing…" (the sentence comes from :mod:`intl_desk.sync.status`).

A flat button: a click on it does what the state asks for (look at the conflicts, sign
in, synchronise now). The relative time is refreshed every 20 seconds.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QToolButton, QWidget

from intl_desk.core.i18n import _
from intl_desk.core.model import utc_now
from intl_desk.sync.status import SyncState, status_text

REFRESH_MS = 20_000
ATTENTION_STYLE = "QToolButton { color: #8a1c12; font-weight: bold; }"
OFFLINE_STYLE = "QToolButton { color: #5c4400; }"


class SyncStatusButton(QToolButton):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self.setAutoRaise(True)
        self.state = SyncState()
        self._refresh = QTimer(self)
        self._refresh.setInterval(REFRESH_MS)
        self._refresh.timeout.connect(self._render)
        self.hide()

    def show_state(self, state: SyncState) -> None:
        self.state = state
        self._render()
        self.show()
        self._refresh.start()

    def clear(self) -> None:
        self._refresh.stop()
        self.hide()

    def _render(self) -> None:
        state = self.state
        self.setText(status_text(state, utc_now()))
        if state.syncing:
            self.setStyleSheet("")
        elif state.conflicts or state.sign_in_needed:
            self.setStyleSheet(ATTENTION_STYLE)
        elif state.offline:
            self.setStyleSheet(OFFLINE_STYLE)
        elif state.refused:
            self.setStyleSheet(ATTENTION_STYLE)
        else:
            self.setStyleSheet("")
        if state.syncing:
            tip = _("Sending this file's changes to the office server and taking everyone else's.")
        elif state.conflicts:
            tip = _("Click to look at the conflicts and choose the values to keep.")
        elif state.sign_in_needed:
            tip = _("Click to sign in to the office server.")
        elif state.offline:
            tip = _("Click to try to reach the office server again.")
        elif state.refused:
            tip = _("Click to see which records the office server refused, and why.")
        else:
            tip = _("Click to synchronise with the office server now (File › Sync now).")
        self.setToolTip(tip)
