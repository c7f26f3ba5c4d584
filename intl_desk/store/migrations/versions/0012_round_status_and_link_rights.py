"""A collection round can be closed; a synchronised file keeps its account's rights.

``collection_round.status`` is ``open`` (answers taken) or ``closed`` (the office stopped
collecting: no new answers); every round there was stays open. ``server_link`` keeps the
role and scope the server gave the account at its last sign-in or sync, so a file copied
or moved to another computer knows before its first sync there which records it may
change (the read-only banner shows at once; the server still decides).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("collection_round", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("status", sa.String(length=10), nullable=False, server_default="open")
        )
    with op.batch_alter_table("server_link", schema=None) as batch_op:
        batch_op.add_column(sa.Column("role", sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column("scope_entity_id", sa.String(length=36), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("server_link", schema=None) as batch_op:
        batch_op.drop_column("scope_entity_id")
        batch_op.drop_column("role")
    with op.batch_alter_table("collection_round", schema=None) as batch_op:
        batch_op.drop_column("status")
