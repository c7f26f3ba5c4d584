"""The PostgreSQL database the server tests run on.

``.ci/run`` starts PostgreSQL, creates a test role and database and exports their URL as
``INTL_DESK_TEST_PG_URL``. Under ``CI=true`` a missing or unreachable database fails the
tests that need it (CI must never pass by skipping them); elsewhere they are skipped
with the reason.

When the suite runs on several processes (pytest-xdist), each worker gets a database of
its own beside that one (``…_gw0``, ``…_gw1``), made on first use: every test empties the
schema it works in, which another worker's test must not see.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, create_engine, make_url, text
from sqlalchemy.exc import OperationalError

URL_VARIABLE = "INTL_DESK_TEST_PG_URL"


def _missing(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI needs PostgreSQL: {reason} (.ci/run starts it)")
    pytest.skip(f"no PostgreSQL: {reason}")


def _worker_url(url: str) -> str:
    """The database of this xdist worker (made if missing), or ``url`` itself."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker:
        return url
    base = make_url(url)
    name = f"{base.database}_{worker}"
    engine = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            exists = connection.scalar(
                text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}
            )
            if not exists:
                connection.execute(text(f'CREATE DATABASE "{name}"'))
    except OperationalError as error:
        _missing(f"cannot make the worker's database {name}: {error.orig}")
    finally:
        engine.dispose()
    return base.set(database=name).render_as_string(hide_password=False)


def test_database_url() -> str:
    """The URL of this run's (or this worker's) test database; fails under CI, else
    skips, when there is none."""
    url = os.environ.get(URL_VARIABLE)
    if not url:
        _missing(f"{URL_VARIABLE} is not set")
    return _worker_url(str(url))


@pytest.fixture
def postgresql_engine() -> Iterator[Engine]:
    """An engine on the test database, whose public schema is emptied first."""
    engine = create_engine(test_database_url())
    try:
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
    except OperationalError as error:
        engine.dispose()
        _missing(f"cannot connect to {engine.url.render_as_string()}: {error.orig}")
    try:
        yield engine
    finally:
        engine.dispose()
