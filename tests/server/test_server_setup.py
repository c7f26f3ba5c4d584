"""``intl-desk server init`` and ``server user add|list|disable`` on a real PostgreSQL."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, inspect, select, text

from intl_desk.cli import main
from intl_desk.core.model import Agreement, Change, LocalEntity, Office
from intl_desk.core.tracking import TrackedSession
from intl_desk.server.accounts import account_table, authenticate
from intl_desk.server.setup import prepare_for_service
from intl_desk.server.tables import change_order_table
from intl_desk.store import schema
from intl_desk.store.office_file import OfficeFile

PASSWORD = "correct-horse-battery"


def _url(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


@pytest.fixture
def server_db(
    postgresql_engine: Engine, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Engine:
    monkeypatch.setenv("INTL_DESK_PASSWORD", PASSWORD)
    code = main(["server", "init", "--db", _url(postgresql_engine), "--office",
                 "Estado de Minas Gerais", "--admin", "ana"])
    assert code == 0
    assert "ana is its administrator" in capsys.readouterr().out
    return postgresql_engine


def test_init_sets_up_the_office_and_its_administrator(server_db: Engine) -> None:
    with TrackedSession(bind=server_db) as session:
        assert session.scalar(select(Office.name)) == "Estado de Minas Gerais"
        assert session.scalar(
            select(Change.changed_by).where(Change.record_kind == "office")
        ) == "ana"
    with server_db.connect() as connection:
        stored = connection.scalar(select(account_table.c.password_hash))
        assert stored.startswith("$argon2") and PASSWORD not in stored
        admin = authenticate(connection, "ana", PASSWORD)
        assert admin is not None and admin.role == "admin"
        assert authenticate(connection, "ana", "wrong-password-here") is None


def test_a_second_init_on_a_used_database_is_refused_and_changes_nothing(
    server_db: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    tables = inspect(server_db).get_table_names()
    capsys.readouterr()
    code = main(["server", "init", "--db", _url(server_db), "--office", "Other", "--admin", "bob"])
    assert code == 2
    assert "already in use" in capsys.readouterr().err
    assert inspect(server_db).get_table_names() == tables
    with server_db.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(account_table)) == 1
        assert connection.scalar(select(Office.name)) == "Estado de Minas Gerais"


def test_accounts_are_added_with_a_scope_listed_and_disabled(
    server_db: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    with TrackedSession(bind=server_db, info={"user": "ana"}) as session:
        session.add(LocalEntity(name="São João del-Rei", kind="municipality"))
        session.commit()
    db = _url(server_db)
    assert main(["server", "user", "add", "joao", "--db", db, "--role", "editor",
                 "--scope", "sao joao del-rei"]) == 0
    assert main(["server", "user", "add", "rita", "--db", db, "--role", "reader"]) == 0
    capsys.readouterr()
    assert main(["server", "user", "list", "--db", db]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "ana\tadmin\tthe whole office\tactive",
        "joao\teditor\tSão João del-Rei\tactive",
        "rita\treader\tthe whole office\tactive",
    ]
    assert main(["server", "user", "disable", "joao", "--db", db]) == 0
    with server_db.connect() as connection:
        assert authenticate(connection, "joao", PASSWORD) is None
        assert authenticate(connection, "rita", PASSWORD) is not None


def test_refused_accounts_leave_nothing_behind(
    server_db: Engine, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _url(server_db)
    capsys.readouterr()
    assert main(["server", "user", "add", "joao", "--db", db, "--role", "editor",
                 "--scope", "Nowhere"]) == 2
    assert "No local entity is called “Nowhere”." in capsys.readouterr().err
    monkeypatch.setenv("INTL_DESK_PASSWORD", "short")
    assert main(["server", "user", "add", "rita", "--db", db, "--role", "reader"]) == 2
    assert "too short" in capsys.readouterr().err
    assert main(["server", "user", "add", "ana", "--db", db, "--role", "reader"]) == 2
    with server_db.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(account_table)) == 1


def test_a_database_set_up_by_an_older_version_is_upgraded_before_it_is_served(
    postgresql_engine: Engine,
) -> None:
    with postgresql_engine.begin() as connection:
        schema.upgrade(connection, "0006")  # what server init of the previous version left
    prepare_for_service(postgresql_engine)
    tables = set(inspect(postgresql_engine).get_table_names())
    assert {"server_link", "sent_change", "server_change_order", "server_blob"} <= tables
    with postgresql_engine.connect() as connection:
        version = connection.scalar(text("SELECT version_num FROM alembic_version"))
    assert version == schema.head_revision()


def test_server_run_refuses_a_database_not_set_up_or_newer(
    postgresql_engine: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    url = _url(postgresql_engine)
    assert main(["server", "run", "--db", url, "--port", "0"]) == 2
    assert "is not set up for an office: run server init first" in capsys.readouterr().err
    with postgresql_engine.begin() as connection:
        schema.upgrade(connection)
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    assert main(["server", "run", "--db", url, "--port", "0"]) == 2
    assert "set up by a newer Intl Desk (schema 9999)" in capsys.readouterr().err
    assert inspect(postgresql_engine).get_table_names().count("server_account") == 0


def test_init_from_an_office_file_puts_its_records_and_history_on_the_server(
    postgresql_engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    path = tmp_path / "minas.sqlite"
    OfficeFile.create(path, "Estado de Minas Gerais", country_code="BR").close()
    with OfficeFile.open(path) as office, office.session() as session:
        # rows naming rows of their own table: a tree of entities, a renewal
        state = LocalEntity(id="f" * 8 + "-0000-4000-8000-000000000001", kind="government",
                            name="Estado de Minas Gerais")  # fmt: skip
        town = LocalEntity(id="0" * 8 + "-0000-4000-8000-000000000002", kind="municipality",
                           name="São João del-Rei", parent=state)  # fmt: skip
        first = Agreement(id="e" * 8 + "-0000-4000-8000-000000000003", title="Geminação 2015",
                          type="twinning")  # fmt: skip
        second = Agreement(id="1" * 8 + "-0000-4000-8000-000000000004", title="Geminação 2021",
                           type="twinning", renews=first)  # fmt: skip
        session.add_all([state, town, first, second])
        session.commit()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    monkeypatch.setenv("INTL_DESK_PASSWORD", PASSWORD)
    url = _url(postgresql_engine)
    assert main(["server", "init", "--db", url, "--from", str(path), "--admin", "ana"]) == 0
    said = capsys.readouterr().out.splitlines()
    assert said[0] == (
        "The office server for Estado de Minas Gerais is set up; ana is its administrator."
    )
    with postgresql_engine.connect() as connection:
        history = connection.scalar(select(func.count()).select_from(Change))
        numbered = connection.scalar(select(func.count()).select_from(change_order_table))
        assert history == numbered >= 5
        assert (
            said[1]
            == f"Every record of {path} is on the server, with its {history} history entries."
        )
        assert authenticate(connection, "ana", PASSWORD) is not None
    with TrackedSession(bind=postgresql_engine) as session:
        town_there = session.scalars(
            select(LocalEntity).where(LocalEntity.kind == "municipality")
        ).one()
        assert town_there.parent is not None and town_there.parent.name == "Estado de Minas Gerais"
        renewal = session.scalars(
            select(Agreement).where(Agreement.title == "Geminação 2021")
        ).one()
        assert renewal.renews is not None and renewal.renews.title == "Geminação 2015"
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before  # only read
    assert main(["server", "init", "--db", url, "--from", str(path), "--admin", "ana"]) == 2
    assert "already in use" in capsys.readouterr().err


@pytest.mark.parametrize("hidden", ["fastapi", "argon2"])
def test_server_commands_without_the_server_packages_say_how_to_install_them(
    hidden: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # the desktop app (and its bundle) is installed without the intl-desk[server] extra
    monkeypatch.setitem(sys.modules, hidden, None)
    code = main(["--language", "fr", "server", "user", "list",
                 "--db", "postgresql+psycopg://nobody@127.0.0.1:9/none"])
    assert code == 2
    said = capsys.readouterr().err
    assert "Traceback" not in said
    assert f"manque : {hidden}" in said and 'pip install "intl-desk[server]"' in said, said
