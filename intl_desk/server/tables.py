"""The server's own tables, beside the office's: accounts and settings.

They live in the server's PostgreSQL database only, never in an office file, and are
made by ``server init`` (and, for a database set up before a table existed, when the
server starts: ``create_all`` makes only the missing ones).
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, DateTime, MetaData, String, Table, func

server_metadata = MetaData()

account_table = Table(
    "server_account",
    server_metadata,
    Column("name", String(100), primary_key=True),
    Column("role", String(10), nullable=False),
    Column("scope_entity_id", String(36)),
    Column("password_hash", String(200), nullable=False),
    Column("disabled", Boolean, nullable=False, default=False),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
)

#: one value per name: the token secret (see :mod:`intl_desk.server.tokens`)
setting_table = Table(
    "server_setting",
    server_metadata,
    Column("name", String(60), primary_key=True),
    Column("value", String(200), nullable=False),
)
