"""Activity and network dates keep how precisely the office knew them, as agreement and
project dates do since revision 0005: an activity "in 2011", a network joined "in
March 2004" (``<date>_precision``: ``day``, ``month`` or ``year``; every date there was
stays a whole date).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = {
    "activity": ("start_date", "end_date"),
    "membership": ("since", "until"),
    "participation": ("start_date", "end_date"),
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
