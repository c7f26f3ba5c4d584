"""Small office files to merge, edits made like the app makes them, and record snapshots."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import select

from intl_desk.core.model import Agreement, AgreementParty, Document, LocalEntity, Partner
from intl_desk.store.backup import backup_copy
from intl_desk.store.merge.plan import table_specs
from intl_desk.store.office_file import OfficeFile

PARTNERS = ("São João del-Rei", "Córdoba", "Łódź", "Hà Nội", "Québec", "Dakar")


def make_base(path: Path) -> Path:
    """An office with an entity, six partners, three agreements and one document."""
    office = OfficeFile.create(path, "Ville de Lyon", country_code="FR")
    with office, office.session() as session:
        lyon = LocalEntity(name="Lyon", kind="government")
        vaise = LocalEntity(name="Vaise", kind="municipality", parent=lyon)
        partners = [Partner(name=name, country_code="BR") for name in PARTNERS]
        session.add_all([lyon, vaise, *partners])
        for index in range(3):
            agreement = Agreement(title=f"Accord {index}", type="twinning", status="draft")
            agreement.parties = [
                AgreementParty(local_entity=lyon if index else vaise, role="signatory"),
                AgreementParty(partner=partners[index], role="signatory"),
            ]
            session.add(agreement)
        content = "Délibération n° 1".encode()
        session.add(
            Document(
                title="Délibération",
                filename="d.txt",
                media_type="text/plain",
                size=len(content),
                sha256=hashlib.sha256(content).hexdigest(),
                content=content,
            )
        )
        session.commit()
    return path


def copy_of(base: Path, path: Path) -> Path:
    return backup_copy(base, path)


def edit(path: Path, kind: type[Any], which: str, **values: Any) -> None:
    """Change fields of the record of ``kind`` whose name or title is ``which``."""
    column = kind.name if hasattr(kind, "name") else kind.title
    with OfficeFile.open(path) as office, office.session() as session:
        record = session.scalars(select(kind).where(column == which)).one()
        for field, value in values.items():
            setattr(record, field, value)
        session.commit()


def delete(path: Path, kind: type[Any], name: str) -> None:
    column = kind.name if hasattr(kind, "name") else kind.title
    with OfficeFile.open(path) as office, office.session() as session:
        session.delete(session.scalars(select(kind).where(column == name)).one())
        session.commit()


def records(path: Path, *, with_derived: bool = True) -> dict[str, dict[str, tuple[Any, ...]]]:
    """Every merged record: its fields and whether it is deleted (times left out)."""
    snapshot: dict[str, dict[str, tuple[Any, ...]]] = {}
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        for spec in table_specs():
            columns = list(spec.fields)
            if with_derived:
                columns += [c for c in spec.columns if c in ("partner_names", "entity_names")]
            rows = connection.execute(
                f"SELECT id, deleted_at IS NOT NULL, {', '.join(columns)} FROM {spec.name}"
            )
            snapshot[spec.name] = {row[0]: tuple(row[1:]) for row in rows}
    finally:
        connection.close()
    return snapshot


def live_value(path: Path, table: str, name: str, field: str) -> Any:
    column = "title" if table == "agreement" else "name"
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = connection.execute(
            f"SELECT {field} FROM {table} WHERE {column} = ?", (name,)
        ).fetchone()
    finally:
        connection.close()
    return None if row is None else row[0]


def is_deleted(path: Path, table: str, record_id: str) -> bool:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = connection.execute(
            f"SELECT deleted_at IS NOT NULL FROM {table} WHERE id = ?", (record_id,)
        ).fetchone()
    finally:
        connection.close()
    return bool(row[0])


def record_id(path: Path, table: str, name: str) -> str:
    column = "title" if table == "agreement" else "name"
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return str(
            connection.execute(f"SELECT id FROM {table} WHERE {column} = ?", (name,)).fetchone()[0]
        )
    finally:
        connection.close()
