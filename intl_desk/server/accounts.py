"""The server's accounts: who may sign in, with which role, over which local entity.

Accounts live in the server's own table, never in an office file. Passwords are kept as
argon2 hashes only. A scope is the id of a local entity: its holder writes only records
under that branch of the local-entity tree (the sync service will enforce it).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.engine import Connection, RowMapping

from intl_desk.core.errors import IntlDeskError
from intl_desk.core.i18n import N_, Message
from intl_desk.server.roles import ROLES
from intl_desk.server.tables import account_table, server_metadata

MIN_PASSWORD_LENGTH = 10


@dataclass(frozen=True)
class Account:
    name: str
    role: str
    scope_entity_id: str | None
    disabled: bool
    created_at: datetime
    #: what the account's tokens must carry (see :mod:`intl_desk.server.tokens`)
    token_generation: int = 0


class AccountError(IntlDeskError):
    """An account that cannot be made or changed as asked."""


def hash_password(password: str) -> str:
    from argon2 import PasswordHasher

    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(
            Message(
                N_("The password is too short: use at least {count} characters."),
                {"count": MIN_PASSWORD_LENGTH},
            )
        )
    with _HASHING:
        return PasswordHasher().hash(password)


#: argon2 works in 64 MiB of memory for each password it checks (its default cost, kept:
#: it is what makes a stolen hash slow to guess). Fifty desks signing in at once took the
#: server's memory to 1.3 GiB; checking two at a time keeps it to 128 MiB, each sign-in
#: taking a tenth of a second or so (the others wait their turn).
_HASHING = threading.BoundedSemaphore(2)


def password_matches(password_hash: str, password: str) -> bool:
    from argon2 import PasswordHasher
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        with _HASHING:
            return PasswordHasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def add_account(
    connection: Connection,
    name: str,
    password: str,
    role: str,
    scope_entity_id: str | None = None,
) -> None:
    if role not in ROLES:
        raise AccountError(
            Message(
                N_("“{role}” is not a role: use admin, editor or reader."), {"role": role}
            )
        )
    if not name.strip():
        raise AccountError(Message(N_("An account needs a name.")))
    exists = connection.scalar(select(account_table.c.name).where(account_table.c.name == name))
    if exists is not None:
        raise AccountError(
            Message(N_("There is already an account named “{name}”."), {"name": name})
        )
    connection.execute(
        account_table.insert().values(
            name=name,
            role=role,
            scope_entity_id=scope_entity_id,
            password_hash=hash_password(password),
            disabled=False,
        )
    )


def list_accounts(connection: Connection) -> list[Account]:
    rows = connection.execute(
        select(
            account_table.c.name,
            account_table.c.role,
            account_table.c.scope_entity_id,
            account_table.c.disabled,
            account_table.c.created_at,
        ).order_by(account_table.c.name)
    )
    return [Account(*row) for row in rows]


#: moves an account's token generation on: every token made before is refused
_NEXT_GENERATION = account_table.c.token_generation + 1


def disable_account(connection: Connection, name: str) -> None:
    result = connection.execute(
        update(account_table)
        .where(account_table.c.name == name)
        .values(disabled=True, token_generation=_NEXT_GENERATION)
    )
    if result.rowcount == 0:
        raise AccountError(Message(N_("There is no account named “{name}”."), {"name": name}))


def change_account(
    connection: Connection,
    name: str,
    *,
    role: str,
    scope_entity_id: str | None,
    disabled: bool,
) -> None:
    """Set an account's role, scope and whether it may sign in. Disabling it ends its
    sign-ins: enabled again, it signs in with its password, not with an old token."""
    if role not in ROLES:
        raise AccountError(
            Message(
                N_("“{role}” is not a role: use admin, editor or reader."), {"role": role}
            )
        )
    values: dict[str, object] = {
        "role": role, "scope_entity_id": scope_entity_id, "disabled": disabled
    }
    if disabled:
        values["token_generation"] = _NEXT_GENERATION
    result = connection.execute(
        update(account_table).where(account_table.c.name == name).values(**values)
    )
    if result.rowcount == 0:
        raise AccountError(Message(N_("There is no account named “{name}”."), {"name": name}))


def set_password(connection: Connection, name: str, password: str) -> None:
    """A new password for the account (an administrator's reset). Every token made
    before is refused from then on: a lost laptop's month-long refresh token included."""
    result = connection.execute(
        update(account_table)
        .where(account_table.c.name == name)
        .values(password_hash=hash_password(password), token_generation=_NEXT_GENERATION)
    )
    if result.rowcount == 0:
        raise AccountError(Message(N_("There is no account named “{name}”."), {"name": name}))


def authenticate(connection: Connection, name: str, password: str) -> Account | None:
    """The account if the name and password match an account that is not disabled."""
    row = connection.execute(
        select(account_table).where(account_table.c.name == name)
    ).mappings().first()
    if row is None or row["disabled"] or not password_matches(row["password_hash"], password):
        return None
    return _account(row)


def _account(row: RowMapping) -> Account:
    return Account(
        row["name"], row["role"], row["scope_entity_id"], row["disabled"], row["created_at"],
        row["token_generation"],
    )  # fmt: skip


def enabled_account(connection: Connection, name: str) -> Account | None:
    """The account named ``name`` if it exists and is not disabled (no password check)."""
    row = connection.execute(
        select(account_table).where(account_table.c.name == name)
    ).mappings().first()
    if row is None or row["disabled"]:
        return None
    return _account(row)


__all__ = [
    "ROLES",
    "Account",
    "AccountError",
    "account_table",
    "add_account",
    "authenticate",
    "change_account",
    "disable_account",
    "enabled_account",
    "list_accounts",
    "server_metadata",
    "set_password",
]
