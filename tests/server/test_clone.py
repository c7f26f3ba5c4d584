"""``intl-desk clone`` and ``server backup`` against a real server on a real PostgreSQL.

The server holds a whole demo office (every record kind, a document, Łódź); the clone is
an ordinary office file the app opens, with the same rows as the server, linked to it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from live_server import (
    PASSWORD,
    LiveServer,
    administrator_session,
    database_url,
    fresh_server_database,
    live_server,
)
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from intl_desk.cli import main
from intl_desk.core.model import (
    AgreementParty,
    Base,
    Change,
    Document,
    LocalEntity,
    Office,
    Partner,
    SentChange,
    ServerLink,
)
from intl_desk.demo import populate_demo
from intl_desk.server.snapshot import write_branch_snapshot, write_snapshot
from intl_desk.store.extract import extract
from intl_desk.store.office_file import OfficeFile, check

SKIPPED = {"server_link", "sent_change"}


@pytest.fixture(scope="module")
def server_db() -> Iterator[Engine]:
    engine = fresh_server_database()
    with administrator_session(engine) as session:
        populate_demo(session, scale="city", seed=3, today=date(2026, 6, 1))
        session.scalars(select(Office)).one().name = "Estado de Minas Gerais"
        session.add(Partner(name="Łódź Urząd Miasta", country_code="PL"))
        session.add(
            Document(title="Acordo assinado", filename="acordo.pdf", media_type="application/pdf",
                     size=5, sha256=hashlib.sha256(b"%PDF-").hexdigest(), content=b"%PDF-")
        )  # fmt: skip
        session.commit()
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def server(server_db: Engine) -> Iterator[LiveServer]:
    with live_server(server_db) as running:
        yield running


def _counts(connection_source: Engine) -> dict[str, int]:
    with connection_source.connect() as connection:
        return {
            table.name: int(connection.scalar(select(func.count()).select_from(table)) or 0)
            for table in Base.metadata.sorted_tables
            if table.name not in SKIPPED
        }


def test_a_clone_is_an_office_file_holding_what_the_server_holds(
    server: LiveServer, server_db: Engine, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    monkeypatch.setenv("INTL_DESK_PASSWORD", PASSWORD)
    target = tmp_path / "minas.sqlite"
    assert main(["clone", server.address, "-o", str(target), "--user", "ana"]) == 0
    said = capsys.readouterr().out
    assert "Estado de Minas Gerais cloned from" in said
    assert f"intl-desk sync {target}" in said
    assert check(target).problems == []
    with OfficeFile.open(target) as office:
        assert _counts(office.engine) == _counts(server_db)
        with office.session() as session:
            assert session.scalar(select(Office.name)) == "Estado de Minas Gerais"
            lodz = session.scalars(select(Partner).where(Partner.name == "Łódź Urząd Miasta")).one()
            assert lodz.country_code == "PL"
            attached = select(Document).where(Document.filename == "acordo.pdf")
            document = session.scalars(attached).one()
            assert (document.title, document.content) == ("Acordo assinado", b"%PDF-")
            link = session.scalars(select(ServerLink)).one()
            assert (link.server_url, link.account, link.cursor) == (server.address, "ana", 0)
            history = session.scalar(select(func.count()).select_from(Change))
            known = session.scalar(select(func.count()).select_from(SentChange))
            assert history and known == history


def test_a_wrong_password_clones_nothing(
    server: LiveServer, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    monkeypatch.setenv("INTL_DESK_PASSWORD", "not-the-password")
    target = tmp_path / "minas.sqlite"
    assert main(["clone", server.address, "-o", str(target), "--user", "ana"]) == 2
    assert capsys.readouterr().err.strip() == "intl-desk: Wrong account name or password."
    assert list(tmp_path.iterdir()) == []


def test_a_clone_never_writes_over_a_file_nor_talks_to_a_missing_server(
    server: LiveServer, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    monkeypatch.setenv("INTL_DESK_PASSWORD", PASSWORD)
    existing = tmp_path / "notes.sqlite"
    existing.write_bytes(b"mine")
    assert main(["clone", server.address, "-o", str(existing), "--user", "ana"]) == 2
    assert "already exists" in capsys.readouterr().err
    assert existing.read_bytes() == b"mine"
    gone = "http://127.0.0.1:9"  # the discard port: nothing listens there
    assert main(["clone", gone, "-o", str(tmp_path / "x.sqlite"), "--user", "ana"]) == 2
    assert "Cannot reach the office server at http://127.0.0.1:9" in capsys.readouterr().err
    assert sorted(path.name for path in tmp_path.iterdir()) == ["notes.sqlite"]


def test_server_backup_writes_the_whole_office_as_an_office_file(
    server_db: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "backup.sqlite"
    assert main(["server", "backup", "--db", database_url(server_db), "-o", str(target)]) == 0
    assert "The whole office is saved in" in capsys.readouterr().out
    assert check(target).problems == []
    with OfficeFile.open(target, read_only=True) as office:
        assert _counts(office.engine) == _counts(server_db)
        with office.session() as session:
            assert session.scalars(select(ServerLink)).all() == []


def _rows(engine: Engine) -> dict[str, list[dict[str, object]]]:
    with engine.connect() as connection:
        return {
            table.name: [dict(row) for row in connection.execute(
                select(table).order_by(*table.primary_key.columns)
            ).mappings()]
            for table in Base.metadata.sorted_tables
            if table.name not in SKIPPED
        }  # fmt: skip


def test_a_scoped_clone_reads_only_its_branch_and_holds_what_the_branch_extract_held(
    server_db: Engine, tmp_path: Path
) -> None:
    """The scoped clone is built from the branch's rows alone; it holds exactly what
    extracting the branch from a snapshot of the whole office held before."""
    whole, expected, branch = (tmp_path / name for name in ("whole.sqlite", "x.sqlite",
                                                            "branch.sqlite"))  # fmt: skip
    with server_db.connect() as connection:
        entity_id = connection.scalar(
            select(AgreementParty.local_entity_id)
            .join(LocalEntity, LocalEntity.id == AgreementParty.local_entity_id)
            .where(LocalEntity.parent_id.is_not(None))  # a district, not the whole city
            .group_by(AgreementParty.local_entity_id)
            .order_by(func.count().desc(), AgreementParty.local_entity_id)
            .limit(1)
        )
    write_snapshot(server_db, whole)
    extract(whole, expected, entity_id=str(entity_id))
    cursor = write_branch_snapshot(server_db, branch, str(entity_id))
    assert cursor == write_snapshot(server_db, tmp_path / "again.sqlite")
    assert check(branch).problems == []
    with OfficeFile.open(expected, read_only=True) as wanted, OfficeFile.open(
        branch, read_only=True
    ) as built:
        held = _rows(built.engine)
        assert 0 < len(held["agreement"]) < _counts(server_db)["agreement"]
        assert held == _rows(wanted.engine)
