"""The office file's format: its SQLite application id, schema version and migrations.

Alembic is driven programmatically (no ``alembic.ini``): the scripts ship inside the
package and always run on a connection the store opened, hardened and put in a
transaction, so an upgrade commits completely or not at all.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

#: ``PRAGMA application_id`` of every office file: "INTD" in ASCII.
APPLICATION_ID = 0x494E5444
if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy.engine import Connection

#: The number of the newest migration; also written to ``PRAGMA user_version``.
SCHEMA_VERSION = 15

#: The tables of schema :data:`SCHEMA_VERSION`, so that a file's tables can be checked
#: without importing the model (``intl-desk info`` cannot afford it). The model is the
#: authority: a table missing here is looked up there (slowly), and a test keeps both equal.
TABLES = frozenset(
    {
        "activity", "agreement", "agreement_objective", "agreement_party",
        "agreement_project", "agreement_sdg", "agreement_signatory", "agreement_theme",
        "budget_line", "change", "cofinancing_line", "collection_round", "contact",
        "contact_position", "document", "exchange_rate", "expected_result", "follow_up",
        "indicator", "indicator_sdg", "indicator_target", "local_entity", "measurement",
        "membership", "network", "office", "participation", "partner", "period",
        "political_term", "project", "project_participant", "project_report", "project_sdg",
        "project_sector", "project_transaction", "round_indicator", "round_submission",
        "scale_level", "sent_change", "server_link", "strategic_line",
        "strategic_objective",
    }
)

MIGRATIONS_DIR = Path(__file__).resolve().with_name("migrations")


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    # Config is a ConfigParser: a "%" in the install path would be read as interpolation
    config.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    config.attributes["connection"] = connection
    return config


@cache
def known_revisions() -> frozenset[str]:
    """Revision ids from the migration file names ("0002_….py" is revision "0002").

    Read from the names rather than through Alembic so that opening a file does not pay
    for importing Alembic; a test checks both agree.
    """
    return frozenset(
        path.name.split("_", 1)[0] for path in (MIGRATIONS_DIR / "versions").glob("[0-9]*_*.py")
    )


def head_revision() -> str:
    revisions = known_revisions()
    if not revisions:
        raise RuntimeError("the package ships no migration")
    return max(revisions, key=revision_number)


def revision_number(revision: str) -> int:
    """Revisions are named "0001", "0002"…, so the number is the schema version."""
    return int(revision)


def upgrade(connection: Connection, revision: str = "head") -> None:
    """Run the migrations up to ``revision`` inside the caller's transaction.

    ``connection`` must already be in a transaction: the migration environment then joins
    it instead of committing after each step.
    """
    if not connection.in_transaction():
        raise RuntimeError("migrations must run inside the caller's transaction")
    from alembic import command

    command.upgrade(alembic_config(connection), revision)
    if connection.dialect.name == "sqlite":  # the index a migration may just have made
        from intl_desk.store import search_index
        from intl_desk.store.connection import driver_connection

        search_index.prepare(driver_connection(connection))
