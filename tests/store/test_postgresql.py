"""The office's model and migrations on PostgreSQL, the office server's database.

The same Alembic scripts that build and upgrade an office file build the server's
schema; these tests run them on a real PostgreSQL (the ``postgresql_engine`` fixture
of tests/postgresql.py).
"""

from __future__ import annotations

from datetime import date

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, func, inspect, select, text
from sqlalchemy.schema import CreateIndex

from intl_desk.core.model import Base, Change, LocalEntity, Office, Partner
from intl_desk.core.model.base import new_uuid
from intl_desk.core.model.natural_keys import NATURAL_KEYS
from intl_desk.core.tracking import TrackedSession
from intl_desk.demo import populate_demo
from intl_desk.store import schema


def _revision(engine: Engine) -> str:
    with engine.connect() as connection:
        return str(connection.execute(text("SELECT version_num FROM alembic_version")).scalar())


def test_the_migrations_build_exactly_the_model_on_postgresql(postgresql_engine: Engine) -> None:
    with postgresql_engine.begin() as connection:
        schema.upgrade(connection)
    with postgresql_engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "target_metadata": Base.metadata}
        )
        assert compare_metadata(context, Base.metadata) == []
    assert _revision(postgresql_engine) == schema.head_revision()


def test_an_older_server_database_is_upgraded_step_by_step(postgresql_engine: Engine) -> None:
    with postgresql_engine.begin() as connection:
        schema.upgrade(connection, "0001")
    columns = {c["name"] for c in inspect(postgresql_engine).get_columns("document")}
    assert "description" not in columns
    with postgresql_engine.begin() as connection:
        schema.upgrade(connection)
    columns = {c["name"] for c in inspect(postgresql_engine).get_columns("document")}
    assert "description" in columns
    assert _revision(postgresql_engine) == schema.head_revision()


def test_a_whole_office_of_every_record_kind_is_stored_on_postgresql(
    postgresql_engine: Engine,
) -> None:
    """PostgreSQL enforces the lengths, foreign keys and types SQLite lets pass."""
    with postgresql_engine.begin() as connection:
        schema.upgrade(connection)
    office_id = new_uuid()
    info = {"office_id": office_id, "user": "ana.souza"}
    with TrackedSession(bind=postgresql_engine, info=info) as session:
        session.add(Office(id=office_id, name="Ville de Lyon", country_code="FR"))
        session.commit()
    with TrackedSession(bind=postgresql_engine, info=info) as session:
        summary = populate_demo(session, scale="city", seed=1, today=date(2026, 6, 1))
        session.add(Partner(name="Łódź", country_code="PL"))
        session.add(LocalEntity(name="São João del-Rei", kind="municipality"))
        session.commit()

    tables = {table.name: table for table in Base.metadata.sorted_tables}
    with postgresql_engine.connect() as connection:
        for kind, expected in summary.counts.items():
            stored = connection.execute(select(func.count()).select_from(tables[kind])).scalar()
            assert (kind, stored) == (kind, expected + (kind in {"partner", "local_entity"}))
    with TrackedSession(bind=postgresql_engine, info=info) as session:
        assert session.scalar(select(Partner.country_code).where(Partner.name == "Łódź")) == "PL"
        assert session.scalar(
            select(LocalEntity.kind).where(LocalEntity.name == "São João del-Rei")
        ) == "municipality"
        creation = session.scalars(
            select(Change).where(Change.record_kind == "partner", Change.action == "create")
        ).all()
        assert creation and {change.changed_by for change in creation} == {"ana.souza"}


def test_the_natural_keys_are_the_same_partial_indexes_on_postgresql(
    postgresql_engine: Engine,
) -> None:
    """The model gives PostgreSQL each natural key's condition once a connection to it is
    made (core/model/natural_keys.py, so that reading an office file does not load the
    PostgreSQL dialect), and it is the condition the migrations gave the server's
    database: compiled against PostgreSQL, each index is partial, on the same columns
    and condition as the one the database holds."""
    with postgresql_engine.begin() as connection:
        schema.upgrade(connection)
    with postgresql_engine.connect() as connection:
        held = dict(
            connection.execute(
                text("SELECT indexname, indexdef FROM pg_indexes WHERE indexname LIKE 'uq_%'")
            ).all()
        )
        for key in NATURAL_KEYS:
            index = next(i for i in Base.metadata.tables[key.table].indexes if i.name == key.name)
            compiled = str(CreateIndex(index).compile(connection))
            assert compiled.endswith(f"WHERE {key.where}"), compiled
            definition = held[key.name]
            assert f"({', '.join(key.columns)})" in definition
            assert all(part in definition for part in key.where.split(" AND ")), definition
