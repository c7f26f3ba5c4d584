"""The command line's entry point, and the commands on a whole office file (``new``,
``demo``, ``check``, ``info``, ``bench``, ``gui``). Every job the GUI does has a command.

Exit codes: 0 success, 1 problems found (``check``, merge conflicts), 2 unusable input.
Errors are one clear line on stderr; an unexpected failure is logged with its traceback
in the user's data folder and reported in one line, never as a traceback.
"""

from __future__ import annotations

import argparse
import gc
import json
import logging
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from intl_desk import __version__
from intl_desk.core import vocabularies as vocab
from intl_desk.core.errors import IntlDeskError
from intl_desk.core.i18n import N_, Message, _, set_language, system_language

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_UNUSABLE = 2

Handler = Callable[[argparse.Namespace], int]


class UsageError(IntlDeskError):
    """Bad arguments: reported like any other error, with exit code 2."""


def _print_error(message: str) -> None:
    print(f"intl-desk: {message}", file=sys.stderr)


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            Message(N_("“{value}” is not a date like 2026-03-31."), {"value": text}).render()
        ) from None


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
    ):  # fmt: skip
        if count:
            print(Message(msgid, {"count": count}))


def cmd_check(args: argparse.Namespace) -> int:
    from intl_desk.store.office_file import check

    if args.repair:
        first = check(Path(args.file))
        if first.unusable:
            for problem in first.problems:
                _print_error(str(problem))
            return EXIT_UNUSABLE
        _repair(args.file)
    report = check(Path(args.file))
    if report.unusable:
        for problem in report.problems:
            _print_error(str(problem))
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


def cmd_bench(args: argparse.Namespace) -> int:
    from intl_desk.bench.runner import run_benchmarks

    return run_benchmarks(
        only=args.only,
        repeat=args.repeat,
        keep=args.keep,
        save=Path(args.save) if args.save else None,
        compare=Path(args.compare) if args.compare else None,
        server_db=args.server_db,
    )


def cmd_gui(args: argparse.Namespace) -> int:
    from intl_desk.ui.app import run_app

    return run_app(
        Path(args.file) if args.file else None,
        quit_when_shown=getattr(args, "quit_when_shown", False),
    )


COMMANDS = (
    "new", "demo", "check", "info", "report", "bench", "gui", "copy", "merge", "extract",
    "import", "export", "calendar", "server", "clone", "sync", "rates", "round",
)


#: Commands that read their FILE read-only: its integrity check (a third of a second on a
#: state's file) starts on a thread at once and runs while SQLAlchemy, the model and
#: ReportLab load; the opening takes its result (see intl_desk.store.early_check).
EARLY_CHECKED = ("info", "report")
#: Commands that run once and end: the cyclic garbage collector need not walk their
#: hundreds of thousands of objects (imports, rows, flowables) every 700 allocations.
#: Their garbage is freed by reference counting; the rare cycles wait a little longer.
#: 5 % of a state overview's CPU.
BATCH = ("report",)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="intl-desk",
        description=_("Intl Desk: the register of an international relations office."),
    )
    parser.add_argument("--version", action="version", version=f"intl-desk {__version__}")
    parser.add_argument(
        "--language",
        choices=("en", "fr", "es", "pt"),
        help=_("language of messages and reports (default: the system's)"),
    )
    sub = parser.add_subparsers(dest="command", metavar=_("COMMAND"))

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
        type=_iso_date,
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

    bench = sub.add_parser("bench", help=_("measure speed and memory at state scale"))
    bench.add_argument(
        "--only",
        action="append",
        metavar=_("SCENARIO"),
        help=_("run only this scenario (repeatable)"),
    )
    bench.add_argument("--repeat", type=int, default=3, help=_("runs per scenario"))
    bench.add_argument("--keep", metavar=_("FOLDER"), help=_("keep the files in this folder"))
    bench.add_argument(
        "--save", metavar=_("RUN.json"), help=_("save the figures, to compare a later run with")
    )
    bench.add_argument(
        "--compare", metavar=_("RUN.json"), help=_("print each change against a saved run")
    )
    bench.add_argument(
        "--server-db", metavar=_("URL"),
        help=_("a PostgreSQL database of the bench's own, for the office server scenarios"),
    )  # fmt: skip
    bench.set_defaults(handler=cmd_bench)

    from intl_desk.cli.reports import add_report_parser

    add_report_parser(sub)  # report overview|yearly|handover

    from intl_desk.cli.sharing import add_sharing_parsers

    add_sharing_parsers(sub)  # copy, merge, extract

    from intl_desk.cli.exchange import add_commands as add_exchange_parsers

    add_exchange_parsers(sub)  # import, export

    from intl_desk.cli.rates import add_rates_parser

    add_rates_parser(sub)  # rates FILE [--import SHEET]

    from intl_desk.cli.rounds import add_round_parser

    add_round_parser(sub)  # round open|list|show|submit|approve|return

    from intl_desk.cli.server import add_server_parser

    add_server_parser(sub)  # server init|run|backup, server user add|list|disable

    from intl_desk.cli.sync import add_sync_parsers

    add_sync_parsers(sub)  # clone, sync (the client side of the office server)

    gui = sub.add_parser("gui", help=_("open the application (the default)"))
    gui.add_argument("file", nargs="?", metavar=_("FILE"))
    # For measuring start-up (bench, bundle test): quit once the window is painted.
    gui.add_argument("--quit-when-shown", action="store_true", help=argparse.SUPPRESS)
    gui.set_defaults(handler=cmd_gui)
    return parser


def _log_unexpected(error: BaseException) -> Path | None:
    try:
        from intl_desk.paths import user_data_dir

        log = user_data_dir() / "intl-desk.log"
        with log.open("a", encoding="utf-8") as handle:
            handle.write(f"--- {time.strftime('%Y-%m-%d %H:%M:%S')} {sys.argv!r}\n")
            handle.write("".join(traceback.format_exception(error)))
        return log
    except OSError:
        logging.getLogger(__name__).exception("could not write the error log")
        return None


def _first_positional(arguments: list[str]) -> int | None:
    """Index of the first argument that is not an option or an option's value."""
    skip_next = False
    for index, argument in enumerate(arguments):
        if skip_next:
            skip_next = False
        elif argument == "--language":
            skip_next = True
        elif not argument.startswith("-"):
            return index
    return None


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    set_language(system_language())
    if "--language" in arguments:
        # Accepted before or after the command (``report overview F --language fr``):
        # moved to the front, where the parser expects it.
        index = arguments.index("--language")
        if index + 1 < len(arguments):
            set_language(arguments[index + 1])
            arguments = ["--language", arguments[index + 1], *arguments[:index],
                         *arguments[index + 2:]]
    position = _first_positional(arguments)
    if position is None:
        if not any(a in ("-h", "--help", "--version") for a in arguments):
            arguments.append("gui")
    elif arguments[position] not in COMMANDS:
        arguments.insert(position, "gui")
    parser = build_parser()
    args = parser.parse_args(arguments)
    handler: Handler = args.handler
    thresholds = gc.get_threshold()
    if args.command in BATCH:
        gc.set_threshold(50_000, 50, 1_000)
    if args.command in EARLY_CHECKED and getattr(args, "file", None):
        from intl_desk.store import early_check

        early_check.start(Path(args.file))
    try:
        return handler(args)
    except IntlDeskError as error:
        _print_error(str(error))
        return EXIT_UNUSABLE
    except KeyboardInterrupt:
        _print_error(_("Interrupted; nothing was saved."))
        return EXIT_UNUSABLE
    except Exception as error:  # the last line of defence: log it, say it in one line
        log = _log_unexpected(error)
        message = Message(
            N_("Unexpected error ({error}); details are in {log}. Your file was not changed."),
            {"error": type(error).__name__, "log": log or "-"},
        )
        _print_error(str(message))
        return EXIT_UNUSABLE
    finally:  # main() is also called in-process (tests, the bench): leave it as it was
        gc.set_threshold(*thresholds)


def gui_main() -> int:
    return main(["gui", *sys.argv[1:]])


if __name__ == "__main__":
    sys.exit(main())
