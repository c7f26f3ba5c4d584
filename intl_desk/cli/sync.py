"""``intl-desk clone URL -o FILE --user NAME`` and ``intl-desk sync FILE``.

``sync`` exits with 1 when the server refused a record or settled a conflict (each is
listed), like ``merge`` with conflicts.

The password is asked for on a terminal or read from ``INTL_DESK_PASSWORD`` in scripts.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from intl_desk.cli.password_input import read_password
from intl_desk.core.i18n import N_, Message, _


def cmd_clone(args: argparse.Namespace) -> int:
    from intl_desk.sync.clone import clone

    password = read_password(args.user, confirm=False)
    report = clone(args.url, args.output, args.user, password)
    print(
        Message(
            N_(
                "{office} cloned from {url} into {file} ({changes} history entries). "
                "Synchronise it with: intl-desk sync {file}"
            ),
            {
                "office": report.office_name,
                "url": args.url,
                "file": str(report.path),
                "changes": report.history_rows,
            },
        )
    )
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    from intl_desk.sync.sync import link_of, sync_file

    link = link_of(args.file)
    password = read_password(link.account if link else "-", confirm=False)
    if args.revert_refused:
        _revert_refused(args.file, password)
    report = sync_file(args.file, password, take_over=args.force)
    print(
        Message(
            N_("Synchronised with {url}: {pushed} changes sent, {pulled} received."),
            {"url": report.server_url, "pushed": report.pushed, "pulled": report.pulled},
        )
    )
    for refused in report.refused:
        print(Message(N_("Not saved on the server: {reason}"), {"reason": refused.message}))
    for conflict in report.conflicts:
        print(
            Message(
                N_(
                    "Conflict on “{label}”, {field}: the server keeps “{kept}” (saved first); "
                    "yours, “{yours}”, is kept in the history."
                ),
                {
                    "label": conflict.label,
                    "field": conflict.field,
                    "kept": conflict.kept or "",
                    "yours": conflict.yours or "",
                },
            )
        )
    return 1 if report.refused or report.conflicts else 0


def _revert_refused(path: Path, password: str) -> None:
    from intl_desk.sync.revert import revert_refused_file

    reverted = revert_refused_file(path, password)
    for label in reverted.reverted:
        print(Message(N_("The server's values put back on {record}."), {"record": label}))
    for label in reverted.removed:
        print(
            Message(
                N_("{record} is not on the server: deleted from this file."), {"record": label}
            )
        )
    if not reverted.reverted and not reverted.removed:
        print(Message(N_("No refused edit to give up: this file holds the server's values.")))


def add_sync_parsers(sub: Any) -> None:
    clone = sub.add_parser(
        "clone", help=_("make a new office file from an office server, linked to it")
    )
    clone.add_argument("url", metavar=_("URL"), help=_("the office server, e.g. https://host:8700"))
    clone.add_argument(
        "-o", "--output", required=True, type=Path, metavar=_("FILE"),
        help=_("the new office file"),
    )  # fmt: skip
    clone.add_argument("--user", required=True, metavar=_("NAME"), help=_("your account"))
    clone.set_defaults(handler=cmd_clone)

    sync = sub.add_parser(
        "sync", help=_("send this file's changes to its office server and take everyone else's")
    )
    sync.add_argument("file", type=Path, metavar=_("FILE"), help=_("an office file made by clone"))
    sync.add_argument(
        "--force", action="store_true", help=_("take over the file's lock left by another computer")
    )
    sync.add_argument(
        "--revert-refused", action="store_true",
        help=_("first give up the edits the server refused: put its values back"),
    )  # fmt: skip
    sync.set_defaults(handler=cmd_sync)
