"""The server's own tables under migrations of their own (``intl_desk/server/migrations``)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, insert, select, text

from intl_desk.cli import main
from intl_desk.server import schema as server_schema
from intl_desk.server.accounts import authenticate
from intl_desk.server.push import content_for
from intl_desk.server.setup import prepare_for_service
from intl_desk.server.tables import change_order_table, server_metadata
from intl_desk.store import schema

FIXTURE = Path(__file__).parents[1] / "fixtures" / "server_before_migrations.sql"
PASSWORD = "correct-horse-battery"


def _url(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def _load_fixture(engine: Engine) -> None:
    raw = engine.raw_connection()
    try:
        with raw.cursor() as cursor:
            cursor.execute(FIXTURE.read_text(encoding="utf-8"))
        raw.commit()
    finally:
        raw.close()


def _server_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return server_schema.current_revision(connection)


def test_server_init_makes_the_server_tables_by_their_migrations_as_the_model_says(
    postgresql_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INTL_DESK_PASSWORD", PASSWORD)
    assert main(["server", "init", "--db", _url(postgresql_engine), "--office", "Minas",
                 "--admin", "ana"]) == 0  # fmt: skip
    assert _server_revision(postgresql_engine) == server_schema.head_revision()
    with postgresql_engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={
                "compare_type": True,
                "target_metadata": server_metadata,
                # the office's tables are the office migrations' (tests/store/test_migrations)
                "include_name": lambda name, kind, parents: (
                    kind == "schema"
                    or (name if kind == "table" else parents.get("table_name"))
                    in server_metadata.tables
                ),
            },
        )
        assert compare_metadata(context, server_metadata) == []


def test_a_server_database_made_before_the_server_migrations_is_upgraded_keeping_everything(
    postgresql_engine: Engine,
) -> None:
    _load_fixture(postgresql_engine)
    assert _server_revision(postgresql_engine) is None
    prepare_for_service(postgresql_engine)
    assert _server_revision(postgresql_engine) == server_schema.head_revision()
    with postgresql_engine.begin() as connection:
        office = connection.scalar(text("SELECT version_num FROM alembic_version"))
        assert office == schema.head_revision()
        assert authenticate(connection, "ana", PASSWORD) is not None
        assert content_for(connection, hashlib.sha256(b"%PDF-1.4 minutes").hexdigest()) == (
            b"%PDF-1.4 minutes"
        )
        # the change order goes on from where it was: the next change is number 3
        seq = connection.scalar(
            insert(change_order_table)
            .values(change_id="3c0f6d1e-0000-4000-8000-000000000003")
            .returning(change_order_table.c.seq)
        )
        assert seq == 3
    prepare_for_service(postgresql_engine)  # a second start finds nothing to do
    assert _server_revision(postgresql_engine) == server_schema.head_revision()


def test_server_tables_from_a_newer_version_are_refused_untouched(
    postgresql_engine: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    _load_fixture(postgresql_engine)
    prepare_for_service(postgresql_engine)
    with postgresql_engine.begin() as connection:
        connection.execute(text("UPDATE server_alembic_version SET version_num = 's9999'"))
    assert main(["server", "run", "--db", _url(postgresql_engine), "--port", "0"]) == 2
    assert "set up by a newer Intl Desk (schema s9999)" in capsys.readouterr().err
    with postgresql_engine.connect() as connection:
        assert connection.scalar(select(text("version_num")).select_from(
            text("server_alembic_version"))) == "s9999"  # fmt: skip
