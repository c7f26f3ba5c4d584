"""``intl-desk server init|run|backup`` and ``server user add|list|disable``.

Passwords are asked for twice on a terminal, or read from ``INTL_DESK_PASSWORD`` in
scripts; they never appear on the command line.
"""

from __future__ import annotations

import argparse
import functools
import importlib.util
from collections.abc import Callable
from pathlib import Path
from typing import Any

from intl_desk.cli.password_input import read_password
from intl_desk.core.errors import IntlDeskError
from intl_desk.core.i18n import N_, Message, _
from intl_desk.server.roles import ROLES

#: What the ``intl-desk[server]`` extra installs; the desktop bundle leaves it out.
SERVER_PACKAGES = ("fastapi", "uvicorn", "argon2", "psycopg")


class ServerNotInstalled(IntlDeskError):
    """The office server's packages are not installed (the desktop app, its bundle)."""


def needs_server_packages(handler: Callable[[argparse.Namespace], int]) -> Callable[..., int]:
    """``handler``, refused with the way to install the server when its packages are missing."""

    @functools.wraps(handler)
    def checked(args: argparse.Namespace) -> int:
        missing = [name for name in SERVER_PACKAGES if importlib.util.find_spec(name) is None]
        if missing:
            raise ServerNotInstalled(
                Message(
                    N_(
                        "The office server is not part of this installation (missing: "
                        "{packages}). Install it on the server's machine with: "
                        "pip install \"intl-desk[server]\""
                    ),
                    {"packages": ", ".join(missing)},
                )
            )
        return handler(args)

    return checked


def cmd_init(args: argparse.Namespace) -> int:
    from intl_desk.server.setup import init_server, server_engine

    if args.source is not None:
        from intl_desk.store.safety import verify_source

        verify_source(args.source)  # a damaged or foreign file is refused before anything
    password = read_password(args.admin, confirm=True)
    engine = server_engine(args.db)
    try:
        if args.source is not None:
            from intl_desk.server.load import load_office_file

            office, history = load_office_file(engine, args.source, args.admin, password)
        else:
            office, history = args.office, 0
            init_server(engine, args.office, args.admin, password)
    finally:
        engine.dispose()
    print(
        Message(
            N_("The office server for {office} is set up; {admin} is its administrator."),
            {"office": office, "admin": args.admin},
        )
    )
    if args.source is not None:
        print(
            Message(
                N_("Every record of {file} is on the server, with its {changes} history entries."),
                {"file": str(args.source), "changes": history},
            )
        )
    return 0


def cmd_user_add(args: argparse.Namespace) -> int:
    from intl_desk.core.overview.compute import entity_by_name
    from intl_desk.core.tracking import TrackedSession
    from intl_desk.server.accounts import add_account
    from intl_desk.server.setup import server_engine

    engine = server_engine(args.db)
    try:
        with engine.begin() as connection:
            scope = None
            if args.scope:
                with TrackedSession(bind=connection) as session:
                    scope = entity_by_name(session, args.scope)
            password = read_password(args.name, confirm=True)
            add_account(connection, args.name, password, args.role, scope)
    finally:
        engine.dispose()
    print(Message(N_("Account {name} added."), {"name": args.name}))
    return 0


def cmd_user_list(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from intl_desk.core.model import LocalEntity
    from intl_desk.server.accounts import list_accounts
    from intl_desk.server.setup import server_engine

    engine = server_engine(args.db)
    try:
        with engine.connect() as connection:
            accounts = list_accounts(connection)
            names = {
                str(row.id): str(row.name)
                for row in connection.execute(select(LocalEntity.id, LocalEntity.name))
            }
    finally:
        engine.dispose()
    for account in accounts:
        scope = names.get(account.scope_entity_id or "", _("the whole office"))
        state = _("disabled") if account.disabled else _("active")
        print(f"{account.name}\t{account.role}\t{scope}\t{state}")
    return 0


def cmd_user_disable(args: argparse.Namespace) -> int:
    from intl_desk.server.accounts import disable_account
    from intl_desk.server.setup import server_engine

    engine = server_engine(args.db)
    try:
        with engine.begin() as connection:
            disable_account(connection, args.name)
    finally:
        engine.dispose()
    print(Message(N_("Account {name} disabled: it can no longer sign in."), {"name": args.name}))
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    from intl_desk.server.run import run_server

    run_server(
        args.db, args.host, args.port, args.tls_cert, args.tls_key, queue_wait=args.queue_wait
    )
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from intl_desk.files.output_guard import guard_output
    from intl_desk.server.setup import server_engine
    from intl_desk.server.snapshot import write_snapshot
    from intl_desk.store.errors import FileAlreadyExists

    target = guard_output(args.output)
    if target.exists():
        raise FileAlreadyExists(target)
    engine = server_engine(args.db)
    try:
        write_snapshot(engine, target)
    finally:
        engine.dispose()
    print(
        Message(
            N_("The whole office is saved in {file}; the desktop app opens it."),
            {"file": str(target)},
        )
    )
    return 0


def add_server_parser(sub: Any) -> None:
    server = sub.add_parser("server", help=_("set up the office server and its accounts"))
    commands = server.add_subparsers(dest="server_command", required=True)

    def database(parser: argparse.ArgumentParser) -> None:
        parser.add_argument(
            "--db", required=True, metavar=_("URL"), help=_("the server's PostgreSQL database")
        )

    init = commands.add_parser("init", help=_("set up an empty database for an office"))
    database(init)
    start = init.add_mutually_exclusive_group(required=True)
    start.add_argument("--office", metavar=_("NAME"), help=_("the office's name"))
    start.add_argument(
        "--from", dest="source", type=Path, metavar=_("FILE"),
        help=_("start from this office file: its records, history and documents"),
    )  # fmt: skip
    init.add_argument(
        "--admin", default="admin", metavar=_("NAME"), help=_("the first administrator's name")
    )
    init.set_defaults(handler=needs_server_packages(cmd_init))

    run = commands.add_parser("run", help=_("serve the office over HTTP(S) until stopped"))
    database(run)
    run.add_argument(
        "--host", default="127.0.0.1", help=_("the address to listen on (default 127.0.0.1)")
    )
    run.add_argument(
        "--port", type=int, default=8700, help=_("the port to listen on (0: any free port)")
    )
    run.add_argument(
        "--tls-cert", type=Path, metavar=_("FILE"), help=_("the TLS certificate (PEM)")
    )
    run.add_argument("--tls-key", type=Path, metavar=_("FILE"), help=_("its private key (PEM)"))
    run.add_argument(
        "--queue-wait", type=float, default=20.0, metavar=_("SECONDS"),
        help=_("how long a sync waits for its turn before being told to come back (default 20)"),
    )  # fmt: skip
    run.set_defaults(handler=needs_server_packages(cmd_run))

    backup = commands.add_parser(
        "backup", help=_("save the whole office, as it is now, in a new office file")
    )
    database(backup)
    backup.add_argument(
        "-o", "--output", required=True, type=Path, metavar=_("FILE"),
        help=_("the new office file"),
    )  # fmt: skip
    backup.set_defaults(handler=needs_server_packages(cmd_backup))

    user = commands.add_parser("user", help=_("the server's accounts"))
    users = user.add_subparsers(dest="user_command", required=True)
    add = users.add_parser("add", help=_("add an account"))
    add.add_argument("name", metavar=_("NAME"))
    database(add)
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument(
        "--scope", metavar=_("ENTITY"), help=_("the local entity whose records it may write")
    )
    add.set_defaults(handler=needs_server_packages(cmd_user_add))
    listing = users.add_parser("list", help=_("list the accounts"))
    database(listing)
    listing.set_defaults(handler=needs_server_packages(cmd_user_list))
    disable = users.add_parser("disable", help=_("stop an account from signing in"))
    disable.add_argument("name", metavar=_("NAME"))
    database(disable)
    disable.set_defaults(handler=needs_server_packages(cmd_user_disable))
