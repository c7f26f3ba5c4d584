"""Which records of a cloned file the account may change, said before anyone types.

The server refuses a change out of the account's scope record by record (see
:mod:`intl_desk.store.ownership`); the desktop app uses the same rule to open those records
read-only with a line saying whose they are, instead of letting someone edit a record the
server would refuse at the next synchronisation.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.engine import Connection

from intl_desk.core.display import first_few
from intl_desk.core.i18n import N_, Message
from intl_desk.core.model import LocalEntity
from intl_desk.store.ownership import branch_of, owners_of, stored_row
from intl_desk.sync.session import AccountRights


def _names(connection: Connection, entity_ids: set[str]) -> list[str]:
    return sorted(
        str(name)
        for name in connection.scalars(
            select(LocalEntity.name).where(LocalEntity.id.in_(sorted(entity_ids)))
        )
    )


def write_refusal(
    connection: Connection, rights: AccountRights, table: str, record_id: str | None
) -> Message | None:
    """Why the account may not change this record (None: it may). ``record_id`` None is a
    new record: an editor may add records (the server checks what they name at the sync)."""
    if rights.role is None:
        return None  # never signed in on this computer: the server will say
    if rights.reads_only:
        return Message(
            N_("Your account on the office server may only read: this record opens read-only.")
        )
    if rights.scope_entity_id is None or record_id is None:
        return None
    lookup = stored_row(connection)
    row = lookup(table, record_id)
    if row is None:
        return None
    owners = owners_of(connection, table, row, lookup)
    scope = rights.scope_entity_id
    scope_name = connection.scalar(select(LocalEntity.name).where(LocalEntity.id == scope))
    if not owners:
        return Message(
            N_(
                "This record is shared by the whole office: only an account for the whole "
                "office changes it, so it opens read-only here."
            )
        )
    if owners & branch_of(connection, scope):
        return None
    named = {record_id} if table == "local_entity" else owners  # itself, not its parent
    return Message(
        N_(
            "This record belongs to {owners}: your account changes only the records of "
            "{scope} and of the entities under it, so it opens read-only here."
        ),
        {"owners": first_few(_names(connection, named), 3), "scope": scope_name or "-"},
    )
