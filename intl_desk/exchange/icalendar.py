"""Writing :class:`~intl_desk.core.calendar_items.CalendarItem` as an iCalendar file
(RFC 5545) that Outlook, Thunderbird and Google Calendar import.

Every event is a whole-day event with the record's stable UID, so importing a newer file
updates the events instead of adding copies; its DTSTAMP and SEQUENCE come from when the
record last changed, so an event is identical in two exports unless its record changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from intl_desk import __version__
from intl_desk.core.calendar_items import CalendarItem
from intl_desk.core.i18n import current_language, translate
from intl_desk.files.output_guard import write_guarded

UID_DOMAIN = "intl-desk"
_SEQUENCE_EPOCH = datetime(2020, 1, 1, tzinfo=UTC)


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def _fold(line: str) -> str:
    """Lines of at most 75 octets, continued with a space, never cutting a character."""
    pieces, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > 75:
            pieces.append(current)
            current, size = " ", 1
        current += char
        size += width
    pieces.append(current)
    return "\r\n".join(pieces)


def _day(value: date) -> str:
    return value.strftime("%Y%m%d")


def _event(item: CalendarItem) -> list[str]:
    changed = item.changed_at.astimezone(UTC)
    sequence = max(0, int((changed - _SEQUENCE_EPOCH).total_seconds() // 60))
    lines = [
        "BEGIN:VEVENT",
        f"UID:{item.uid}@{UID_DOMAIN}",
        f"DTSTAMP:{changed.strftime('%Y%m%dT%H%M%SZ')}",
        f"SEQUENCE:{sequence}",
        f"DTSTART;VALUE=DATE:{_day(item.start)}",
        f"DTEND;VALUE=DATE:{_day(item.end + timedelta(days=1))}",  # the day after: RFC 5545
        f"SUMMARY:{_escape(item.summary)}",
        f"CATEGORIES:{_escape(translate(item.category))}",
        "TRANSP:TRANSPARENT",  # a deadline does not make anyone busy
    ]
    if item.location:
        lines.append(f"LOCATION:{_escape(item.location)}")
    if item.description:
        lines.append(f"DESCRIPTION:{_escape(item.description)}")
    lines.append("END:VEVENT")
    return lines


def calendar_text(items: Iterable[CalendarItem], name: str) -> str:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//Intl Desk//Intl Desk {__version__}//{current_language().upper()}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_escape(name)}",
    ]
    for item in items:
        lines += _event(item)
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def write_calendar(items: list[CalendarItem], name: str, target: Path) -> int:
    """Write the calendar through the output guard; returns the number of events."""
    data = calendar_text(items, name).encode("utf-8")
    write_guarded(target, lambda stream: stream.write(data))
    return len(items)
