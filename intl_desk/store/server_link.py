"""The SQLite side of a file's link to an office server (see :mod:`intl_desk.core.model.sync`).

A file becomes a clone when it is given its link: the server's address, the account,
a fresh client id and the server's cursor, and every history row it already holds is
marked as known to the server (it came from there).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection

from intl_desk.core.model import Change, SentChange, ServerLink, new_uuid
from intl_desk.store.connection import make_engine
from intl_desk.store.db_errors import translate_db_errors


@dataclass(frozen=True)
class Link:
    server_url: str
    account: str
    client_id: str
    cursor: int


def link_to_server(path: Path, server_url: str, account: str, cursor: int) -> Link:
    """Make the office file at ``path`` (a fresh clone, not yet published) a clone."""
    link = Link(server_url, account, new_uuid(), cursor)
    with translate_db_errors(path):
        engine = make_engine(path)
        try:
            with engine.begin() as connection:
                connection.execute(
                    insert(ServerLink).values(
                        id=1,
                        server_url=link.server_url,
                        account=link.account,
                        client_id=link.client_id,
                        cursor=link.cursor,
                    )
                )
                connection.execute(
                    insert(SentChange).from_select(["change_id"], select(Change.id))
                )
        finally:
            engine.dispose()
    return link


def read_link(connection: Connection) -> Link | None:
    row = connection.execute(
        select(ServerLink.server_url, ServerLink.account, ServerLink.client_id, ServerLink.cursor)
    ).first()
    return Link(str(row[0]), str(row[1]), str(row[2]), int(row[3])) if row else None
