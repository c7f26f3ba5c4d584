"""One live record per natural key: partial unique indexes on live rows.

An exchange rate per currency and year; a measurement and a target per indicator,
period and entity (or the whole office); a party per agreement and partner or entity;
one link per theme, SDG or project. Duplicates a file already holds (two copies merged
before this version) are settled first: the row changed last stays, each other one
becomes a tombstone, noted in the history as deleted by the upgrade, so merging with a
copy still on the older version deletes it there too.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: (index, table, key columns, columns that must be set, columns that must be empty)
KEYS: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...], tuple[str, ...]], ...] = (
    ("uq_exchange_rate_year", "exchange_rate", ("currency", "to_currency", "year"), (), ()),
    ("uq_measurement_entity", "measurement", ("indicator_id", "period_id", "local_entity_id"),
     ("local_entity_id",), ()),
    ("uq_measurement_office", "measurement", ("indicator_id", "period_id"), (),
     ("local_entity_id",)),
    ("uq_indicator_target_entity", "indicator_target",
     ("indicator_id", "period_id", "local_entity_id"), ("local_entity_id",), ()),
    ("uq_indicator_target_office", "indicator_target", ("indicator_id", "period_id"), (),
     ("local_entity_id",)),
    ("uq_agreement_party_partner", "agreement_party", ("agreement_id", "partner_id"),
     ("partner_id",), ()),
    ("uq_agreement_party_entity", "agreement_party", ("agreement_id", "local_entity_id"),
     ("local_entity_id",), ()),
    ("uq_agreement_theme", "agreement_theme", ("agreement_id", "theme"), (), ()),
    ("uq_agreement_sdg", "agreement_sdg", ("agreement_id", "sdg"), (), ()),
    ("uq_project_sdg", "project_sdg", ("project_id", "sdg"), (), ()),
    ("uq_indicator_sdg", "indicator_sdg", ("indicator_id", "sdg"), (), ()),
    ("uq_agreement_project", "agreement_project", ("agreement_id", "project_id"), (), ()),
)  # fmt: skip


def _where(present: tuple[str, ...], absent: tuple[str, ...]) -> str:
    parts = ["deleted_at IS NULL"]
    parts += [f"{column} IS NOT NULL" for column in present]
    parts += [f"{column} IS NULL" for column in absent]
    return " AND ".join(parts)


def _settle_duplicates(
    connection: sa.Connection,
    table: str,
    columns: tuple[str, ...],
    where: str,
    office_id: str | None,
    now: datetime,
) -> None:
    listed = ", ".join(columns)
    rows = connection.execute(
        sa.text(
            f"SELECT id, {listed} FROM {table} WHERE {where} ORDER BY {listed}, "
            "updated_at DESC, id DESC"
        )
    ).all()
    losers: list[str] = []
    previous: tuple[object, ...] | None = None
    for row in rows:
        key = tuple(row[1:])
        if key == previous:
            losers.append(str(row[0]))
        previous = key
    for record_id in losers:
        connection.execute(
            sa.text(f"UPDATE {table} SET deleted_at = :now, updated_at = :now WHERE id = :id"),
            {"now": now, "id": record_id},
        )
        connection.execute(
            sa.text(
                "INSERT INTO change (id, changed_at, changed_by, office_id, record_kind, "
                "record_id, action, field, old_value, new_value) VALUES (:change_id, :now, "
                ":by, :office, :table, :id, 'delete', NULL, NULL, NULL)"
            ),
            {"change_id": str(uuid.uuid4()), "now": now, "by": "upgrade to version 11",
             "office": office_id, "table": table, "id": record_id},
        )  # fmt: skip


def upgrade() -> None:
    connection = op.get_bind()
    now = datetime.now(UTC).replace(tzinfo=None)
    office_id = connection.execute(
        sa.text("SELECT id FROM office ORDER BY created_at, id LIMIT 1")
    ).scalar()
    for name, table, columns, present, absent in KEYS:
        where = _where(present, absent)
        _settle_duplicates(connection, table, columns, where, office_id, now)
        op.create_index(
            name,
            table,
            list(columns),
            unique=True,
            sqlite_where=sa.text(where),
            postgresql_where=sa.text(where),
        )


def downgrade() -> None:
    for name, table, _columns, _present, _absent in reversed(KEYS):
        op.drop_index(name, table_name=table)
