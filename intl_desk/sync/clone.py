"""``intl-desk clone``: a new office file of what the server holds, linked to it.

The server's snapshot is downloaded under a temporary name beside the target, checked like
any file received from elsewhere (full integrity check, nothing but the office's tables,
this build's schema version), given its link to the server, and only then renamed into
place: an interrupted clone leaves nothing under the target's name.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from intl_desk.core.i18n import N_, Message
from intl_desk.core.model import Change
from intl_desk.files.output_guard import guard_output
from intl_desk.store.backup import publish, temporary_sibling
from intl_desk.store.connection import make_engine
from intl_desk.store.errors import FileAlreadyExists
from intl_desk.store.safety import verify_source
from intl_desk.store.schema import SCHEMA_VERSION
from intl_desk.store.server_link import link_to_server
from intl_desk.sync.client import ServerClient, ServerError

CURSOR_HEADER = "X-Intl-Desk-Cursor"


@dataclass(frozen=True)
class CloneReport:
    path: Path
    office_name: str
    history_rows: int
    cursor: int


def _introduce(client: ServerClient, client_id: str, cursor: int) -> None:
    """Tell the server the new file's client id (an empty pull from where the clone starts),
    so its administrators see the desktop in Users and roles… from the clone on, not only
    after its first sync. The clone is in place already: a failure here is not one of it
    (the first sync introduces the file anyway)."""
    with contextlib.suppress(ServerError):
        client.request(
            "GET", "/v1/sync/pull", params={"cursor": cursor, "limit": 1, "client": client_id}
        )


def clone(url: str, target: Path | str, account: str, password: str) -> CloneReport:
    with ServerClient(url, account, password) as client:
        return clone_with(client, target)


def clone_with(client: ServerClient, target: Path | str) -> CloneReport:
    """Clone through ``client`` (signed in, or given the password to sign in with); the
    desktop app keeps the client's token afterwards instead of the password."""
    url, account = client.url, client.account
    path = guard_output(target)
    if path.exists():
        raise FileAlreadyExists(path)
    work = temporary_sibling(path, "clone")
    try:
        if client.token is None:
            client.sign_in()
        headers = client.download("/v1/clone", work)
        try:
            cursor = int(headers[CURSOR_HEADER])
        except (KeyError, ValueError):
            raise ServerError(
                Message(N_("{url} did not answer as an Intl Desk office server."), {"url": url})
            ) from None
        found = verify_source(work)
        if found.schema_version != SCHEMA_VERSION:
            raise ServerError(
                Message(
                    N_(
                        "The server keeps version {theirs} of the office's data and this "
                        "Intl Desk version {ours}: install the same Intl Desk on both."
                    ),
                    {"theirs": found.schema_version, "ours": SCHEMA_VERSION},
                )
            )
        link = link_to_server(
            work, client.url, account, cursor, client.role, client.scope_entity_id
        )
        engine = make_engine(work, read_only=True)
        try:
            with engine.connect() as connection:
                history = int(connection.scalar(select(func.count()).select_from(Change)) or 0)
        finally:
            engine.dispose()
        publish(work, path, overwrite=False)
    finally:
        work.unlink(missing_ok=True)
        Path(f"{work}-journal").unlink(missing_ok=True)
    _introduce(client, link.client_id, cursor)
    return CloneReport(path, found.office_name, history, cursor)
