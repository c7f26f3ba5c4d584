"""An agreement's status as its dates tell it, and what to say when the two disagree.

A new agreement stayed "Draft" with its signature and expiry dates filled in, so it was
missing from renewals, active counts and the map without a word: the user's first
agreement "disappeared". The form proposes the status the dates give while the person
has not chosen one, and says so when the chosen status disagrees with the dates; the
register import uses the same rule for rows that give no status.
"""

from __future__ import annotations

from datetime import date

from intl_desk.core.display import date_text
from intl_desk.core.i18n import N_, Message

#: statuses a person chooses for reasons the dates cannot know: never contradicted
_DECIDED = frozenset({"terminated", "suspended", "superseded"})


def status_from_dates(
    signed: date | None, expires: date | None, today: date, *, perpetual: bool = False
) -> str:
    """Not signed → draft; signed and not past its expiry → active; past it → expired."""
    if signed is None or signed > today:
        return "draft"
    if expires is not None and not perpetual and expires < today:
        return "expired"
    return "active"


def status_disagreement(
    status: str,
    signed: date | None,
    expires: date | None,
    today: date,
    *,
    perpetual: bool = False,
) -> Message | None:
    """A sentence when ``status`` contradicts the dates (None when they agree)."""
    if status in _DECIDED:
        return None
    expected = status_from_dates(signed, expires, today, perpetual=perpetual)
    if status in ("draft", "negotiation") and expected != "draft":
        return Message(
            N_(
                "Signed on {date}, yet still marked as not signed: it is left out of active "
                "agreements, renewals and the map until its status says Active."
            ),
            {"date": date_text(signed)},
        )
    if status == "active" and expected == "expired":
        return Message(
            N_("Expired on {date} but marked Active: renew it or mark it Expired."),
            {"date": date_text(expires)},
        )
    if status == "active" and expected == "draft":
        return Message(N_("Marked Active but no signature date is given."))
    if status == "expired" and expected == "active":
        return Message(
            N_("Marked Expired but in force until {date}.")
            if expires is not None and not perpetual
            else N_("Marked Expired but no expiry date has passed."),
            {"date": date_text(expires)},
        )
    return None
