"""Every foreign key a list, filter, extract or merge follows gets an index.

Fourteen references had none (an activity's partner, network, project and agreement; a
project participant's and a target's local entity; an agreement's responsible officer,
renewed and amended agreements…): on a state's file every such lookup read the whole
table.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXED = (
    ("activity", "agreement_id"),
    ("activity", "network_id"),
    ("activity", "partner_id"),
    ("activity", "project_id"),
    ("agreement", "amends_id"),
    ("agreement", "renews_id"),
    ("agreement", "responsible_id"),
    ("agreement_objective", "indicator_id"),
    ("cofinancing_line", "funder_partner_id"),
    ("indicator", "objective_id"),
    ("indicator_target", "local_entity_id"),
    ("membership", "focal_contact_id"),
    ("network", "parent_id"),
    ("project_participant", "local_entity_id"),
)


def upgrade() -> None:
    for table, column in INDEXED:
        op.create_index(op.f(f"ix_{table}_{column}"), table, [column], unique=False)


def downgrade() -> None:
    for table, column in reversed(INDEXED):
        op.drop_index(op.f(f"ix_{table}_{column}"), table_name=table)
