"""A mission's value (transport mode, expected results, follow-ups) and terms of office
(political terms, plans carried on: old line → new line, old indicator → new one).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
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
        "political_term",
        sa.Column("leader", sa.String(length=200), nullable=False),
        sa.Column("leader_title", sa.String(length=200), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("plan_title", sa.String(length=300), nullable=True),
        sa.Column("plan_adopted_on", sa.Date(), nullable=True),
        sa.Column("commitments", sa.Text(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        *_record_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_political_term")),
    )
    _indexes("political_term")
    op.create_table(
        "expected_result",
        sa.Column("activity_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("expected", sa.Text(), nullable=False),
        sa.Column("obtained", sa.Text(), nullable=True),
        sa.Column("objective_id", sa.String(length=36), nullable=True),
        sa.Column("indicator_id", sa.String(length=36), nullable=True),
        *_record_columns(),
        sa.ForeignKeyConstraint(
            ["activity_id"], ["activity.id"], name=op.f("fk_expected_result_activity_id_activity")
        ),
        sa.ForeignKeyConstraint(
            ["indicator_id"],
            ["indicator.id"],
            name=op.f("fk_expected_result_indicator_id_indicator"),
        ),
        sa.ForeignKeyConstraint(
            ["objective_id"],
            ["strategic_objective.id"],
            name=op.f("fk_expected_result_objective_id_strategic_objective"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_expected_result")),
    )
    _indexes("expected_result", "activity_id", "indicator_id", "objective_id")
    op.create_table(
        "follow_up",
        sa.Column("activity_id", sa.String(length=36), nullable=False),
        sa.Column("months", sa.Integer(), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        *_record_columns(),
        sa.ForeignKeyConstraint(
            ["activity_id"], ["activity.id"], name=op.f("fk_follow_up_activity_id_activity")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_follow_up")),
    )
    _indexes("follow_up", "activity_id")
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.add_column(sa.Column("transport_mode", sa.String(length=20), nullable=True))
    with op.batch_alter_table("strategic_line", schema=None) as batch_op:
        batch_op.add_column(sa.Column("term_id", sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column("continues_id", sa.String(length=36), nullable=True))
        batch_op.create_index(batch_op.f("ix_strategic_line_term_id"), ["term_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_strategic_line_continues_id"), ["continues_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_strategic_line_term_id_political_term"),
            "political_term",
            ["term_id"],
            ["id"],
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_strategic_line_continues_id_strategic_line"),
            "strategic_line",
            ["continues_id"],
            ["id"],
        )
    with op.batch_alter_table("indicator", schema=None) as batch_op:
        batch_op.add_column(sa.Column("continues_id", sa.String(length=36), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_indicator_continues_id"), ["continues_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_indicator_continues_id_indicator"), "indicator", ["continues_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("indicator", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_indicator_continues_id_indicator"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_indicator_continues_id"))
        batch_op.drop_column("continues_id")
    with op.batch_alter_table("strategic_line", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_strategic_line_continues_id_strategic_line"), type_="foreignkey"
        )
        batch_op.drop_constraint(
            batch_op.f("fk_strategic_line_term_id_political_term"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_strategic_line_continues_id"))
        batch_op.drop_index(batch_op.f("ix_strategic_line_term_id"))
        batch_op.drop_column("continues_id")
        batch_op.drop_column("term_id")
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.drop_column("transport_mode")
    for table, columns in (
        ("follow_up", ("activity_id",)),
        ("expected_result", ("activity_id", "indicator_id", "objective_id")),
        ("political_term", ()),
    ):
        for column in (*columns, "updated_at"):
            op.drop_index(op.f(f"ix_{table}_{column}"), table_name=table)
        op.drop_table(table)
