"""``intl-desk import``, ``export`` and ``calendar``: registers and lists in and out.

Exit codes as everywhere:
0 everything done, 1 some rows were rejected (the others were written, or with
``--dry-run`` would be), 2 unusable input (raised as typed errors, one line on stderr).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from intl_desk.cli.outcome import EXIT_OK, EXIT_PROBLEMS
from intl_desk.core.i18n import N_, Message, _


def _kind(kind: str, known: list[str]) -> str:
    from intl_desk.exchange.errors import UnknownKind

    if kind not in known:
        raise UnknownKind(kind, known)
    return kind


#: unknown columns named before "and N more" (a sheet may have thousands)
COLUMNS_NAMED = 12


def _say(msgid: str, **params: Any) -> None:
    print(Message(msgid, params).render())


def cmd_import(args: argparse.Namespace) -> int:
    from intl_desk.exchange.fields import IMPORT_KINDS
    from intl_desk.exchange.import_write import apply_import
    from intl_desk.exchange.importer import (
        PRECISION_TABLES,
        PROGRESS_STEP,
        preview_import,
        sheet_remarks,
    )
    from intl_desk.exchange.kinds_agreements import SAID_ALWAYS
    from intl_desk.store.office_file import OfficeFile

    kind = _kind(args.kind, list(IMPORT_KINDS))
    with (
        OfficeFile.open(Path(args.file), read_only=args.dry_run) as office,
        office.session() as session,
    ):
        preview = preview_import(
            session, args.sheet, kind, worksheet=args.worksheet, progress=_say_progress
        )
        _say(
            N_("{kind} from “{sheet}”, worksheet “{worksheet}”, column titles on row {row}."),
            kind=_(preview_kind_label(kind)),
            sheet=Path(args.sheet).name,
            worksheet=preview.sheet,
            row=preview.header_row,
        )
        if preview.unmapped:
            from intl_desk.core.display import first_few

            _say(
                N_("Columns not imported: {columns}."),
                columns=first_few(preview.unmapped, COLUMNS_NAMED),
            )
        for remark in sheet_remarks(preview):
            print(remark.render())
        for row in preview.rows:
            for issue in row.errors:
                _say(N_("Row {row}: {problem}"), row=row.number, problem=issue.render())
            for issue in row.warnings:
                if args.verbose or issue.message.msgid in SAID_ALWAYS:
                    _say(
                        N_("Row {row} (warning): {problem}"),
                        row=row.number,
                        problem=issue.render(),
                    )
        if not args.verbose:
            _say_hidden_warnings(preview.rows, SAID_ALWAYS)
        partial = sum(len(row.partial_dates) for row in preview.rows)
        if partial and not args.verbose and kind in PRECISION_TABLES:
            _say(
                N_(
                    "Dates given only as a year or a month: {count}. Each is kept and shown "
                    "as given (“2011”, “July 2003”); for computations a start takes the "
                    "first day, an end the last (--verbose lists them)."
                ),
                count=partial,
            )
        elif partial and not args.verbose:
            _say(
                N_(
                    "Dates given only as a year or a month: {count}. A start takes the first "
                    "day, an end the last, and the date as written is kept in the notes "
                    "(--verbose lists them)."
                ),
                count=partial,
            )
        duplicates = preview.count("duplicate")
        if args.dry_run:
            _say(
                N_(
                    "Dry run, nothing was written: {new} new, {duplicates} duplicate(s) "
                    "(to {action}), {rejected} rejected."
                ),
                new=preview.count("new"),
                duplicates=duplicates,
                action=_("update") if args.update_duplicates else _("skip"),
                rejected=preview.count("rejected"),
            )
            return EXIT_PROBLEMS if preview.count("rejected") else EXIT_OK
        from intl_desk.core.display import number_text

        accepted = preview.count("new") + (duplicates if args.update_duplicates else 0)
        if accepted >= PROGRESS_STEP:
            _say(N_("Writing {count} rows…"), count=number_text(accepted))
        with office.translate_errors():
            result = apply_import(
                session,
                preview,
                "update" if args.update_duplicates else "skip",
                progress=_say_written,
                release_rows=True,  # written once: each row let go as it is
            )
    _say(
        N_("Imported {imported}, updated {updated}, skipped {skipped}, rejected {rejected}."),
        imported=result.imported,
        updated=result.updated,
        skipped=len(result.skipped),
        rejected=len(result.rejected),
    )
    return EXIT_PROBLEMS if result.rejected else EXIT_OK


def _say_hidden_warnings(rows: Any, said_always: Any) -> None:
    """That rows had warnings which were not printed, and how to see them: without
    --verbose a warning must not go unnoticed."""
    from intl_desk.core.display import number_text

    hidden = sum(
        1 for row in rows if any(issue.message.msgid not in said_always for issue in row.warnings)
    )
    if hidden:
        _say(
            N_("Rows with warnings not printed here: {count} (add --verbose to see them)."),
            count=number_text(hidden),
        )


def _say_progress(done: int, total: int) -> None:
    """How far a long register's check has got, as it goes (not only at the end)."""
    _say_rows(N_("Rows checked: {done} of {total}…"), done, total)


def _say_written(done: int, total: int) -> None:
    """How far the write of a long register has got, as it goes."""
    _say_rows(N_("Rows written: {done} of {total}…"), done, total)


def _say_rows(msgid: str, done: int, total: int) -> None:
    from intl_desk.core.display import number_text

    _say(msgid, done=number_text(done), total=number_text(total))
    sys.stdout.flush()


def preview_kind_label(kind: str) -> str:
    from intl_desk.exchange.fields import IMPORT_KINDS

    return IMPORT_KINDS[kind].label


def _query(args: argparse.Namespace) -> Any:
    from intl_desk.core.listing import ListQuery
    from intl_desk.exchange.errors import UnknownKind

    facets: dict[str, str] = {}
    for item in args.filter or []:
        key, _sep, value = item.partition("=")
        if not value:
            raise UnknownKind(item, ["KEY=VALUE"])
        facets[key.strip()] = value.strip()
    return ListQuery(search=args.search or "", facets=facets)


def cmd_export(args: argparse.Namespace) -> int:
    from intl_desk.core.listing.terms_list import EXPORTABLE
    from intl_desk.exchange.export import export_format, export_list, list_spec
    from intl_desk.exchange.iati import export_iati
    from intl_desk.store.office_file import OfficeFile

    kind = _kind(args.kind, list(EXPORTABLE))
    output = Path(args.output)
    chosen = export_format(output, args.format)
    query = _query(args)
    spec = list_spec(kind)
    for key in query.facets:
        if key not in [facet.key for facet in spec.facets]:
            from intl_desk.exchange.errors import UnknownKind

            raise UnknownKind(key, [facet.key for facet in spec.facets])
    with (
        OfficeFile.open(Path(args.file), read_only=True) as office,
        office.session() as session,
    ):
        if chosen == "iati":
            if kind != "projects":
                from intl_desk.exchange.errors import UnknownKind

                raise UnknownKind(kind, ["projects"])
            result = export_iati(session, output, query, prefix_identifiers=args.prefix_identifiers)
            for warning in result.warnings:
                print(f"intl-desk: {warning.render()}", file=sys.stderr)
            _say(
                N_("Wrote {count} IATI activities to {file}."),
                count=result.activities,
                file=output.name,
            )
            return EXIT_OK
        beside: list[Path] = []
        count = export_list(session, kind, output, query, file_format=chosen, beside=beside)
    _say(
        N_("Exported {count} row(s) of {kind} to {file}."),
        count=count,
        kind=_(spec.label),
        file=output.name,
    )
    if beside:
        _say(
            N_("What one row cannot hold is in the files beside it: {files}."),
            files=", ".join(path.name for path in beside),
        )
    return EXIT_OK


def cmd_calendar(args: argparse.Namespace) -> int:
    from datetime import date

    from intl_desk.core.calendar_items import calendar_items
    from intl_desk.core.overview.compute import entity_by_name
    from intl_desk.core.queries import office as office_record
    from intl_desk.exchange.icalendar import write_calendar
    from intl_desk.files.output_guard import guard_output
    from intl_desk.store.office_file import OfficeFile

    output = Path(args.output)
    with (
        OfficeFile.open(Path(args.file), read_only=True) as office,
        office.session() as session,
    ):
        guard_output(output, [office.path])
        entity = entity_by_name(session, args.entity) if args.entity else None
        items = calendar_items(session, date.today(), entity)
        own = office_record(session)
        name = args.entity or (own.name if own else "Intl Desk")
        count = write_calendar(items, name, output)
    _say(N_("Wrote the calendar to {file}: {count} event(s)."), count=count, file=output.name)
    return EXIT_OK


def add_commands(sub: Any) -> None:
    """Add ``import`` and ``export`` to the command line's subparsers."""
    imp = sub.add_parser(
        "import", help=_("import records from a spreadsheet (xlsx, ods, xls or csv)")
    )
    imp.add_argument("file", metavar=_("FILE"), help=_("the office file"))
    imp.add_argument(
        "sheet", metavar=_("SHEET"), help=_("the spreadsheet (.xlsx, .ods, .xls or .csv)")
    )
    imp.add_argument(
        "--kind",
        required=True,
        metavar=_("KIND"),
        help=_(
            "agreements, projects, partners, local_entities, indicators, measurements, "
            "activities, networks, terms or plan_lines"
        ),
    )
    imp.add_argument(
        "--worksheet",
        metavar=_("NAME"),
        help=_("the worksheet to read (default: the one whose column titles name the most fields)"),
    )
    imp.add_argument(
        "--update-duplicates",
        action="store_true",
        help=_("update records already in the file instead of skipping them"),
    )
    imp.add_argument(
        "--dry-run",
        action="store_true",
        help=_("check every row and report, without writing anything"),
    )
    imp.add_argument("--verbose", action="store_true", help=_("also print warnings"))
    imp.set_defaults(handler=cmd_import)

    exp = sub.add_parser("export", help=_("export a list to xlsx or csv, or projects to IATI"))
    exp.add_argument("file", metavar=_("FILE"), help=_("the office file"))
    exp.add_argument(
        "--kind",
        required=True,
        metavar=_("KIND"),
        help=_("the list: agreements, projects, partners, local_entities…"),
    )
    exp.add_argument(
        "-o",
        "--output",
        required=True,
        metavar=_("OUT"),
        help=_("the file to write (.xlsx, .csv or .xml)"),
    )
    exp.add_argument(
        "--format", choices=("xlsx", "csv", "iati"), help=_("default: from the output's extension")
    )
    exp.add_argument(
        "--prefix-identifiers",
        action="store_true",
        help=_(
            "IATI: put the office's organisation identifier in front of project identifiers "
            "that lack it (in the file only)"
        ),
    )
    exp.add_argument("--search", metavar=_("TEXT"), help=_("only rows matching this search"))
    exp.add_argument(
        "--filter",
        action="append",
        metavar="KEY=VALUE",
        help=_("only rows with this filter, e.g. status=active (repeatable)"),
    )
    exp.set_defaults(handler=cmd_export)

    cal = sub.add_parser(
        "calendar",
        help=_("write renewals, reports due, network events and missions as an iCalendar file"),
    )
    cal.add_argument("file", metavar=_("FILE"), help=_("the office file"))
    cal.add_argument(
        "-o", "--output", required=True, metavar=_("OUT"), help=_("the .ics file to write")
    )
    cal.add_argument(
        "--entity", metavar=_("NAME"), help=_("only what concerns this local entity and below")
    )
    cal.set_defaults(handler=cmd_calendar)
