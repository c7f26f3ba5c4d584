"""``server init``: the office's schema, its office record and the first administrator.

Everything is written in one transaction, so a failed init leaves an empty database. A
database that already holds tables is refused: init never writes over an office.
"""

from __future__ import annotations

from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import ArgumentError, OperationalError

from intl_desk.core.errors import IntlDeskError
from intl_desk.core.i18n import N_, Message
from intl_desk.core.model import Office
from intl_desk.core.model.base import new_uuid
from intl_desk.core.tracking import TrackedSession
from intl_desk.server import schema as server_schema
from intl_desk.server.accounts import add_account
from intl_desk.store import schema


class ServerDatabaseError(IntlDeskError):
    """The server's database cannot be used as asked."""


def server_engine(url: str) -> Engine:
    """An engine on the server's PostgreSQL database, checked by connecting once."""
    try:
        # a connection for each request the service runs at once (uvicorn's thread pool),
        # and a long wait rather than a failure when more arrive together
        engine = create_engine(url, pool_size=10, max_overflow=30, pool_timeout=120)
    except (ArgumentError, ImportError):
        raise ServerDatabaseError(
            Message(
                N_("“{url}” is not a database address like postgresql+psycopg://user@host/db."),
                {"url": url},
            )
        ) from None
    try:
        with engine.connect():
            pass
    except OperationalError as error:
        engine.dispose()
        raise ServerDatabaseError(
            Message(
                N_("Cannot reach the database {url} ({reason}); is PostgreSQL running?"),
                {
                    "url": engine.url.render_as_string(),
                    "reason": str(error.orig).strip().splitlines()[0],
                },
            )
        ) from None
    return engine


def prepare_for_service(engine: Engine) -> None:
    """Bring a database set up by ``server init`` to this version before serving it: the
    office's migrations it lacks and the server's own, in one transaction. A database not
    set up, or set up by a newer Intl Desk, is refused untouched."""
    url = engine.url.render_as_string()
    if "alembic_version" not in inspect(engine).get_table_names():
        raise ServerDatabaseError(
            Message(
                N_("The database {url} is not set up for an office: run server init first."),
                {"url": url},
            )
        )
    with engine.begin() as connection:
        office_revision = str(connection.scalar(text("SELECT version_num FROM alembic_version")))
        server_revision = server_schema.current_revision(connection)
        newer = [
            revision
            for revision, known in (
                (office_revision, schema.known_revisions()),
                (server_revision, server_schema.known_revisions()),
            )
            if revision is not None and revision not in known
        ]
        if newer:
            raise ServerDatabaseError(
                Message(
                    N_(
                        "The database {url} was set up by a newer Intl Desk (schema {revision}): "
                        "run that version of the server."
                    ),
                    {"url": url, "revision": newer[0]},
                )
            )
        if office_revision != schema.head_revision():
            schema.upgrade(connection)
        if server_revision != server_schema.head_revision():
            server_schema.upgrade(connection)


def init_server(engine: Engine, office_name: str, admin_name: str, admin_password: str) -> str:
    """Create the schema, the office and its first administrator; return the office id."""
    if inspect(engine).get_table_names():
        raise ServerDatabaseError(
            Message(
                N_(
                    "The database {url} is already in use; server init only sets up an empty "
                    "database."
                ),
                {"url": engine.url.render_as_string()},
            )
        )
    office_id = new_uuid()
    with engine.begin() as connection:
        schema.upgrade(connection)
        server_schema.upgrade(connection)
        add_account(connection, admin_name, admin_password, "admin")
        info = {"office_id": office_id, "user": admin_name}
        with TrackedSession(bind=connection, info=info) as session:
            session.add(Office(id=office_id, name=office_name))
            session.commit()  # joins the outer transaction: committed with it
    return office_id
