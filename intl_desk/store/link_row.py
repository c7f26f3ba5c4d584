"""The office file's link to an office server as one row read (:class:`Link`).

Apart from :mod:`intl_desk.store.server_link` (linking, sending and applying changes,
which brings the merge machinery with it): a report only asks whether its file is a
clone, and asks it without loading what a sync needs.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.engine import Connection

from intl_desk.core.columns import ServerLink


@dataclass(frozen=True)
class Link:
    server_url: str
    account: str
    client_id: str
    cursor: int
    #: the account's role and scope as the server last said them to this file (None: not
    #: known yet): a file moved to another computer shows what it may change at once
    role: str | None = None
    scope_entity_id: str | None = None


def read_link(connection: Connection) -> Link | None:
    row = connection.execute(
        select(
            ServerLink.server_url,
            ServerLink.account,
            ServerLink.client_id,
            ServerLink.cursor,
            ServerLink.role,
            ServerLink.scope_entity_id,
        )
    ).first()
    if row is None:
        return None
    return Link(
        str(row[0]), str(row[1]), str(row[2]), int(row[3]),
        str(row[4]) if row[4] else None, str(row[5]) if row[5] else None,
    )  # fmt: skip
