"""What an office file holds, read with the standard library alone (``intl-desk info``).

``info`` is asked of big files by scripts and by people checking what they were sent, so
it must answer at once: importing SQLAlchemy and the ORM model costs more than the whole
answer (≈0.5 s of CPU). The file goes through the same checks as a read-only opening —
the probe with its integrity check, no views, triggers or unknown tables, an older file
only if the current model can read it — and the counts are plain SQL on a read-only
connection, which writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from intl_desk.store.connection import open_sqlite
from intl_desk.store.db_errors import translate_db_errors
from intl_desk.store.errors import NeedsUpgrade
from intl_desk.store.probe import probe
from intl_desk.store.safety import refuse_unexpected
from intl_desk.store.schema import SCHEMA_VERSION

#: The record kinds ``info`` counts, in the order users read them, with their tables.
COUNTED_TABLES: dict[str, str] = {
    "local_entities": "local_entity",
    "partners": "partner",
    "agreements": "agreement",
    "projects": "project",
    "networks": "network",
    "memberships": "membership",
    "activities": "activity",
    "indicators": "indicator",
    "measurements": "measurement",
    "contacts": "contact",
    "documents": "document",
}


@dataclass(frozen=True)
class FileSummary:
    office_name: str
    schema_version: int
    #: live (not deleted) records of each kind of :data:`COUNTED_TABLES`
    counts: dict[str, int]


def summarise(path: Path) -> FileSummary:
    """Check ``path`` as a read-only opening would and count its live records.

    Raises the store's typed errors (damaged, foreign, newer, unfinished write…) exactly
    where :meth:`OfficeFile.open` with ``read_only=True`` would.
    """
    with translate_db_errors(path, read_only=True):
        # raises UnfinishedWrite: a reader must not roll back; trusts a healthy check of
        # the file unchanged since (intl_desk.store.verified)
        found = probe(path, trust_verified=True)
        connection = open_sqlite(path, mode="ro")
        try:
            refuse_unexpected(path, connection, tables_too=found.schema_version == SCHEMA_VERSION)
            if found.schema_version < SCHEMA_VERSION:
                from intl_desk.store.upgrade import readable_without_upgrade

                if not readable_without_upgrade(path):
                    raise NeedsUpgrade(path)
            counts = {
                key: int(
                    connection.execute(
                        f'SELECT count(*) FROM "{table}" WHERE deleted_at IS NULL'
                    ).fetchone()[0]
                )
                for key, table in COUNTED_TABLES.items()
            }
        finally:
            connection.close()
    return FileSummary(found.office_name, found.schema_version, counts)


__all__ = ["COUNTED_TABLES", "FileSummary", "summarise"]
