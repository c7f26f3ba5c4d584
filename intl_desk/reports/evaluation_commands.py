"""``intl-desk report yearly`` and ``intl-desk report handover``, added to the ``report``
parser of :mod:`intl_desk.reports.commands` (read-only, PDF written atomically)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from intl_desk.core.i18n import N_, Message, _
from intl_desk.reports.commands import _year, write_atomically


def add_evaluation_reports(kinds: Any) -> None:
    yearly = kinds.add_parser(
        "yearly", help=_("the yearly report: indicators against targets, agreements, projects")
    )
    yearly.add_argument("file", metavar=_("FILE"))
    yearly.add_argument("-o", "--output", required=True, metavar=_("OUT.pdf"))
    yearly.add_argument("--year", type=int, help=_("the year reported on (default: this year)"))
    yearly.set_defaults(handler=cmd_report_yearly)
    handover = kinds.add_parser(
        "handover", help=_("the handover report for a new team: every live commitment")
    )
    handover.add_argument("file", metavar=_("FILE"))
    handover.add_argument("-o", "--output", required=True, metavar=_("OUT.pdf"))
    handover.set_defaults(handler=cmd_report_handover)


def _paths(args: argparse.Namespace) -> tuple[Path, Path]:
    from intl_desk.store.output_guard import guard_output

    source, output = Path(args.file), Path(args.output)
    guard_output(output, [source])  # at once, before the report is computed
    return source, output


def save_yearly(office: Any, year: int, output: Path, today: date | None = None) -> Path:
    """Compute the yearly report of an open office file and write its PDF to ``output``
    (atomically); used by the command line and the app."""
    from intl_desk.core.evaluation.yearly import compute_yearly
    from intl_desk.core.queries import office as office_record
    from intl_desk.reports.yearly import write_yearly_pdf

    with office.session() as session:
        report = compute_yearly(session, year, today)
        own = office_record(session)
        logo = own.logo if own else None
    write_atomically(output, lambda stream: write_yearly_pdf(report, stream, logo), [office.path])
    return output


def handover_workbook_path(output: Path) -> Path:
    """The workbook of full listings beside the handover PDF: same name, ``.xlsx``."""
    return output.with_suffix(".xlsx")


def save_handover(office: Any, output: Path, today: date | None = None) -> Path:
    """Compute the handover report of an open office file and write its PDF, and the
    workbook of its full listings beside it (the PDF names it)."""
    from intl_desk.core.evaluation.handover import compute_handover
    from intl_desk.core.queries import office as office_record
    from intl_desk.reports.handover import write_handover_pdf
    from intl_desk.reports.handover_workbook import write_handover_workbook
    from intl_desk.store.output_guard import guard_output

    workbook = handover_workbook_path(output)
    guard_output(workbook, [office.path])
    with office.session() as session:
        report = compute_handover(session, today)
        own = office_record(session)
        logo = own.logo if own else None
    write_atomically(
        workbook, lambda stream: write_handover_workbook(report, stream), [office.path]
    )
    write_atomically(
        output,
        lambda stream: write_handover_pdf(report, stream, logo, workbook.name),
        [office.path],
    )
    return output


def cmd_report_yearly(args: argparse.Namespace) -> int:
    from intl_desk.store.office_file import OfficeFile

    source, output = _paths(args)
    year = _year(args.year)
    with OfficeFile.open(source, read_only=True) as office:
        save_yearly(office, year, output)
    print(Message(N_("Yearly report written to {file}."), {"file": str(output)}))
    return 0


def cmd_report_handover(args: argparse.Namespace) -> int:
    from intl_desk.store.office_file import OfficeFile

    source, output = _paths(args)
    with OfficeFile.open(source, read_only=True) as office:
        save_handover(office, output)
    print(
        Message(
            N_("Handover report written to {file}, its full lists to {workbook}."),
            {"file": str(output), "workbook": str(handover_workbook_path(output))},
        )
    )
    return 0
