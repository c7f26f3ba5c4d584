"""The PostgreSQL database the server tests run on.

``.ci/run`` starts PostgreSQL, creates a test role and database and exports their URL as
``INTL_DESK_TEST_PG_URL``. Under ``CI=true`` a missing or unreachable database fails the
tests that need it (CI must never pass by skipping them); elsewhere they are skipped
with the reason.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import OperationalError

URL_VARIABLE = "INTL_DESK_TEST_PG_URL"


def _missing(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI needs PostgreSQL: {reason} (.ci/run starts it)")
    pytest.skip(f"no PostgreSQL: {reason}")


@pytest.fixture
def postgresql_engine() -> Iterator[Engine]:
    """An engine on the test database, whose public schema is emptied first."""
    url = os.environ.get(URL_VARIABLE)
    if not url:
        _missing(f"{URL_VARIABLE} is not set")
    engine = create_engine(str(url))
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
