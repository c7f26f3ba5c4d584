"""Alembic environment of the office file, for programmatic use only.

The store passes an open connection, already in a transaction, through
``config.attributes["connection"]``; there is no URL to connect to and no offline mode.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from intl_desk.core.model import Base


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if not isinstance(connection, Connection) or context.is_offline_mode():
        raise RuntimeError("Intl Desk migrations run only through intl_desk.store.schema")
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite alters most tables by copying them
        compare_type=True,
        transactional_ddl=True,  # our connections make SQLite's DDL transactional
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
