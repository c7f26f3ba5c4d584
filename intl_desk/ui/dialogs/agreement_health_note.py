"""The agreement form's health note: what the saved agreement lacks (core/agreement_health.py),
the same gaps the list's Gap filter, the overview and the yearly report count, said where
the person can mend them (not on an agreement that has ended). Read when the form opens
and after each save."""

from __future__ import annotations

import html
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QSizePolicy

from intl_desk.core.agreement_health import ADVICE, gaps_of
from intl_desk.core.i18n import _
from intl_desk.core.terms import ENDED_STATUSES

if TYPE_CHECKING:
    from intl_desk.ui.dialogs.agreement import AgreementDialog

#: the status note under the status already says an expired agreement is marked active
SAID_ELSEWHERE = frozenset({"expired_but_active"})
#: an agreement that has ended is history: what it lacked no longer asks for action
ENDED = ENDED_STATUSES


class HealthNote:
    def __init__(self, dialog: AgreementDialog, style: str) -> None:
        self.dialog = dialog
        self.label = QLabel()
        self.label.setObjectName("health_note")
        self.label.setWordWrap(True)
        self.label.setStyleSheet(style)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.label.hide()
        dialog.ui.general_layout.insertRow(0, self.label)  # first thing on the form
        self.gaps: list[str] = []

    def refresh(self) -> None:
        """Read the stored agreement's gaps in a short session of its own (the form's
        session holds no transaction while on screen)."""
        self.gaps = []
        record = self.dialog.record
        if not self.dialog.is_new and record.status not in ENDED:
            with self.dialog.office.session() as lookup:
                found = gaps_of(lookup, record.id, date.today())
            self.gaps = [code for code in found if code not in SAID_ELSEWHERE]
        if not self.gaps:
            self.label.hide()
            return
        items = "".join(f"<li>{html.escape(_(ADVICE[code]))}</li>" for code in self.gaps)
        heading = _("What this agreement lacks, as saved:")
        self.label.setText(f"<b>{html.escape(heading)}</b><ul style='margin: 0'>{items}</ul>")
        self.label.show()
