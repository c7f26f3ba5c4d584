"""The agreement form's "Ended on": the day an agreement ended before its expiry.

Shown while the status says it ended early (terminated, suspended or superseded) and asked for when
the person sets such a status: a past year's figures count the agreement as active until
that day (core/agreement_time.py). An agreement stored as ended without the date (from
before the field existed, or imported) keeps opening and saving as it was; the overview
says how many such agreements it cannot place.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel

from intl_desk.core.agreement_time import ENDED_EARLY
from intl_desk.core.errors import FieldError
from intl_desk.core.i18n import N_, Message, _
from intl_desk.ui.date_field import NO_DATE, DateField
from intl_desk.ui.fields import FieldBinding

if TYPE_CHECKING:
    from intl_desk.ui.dialogs.agreement import AgreementDialog

FIELD = "date_ended"


class EndDate:
    def __init__(self, dialog: AgreementDialog) -> None:
        self.dialog = dialog
        ui = dialog.ui
        self.field = DateField()
        self.field.setObjectName(FIELD)
        self.label = QLabel(_("Ended on"))
        self.label.setBuddy(self.field)
        layout = ui.general_layout
        after = dialog.status_note if layout.indexOf(dialog.status_note) >= 0 else ui.status
        row = int(layout.getWidgetPosition(after)[0])
        layout.insertRow(row + 1, self.label, self.field)
        dialog.bindings[FIELD] = FieldBinding(FIELD, self.field, date)
        dialog.date_fields.append(self.field)  # a date typed wrong is said, never dropped
        self.loaded_status = dialog.record.status
        ui.status.currentIndexChanged.connect(self.follow_status)

    @property
    def shown(self) -> bool:
        return str(self.dialog.ui.status.currentData() or "") in ENDED_EARLY

    def follow_status(self, *_args: object) -> None:
        """Shown for an agreement that ended early; emptied when the status goes back."""
        self.label.setVisible(self.shown)
        self.field.setVisible(self.shown)
        if not self.shown and self.field.value() is not None:
            self.field.setDate(NO_DATE)

    def errors(self) -> list[FieldError]:
        """Setting the status to Terminated or Superseded asks when it ended."""
        if not self.shown or self.loaded_status in ENDED_EARLY:
            return []
        if self.field.value() is not None or self.field.error is not None:
            return []
        record = self.dialog.record
        return [
            FieldError(
                record.__tablename__,
                record.id,
                FIELD,
                Message(
                    N_(
                        "Say when it ended: the figures of past years count it as active "
                        "until then."
                    )
                ),
            )
        ]
