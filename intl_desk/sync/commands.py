"""``intl-desk clone URL -o FILE --user NAME``.

The password is asked for on a terminal or read from ``INTL_DESK_PASSWORD`` in scripts.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from intl_desk.core.i18n import N_, Message, _
from intl_desk.core.password_input import read_password


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
