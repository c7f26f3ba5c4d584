"""Collection rounds: a period's figures asked of local entities, and their answers.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _record_columns() -> list[sa.Column[Any]]:
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin_office", sa.String(length=36), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
    ]


def _indexes(table: str, *columns: str) -> None:
    for column in (*columns, "updated_at"):
        op.create_index(op.f(f"ix_{table}_{column}"), table, [column], unique=False)


def upgrade() -> None:
    op.create_table(
        "collection_round",
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("period_id", sa.String(length=36), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.Column("instructions", sa.Text(), nullable=True),
        *_record_columns(),
        sa.ForeignKeyConstraint(
            ["period_id"], ["period.id"], name=op.f("fk_collection_round_period_id_period")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_collection_round")),
    )
    _indexes("collection_round", "period_id")
    op.create_table(
        "round_indicator",
        sa.Column("round_id", sa.String(length=36), nullable=False),
        sa.Column("indicator_id", sa.String(length=36), nullable=False),
        *_record_columns(),
        sa.ForeignKeyConstraint(
            ["indicator_id"],
            ["indicator.id"],
            name=op.f("fk_round_indicator_indicator_id_indicator"),
        ),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["collection_round.id"],
            name=op.f("fk_round_indicator_round_id_collection_round"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_round_indicator")),
    )
    _indexes("round_indicator", "indicator_id", "round_id")
    op.create_table(
        "round_submission",
        sa.Column("round_id", sa.String(length=36), nullable=False),
        sa.Column("local_entity_id", sa.String(length=36), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("submitted_at", sa.DateTime(), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(), nullable=True),
        sa.Column("review_comment", sa.Text(), nullable=True),
        *_record_columns(),
        sa.ForeignKeyConstraint(
            ["local_entity_id"],
            ["local_entity.id"],
            name=op.f("fk_round_submission_local_entity_id_local_entity"),
        ),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["collection_round.id"],
            name=op.f("fk_round_submission_round_id_collection_round"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_round_submission")),
    )
    _indexes("round_submission", "local_entity_id", "round_id")


def downgrade() -> None:
    for table in ("round_submission", "round_indicator", "collection_round"):
        op.drop_table(table)
