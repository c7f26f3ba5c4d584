"""Contacts keep the positions they held over time.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "contact_position",
        sa.Column("contact_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.String(length=200), nullable=False),
        sa.Column("organisation", sa.String(length=200), nullable=True),
        sa.Column("since", sa.Date(), nullable=True),
        sa.Column("until", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin_office", sa.String(length=36), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["contact_id"], ["contact.id"], name=op.f("fk_contact_position_contact_id_contact")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_position")),
    )
    op.create_index(
        op.f("ix_contact_position_contact_id"), "contact_position", ["contact_id"], unique=False
    )
    op.create_index(
        op.f("ix_contact_position_updated_at"), "contact_position", ["updated_at"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_contact_position_updated_at"), table_name="contact_position")
    op.drop_index(op.f("ix_contact_position_contact_id"), table_name="contact_position")
    op.drop_table("contact_position")
