"""``intl-desk report …``: the reports from the command line.

The ``report`` parser holds one sub-command per report (``overview``, ``yearly``,
``handover``, ``partner``, ``entities``). Reading the office file is read-only: a report
never writes to it. The PDF is written beside its destination first and moved into place
(:func:`intl_desk.reports.saving.write_atomically`), so an interrupted run never leaves
half a PDF under the user's file name.
"""

from __future__ import annotations

import argparse
import functools
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from intl_desk.cli.outcome import print_error
from intl_desk.core.i18n import N_, Message, _
from intl_desk.reports.saving import (
    ReportOptionError,
    handover_workbook_path,
    save_handover,
    save_yearly,
    write_atomically,
)


def add_report_parser(sub: Any) -> Any:
    """Add ``report`` to the command parsers; returns its sub-parsers for more reports."""
    report = sub.add_parser("report", help=_("write a report as PDF"))
    kinds = report.add_subparsers(dest="report", metavar=_("REPORT"), required=True)
    overview = kinds.add_parser(
        "overview", help=_("the one-page overview with its appendix of entities and countries")
    )
    overview.add_argument("file", metavar=_("FILE"))
    overview.add_argument("-o", "--output", required=True, metavar=_("OUT.pdf"))
    overview.add_argument("--year", type=int, help=_("the year shown (default: this year)"))
    overview.add_argument(
        "--entity", metavar=_("NAME"), help=_("one local entity, with everything under it")
    )
    overview.add_argument("--country", metavar="CC", help=_("partner country, e.g. PT"))
    overview.set_defaults(handler=cmd_report_overview)
    add_evaluation_reports(kinds)  # yearly, handover
    partner = kinds.add_parser(
        "partner",
        help=_("a partner's whole story on one page (or every partner in one country)"),
    )
    partner.add_argument("file", metavar=_("FILE"))
    partner.add_argument("-o", "--output", required=True, metavar=_("OUT.pdf"))
    chosen = partner.add_mutually_exclusive_group(required=True)
    chosen.add_argument("--partner", metavar=_("NAME"), help=_("the partner's name"))
    chosen.add_argument("--country", metavar="CC", help=_("every partner in this country"))
    partner.set_defaults(handler=cmd_report_partner)
    entities = kinds.add_parser(
        "entities", help=_("one page per local entity, with a table of contents by region")
    )
    entities.add_argument("file", metavar=_("FILE"))
    entities.add_argument("-o", "--output", required=True, metavar=_("OUT.pdf"))
    entities.add_argument("--year", type=int, help=_("count the agreements signed up to this year"))
    entities.add_argument(
        "--region", metavar=_("NAME"), help=_("only the local entities under this one")
    )
    entities.set_defaults(handler=cmd_report_entities)
    for parser in kinds.choices.values():
        parser.set_defaults(handler=noting_a_slow_drawing(parser.get_default("handler")))
    return kinds


def noting_a_slow_drawing(handler: Callable[[argparse.Namespace], int]) -> Callable[..., int]:
    """``handler``, followed by a note when ReportLab drew without its C accelerator."""

    @functools.wraps(handler)
    def noted(args: argparse.Namespace) -> int:
        code = handler(args)
        from intl_desk.reports.accelerator import accelerated

        if not accelerated():
            print_error(
                _(
                    "ReportLab's C accelerator is not installed, so reports take longer: "
                    'install it with pip install "reportlab[accel]".'
                )
            )
        return code

    return noted


def cmd_report_entities(args: argparse.Namespace) -> int:
    from intl_desk.core.entity_sheets import entity_sheets
    from intl_desk.core.overview import entity_by_name
    from intl_desk.core.queries import office as office_record
    from intl_desk.files.output_guard import guard_output
    from intl_desk.reports.entity_sheets import write_entity_sheets_pdf
    from intl_desk.store.office_file import OfficeFile

    source, output = Path(args.file), Path(args.output)
    guard_output(output, [source])
    with OfficeFile.open(source, read_only=True) as office, office.session() as session:
        region_id = entity_by_name(session, args.region) if args.region else None
        sheets = entity_sheets(session, region_id, args.year)
        own = office_record(session)
        name, logo = (own.name, own.logo) if own else ("", None)
    write_atomically(
        output, lambda stream: write_entity_sheets_pdf(sheets, name, stream, logo), [source]
    )
    print(
        Message(
            N_("{count} entity sheets written to {file}."),
            {"count": len(sheets), "file": str(output)},
        )
    )
    return 0


def cmd_report_partner(args: argparse.Namespace) -> int:
    from intl_desk.core.partner_story import partner_by_name
    from intl_desk.files.output_guard import guard_output
    from intl_desk.reports.partner_sheet import print_partner_sheet
    from intl_desk.store.office_file import OfficeFile

    source, output = Path(args.file), Path(args.output)
    guard_output(output, [source])
    country = _country(args.country)
    with OfficeFile.open(source, read_only=True) as office:
        partner_id = None
        if country is None:
            with office.session() as session:
                partner_id = partner_by_name(session, args.partner)
        print_partner_sheet(office, partner_id, output, country=country)
    print(Message(N_("Partner sheet written to {file}."), {"file": output}).render())
    return 0


def _country(code: str | None) -> str | None:
    if not code:
        return None
    import pycountry

    if len(code) != 2 or pycountry.countries.get(alpha_2=code.upper()) is None:
        raise ReportOptionError(
            Message(N_("“{code}” is not a two-letter country code like PT."), {"code": code})
        )
    return code.upper()


def _year(value: int | None) -> int:
    if value is None:
        return date.today().year
    if not 1900 <= value <= 2200:
        raise ReportOptionError(Message(N_("{year} is not a year to report on."), {"year": value}))
    return value


def cmd_report_overview(args: argparse.Namespace) -> int:
    from intl_desk.core.overview import OverviewFilters, compute_overview, entity_by_name
    from intl_desk.core.queries import office_settings
    from intl_desk.files.output_guard import guard_output
    from intl_desk.reports.overview import write_overview_pdf
    from intl_desk.store.office_file import OfficeFile
    from intl_desk.sync.as_of import file_as_of

    source, output = Path(args.file), Path(args.output)
    guard_output(output, [source])  # at once, before the figures are computed
    year, country = _year(args.year), _country(args.country)
    # a connection, not a session: printing needs neither the ORM nor the model
    with OfficeFile.open(source, read_only=True) as office, office.engine.connect() as reader:
        entity_id = entity_by_name(reader, args.entity) if args.entity else None
        overview = compute_overview(reader, OverviewFilters(year, entity_id, country))
        own = office_settings(reader)
        logo = own.logo if own else None
        as_of = file_as_of(office)
    write_atomically(
        output, lambda stream: write_overview_pdf(overview, stream, logo, as_of), [source]
    )
    print(Message(N_("Overview written to {file}."), {"file": str(output)}))
    return 0


def add_evaluation_reports(kinds: Any) -> None:
    yearly = kinds.add_parser(
        "yearly", help=_("the yearly report: indicators against targets, agreements, projects")
    )
    yearly.add_argument("file", metavar=_("FILE"))
    yearly.add_argument("-o", "--output", required=True, metavar=_("OUT.pdf"))
    yearly.add_argument("--year", type=int, help=_("the year reported on (default: this year)"))
    yearly.add_argument(
        "--approved-only", action="store_true",
        help=_("count the figures asked for in a collection round only once approved"),
    )  # fmt: skip
    yearly.set_defaults(handler=cmd_report_yearly)
    handover = kinds.add_parser(
        "handover", help=_("the handover report for a new team: every live commitment")
    )
    handover.add_argument("file", metavar=_("FILE"))
    handover.add_argument("-o", "--output", required=True, metavar=_("OUT.pdf"))
    handover.add_argument(
        "--overwrite", action="store_true",
        help=_("replace a workbook of the same name beside the PDF (its full lists)"),
    )  # fmt: skip
    handover.set_defaults(handler=cmd_report_handover)


def _paths(args: argparse.Namespace) -> tuple[Path, Path]:
    from intl_desk.files.output_guard import guard_output

    source, output = Path(args.file), Path(args.output)
    guard_output(output, [source])  # at once, before the report is computed
    return source, output


def cmd_report_yearly(args: argparse.Namespace) -> int:
    from intl_desk.store.office_file import OfficeFile

    source, output = _paths(args)
    year = _year(args.year)
    from intl_desk.sync.as_of import file_as_of

    with OfficeFile.open(source, read_only=True) as office:
        save_yearly(
            office, year, output, approved_only=args.approved_only, as_of=file_as_of(office)
        )
    print(Message(N_("Yearly report written to {file}."), {"file": str(output)}))
    return 0


def cmd_report_handover(args: argparse.Namespace) -> int:
    from intl_desk.store.office_file import OfficeFile

    source, output = _paths(args)
    _may_replace_workbook(handover_workbook_path(output), args.overwrite)
    with OfficeFile.open(source, read_only=True) as office:
        save_handover(office, output)
    print(
        Message(
            N_("Handover report written to {file}, its full lists to {workbook}."),
            {"file": str(output), "workbook": str(handover_workbook_path(output))},
        )
    )
    return 0


class WorkbookBesideExists(ReportOptionError):
    """The handover's workbook would replace a file the user did not name (the app asks)."""


def _may_replace_workbook(workbook: Path, overwrite: bool) -> None:
    """The user named the PDF only: a workbook of the same name beside it is replaced
    when they say so (--overwrite, or "y" when asked on a terminal), as the app asks."""
    import sys

    if overwrite or not workbook.exists():
        return
    if sys.stdin is not None and sys.stdin.isatty():
        question = Message(
            N_(
                "The handover's full lists are written beside it as “{workbook}”, and a file "
                "of that name is already there. Replace it? [y/N] "
            ),
            {"workbook": workbook.name},
        ).render()
        if input(question).strip().lower() in _YES:
            return
    raise WorkbookBesideExists(
        Message(
            N_(
                "“{workbook}” is already there, where the handover's full lists are written: "
                "add --overwrite to replace it, or give the report another name."
            ),
            {"workbook": workbook.name},
        )
    )


#: answers that mean yes, in every language of the program
_YES = frozenset({"y", "yes", "o", "oui", "s", "si", "sí", "sim"})
