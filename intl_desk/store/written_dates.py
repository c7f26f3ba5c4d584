"""Dates older imports could only describe in the notes become dates with a precision.

Before dates kept their precision (revision 0005), an import that read "2011" or
"juillet 2003" stored a whole day and added a line to the record's notes: "Signed as
written in the register: 2011" (in the language of the import). On upgrading, each such
line whose date the record still holds becomes that date's precision — "2011" a year,
"juillet 2003" a month — and the line leaves the notes. A line whose date was changed
since, or that reads otherwise, is left as it is: nothing is guessed.
"""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date
from functools import cache

from sqlalchemy import Table, select, update
from sqlalchemy.engine import Connection

from intl_desk.core.date_precision import END_DATES
from intl_desk.core.i18n import N_, SUPPORTED_LANGUAGES, translate
from intl_desk.core.model import Agreement, Project

#: per table, each date with the column titles the import named it by then and now
_LABELS: dict[type[Agreement] | type[Project], dict[str, tuple[str, ...]]] = {
    Agreement: {
        "date_signed": (N_("Signed"),),
        "date_in_force": (N_("In force since"),),
        "date_expires": (N_("Expires"),),
    },
    Project: {
        "planned_start": (N_("Start"), N_("Planned start")),
        "planned_end": (N_("End"), N_("Planned end")),
        "actual_start": (N_("Actual start"),),
        "actual_end": (N_("Actual end"),),
    },
}
_LINE = N_("{field} as written in the register: {word}")
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|2[01]\d\d)(?!\d)")


@cache
def _patterns(model: type[Agreement] | type[Project]) -> list[tuple[str, re.Pattern[str]]]:
    """(date column, the note line's pattern) in every language."""
    found = []
    for column, labels in _LABELS[model].items():
        for language in SUPPORTED_LANGUAGES:
            template = translate(_LINE, language)
            for label in labels:
                head, _sep, tail = template.partition("{word}")
                text = re.escape(head.replace("{field}", translate(label, language)))
                found.append((column, re.compile(rf"{text}(?P<word>.+){re.escape(tail)}")))
    return found


def _reading(word: str, day: date, end: bool) -> str | None:
    """The precision ``word`` gave ``day`` if the record still holds that date: "year"
    for a year alone, "month" for a month of that year; None otherwise."""
    years = _YEAR.findall(word)
    if len(years) != 1 or int(years[0]) != day.year:
        return None
    last = monthrange(day.year, day.month)[1]
    if word.strip() == years[0]:
        expected = date(day.year, 12, 31) if end else date(day.year, 1, 1)
        return "year" if day == expected else None
    if re.search(r"\d{1,2}[/.-]\d{1,2}[/.-]\d", word):  # a whole day: not a partial date
        return None
    return "month" if day.day == (last if end else 1) else None


def convert_written_dates(connection: Connection) -> int:
    """Turn the notes lines of partial dates into precisions; returns how many."""
    converted = 0
    for model, columns in _LABELS.items():
        table: Table = model.__table__  # type: ignore[assignment]
        patterns = _patterns(model)
        rows = connection.execute(
            select(table.c.id, table.c.notes, *(table.c[name] for name in columns)).where(
                table.c.notes.is_not(None)
            )
        )
        changes = []
        for row in rows:
            notes = str(row.notes)
            if not any(p.search(notes) for _c, p in patterns):
                continue
            kept, values = [], {}
            for line in notes.split("\n"):
                precision = column = None
                for name, pattern in patterns:
                    match = pattern.fullmatch(line.strip())
                    day = getattr(row, name) if match else None
                    if match and isinstance(day, date):
                        precision = _reading(match["word"], day, name in END_DATES)
                        column = name
                        break
                if precision is None or column is None:
                    kept.append(line)
                else:
                    values[f"{column}_precision"] = precision
            if values:
                changes.append(
                    {"key": row.id, "notes": "\n".join(kept).strip() or None, **values}
                )
                converted += len(values)
        for change in changes:
            key = change.pop("key")
            connection.execute(update(table).where(table.c.id == key).values(**change))
    return converted
