"""The handover report's full listings as a workbook written beside the PDF (same name,
``.xlsx``): the PDF keeps to the summary and the first rows of each list, and says which
sheet holds the rest. One sheet per list, the header bold and frozen, dates as dates,
amounts as numbers; a text that looks like a formula stays text."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from intl_desk.core.evaluation.handover import HandoverReport, next_renewal
from intl_desk.core.evaluation.handover_summary import HandoverSummary
from intl_desk.core.i18n import N_, _

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NOT_XML = re.compile("[\ufffe\uffff\ud800-\udfff]")

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


def write_handover_workbook(report: HandoverReport, target: str | IO[bytes]) -> None:
    summary = report.summary
    workbook = Workbook(write_only=True)
    bold = Font(bold=True)

    def sheet(msgid: str, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        worksheet: WriteOnlyWorksheet = workbook.create_sheet(sheet_name(msgid))
        worksheet.freeze_panes = "A2"
        worksheet.append([_header(worksheet, label, bold) for label in header])
        for row in rows:
            worksheet.append([_value(worksheet, value) for value in row])

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
    workbook.save(target)


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


def _header(worksheet: WriteOnlyWorksheet, label: str, bold: Font) -> WriteOnlyCell:
    cell = WriteOnlyCell(worksheet, value=label)
    cell.font = bold
    return cell


def _value(worksheet: WriteOnlyWorksheet, value: Any) -> Any:
    if isinstance(value, str):
        # control characters pasted from another program, and the two non-characters
        # U+FFFE and U+FFFF: a worksheet (XML) cannot hold them
        value = _NOT_XML.sub("", ILLEGAL_CHARACTERS_RE.sub("", value))
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        cell = WriteOnlyCell(worksheet, value=value)
        cell.data_type = "s"  # a title like "=Paris" is text, never a formula
        cell.quotePrefix = True
        return cell
    return value
