"""The command line's entry point: the parser made of every group's commands (one module
of :mod:`intl_desk.cli` a group), the language, and what the user sees when a command
fails. Every job the GUI does has a command.

Exit codes: 0 success, 1 problems found (``check``, merge conflicts), 2 unusable input.
Errors are one clear line on stderr; an unexpected failure is logged with its traceback
in the user's data folder and reported in one line, never as a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from intl_desk import __version__
from intl_desk.cli.batch import BATCH, collected_as_a_batch, end_process
from intl_desk.cli.outcome import EXIT_UNUSABLE, print_error
from intl_desk.core.errors import IntlDeskError
from intl_desk.core.i18n import N_, Message, _, set_language, system_language
from intl_desk.core.memory import one_allocator_region

Handler = Callable[[argparse.Namespace], int]

#: Commands that read their FILE read-only and are over in a moment: its integrity check
#: (a fifth of a second on a state's file) starts on a thread at once and runs while
#: SQLAlchemy and the model load; the opening takes its result (see
#: intl_desk.store.early_check). Not the reports: beside the loading, the check of a
#: state's file cost 0.05 s more CPU than after it (the overview of a file just received,
#: 14 runs of each in turn: 1.07 against 1.02 s; two cores that slow each other), and a
#: report is judged by the work it costs the machine. It ends 0.15 s later (1.02 s).
EARLY_CHECKED = ("info",)


#: each group of commands, the module adding their parsers and its function: only the
#: command given is built and its module imported (a parser of every command, with its
#: translated help, took 0.02 s of each command's start); ``--help`` builds them all
GROUPS: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (("new", "demo", "check", "info"), "intl_desk.cli.office_file", "add_office_file_parsers"),
    (("bench",), "intl_desk.cli.bench", "add_bench_parser"),
    (("report",), "intl_desk.cli.reports", "add_report_parser"),
    (("copy", "merge", "extract"), "intl_desk.cli.sharing", "add_sharing_parsers"),
    (("import", "export", "calendar"), "intl_desk.cli.exchange", "add_commands"),
    (("rates",), "intl_desk.cli.rates", "add_rates_parser"),
    (("round",), "intl_desk.cli.rounds", "add_round_parser"),
    (("server",), "intl_desk.cli.server", "add_server_parser"),  # init|run|backup, user …
    (("clone", "sync"), "intl_desk.cli.sync", "add_sync_parsers"),  # the server's client
    (("gui",), "intl_desk.cli.app", "add_gui_parser"),  # the default
)

COMMANDS = tuple(command for commands, _module, _adder in GROUPS for command in commands)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of ``command`` alone, or of every command."""
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
    for commands, module, adder in GROUPS:
        if command is None or command in commands:
            getattr(importlib.import_module(module), adder)(sub)
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
    one_allocator_region()  # before any thread allocates (see intl_desk.core.memory)
    arguments = list(sys.argv[1:] if argv is None else argv)
    position = _first_positional(arguments)
    if position is None or arguments[position] not in BATCH:
        return _run(arguments)
    # the process's own command line (argv None) ends the process with the command
    with collected_as_a_batch(process_ends=argv is None):
        code = _run(arguments)
    if argv is None:
        end_process(code)
    return code


def _run(arguments: list[str]) -> int:
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
    position = _first_positional(arguments)
    parser = build_parser(arguments[position] if position is not None else None)
    args = parser.parse_args(arguments)
    handler: Handler = args.handler
    if args.command in EARLY_CHECKED and getattr(args, "file", None):
        from intl_desk.store import early_check

        early_check.start(Path(args.file))
    try:
        return handler(args)
    except IntlDeskError as error:
        print_error(str(error))
        return EXIT_UNUSABLE
    except KeyboardInterrupt:
        print_error(_("Interrupted; nothing was saved."))
        return EXIT_UNUSABLE
    except Exception as error:  # the last line of defence: log it, say it in one line
        log = _log_unexpected(error)
        message = Message(
            N_("Unexpected error ({error}); details are in {log}. Your file was not changed."),
            {"error": type(error).__name__, "log": log or "-"},
        )
        print_error(str(message))
        return EXIT_UNUSABLE


def gui_main() -> int:
    return main(["gui", *sys.argv[1:]])


if __name__ == "__main__":
    sys.exit(main())
