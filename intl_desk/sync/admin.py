"""The office server's accounts as its administrators manage them from a desktop (Office ›
Users and roles…), over the ``/v1/accounts`` routes; Qt-free, on a signed-in client.

A refusal (not an administrator, a password too short, a name taken…) comes back as a
:class:`~intl_desk.sync.client.ServerError` with the server's message, in the user's
language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import quote

from intl_desk.sync.client import ServerClient


@dataclass(frozen=True)
class DeviceInfo:
    client_id: str
    last_sync_at: datetime


@dataclass(frozen=True)
class AccountInfo:
    name: str
    role: str
    scope_entity_id: str | None
    scope_name: str | None
    disabled: bool
    created_at: datetime
    devices: tuple[DeviceInfo, ...]

    @property
    def last_sync_at(self) -> datetime | None:
        return max((device.last_sync_at for device in self.devices), default=None)


def _route(name: str) -> str:
    return f"/v1/accounts/{quote(name, safe='')}"


def accounts(client: ServerClient) -> list[AccountInfo]:
    found = client.request("GET", "/v1/accounts").json()
    return [
        AccountInfo(
            name=str(row["name"]),
            role=str(row["role"]),
            scope_entity_id=row["scope_entity_id"],
            scope_name=row["scope_name"],
            disabled=bool(row["disabled"]),
            created_at=datetime.fromisoformat(row["created_at"]),
            devices=tuple(
                DeviceInfo(str(device["client_id"]), datetime.fromisoformat(device["last_sync_at"]))
                for device in row["devices"]
            ),
        )
        for row in found
    ]


def add_account(
    client: ServerClient, name: str, password: str, role: str, scope_entity_id: str | None
) -> None:
    client.request(
        "POST", "/v1/accounts",
        json={"name": name, "password": password, "role": role,
              "scope_entity_id": scope_entity_id},
    )  # fmt: skip


def change_account(
    client: ServerClient, name: str, *, role: str, scope_entity_id: str | None, disabled: bool
) -> None:
    client.request(
        "PUT", _route(name),
        json={"role": role, "scope_entity_id": scope_entity_id, "disabled": disabled},
    )  # fmt: skip


def reset_password(client: ServerClient, name: str, password: str) -> None:
    client.request("PUT", f"{_route(name)}/password", json={"password": password})
