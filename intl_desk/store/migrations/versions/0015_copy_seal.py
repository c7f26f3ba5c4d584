"""(SQLite) The table a copy saved to send carries its seal in, empty until then.

A copy made by File › Save a copy… passes the full integrity check, then the CRC-32 of its
bytes goes into this table's one row; whoever receives it and finds its bytes still give
that CRC need not check it again (the store's seal module). Every file has the table,
empty unless it is such a copy, so that a version of Intl Desk from before it says a
sealed copy comes from a newer version instead of refusing a table it does not know.

The office server's database has no such table: it is the file's, not the office's.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-05
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: the same statement as the store's seal module (a test keeps them equal)
CREATE = (
    "CREATE TABLE copy_seal (id INTEGER PRIMARY KEY CHECK (id = 1), "
    "crc32 INTEGER NOT NULL, pages INTEGER NOT NULL)"
)


def upgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql(CREATE)


def downgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("DROP TABLE IF EXISTS copy_seal")
