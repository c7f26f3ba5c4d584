"""``intl-desk new``, ``demo``, ``check`` and ``info``: commands on a whole office file."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from intl_desk.cli.app import cmd_gui
from intl_desk.cli.arguments import iso_date
from intl_desk.cli.outcome import EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE, UsageError, print_error
from intl_desk.core import vocabularies as vocab
from intl_desk.core.i18n import N_, Message, _


def cmd_new(args: argparse.Namespace) -> int:
    from intl_desk.store.office_file import OfficeFile

    office = OfficeFile.create(
        Path(args.file),
        args.office,
        kind=args.kind,
        country_code=args.country,
        language=args.language or "en",
        own_entity=args.office,
    )
    office.close()
    print(Message(N_("Created {file} for {office}."), {"file": args.file, "office": args.office}))
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from intl_desk.demo.file import write_demo_file

    path = Path(args.file)
    if path.exists() and args.open:
        print(Message(N_("Opening the existing demo file {file}."), {"file": args.file}))
        return cmd_gui(args)
    if path.exists():
        raise UsageError(
            Message(
                N_("{file} already exists: choose a new file name for the demo."),
                {"file": args.file},
            )
        )
    started = time.perf_counter()
    summary = write_demo_file(
        path,
        scale=args.scale,
        seed=args.seed,
        today=args.today,
        progress=None if args.quiet else lambda text: print(text, file=sys.stderr),
    )
    elapsed = time.perf_counter() - started
    print(
        Message(
            N_("Demo office “{office}” written to {file} in {seconds:.1f} s."),
            {"office": summary.office_name, "file": args.file, "seconds": elapsed},
        )
    )
    return cmd_gui(args) if args.open else EXIT_OK


def _repair(file: str) -> None:
    from intl_desk.store.repair import repair

    done = repair(Path(file))
    if not done.changed:
        print(Message(N_("Nothing to repair.")))
        return
    print(Message(N_("Backup written before repairing: {backup}"), {"backup": done.backup}))
    for count, msgid in (
        (done.agreements, N_("Repaired: {count} agreement(s) whose partner names, entity names, "
                             "countries or objective count were out of date.")),
        (done.search_keys, N_("Repaired: {count} search key(s) that did not match their "
                              "record's text.")),
        (done.duplicates, N_("Repaired: {count} record(s) repeating another live one: the one "
                             "changed last kept, the others deleted (kept in the history).")),
        (done.documents, N_("Repaired: {count} document(s) of those records moved to the "
                            "record kept in their place.")),
        (done.indexes, N_("Repaired: {count} missing unique index(es) put back.")),
        (done.search_index, N_("Repaired: the search index of the agreements was rebuilt.")),
    ):  # fmt: skip
        if count:
            print(Message(msgid, {"count": count}))


def cmd_check(args: argparse.Namespace) -> int:
    from intl_desk.store.office_file import check

    report = check(Path(args.file))
    if args.repair and not report.unusable:
        _repair(args.file)
        report = check(Path(args.file))
    if report.unusable:
        for problem in report.problems:
            print_error(str(problem))
        return EXIT_UNUSABLE
    if report.problems:
        print(
            Message(
                N_("{file}: {count} problem(s) found."),
                {"file": args.file, "count": len(report.problems)},
            )
        )
        for problem in report.problems:
            print(f"- {problem}")
        if report.repairable:
            print(Message(N_("“intl-desk check --repair {file}” fixes what it safely can, "
                             "after a backup."), {"file": args.file}))  # fmt: skip
        return EXIT_PROBLEMS
    print(Message(N_("{file} is healthy."), {"file": args.file}))
    return EXIT_OK


def cmd_info(args: argparse.Namespace) -> int:
    # The standard library alone (see intl_desk.store.summary): no SQLAlchemy, no model.
    from intl_desk.store.summary import summarise

    summary = summarise(Path(args.file))
    office_name, schema_version, counts = (
        summary.office_name,
        summary.schema_version,
        summary.counts,
    )
    if args.json:
        print(
            json.dumps(
                {"office": office_name, "schema_version": schema_version, "counts": counts},
                ensure_ascii=False,
                indent=2,
            )
        )
        return EXIT_OK
    print(f"{_('Office')}: {office_name}")
    version_label = _("Schema version")
    print(f"{version_label}: {schema_version}")
    labels = {
        "local_entities": N_("Local entities"),
        "partners": N_("Partners"),
        "agreements": N_("Agreements"),
        "projects": N_("Projects"),
        "networks": N_("Networks"),
        "memberships": N_("Memberships"),
        "activities": N_("Activities"),
        "indicators": N_("Indicators"),
        "measurements": N_("Measurements"),
        "contacts": N_("Contacts"),
        "documents": N_("Documents"),
    }
    width = max(len(_(label)) for label in labels.values())
    for key, value in counts.items():
        print(f"  {_(labels[key]):<{width}}  {value:>8}")
    return EXIT_OK


def add_office_file_parsers(sub: Any) -> None:
    """``new``, ``demo``, ``check``, ``info``."""
    new = sub.add_parser("new", help=_("create an empty office file"))
    new.add_argument("file", metavar=_("FILE"))
    new.add_argument("--office", required=True, metavar=_("NAME"), help=_("the office's name"))
    new.add_argument("--kind", default="city", choices=vocab.OFFICE_KINDS.codes)
    new.add_argument("--country", metavar="CC", help=_("ISO 3166 country code, e.g. FR"))
    new.set_defaults(handler=cmd_new)

    demo = sub.add_parser("demo", help=_("create an office file filled with demo data"))
    demo.add_argument("file", metavar=_("FILE"))
    demo.add_argument(
        "--scale",
        choices=("city", "state"),
        default="city",
        help=_("a city office, or a state covering 853 municipalities"),
    )
    demo.add_argument("--seed", type=int, default=1, help=_("same seed, same data"))
    demo.add_argument(
        "--today",
        type=iso_date,
        default=None,
        help=_("the date the demo treats as today (YYYY-MM-DD)"),
    )
    demo.add_argument("--quiet", action="store_true", help=_("print no progress"))
    demo.add_argument("--open", action="store_true", help=_("open the app on it afterwards"))
    demo.set_defaults(handler=cmd_demo)

    check = sub.add_parser("check", help=_("check a file's health without changing it"))
    check.add_argument("file", metavar=_("FILE"))
    check.add_argument(
        "--repair",
        action="store_true",
        help=_(
            "fix what can be fixed safely (derived columns, search keys, records recorded "
            "twice), after a backup"
        ),
    )
    check.set_defaults(handler=cmd_check)

    info = sub.add_parser("info", help=_("show what a file holds"))
    info.add_argument("file", metavar=_("FILE"))
    info.add_argument("--json", action="store_true", help=_("print JSON"))
    info.set_defaults(handler=cmd_info)
