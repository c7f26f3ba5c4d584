"""The shipped migrations: they build exactly the model, and they upgrade older files."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import select, text
from sqlalchemy.engine import Connection
from store_helpers import (
    V0001,
    V0002,
    V0003,
    V0004,
    copy_v0001,
    fingerprint,
    is_one_sentence_naming,
    new_office,
)

from intl_desk.core.model import (
    Agreement,
    Base,
    Contact,
    ContactPosition,
    Document,
    Office,
    Partner,
    Project,
)
from intl_desk.store import backup, errors, upgrade
from intl_desk.store.check import expression_indexes_unread, model_objects
from intl_desk.store.connection import make_engine
from intl_desk.store.office_file import SCHEMA_VERSION, OfficeFile, check
from intl_desk.store.schema import MIGRATIONS_DIR, head_revision, known_revisions


def _columns(path: Path, table: str) -> set[str]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {row[1] for row in connection.execute(f"PRAGMA table_info({table})")}
    finally:
        connection.close()


def _integrity(path: Path) -> list[str]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [row[0] for row in connection.execute("PRAGMA integrity_check")]
    finally:
        connection.close()


def test_schema_version_is_the_head_revision() -> None:
    assert int(head_revision()) == SCHEMA_VERSION
    assert known_revisions() == {
        "0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009", "0010", "0011",
        "0012", "0013", "0014", "0015",
    }  # fmt: skip


def test_migrations_are_explicit_code() -> None:
    for script in (MIGRATIONS_DIR / "versions").glob("*.py"):
        source = script.read_text(encoding="utf-8")
        assert "create_all" not in source
        assert "intl_desk" not in source  # a migration must not follow the model as it changes


def test_head_matches_the_model(tmp_path: Path) -> None:
    path = new_office(tmp_path)
    engine = make_engine(path, read_only=True)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(
                connection,
                opts={
                    "compare_type": True,
                    "target_metadata": Base.metadata,
                    "include_name": model_objects,
                },
            )
            with expression_indexes_unread():
                assert compare_metadata(context, Base.metadata) == []
    finally:
        engine.dispose()


def test_fixture_is_a_small_revision_0001_file() -> None:
    assert V0001.stat().st_size < 200_000
    assert "description" not in _columns(V0001, "document")


def test_opening_a_v0001_file_upgrades_it_after_a_verified_backup(tmp_path: Path) -> None:
    path = copy_v0001(tmp_path)
    original = hashlib.sha256(path.read_bytes()).hexdigest()
    with OfficeFile.open(path) as office:
        assert office.schema_version == SCHEMA_VERSION
        with office.session() as session:
            assert session.scalars(select(Office)).one().name == "Ville de Lyon"
            assert session.scalars(select(Partner)).one().country_code == "DE"
            agreement = session.scalars(select(Agreement)).one()
            assert {party.role for party in agreement.parties} == {"signatory"}
            assert [theme.theme for theme in agreement.themes] == ["culture"]
            project = session.scalars(select(Project)).one()
            assert [str(line.amount) for line in project.budget_lines] == ["12500.00"]
            document = session.scalars(select(Document)).one()
            assert document.content.startswith(b"%PDF")
            assert document.description is None
            document.description = "Signed in the town hall"
            session.commit()
    assert "description" in _columns(path, "document")
    assert check(path).problems == []

    backups = sorted(tmp_path.glob(f"office_v0001.sqlite.before-v{SCHEMA_VERSION}.*.bak"))
    assert len(backups) == 1
    assert _integrity(backups[0]) == ["ok"]
    with pytest.raises(errors.StoreError):  # the backup is the old file: still version 1
        OfficeFile.open(backups[0], read_only=True)
    assert "description" not in _columns(backups[0], "document")
    assert hashlib.sha256(path.read_bytes()).hexdigest() != original


def test_a_current_file_is_not_backed_up_again(tmp_path: Path) -> None:
    path = copy_v0001(tmp_path)
    OfficeFile.open(path).close()
    OfficeFile.open(path).close()
    assert len(list(tmp_path.glob("*.bak"))) == 1


def test_a_failed_upgrade_leaves_the_file_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = copy_v0001(tmp_path)
    original = hashlib.sha256(path.read_bytes()).hexdigest()
    real_upgrade = upgrade.upgrade

    def upgrade_then_fail(connection: Connection, revision: str = "head") -> None:
        real_upgrade(connection, revision)  # every DDL statement has run…
        raise RuntimeError("power cut")  # …and then the upgrade fails

    monkeypatch.setattr(upgrade, "upgrade", upgrade_then_fail)
    with pytest.raises(errors.MigrationFailed) as caught:
        OfficeFile.open(path)
    failure = caught.value
    assert failure.backup.exists()
    assert failure.backup.name in failure.message.render()
    assert is_one_sentence_naming(failure.message, path)
    # the transaction rolled back the DDL too: same bytes, still revision 0001
    assert hashlib.sha256(path.read_bytes()).hexdigest() == original
    assert not Path(f"{path}-journal").exists()
    monkeypatch.undo()
    with OfficeFile.open(path) as office:
        assert office.schema_version == SCHEMA_VERSION


def test_read_only_open_of_an_older_file_does_not_migrate(tmp_path: Path) -> None:
    path = copy_v0001(tmp_path)
    before = fingerprint(path)
    with pytest.raises(errors.NeedsUpgrade) as caught:
        OfficeFile.open(path, read_only=True)
    assert is_one_sentence_naming(caught.value.message, path)
    assert fingerprint(path) == before  # no backup either


def test_read_only_open_of_an_older_file_the_model_can_read(tmp_path: Path) -> None:
    """A file that lacks only an index of a later revision is read as it is."""
    path = new_office(tmp_path)
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("DROP INDEX ix_change_changed_at")
    connection.execute("UPDATE alembic_version SET version_num = '0001'")
    connection.execute("PRAGMA user_version = 1")
    connection.close()
    before = fingerprint(path)
    with OfficeFile.open(path, read_only=True) as office, office.session() as session:
        assert office.schema_version == 1
        assert session.scalars(select(Office)).one().name == "Ville de Lyon"
    assert fingerprint(path) == before


def test_no_upgrade_without_a_verified_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = copy_v0001(tmp_path)
    before = fingerprint(path)

    def damaged(copy: Path) -> tuple[int, int]:
        raise errors.BackupFailed(copy, detail="integrity_check failed")

    monkeypatch.setattr(backup, "verify_copy", damaged)
    with pytest.raises(errors.BackupFailed) as caught:
        OfficeFile.open(path)
    assert is_one_sentence_naming(caught.value.message, path)  # the original, not the copy
    assert fingerprint(path) == before  # nothing migrated, no backup left behind


def test_references_broken_before_the_upgrade_do_not_block_it(tmp_path: Path) -> None:
    path = copy_v0001(tmp_path)
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute(
        "INSERT INTO contact (id, created_at, updated_at, name, is_staff, partner_id) "
        "VALUES ('c1', '2026-01-01', '2026-01-01', 'Anna', 0, 'no-such-partner')"
    )
    connection.close()
    with OfficeFile.open(path) as office:
        with office.session() as session:  # the app would have set its search key
            session.execute(text("UPDATE contact SET search_key = 'anna'"))
            session.commit()
        assert office.schema_version == SCHEMA_VERSION
    assert len(check(path).problems) == 1  # still reported, for the user to repair


def test_revisions_read_from_file_names_match_alembic() -> None:
    from alembic.script import ScriptDirectory

    from intl_desk.store.schema import alembic_config, head_revision, known_revisions

    scripts = ScriptDirectory.from_config(alembic_config())
    assert known_revisions() == {script.revision for script in scripts.walk_revisions()}
    assert head_revision() == scripts.get_current_head()


def test_a_v0002_file_gets_an_index_on_every_foreign_key(tmp_path: Path) -> None:
    """Revision 0003 on a file that version 2 left: every reference a list or merge
    follows is indexed, and the records are all still there."""
    path = tmp_path / "office_v0002.sqlite"
    shutil.copyfile(V0002, path)
    assert "ix_activity_agreement_id" not in _indexes(path)
    with OfficeFile.open(path) as office:
        assert office.schema_version == SCHEMA_VERSION
        with office.session() as session:
            assert session.scalars(select(Agreement)).one().title == "Twinning Lyon–Leipzig"
    indexes = _indexes(path)
    for table in Base.metadata.sorted_tables:
        for key in table.foreign_keys:
            column = key.parent.name
            if column != "id":
                assert any(
                    name.startswith(f"ix_{table.name}_{column}") for name in indexes
                ), f"{table.name}.{column}"
    assert check(path).problems == []


def _indexes(path: Path) -> set[str]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
        return {str(row[0]) for row in rows}
    finally:
        connection.close()


def test_a_v0003_files_contacts_can_keep_their_positions(tmp_path: Path) -> None:
    """Revision 0004 on a file that version 3 left: contacts gain a history of positions,
    everything already there stays."""
    path = tmp_path / "office_v0003.sqlite"
    shutil.copyfile(V0003, path)
    with OfficeFile.open(path) as office, office.session() as session:
        assert office.schema_version == SCHEMA_VERSION
        assert session.scalars(select(Partner)).one().name == "Leipzig"
        contact = Contact(name="Burkhard Jung", partner=session.scalars(select(Partner)).one())
        contact.positions.append(
            ContactPosition(position="Oberbürgermeister", since=date(2006, 8, 1))
        )
        session.add(contact)
        session.commit()
    with OfficeFile.open(path, read_only=True) as office, office.session() as session:
        stored = session.scalars(select(Contact)).one()
        assert [(p.position, p.since) for p in stored.positions] == [
            ("Oberbürgermeister", date(2006, 8, 1))
        ]
    assert check(path).problems == []


def test_a_v0004_files_dates_are_whole_days_and_can_be_years(tmp_path: Path) -> None:
    """Revision 0005 on a file that version 4 left: every date it holds is a whole day, as
    it was typed; a date can then be kept as a year or a month alone."""
    path = tmp_path / "office_v0004.sqlite"
    shutil.copyfile(V0004, path)
    with OfficeFile.open(path) as office, office.session() as session:
        assert office.schema_version == SCHEMA_VERSION
        agreement = session.scalars(select(Agreement)).one()
        before = (agreement.date_signed, agreement.date_expires)
        assert (agreement.date_signed_precision, agreement.date_expires_precision) == (
            "day",
            "day",
        )
        project = session.scalars(select(Project)).one()
        assert project.planned_start_precision == "day"
        agreement.date_signed, agreement.date_signed_precision = date(2011, 1, 1), "year"
        project.planned_end, project.planned_end_precision = date(2030, 3, 31), "month"
        session.commit()
    with OfficeFile.open(path, read_only=True) as office, office.session() as session:
        stored = session.scalars(select(Agreement)).one()
        assert (stored.date_signed, stored.date_signed_precision) == (date(2011, 1, 1), "year")
        assert stored.date_expires == before[1]
        assert stored.date_expires_precision == "day"
        stored_project = session.scalars(select(Project)).one()
        assert stored_project.planned_end_precision == "month"
    assert check(path).problems == []
