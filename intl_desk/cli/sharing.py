"""``intl-desk copy``, ``merge`` and ``extract``: sharing office files from the command line.

Only ``merge`` (without ``--dry-run``) writes to an existing office file, so only it takes
the file's lock, and only it has ``--force`` to take over a lock left on another machine.
``copy`` and ``extract`` read their source like ``check`` does and write a new file
atomically. Warnings about where a file lives go to stderr, results to stdout.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from intl_desk.cli.arguments import iso_date
from intl_desk.cli.outcome import EXIT_OK, EXIT_PROBLEMS
from intl_desk.core.i18n import N_, Message, _


def _warn(path: Path) -> None:
    from intl_desk.store.safety import location_warning

    warning = location_warning(path)
    if warning is not None:
        label = _("warning")
        print(f"intl-desk: {label}: {warning}", file=sys.stderr)


def cmd_copy(args: argparse.Namespace) -> int:
    from intl_desk.store.backup import backup_copy
    from intl_desk.store.safety import verify_source

    source, target = Path(args.file), Path(args.new)
    verify_source(source)
    backup_copy(source, target, overwrite=False, another_desk=True, to_send=True)
    print(Message(N_("Verified copy of {file} saved as {copy}."), {"file": source, "copy": target}))
    return EXIT_OK


def cmd_merge(args: argparse.Namespace) -> int:
    from intl_desk.store.merge import merge_files, report_lines

    target, other = Path(args.file), Path(args.other)
    _warn(target)
    report = merge_files(
        target, other, dry_run=args.dry_run, take_over=args.force, other_office=args.other_office
    )
    if args.dry_run:
        print(Message(N_("Dry run: {file} was not changed."), {"file": target}))
    for line in report_lines(report):
        print(line)
    if report.backup is not None:
        print(Message(N_("Backup made first: {backup}."), {"backup": report.backup}))
    if report.conflicts:
        if not args.dry_run:
            print(
                _(
                    "Each conflict kept this file's value; the other value is in the record's "
                    "history. Use File › Merge… in the app to choose field by field."
                )
            )
        return EXIT_PROBLEMS
    return EXIT_OK


def cmd_extract(args: argparse.Namespace) -> int:
    from intl_desk.store.extract import extract
    from intl_desk.store.merge.report import kind_label

    report = extract(Path(args.file), Path(args.output), entity=args.entity, since=args.since)
    print(Message(N_("Extract written to {file}."), {"file": report.path}))
    if not report.counts:
        print(_("No record matched, so it holds only the office: check --entity and --since."))
    for table, count in sorted(report.counts.items()):
        print(f"  {kind_label(table)!s:<24} {count:>8}")
    return EXIT_OK


def add_sharing_parsers(sub: Any) -> None:
    """Add ``copy``, ``merge`` and ``extract`` to the command parsers."""
    copy = sub.add_parser("copy", help=_("save a verified copy of an office file"))
    copy.add_argument("file", metavar=_("FILE"))
    copy.add_argument("new", metavar=_("NEW"))
    copy.set_defaults(handler=cmd_copy)

    merge = sub.add_parser("merge", help=_("merge another copy of an office file into this one"))
    merge.add_argument("file", metavar=_("FILE"))
    merge.add_argument("other", metavar=_("OTHER"))
    merge.add_argument(
        "--dry-run", action="store_true", help=_("show what would change, change nothing")
    )
    merge.add_argument(
        "--force",
        action="store_true",
        help=_("take over the file's lock left by another computer"),
    )
    merge.add_argument(
        "--other-office",
        action="store_true",
        help=_("merge the file of another office (not a copy of this one) all the same"),
    )
    merge.set_defaults(handler=cmd_merge)

    extract = sub.add_parser(
        "extract", help=_("write one local entity's records to a new office file")
    )
    extract.add_argument("file", metavar=_("FILE"))
    extract.add_argument("-o", "--output", required=True, metavar=_("NEW"))
    extract.add_argument("--entity", metavar=_("NAME"), help=_("the local entity's name or code"))
    extract.add_argument(
        "--since", type=iso_date, metavar=_("DATE"), help=_("only records changed since this date")
    )
    extract.set_defaults(handler=cmd_extract)

