"""What the status bar says about an office file's synchronisation, in one sentence.

"Synced 2 min ago", "Offline — 14 changes to send", "3 conflicts", "Syncing…": the state
is kept by the desktop app; the words are chosen here, without Qt, so they are the same
wherever they are shown and can be tested alone.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from intl_desk.core.display import date_text, number_text
from intl_desk.core.i18n import N_, Message


@dataclass(frozen=True)
class SyncState:
    #: when the last synchronisation ended well (UTC); None: not yet in this session
    last_synced: datetime | None = None
    #: history rows not yet sent to the server
    pending: int = 0
    #: conflicts settled by the server, waiting for the person to look at them
    conflicts: int = 0
    #: records the server refused, not yet looked at
    refused: int = 0
    syncing: bool = False
    #: the server could not be reached at the last attempt
    offline: bool = False
    #: the token was refused or is missing: the person must sign in
    sign_in_needed: bool = False

    def but(self, **changes: object) -> SyncState:
        return replace(self, **changes)  # type: ignore[arg-type]


def _count(count: int, one: str, many: str) -> Message:
    if count == 1:
        return Message(one)
    return Message(many, {"count": number_text(count)})


def _ago(last: datetime, now: datetime) -> Message:
    minutes = int((now - last).total_seconds() // 60)
    if minutes < 1:
        return Message(N_("Synced just now"))
    if minutes < 60:
        return Message(N_("Synced {minutes} min ago"), {"minutes": number_text(minutes)})
    hours = minutes // 60
    if hours < 24:
        return Message(N_("Synced {hours} h ago"), {"hours": number_text(hours)})
    return Message(N_("Synced {days} days ago"), {"days": number_text(hours // 24)})


def status_text(state: SyncState, now: datetime) -> str:
    """The sentence for the status bar: what needs the person first (conflicts, signing
    in), then what is going on (offline), then records refused, then the last sync."""
    if state.syncing:
        return Message(N_("Syncing…")).render()
    if state.conflicts:
        return _count(state.conflicts, N_("1 conflict"), N_("{count} conflicts")).render()
    to_send = _count(state.pending, N_("1 change to send"), N_("{count} changes to send"))
    if state.sign_in_needed:
        if state.pending:
            return Message(
                N_("Sign in to synchronise — {changes}"), {"changes": to_send.render()}
            ).render()
        return Message(N_("Sign in to synchronise")).render()
    if state.offline:
        if state.pending:
            return Message(N_("Offline — {changes}"), {"changes": to_send.render()}).render()
        return Message(N_("Offline")).render()
    if state.refused:
        return _count(
            state.refused,
            N_("1 record refused by the server"),
            N_("{count} records refused by the server"),
        ).render()
    if state.last_synced is None:
        return Message(N_("Not synced yet")).render()
    synced = _ago(state.last_synced, now).render()
    if state.pending:
        return f"{synced} — {to_send.render()}"
    return synced


def as_of_text(last_synced: datetime | None) -> str:
    """The overview's line on a cloned file: its figures are those of the last sync."""
    if last_synced is None:
        return Message(N_("As of the last sync: not synchronised on this computer yet")).render()
    local = last_synced.astimezone()  # the person's own clock
    return Message(
        N_("As of the last sync, {date} at {time}"),
        {"date": date_text(local.date()), "time": local.strftime("%H:%M")},
    ).render()
