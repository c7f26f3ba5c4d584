"""Accounts managed over HTTP by the office's administrators (Office › Users and roles…):
the list with each account's devices and last sync, adding an account, changing its role,
scope or whether it may sign in, and resetting its password.

Every route refuses an account that is not an administrator, and an administrator cannot
disable or demote their own account (the office would be left without one by a click).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.engine import Connection

from intl_desk.core.i18n import N_
from intl_desk.core.model import LocalEntity
from intl_desk.server.accounts import (
    Account,
    AccountError,
    add_account,
    change_account,
    list_accounts,
    set_password,
)
from intl_desk.server.auth import Refusal, SignedIn
from intl_desk.server.devices import devices


class DeviceOut(BaseModel):
    client_id: str
    last_sync_at: datetime


class AccountDetails(BaseModel):
    name: str
    role: str
    scope_entity_id: str | None
    scope_name: str | None
    disabled: bool
    created_at: datetime
    devices: list[DeviceOut]


class NewAccount(BaseModel):
    name: str
    password: str
    role: str
    scope_entity_id: str | None = None


class AccountChange(BaseModel):
    role: str
    scope_entity_id: str | None = None
    disabled: bool = False


class NewPassword(BaseModel):
    password: str


def _administrator(account: Account) -> None:
    if account.role != "admin":
        raise Refusal(403, N_("Only an administrator manages the accounts."))


def _entity_names(connection: Connection) -> dict[str, str]:
    rows = connection.execute(
        select(LocalEntity.id, LocalEntity.name).where(LocalEntity.deleted_at.is_(None))
    )
    return {str(entity_id): name for entity_id, name in rows}


def _check_scope(connection: Connection, scope_entity_id: str | None) -> None:
    if scope_entity_id and scope_entity_id not in _entity_names(connection):
        raise Refusal(
            422, N_("The office server has no such local entity: synchronise, then try again.")
        )


def _refused(error: AccountError) -> Refusal:
    return Refusal(422, error.message.msgid, error.message.params)


def _accounts(request: Request, account: SignedIn) -> list[AccountDetails]:
    _administrator(account)
    with request.app.state.engine.connect() as connection:
        names = _entity_names(connection)
        by_account: dict[str, list[DeviceOut]] = defaultdict(list)
        for device in devices(connection):
            by_account[device.account].append(DeviceOut(**device.__dict__))
        return [
            AccountDetails(
                name=found.name,
                role=found.role,
                scope_entity_id=found.scope_entity_id,
                scope_name=names.get(found.scope_entity_id or ""),
                disabled=found.disabled,
                created_at=found.created_at,
                devices=by_account.get(found.name, []),
            )
            for found in list_accounts(connection)
        ]


def _add(request: Request, account: SignedIn, body: NewAccount) -> Response:
    _administrator(account)
    with request.app.state.engine.begin() as connection:
        _check_scope(connection, body.scope_entity_id)
        try:
            add_account(
                connection, body.name.strip(), body.password, body.role, body.scope_entity_id
            )
        except AccountError as error:
            raise _refused(error) from None
    return Response(status_code=201)


def _change(request: Request, account: SignedIn, name: str, body: AccountChange) -> Response:
    _administrator(account)
    if name == account.name and (body.disabled or body.role != "admin"):
        raise Refusal(
            422,
            N_(
                "You cannot disable your own account or take away its administration: "
                "another administrator can."
            ),
        )
    with request.app.state.engine.begin() as connection:
        _check_scope(connection, body.scope_entity_id)
        try:
            change_account(
                connection, name, role=body.role, scope_entity_id=body.scope_entity_id,
                disabled=body.disabled,
            )  # fmt: skip
        except AccountError as error:
            raise _refused(error) from None
    return Response(status_code=204)


def _reset_password(request: Request, account: SignedIn, name: str, body: NewPassword) -> Response:
    _administrator(account)
    with request.app.state.engine.begin() as connection:
        try:
            set_password(connection, name, body.password)
        except AccountError as error:
            raise _refused(error) from None
    return Response(status_code=204)


def add_admin_routes(v1: APIRouter) -> None:
    v1.add_api_route(
        "/accounts", _accounts, methods=["GET"], response_model=list[AccountDetails],
        summary="Every account with its role, scope, devices and last sync (administrators)",
    )  # fmt: skip
    v1.add_api_route(
        "/accounts", _add, methods=["POST"], status_code=201,
        summary="Add an account (administrators)",
    )  # fmt: skip
    v1.add_api_route(
        "/accounts/{name}", _change, methods=["PUT"], status_code=204,
        summary="Set an account's role, scope and whether it may sign in (administrators)",
    )  # fmt: skip
    v1.add_api_route(
        "/accounts/{name}/password", _reset_password, methods=["PUT"], status_code=204,
        summary="Reset an account's password (administrators)",
    )  # fmt: skip
