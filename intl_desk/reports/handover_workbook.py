"""The handover report's full listings as a workbook written beside the PDF (same name,
``.xlsx``): the PDF keeps to the summary and the first rows of each list, and says which
sheet holds the rest. One sheet per list, the header bold and frozen, dates as dates,
amounts as numbers; a text that looks like a formula stays text."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import IO, Any

from intl_desk.core.display import date_text
from intl_desk.core.evaluation.handover import HandoverReport, next_renewal
from intl_desk.core.evaluation.handover_summary import HandoverSummary
from intl_desk.core.i18n import N_, _
from intl_desk.core.terms import SurvivalReading
from intl_desk.files.xlsx_writer import SheetRows, write_workbook

#: sheet names, in the workbook's order (the PDF names them too)
DECISIONS = N_("Decisions")
AGREEMENTS = N_("Agreements")
PROJECTS = N_("Projects")
MEMBERSHIPS = N_("Networks")
PLANNED = N_("Planned activities")
CONTACTS = N_("Contacts")
LESSONS = N_("Lessons learned")
REQUESTS = N_("Open co-financing")
REGIONS = N_("By region")


def sheet_name(msgid: str) -> str:
    """A sheet's name as the user reads it (Excel allows 31 characters)."""
    return _(msgid)[:31]


def _precise(value: Any) -> Any:
    """A date as the office knows it: one known only to the year as that year (2011, never
    1 January 2011), one known to the month in words ("March 2014"), as the PDF shows them."""
    precision = getattr(value, "precision", "day")
    if precision == "year":
        return value.year
    if precision == "month":
        return date_text(value)
    return value


def write_handover_workbook(report: HandoverReport, target: str | IO[bytes]) -> None:
    """Written by the store's streaming writer (files/xlsx_writer.py): the header bold and
    frozen, text never a formula, characters XML cannot hold left out; openpyxl took 38 %
    of the state demo's whole handover command."""
    summary = report.summary
    sheets: list[SheetRows] = []

    def sheet(msgid: str, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        # an empty text is an empty cell, as openpyxl wrote it (a filter then shows "blank");
        # a text is kept as it is (most of a state's 170,000 cells), anything else is looked at
        body = [
            [(value or None) if type(value) is str else _precise(value) for value in row]
            for row in rows
        ]
        sheets.append((sheet_name(msgid), [list(header), *body], ()))

    said: dict[frozenset[str], tuple[str, str]] = {}  # 7,500 readings, 32 ways to read

    def survival_cells(reading: SurvivalReading | None) -> tuple[str, str]:
        """The reading of an active agreement (the others have none: they are not handed
        over as running commitments)."""
        if reading is None:
            return "", ""
        if reading.met not in said:
            said[reading.met] = (reading.score_text(), reading.lacks())
        return said[reading.met]

    if summary is not None:
        _summary_sheets(summary, sheet)
    sheet(
        AGREEMENTS,
        [
            _("Agreement"),
            _("Partners"),
            _("Countries"),
            _("Our side"),
            _("Signed"),
            _("Next renewal"),
            _("Decision"),
            _("Responsible"),
            _("Objectives"),
            _("Survives a change of team"),
            _("It lacks"),
        ],
        [
            [
                a.title,
                a.partners,
                a.countries,
                a.entities,
                a.signed,
                next_renewal(a) or _("perpetual"),
                a.renewal,
                a.responsible,
                "\n".join(a.objectives),
                *survival_cells(report.survival.get(a.id)),
            ]
            for a in report.agreements
        ],
    )
    sheet(
        PROJECTS,
        [
            _("Project"),
            _("Status"),
            _("Lead"),
            _("Ends"),
            _("Budget"),
            _("Currency"),
            _("Co-financing"),
            _("Spent"),
            _("Reports due"),
        ],
        [
            [
                p.title,
                p.status,
                p.lead,
                p.end,
                p.budget,
                p.currency,
                p.cofinancing,
                p.spent,
                "; ".join(f"{title} ({when.isoformat()})" for title, when in p.reports_due),
            ]
            for p in report.projects
        ],
    )
    sheet(
        MEMBERSHIPS,
        [
            _("Network"),
            _("Member"),
            _("Role"),
            _("Since"),
            _("Annual fee"),
            _("Currency"),
            _("Focal point"),
        ],
        [
            [m.network, m.entity, m.role, m.since, m.fee, m.currency, m.focal]
            for m in report.memberships
        ],
    )
    sheet(
        PLANNED,
        [_("Date"), _("Kind"), _("Activity"), _("Place"), _("Purpose")],
        [[a.start, a.kind, a.title, a.place, a.purpose] for a in report.planned],
    )
    sheet(
        CONTACTS,
        [_("Name"), _("Position"), _("Organisation"), _("E-mail"), _("Phone"), _("Languages")],
        [
            [c.name, c.position, c.organisation, c.email, c.phone, c.languages]
            for c in report.contacts
        ],
    )
    sheet(
        LESSONS,
        [_("Record"), _("Title"), _("Lesson")],
        [[lesson.kind, lesson.title, lesson.text] for lesson in report.lessons],
    )
    write_workbook(target, sheets)


def _summary_sheets(
    summary: HandoverSummary,
    sheet: Callable[[str, Sequence[str], Sequence[Sequence[Any]]], None],
) -> None:
    from intl_desk.reports.handover_summary import decision_kind

    sheet(
        DECISIONS,
        [
            _("Decide by"),
            _("What"),
            _("Title"),
            _("With"),
            _("Our side"),
            _("Region or local entity"),
            _("Responsible"),
            _("Annual fee"),
            _("Currency"),
        ],
        [
            [
                d.due,
                decision_kind(d.kind),
                d.title,
                d.counterpart,
                d.our_side,
                d.region,
                d.responsible,
                d.amount,
                d.currency,
            ]
            for d in summary.decisions
        ],
    )
    sheet(
        REQUESTS,
        [_("Project"), _("Funder"), _("Amount requested"), _("Currency"), _("Requested on")],
        [[r.project, r.funder, r.amount, r.currency, r.requested] for r in summary.open_requests],
    )
    sheet(
        REGIONS,
        [
            _("Region or local entity"),
            _("Local entities"),
            _("Active agreements"),
            _("Renewals due within 12 months"),
            _("Reports due within 12 months"),
            _("Projects running"),
            _("Network memberships"),
        ],
        [
            [r.name, r.entities, r.active, r.renewals, r.reports, r.projects, r.memberships]
            for r in summary.regions
        ],
    )
