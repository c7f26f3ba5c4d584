"""The server's own tables under migrations of their own (``intl_desk/server/migrations``).

Their revisions are named ``s0001``, ``s0002``… and recorded in ``server_alembic_version``,
apart from the office's schema (``alembic_version``), which the server shares with every
office file. A server change adds a revision there, never a ``create_all``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection

MIGRATIONS_DIR = Path(__file__).resolve().with_name("migrations")
VERSION_TABLE = "server_alembic_version"


@cache
def known_revisions() -> frozenset[str]:
    """Revision ids from the migration file names ("s0002_….py" is revision "s0002")."""
    return frozenset(
        path.name.split("_", 1)[0] for path in (MIGRATIONS_DIR / "versions").glob("s[0-9]*_*.py")
    )


def head_revision() -> str:
    return max(known_revisions(), key=lambda revision: int(revision[1:]))


def current_revision(connection: Connection) -> str | None:
    """The server tables' revision in this database (none before they had migrations)."""
    if VERSION_TABLE not in inspect(connection).get_table_names():
        return None
    value = connection.scalar(text(f"SELECT version_num FROM {VERSION_TABLE}"))
    return str(value) if value is not None else None


def upgrade(connection: Connection, revision: str = "head") -> None:
    """Run the server migrations up to ``revision`` inside the caller's transaction."""
    if not connection.in_transaction():
        raise RuntimeError("migrations must run inside the caller's transaction")
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    config.attributes["connection"] = connection
    command.upgrade(config, revision)
