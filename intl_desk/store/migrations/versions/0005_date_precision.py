"""Dates keep how precisely the office knew them: day, month or year.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = {
    "agreement": ("date_signed", "date_in_force", "date_expires"),
    "project": ("planned_start", "planned_end", "actual_start", "actual_end"),
}


def upgrade() -> None:
    for table, dates in COLUMNS.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for name in dates:
                batch_op.add_column(
                    sa.Column(
                        f"{name}_precision",
                        sa.String(length=5),
                        server_default="day",
                        nullable=False,
                    )
                )


def downgrade() -> None:
    for table, dates in COLUMNS.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for name in reversed(dates):
                batch_op.drop_column(f"{name}_precision")
