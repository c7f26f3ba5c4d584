"""Alembic environment of the office server's own tables, for programmatic use only.

The server's tables (:mod:`intl_desk.server.tables`) have migrations of their own, apart
from the office's: an office file never holds them, and their revisions ("s0001", …) are
recorded in ``server_alembic_version`` beside the office's ``alembic_version``.
:mod:`intl_desk.server.schema` passes an open connection, already in a transaction.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from intl_desk.server.tables import server_metadata

VERSION_TABLE = "server_alembic_version"


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if not isinstance(connection, Connection) or context.is_offline_mode():
        raise RuntimeError("server migrations run only through intl_desk.server.schema")
    context.configure(
        connection=connection,
        target_metadata=server_metadata,
        version_table=VERSION_TABLE,
        compare_type=True,
        transactional_ddl=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
