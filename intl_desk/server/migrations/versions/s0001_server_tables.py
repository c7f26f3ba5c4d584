"""The server's own tables: accounts, settings, the change order, documents' bytes.

A server database set up before its tables had migrations already holds some or all of
them (``server init`` and each start made them from the model): those are kept as they
are, only the missing ones are made — the layout is the same.

Revision ID: s0001
Revises:
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "s0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    existing = set(sa.inspect(op.get_bind()).get_table_names())
    if "server_account" not in existing:
        op.create_table(
            "server_account",
            sa.Column("name", sa.String(length=100), primary_key=True),
            sa.Column("role", sa.String(length=10), nullable=False),
            sa.Column("scope_entity_id", sa.String(length=36)),
            sa.Column("password_hash", sa.String(length=200), nullable=False),
            sa.Column("disabled", sa.Boolean(), nullable=False),
            sa.Column(
                "created_at",
                sa.DateTime(timezone=True),
                nullable=False,
                server_default=sa.func.now(),
            ),
        )
    if "server_setting" not in existing:
        op.create_table(
            "server_setting",
            sa.Column("name", sa.String(length=60), primary_key=True),
            sa.Column("value", sa.String(length=200), nullable=False),
        )
    if "server_change_order" not in existing:
        op.create_table(
            "server_change_order",
            sa.Column("seq", sa.BigInteger(), sa.Identity(), primary_key=True),
            sa.Column("change_id", sa.String(length=36), nullable=False, unique=True),
            sa.Column("client_id", sa.String(length=36)),
        )
    if "server_blob" not in existing:
        op.create_table(
            "server_blob",
            sa.Column("sha256", sa.String(length=64), primary_key=True),
            sa.Column("content", sa.LargeBinary(), nullable=False),
        )


def downgrade() -> None:
    for table in ("server_blob", "server_change_order", "server_setting", "server_account"):
        op.drop_table(table)
