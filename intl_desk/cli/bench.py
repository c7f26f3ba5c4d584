"""``intl-desk bench``: speed and memory at state scale (see :mod:`intl_desk.bench`)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from intl_desk.core.i18n import _


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


def add_bench_parser(sub: Any) -> None:
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
