"""File › Export calendar…: the office's deadlines, events and trips as an .ics file
for Outlook, Thunderbird or Google Calendar (see :mod:`intl_desk.exchange.icalendar`)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

from intl_desk.core.calendar_items import calendar_items
from intl_desk.core.i18n import N_, Message, _
from intl_desk.core.queries import office as office_record
from intl_desk.exchange.icalendar import write_calendar
from intl_desk.ui.operations import Operation, Progress

if TYPE_CHECKING:
    from intl_desk.ui.main_window import MainWindow


def export_calendar(window: MainWindow) -> Operation[int] | None:
    office = window.office
    if office is None:
        window.statusBar().showMessage(_("Open an office file first."), 5000)
        return None
    chosen, _filter = QFileDialog.getSaveFileName(
        window,
        _("Export the calendar"),
        _("Calendar") + ".ics",
        _("Calendar files (*.ics)"),
    )
    if not chosen:
        return None
    target = Path(chosen if chosen.lower().endswith(".ics") else f"{chosen}.ics")

    def write(_progress: Progress) -> int:  # off the GUI thread: a state has thousands
        with office.session() as session:
            own = office_record(session)
            items = calendar_items(session, date.today())
            return write_calendar(items, own.name if own else "Intl Desk", target)

    def written(count: int) -> None:
        window.statusBar().showMessage(
            Message(
                N_(
                    "Calendar written to {file}, events: {count}. Open it in your calendar program."
                ),
                {"count": count, "file": target.name},
            ).render(),
            8000,
        )

    return Operation(
        window,
        write,
        written,
        label=_("Writing the calendar…"),
        indicator=window.busy,
        failure_title=_("Calendar not written"),
    ).run()
