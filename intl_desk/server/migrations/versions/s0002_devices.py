"""Each desktop that synchronises (its office file's client id), its account and its last
synchronisation.

Revision ID: s0002
Revises: s0001
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "s0002"
down_revision: str | None = "s0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "server_device",
        sa.Column("client_id", sa.String(length=36), primary_key=True),
        sa.Column("account", sa.String(length=100), nullable=False),
        sa.Column("last_sync_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_server_device_account", "server_device", ["account"])


def downgrade() -> None:
    op.drop_index("ix_server_device_account", table_name="server_device")
    op.drop_table("server_device")
