"""Sort indexes for the agreements list, and (SQLite) a full-text index of agreements.

The list sorts its text columns by ``lower(column)``, which no index served: 200,000
agreements were sorted for every first page. Expression indexes on ``lower(...)`` are
portable (PostgreSQL builds them too).

On SQLite only, a trigram FTS5 index finds the agreements whose title, reference or
parties' names and codes contain a typed word in a few milliseconds instead of scanning
(``LIKE '%word%'`` over the rows and, for a party's code, a join through every party):

* ``agreement_search_text`` holds each live agreement's searched text, keyed by the
  agreement's rowid: its ``search_key`` then the search keys of its live parties (all
  folded already: accents and case removed);
* ``agreement_search`` is the FTS5 index over it (external content, trigram tokens, so a
  word matches anywhere inside the text, like the ``LIKE`` it replaces);
* ``agreement_search_pending`` lists the agreements changed since the index was last
  brought up to date (see the store's search_index module, which keeps it in step).

An SQLite without FTS5 gets neither table; searching then stays the portable ``LIKE``.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SORTED = ("partner_names", "entity_names", "reference", "country_codes")

#: the same statements as the store's search_index module (a test keeps them equal)
CREATE = (
    "CREATE TABLE agreement_search_text (rowid INTEGER PRIMARY KEY, words TEXT NOT NULL)",
    "CREATE TABLE agreement_search_pending (rowid INTEGER PRIMARY KEY)",
    "CREATE VIRTUAL TABLE agreement_search USING fts5(words, content='agreement_search_text', "
    "content_rowid='rowid', tokenize='trigram')",
)
FILL = (
    "INSERT INTO agreement_search_text (rowid, words) SELECT a.rowid, "
    "coalesce(a.search_key, '') || coalesce((SELECT ' ' || group_concat(coalesce("
    "partner.search_key, local_entity.search_key, ''), ' ') FROM agreement_party AS party "
    "LEFT JOIN partner ON partner.id = party.partner_id LEFT JOIN local_entity ON "
    "local_entity.id = party.local_entity_id WHERE party.agreement_id = a.id AND "
    "party.deleted_at IS NULL), '') FROM agreement AS a WHERE a.deleted_at IS NULL"
)
REBUILD = "INSERT INTO agreement_search (agreement_search) VALUES ('rebuild')"


def _has_fts5(connection: sa.Connection) -> bool:
    options = {str(row[0]) for row in connection.exec_driver_sql("PRAGMA compile_options")}
    return "ENABLE_FTS5" in options


def upgrade() -> None:
    for column in SORTED:
        op.create_index(f"ix_agreement_lower_{column}", "agreement", [sa.text(f"lower({column})")])
    connection = op.get_bind()
    if connection.dialect.name != "sqlite" or not _has_fts5(connection):
        return
    for statement in (*CREATE, FILL, REBUILD):
        connection.exec_driver_sql(statement)


def downgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name == "sqlite":
        for table in ("agreement_search", "agreement_search_pending", "agreement_search_text"):
            connection.exec_driver_sql(f"DROP TABLE IF EXISTS {table}")
    for column in reversed(SORTED):
        op.drop_index(f"ix_agreement_lower_{column}", table_name="agreement")
