"""The handover report PDF: what a new team inherits, on the shared page template.

First the summary of commitments, then each kind of commitment, the contacts directory
and the lessons learned. Agreements come soonest renewal first and lessons most recent
first, so that where a state's thousands of records are cut (:data:`DETAILED`) the ones
that need attention first are printed.
"""

from __future__ import annotations

from collections.abc import Sized
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer

from intl_desk.core.display import number_text
from intl_desk.core.evaluation.handover import ContactLine, HandoverReport, Lesson, next_renewal
from intl_desk.core.evaluation.lines import AgreementLine, ProjectLine
from intl_desk.core.evaluation.lines_activities import ActivityLine
from intl_desk.core.i18n import N_, Message, _
from intl_desk.core.overview.labels import money_sentence
from intl_desk.reports.fonts import register_fonts
from intl_desk.reports.handover_opening import opening
from intl_desk.reports.handover_summary import rest_in_workbook, summary_pages
from intl_desk.reports.handover_workbook import (
    AGREEMENTS,
    CONTACTS,
    LESSONS,
    MEMBERSHIPS,
    PLANNED,
    PROJECTS,
)
from intl_desk.reports.page import Letterhead, document
from intl_desk.reports.styles import ADVICE, HEADING, SMALL, data_table, text
from intl_desk.reports.yearly_parts import amount, day, figure, long_table, note, section

#: rows of a list printed; beyond, the count and where to see all (the workbook beside the
#: PDF): a state's 7,500 agreements made a 110-page report nobody read
DETAILED = 25


def handover_title() -> str:
    return _("Handover report")


def write_handover_pdf(
    report: HandoverReport,
    target: Path | IO[bytes],
    logo: bytes | None = None,
    workbook: str | None = None,
) -> None:
    """Write the PDF; ``workbook`` names the file holding the full listings (written
    beside it by :func:`intl_desk.reports.saving.save_handover`)."""
    register_fonts()
    as_of = Message(N_("As of {date}"), {"date": day(report.today)}).render()
    letterhead = Letterhead(report.office_name, handover_title(), as_of, report.today, logo)
    doc, canvas_class = document(str(target) if isinstance(target, Path) else target, letterhead)
    doc.build(_story(report, workbook), canvasmaker=canvas_class)


def money_text(report: HandoverReport) -> str:
    """The rates the first page's sums used and what they left out (what tests read)."""
    money = report.money
    if money is None:
        return ""
    return money_sentence(report.currency, money.rate_years, money.left_out)


def summary_rows(report: HandoverReport) -> list[tuple[str, str]]:
    """The first page's figures as (label, value) pairs: also what tests read back."""
    c = report.currency
    reports_due = sum(len(p.reports_due) for p in report.projects)
    money = report.money
    assert money is not None  # compute_handover fills it
    return [
        (_("Active agreements"), figure(len(report.agreements))),
        (_("of which to renew within 12 months"), figure(len(report.renewal_due()))),
        (_("Projects running"), figure(len(report.projects))),
        (_("Their budget"), amount(money.budget.total, c)),
        (_("Co-financing granted to them"), amount(money.cofinancing.total, c)),
        (_("Spent so far"), amount(money.spent.total, c)),
        (_("Reports still due to funders"), figure(reports_due)),
        (_("Network memberships"), figure(len(report.memberships))),
        (_("Annual fees"), amount(money.fees.total, c)),
        (_("Roles held in networks"), figure(len(report.roles))),
        (_("Activities planned"), figure(len(report.planned))),
        (_("Contacts"), figure(len(report.contacts))),
        (_("Lessons learned recorded"), figure(len(report.lessons))),
    ]


def _story(report: HandoverReport, workbook: str | None) -> list[Flowable]:
    story: list[Flowable] = [
        # the letterhead above already names the report: the heading says what it holds
        text(_("What the incoming team takes over"), HEADING),
        Spacer(1, 6),
        text(
            _(
                "Every live commitment of the office, for the team that takes it over: what "
                "runs, what falls due, who to call and what was learned."
            ),
            ADVICE,
        ),
        Spacer(1, 10),
    ]
    if report.is_empty:
        return [
            *story,
            text(
                _(
                    "Nothing is recorded yet: record the agreements, projects, memberships, planned"
                    " activities and contacts, and this report lists what a new team inherits."
                ),
                ADVICE,
            ),
        ]
    story += opening(report)
    rows = [
        [_("Commitment"), _("Value")],
        *[[label, value] for label, value in summary_rows(report)],
    ]
    figures = data_table(rows, [280, 140], 1)
    figures.hAlign = "LEFT"
    block: list[Flowable] = [figures]  # read as one: never a row or two alone on a page
    if money_text(report):
        block.append(note(money_text(report)))
    if workbook:
        block.append(
            note(
                Message(
                    N_(
                        "The full lists are in the workbook {file}, written beside this "
                        "report: one sheet per list."
                    ),
                    {"file": workbook},
                ).render()
            )
        )
    story += [KeepTogether(block), Spacer(1, 10), *summary_pages(report, workbook), PageBreak()]
    story += _agreements(report, workbook) + _projects(report, workbook)
    story += _memberships(report, workbook) + _planned(report, workbook)
    story += _contacts(report, workbook) + _lessons(report, workbook)
    return story


def _titled(msgid: str, items: Sized) -> str:
    """A section title with its count grouped the language's way ("7.474", "7 474")."""
    return Message(msgid, {"count": number_text(len(items))}).render()


def _cut(count: int, sheet: str, workbook: str | None) -> str:
    return rest_in_workbook(min(count, DETAILED), count, workbook, sheet)


def _agreements(report: HandoverReport, workbook: str | None) -> list[Flowable]:
    header = [
        _("Agreement and its objectives"),
        _("Partners"),
        _("Our side"),
        _("Next renewal"),
        _("Decision"),
        _("Responsible"),
    ]

    def row(line: AgreementLine) -> list[Any]:
        body = f"<b>{escape(line.title)}</b>"
        if line.objectives:
            body += "".join(f"<br/>• {escape(objective)}" for objective in line.objectives)
        reading = report.survival.get(line.id)
        if reading is not None:
            body += f"<br/><i>{escape(reading.sentence())}</i>"
        renewal = next_renewal(line)
        return [
            Paragraph(body, SMALL),
            text(line.partners, SMALL),
            text(line.entities, SMALL),
            day(renewal) if renewal else _("perpetual"),
            line.renewal,
            line.responsible,
        ]

    return section(
        _titled(N_("Active agreements ({count})"), report.agreements),
        long_table(
            header,
            report.agreements,
            row,
            [300, 140, 120, 70, 70, 85],
            99,
            _("No active agreement."),
            DETAILED,
            _cut(len(report.agreements), AGREEMENTS, workbook),
        ),
    )


def _projects(report: HandoverReport, workbook: str | None) -> list[Flowable]:
    header = [
        _("Project"),
        _("Status"),
        _("Ends"),
        _("Reports due"),
        _("Budget"),
        _("Co-financing"),
        _("Spent"),
    ]

    def row(line: ProjectLine) -> list[Any]:
        due = "; ".join(f"{title} ({day(when)})" for title, when in line.reports_due)
        return [
            line.title,
            line.status,
            day(line.end),
            text(due, SMALL),
            amount(line.budget, line.currency),
            amount(line.cofinancing),
            amount(line.spent),
        ]

    return section(
        _titled(N_("Projects running ({count})"), report.projects),
        long_table(
            header,
            report.projects,
            row,
            [190, 80, 65, 200, 90, 80, 80],
            4,
            _("No project running."),
            DETAILED,
            _cut(len(report.projects), PROJECTS, workbook),
        ),
    )


def _memberships(report: HandoverReport, workbook: str | None) -> list[Flowable]:
    header = [_("Network"), _("Member"), _("Role"), _("Since"), _("Annual fee"), _("Focal point")]
    return section(
        _titled(N_("Network memberships ({count})"), report.memberships),
        long_table(
            header,
            report.memberships,
            lambda m: [
                m.network,
                m.entity,
                m.role,
                day(m.since),
                amount(m.fee, m.currency),
                m.focal,
            ],
            [230, 170, 120, 70, 90, 105],
            4,
            _("No membership."),
            DETAILED,
            _cut(len(report.memberships), MEMBERSHIPS, workbook),
        ),
    )


def _planned(report: HandoverReport, workbook: str | None) -> list[Flowable]:
    def row(line: ActivityLine) -> list[Any]:
        return [day(line.start), line.kind, line.title, line.place, line.purpose]

    return section(
        _titled(N_("Activities planned ({count})"), report.planned),
        long_table(
            [_("Date"), _("Kind"), _("Activity"), _("Place"), _("Purpose")],
            report.planned,
            row,
            [70, 110, 200, 130, 275],
            99,
            _("No activity planned."),
            DETAILED,
            _cut(len(report.planned), PLANNED, workbook),
        ),
    )


def _contacts(report: HandoverReport, workbook: str | None) -> list[Flowable]:
    def row(line: ContactLine) -> list[Any]:
        return [line.name, line.position, line.organisation, line.email, line.phone, line.languages]

    return [
        *section(
            _titled(N_("Contacts directory ({count})"), report.contacts),
            long_table(
                [
                    _("Name"),
                    _("Position"),
                    _("Organisation"),
                    _("E-mail"),
                    _("Phone"),
                    _("Languages"),
                ],
                report.contacts,
                row,
                [140, 150, 170, 150, 90, 85],
                99,
                _("No contact recorded."),
                DETAILED,
                _cut(len(report.contacts), CONTACTS, workbook),
            ),
        ),
    ]


def _lessons(report: HandoverReport, workbook: str | None) -> list[Flowable]:
    def row(lesson: Lesson) -> list[Any]:
        return [lesson.kind, text(lesson.title, SMALL), text(lesson.text, SMALL)]

    return [
        *section(
            _titled(N_("Lessons learned ({count})"), report.lessons),
            long_table(
                [_("Record"), _("Title"), _("Lesson")],
                report.lessons,
                row,
                [80, 250, 455],
                99,
                _("No lesson recorded yet."),
                DETAILED,
                _cut(len(report.lessons), LESSONS, workbook),
            ),
        ),
        note(_("Lessons are recorded on the agreement, project and activity forms.")),
    ]
