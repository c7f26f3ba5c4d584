"""The desktops that synchronise: each office file's client id, its account and when it
last pushed or pulled (shown to administrators in Office › Users and roles…)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError

from intl_desk.server.tables import device_table


@dataclass(frozen=True)
class Device:
    client_id: str
    account: str
    last_sync_at: datetime


def seen(engine: Engine, client_id: str, account: str) -> None:
    """Note that ``client_id`` synchronised now as ``account`` (a copy of a file moved to
    another account's hands is listed under the latest)."""
    values = {"account": account, "last_sync_at": datetime.now(UTC)}
    with engine.begin() as connection:
        changed = connection.execute(
            update(device_table).where(device_table.c.client_id == client_id).values(values)
        )
        if changed.rowcount:
            return
    try:
        with engine.begin() as connection:
            connection.execute(device_table.insert().values(client_id=client_id, **values))
    except IntegrityError:  # two requests of a new device at once: the other one noted it
        pass


def devices(connection: Connection) -> list[Device]:
    rows = connection.execute(
        select(device_table).order_by(device_table.c.account, device_table.c.last_sync_at.desc())
    )
    return [Device(row.client_id, row.account, row.last_sync_at) for row in rows]
