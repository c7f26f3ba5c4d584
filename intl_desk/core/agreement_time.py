"""An agreement's standing on a past day, rebuilt from its dates.

An agreement's status is today's; a past year's figures ("active at the end of 2020",
"expiring within 12 months of then") need what was true then. An agreement was *active
on* a day when it had been signed by then (any status but draft or negotiation), had not
expired before that day (perpetual and open-ended ones never expire) and had not ended
early by then — an agreement terminated, suspended or superseded records the date it ended
(``date_ended``).

What the dates cannot tell is left out and counted, never guessed: a signed agreement
with no signature date, and one ended early without the date it ended
(:func:`unplaced`); the page says how many.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import ColumnElement, and_, or_

from intl_desk.core.columns import Agreement

#: statuses of agreements that were signed (so were active at some point)
SIGNED_STATUSES = ("active", "expired", "terminated", "suspended", "superseded")
#: statuses of agreements that ended before their expiry: they carry ``date_ended``
#: a suspended agreement stops on the day it was suspended, like a terminated one; if
#: it resumes, it is active again (status and end date changed back), as the history says
ENDED_EARLY = ("terminated", "suspended", "superseded")


def as_of(year: int, today: date) -> date | None:
    """The day a year's standing figures are taken: the year's last day for a past year,
    None for the current year and later ones (today's statuses say it)."""
    return standing_day(date(year, 12, 31), today)


def standing_day(end: date, today: date) -> date | None:
    """The day a period's standing figures ("active") are taken: its last day once it
    is over, None while it runs (today's statuses say it)."""
    return end if end < today else None


def is_active(day: date | None) -> ColumnElement[bool]:
    """The one rule for "active" — the overview, the indicator formulas, the yearly
    report and the list's filters all count with it: today (``day`` None) an agreement
    whose status is active; on a past day, one active then by its dates
    (:func:`active_on`)."""
    return Agreement.status == "active" if day is None else active_on(day)


def active_on(day: date) -> ColumnElement[bool]:
    """Agreements active on ``day`` (see the module's rule)."""
    return and_(
        Agreement.status.in_(SIGNED_STATUSES),
        Agreement.date_signed <= day,
        or_(
            Agreement.perpetual.is_(True),
            and_(Agreement.date_expires.is_(None), Agreement.status != "expired"),
            Agreement.date_expires >= day,
        ),
        or_(
            Agreement.status.not_in(ENDED_EARLY),
            Agreement.date_ended > day,
        ),
    )


def expired_by(day: date) -> ColumnElement[bool]:
    """Agreements that had reached their expiry date by ``day`` (signed ones only)."""
    return and_(
        Agreement.status.in_(SIGNED_STATUSES),
        Agreement.date_signed <= day,
        Agreement.perpetual.is_(False),
        Agreement.date_expires < day,
    )


def unplaced(day: date) -> ColumnElement[bool]:
    """Signed agreements whose dates cannot say whether they were active on ``day``: no
    signature date, marked expired without an expiry date, or ended early without the
    date it ended (signed by then and not expired before)."""
    return and_(
        Agreement.status.in_(SIGNED_STATUSES),
        or_(
            Agreement.date_signed.is_(None),
            and_(  # marked expired, with no expiry date to say since when
                Agreement.status == "expired",
                Agreement.date_expires.is_(None),
                Agreement.perpetual.is_(False),
                Agreement.date_signed <= day,
            ),
            and_(
                Agreement.status.in_(ENDED_EARLY),
                Agreement.date_ended.is_(None),
                Agreement.date_signed <= day,
                or_(
                    Agreement.perpetual.is_(True),
                    Agreement.date_expires.is_(None),
                    Agreement.date_expires >= day,
                ),
            ),
        ),
    )


def expiring_within_a_year(day: date) -> list[ColumnElement[bool]]:
    """Agreements reaching their expiry date in the 12 months after ``day``."""
    return [
        Agreement.perpetual.is_(False),
        Agreement.date_expires >= day,
        Agreement.date_expires <= day + timedelta(days=365),
    ]
