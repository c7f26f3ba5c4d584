"""``intl-desk check --repair``: fix what ``check`` finds that can be fixed safely.

Safe means computed from the file's own records, never guessed: the agreements' derived
columns (partner and entity names, countries, objective count), the search keys, and
records repeating another live one's natural key (the one changed last is kept, the
others become tombstones noted in the history, as the upgrade to version 11 does, and
their documents move to the record kept — a tombstone's documents are seen nowhere). What
needs a person (a missing end date, a missing exchange rate, damage) is left for
``check`` to list. A verified backup is written beside the file first, and everything is
changed in one transaction on the file opened for editing (so locked).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, Index, bindparam, inspect, select, update
from sqlalchemy.orm import Session

from intl_desk.core.consistency import Duplicates, duplicates, stale_search_keys
from intl_desk.core.derived import refresh_agreement_summaries, stale_agreement_ids
from intl_desk.core.model import Base, Document, Record
from intl_desk.core.model.natural_keys import NATURAL_KEYS
from intl_desk.store import search_index
from intl_desk.store.backup import backup_copy
from intl_desk.store.check import search_index_problems
from intl_desk.store.connection import driver_connection
from intl_desk.store.errors import BackupFailed, FileAlreadyExists
from intl_desk.store.office_file import OfficeFile


@dataclass(frozen=True)
class RepairReport:
    backup: Path | None = None
    agreements: int = 0  # agreements whose derived columns were recomputed
    search_keys: int = 0
    duplicates: int = 0  # records tombstoned for repeating another's natural key
    indexes: int = 0  # natural-key indexes put back (removed by another tool)
    documents: int = 0  # documents of those records moved to the record kept
    search_index: bool = False  # the search index was (re)built

    @property
    def changed(self) -> bool:
        return bool(
            self.agreements or self.search_keys or self.duplicates or self.indexes
            or self.search_index
        )  # fmt: skip


def _backup(office: OfficeFile) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    for attempt in range(100):
        suffix = f"-{attempt}" if attempt else ""
        target = office.path.with_name(f"{office.path.name}.before-repair.{stamp}{suffix}.bak")
        try:
            return backup_copy(office.engine, target, overwrite=False)
        except FileAlreadyExists:
            continue
    raise BackupFailed(office.path, detail="no free backup name")


Fixes = list[tuple[type[Record], list[tuple[str, str | None]]]]


def _needed(session: Session) -> tuple[list[str], Fixes, list[str]]:
    agreements = stale_agreement_ids(session)
    keys = [(stale.model, list(stale.fixes)) for stale in stale_search_keys(session)]
    extra = [record_id for found in duplicates(session) for record_id in found.extra]
    return agreements, keys, extra


def _missing_indexes(session: Session) -> list[Index]:
    return missing_natural_key_indexes(session.connection())


def missing_natural_key_indexes(connection: Connection) -> list[Index]:
    """The natural-key indexes the file lacks (a tool dropped them, letting duplicates in)."""
    inspector = inspect(connection)
    missing: list[Index] = []
    for key in NATURAL_KEYS:
        present = {index["name"] for index in inspector.get_indexes(key.table)}
        if key.name not in present:
            table = Base.metadata.tables[key.table]
            missing.extend(index for index in table.indexes if index.name == key.name)
    return missing


def repair(path: Path | str) -> RepairReport:
    """Repair the file at ``path`` (see the module docstring); nothing to repair writes
    nothing, not even a backup."""
    with OfficeFile.open(Path(path)) as office:
        with office.session() as session:
            agreements, keys, extra = _needed(session)
            indexes = len(_missing_indexes(session))
            raw = driver_connection(session.connection())
            rebuild = bool(search_index_problems(raw, office.path.name))
        if not (agreements or keys or extra or indexes or rebuild):
            return RepairReport()
        backup = _backup(office)
        with office.session() as session:
            moved = 0
            for found in duplicates(session):  # through the ORM: tombstones and history
                model = found.key.model
                for record in session.scalars(select(model).where(model.id.in_(found.extra))):
                    session.delete(record)
                moved += _move_documents(session, found)
            session.flush()
            refresh_agreement_summaries(session, agreements)
            for model, fixes in keys:
                table = Base.metadata.tables[model.__tablename__]
                session.execute(
                    update(table)
                    .where(table.c.id == bindparam("row_id"))
                    .values(search_key=bindparam("key")),
                    [{"row_id": record_id, "key": key} for record_id, key in fixes],
                )
            for index in _missing_indexes(session):  # once no duplicate stands in the way
                index.create(session.connection())
            session.flush()
            if rebuild or agreements or keys or extra:  # from the records as now repaired
                search_index.rebuild(driver_connection(session.connection()))
            session.commit()
        fixed = sum(len(f) for _m, f in keys)
        return RepairReport(backup, len(agreements), fixed, len(extra), indexes, moved, rebuild)


def _move_documents(session: Session, found: Duplicates) -> int:
    """The live documents of the records ``found`` deletes go to the record kept in
    each one's place (noted in the history like any edit)."""
    kept_for = dict(zip(found.extra, found.kept, strict=True))
    documents = session.scalars(
        select(Document).where(
            Document.deleted_at.is_(None),
            Document.record_kind == found.key.table,
            Document.record_id.in_(found.extra),
        )
    ).all()
    for document in documents:
        document.record_id = kept_for[str(document.record_id)]
    return len(documents)
