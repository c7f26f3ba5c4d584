"""Bringing an older office file up to the current schema, safely.

Order matters: a verified backup is made first (nothing is touched if that fails), then
every migration runs in one transaction with foreign keys off, as SQLite's documented
procedure for schema changes requires (batch migrations rebuild tables, which would
otherwise cascade or fail), ``PRAGMA foreign_key_check`` must find no new broken
reference, and
``user_version`` is set in the same transaction. A failure rolls everything back, so the
file is left as it was and the backup is only a second safety net.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from sqlalchemy.engine import Connection

from intl_desk.core.model import Base
from intl_desk.store.backup import backup_before_migration
from intl_desk.store.connection import driver_connection, make_engine, open_sqlite
from intl_desk.store.db_errors import translate_db_errors
from intl_desk.store.errors import MigrationFailed
from intl_desk.store.schema import SCHEMA_VERSION, upgrade
from intl_desk.store.written_dates import convert_written_dates


class _ForeignKeysBroken(Exception):
    pass


def _broken_references(connection: Connection) -> Counter[tuple[str, str]]:
    """Broken references by (table, referenced table). Counted before and after, so that
    references a file already had broken (``check`` reports them) do not block upgrading
    it forever; only new ones fail the upgrade."""
    rows = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    return Counter((str(row[0]), str(row[2])) for row in rows)


def _refresh_derived(connection: Connection) -> None:
    """Recompute the columns derived from other rows, in the upgrade's transaction: an
    older version may have computed them otherwise (or not at all), and the rules of this
    version (deleted partners drop out) hold for every file it opens."""
    from sqlalchemy.orm import Session

    from intl_desk.core.derived import refresh_agreement_summaries

    with Session(bind=connection) as session:
        refresh_agreement_summaries(session)
        session.flush()


def migrate_file(path: Path) -> Path:
    """Upgrade ``path`` to :data:`SCHEMA_VERSION`; return the backup made first."""
    backup = backup_before_migration(path, to_version=SCHEMA_VERSION)
    engine = make_engine(path)
    try:
        with translate_db_errors(path), engine.connect() as connection:
            raw = driver_connection(connection)
            raw.execute("PRAGMA foreign_keys = OFF")  # only possible outside a transaction
            try:
                with connection.begin():
                    already_broken = _broken_references(connection)
                    upgrade(connection)
                    convert_written_dates(connection)  # "2011" in the notes → a year
                    _refresh_derived(connection)
                    if not _broken_references(connection) <= already_broken:
                        raise _ForeignKeysBroken("the upgrade broke references between records")
                    connection.exec_driver_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")
            finally:
                raw.execute("PRAGMA foreign_keys = ON")
    except Exception as error:  # whatever broke (a full disk, a bug in a migration), say so
        raise MigrationFailed(path, backup=backup, detail=str(error)) from error
    finally:
        engine.dispose()
    return backup


def readable_without_upgrade(path: Path) -> bool:
    """Whether the current model can read the file as it is: every table and column it
    maps exists (missing indexes only cost speed). Used for read-only opening of an older
    file, which must not be migrated."""
    connection = open_sqlite(path, mode="ro")
    try:
        for table in Base.metadata.sorted_tables:
            rows = connection.execute(f'PRAGMA table_info("{table.name}")').fetchall()
            present = {str(row[1]) for row in rows}
            if not {column.name for column in table.columns} <= present:
                return False
    finally:
        connection.close()
    return True
