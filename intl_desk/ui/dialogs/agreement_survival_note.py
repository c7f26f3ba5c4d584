"""The agreement form's "survives a change of team" reading (core/terms.py): which of a
council decision, specific objectives, a responsible officer, a partner contact and recent
activity the saved agreement has. Read when the form opens and after each save, for an
agreement in force (an ended one has nothing left to carry through)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy

from intl_desk.core.terms import ENDED_STATUSES, survival_readings

if TYPE_CHECKING:
    from intl_desk.ui.dialogs.agreement import AgreementDialog


class SurvivalNote:
    def __init__(self, dialog: AgreementDialog) -> None:
        self.dialog = dialog
        self.label = QLabel()
        self.label.setObjectName("survival_note")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.label.hide()
        dialog.ui.general_layout.insertRow(1, self.label)  # under what the agreement lacks

    def refresh(self) -> None:
        record = self.dialog.record
        if self.dialog.is_new or record.status in ENDED_STATUSES:
            self.label.hide()
            return
        with self.dialog.office.session() as lookup:
            reading = survival_readings(lookup, [record.id], date.today())[record.id]
        text = reading.full_sentence()
        colour = {"likely": "#1b5e20", "uncertain": "#7a4f00", "at_risk": "#b3261e"}
        self.label.setStyleSheet(f"color: {colour[reading.level]};")
        self.label.setText(text)
        self.label.show()
