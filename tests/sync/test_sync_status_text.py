"""The status bar's sentence about synchronisation, and the overview's "as of" line."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from intl_desk.core.i18n import set_language
from intl_desk.sync.status import SyncState, as_of_text, status_text

NOW = datetime(2026, 12, 4, 9, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("state", "english", "portuguese"),
    [
        (SyncState(last_synced=NOW - timedelta(seconds=20)), "Synced just now",
         "Sincronizado agora mesmo"),
        (SyncState(last_synced=NOW - timedelta(minutes=2)), "Synced 2 min ago",
         "Sincronizado há 2 min"),
        (SyncState(last_synced=NOW - timedelta(hours=5), pending=1),
         "Synced 5 h ago — 1 change to send", "Sincronizado há 5 h — 1 alteração a enviar"),
        (SyncState(offline=True, pending=14, last_synced=NOW), "Offline — 14 changes to send",
         "Offline — 14 alterações a enviar"),
        (SyncState(offline=True), "Offline", "Offline"),
        (SyncState(conflicts=3, offline=True, pending=2), "3 conflicts", "3 conflitos"),
        (SyncState(syncing=True, conflicts=3), "Syncing…", "Sincronizando…"),
        (SyncState(sign_in_needed=True, pending=1_204),
         "Sign in to synchronise — 1,204 changes to send",
         "Entre para sincronizar — 1.204 alterações a enviar"),
        (SyncState(), "Not synced yet", "Ainda não sincronizado"),
        (SyncState(refused=2, last_synced=NOW), "2 records refused by the server",
         "2 registros recusados pelo servidor"),
        (SyncState(refused=1, offline=True), "Offline", "Offline"),
        (SyncState(refused=1, conflicts=1), "1 conflict", "1 conflito"),
    ],
)  # fmt: skip
def test_the_status_says_what_needs_the_person_first(
    state: SyncState, english: str, portuguese: str
) -> None:
    assert status_text(state, NOW) == english
    set_language("pt")
    assert status_text(state, NOW) == portuguese


def test_the_overview_says_when_its_figures_were_synchronised() -> None:
    synced = datetime(2026, 12, 4, 9, 5, tzinfo=UTC)
    local = synced.astimezone()
    assert as_of_text(synced).startswith("As of the last sync, ")
    assert as_of_text(synced).endswith(f" at {local:%H:%M}")
    assert as_of_text(None) == "As of the last sync: not synchronised on this computer yet"
