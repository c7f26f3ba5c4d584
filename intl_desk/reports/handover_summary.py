"""The handover report's first pages: the decisions due within 6 and 12 months, the open
co-financing requests, the commitments with money, the people to call and the figures by
region — each list cut to what a page holds, the rest in the workbook beside the PDF."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from intl_desk.core.display import number_text
from intl_desk.core.evaluation.handover import HandoverReport
from intl_desk.core.evaluation.handover_summary import (
    KINDS,
    MEMBERSHIP,
    RENEWAL,
    REPORT,
    Decision,
    HandoverSummary,
    RegionFigures,
)
from intl_desk.core.i18n import N_, Message, _
from intl_desk.reports.charts import shorten
from intl_desk.reports.handover_workbook import (
    DECISIONS,
    PROJECTS,
    REQUESTS,
    sheet_name,
)
from intl_desk.reports.styles import SMALL, data_table, text
from intl_desk.reports.yearly_parts import (
    amount,
    day,
    figure,
    heading,
    long_section,
    note,
    section,
)

DECISIONS_SHOWN = 30
REQUESTS_SHOWN = 10
PROJECTS_SHOWN = 10
PEOPLE_SHOWN = 15

KIND_LABELS = {
    RENEWAL: N_("Renew an agreement"),
    REPORT: N_("Report to a funder"),
    MEMBERSHIP: N_("Membership ends"),
}
KIND_COUNTS = {
    RENEWAL: N_("Agreements to renew or let lapse"),
    REPORT: N_("Reports due to funders"),
    MEMBERSHIP: N_("Network memberships ending"),
}


def decision_kind(kind: str) -> str:
    return _(KIND_LABELS[kind])


def rest_in_workbook(shown: int, count: int, workbook: str | None, sheet: str) -> str:
    """What a cut list says under it: where the others are."""
    if workbook:
        return Message(
            N_("{shown} of {count} shown; all of them are in {file}, sheet “{sheet}”."),
            {
                "shown": number_text(shown),
                "count": number_text(count),
                "file": workbook,
                "sheet": sheet_name(sheet),
            },
        ).render()
    return Message(
        N_("{shown} of {count} shown."), {"shown": number_text(shown), "count": number_text(count)}
    ).render()


def decision_counts(summary: HandoverSummary) -> list[list[str]]:
    """The table of decisions due, header first: also what tests read back."""
    rows = [
        [
            _("Decisions due"),
            Message(N_("by {date}"), {"date": day(summary.half_year)}).render(),
            Message(N_("by {date}"), {"date": day(summary.year)}).render(),
        ]
    ]
    for kind in KINDS:
        rows.append(
            [
                _(KIND_COUNTS[kind]),
                figure(len(summary.due_by(summary.half_year, kind))),
                figure(len(summary.due_by(summary.year, kind))),
            ]
        )
    rows.append(
        [
            _("Open co-financing requests (no date)"),
            figure(len(summary.open_requests)),
            figure(len(summary.open_requests)),
        ]
    )
    return rows


def _left(table: Table) -> Table:
    table.hAlign = "LEFT"  # under its heading, as the other tables
    return table


def summary_pages(report: HandoverReport, workbook: str | None) -> list[Flowable]:
    summary = report.summary
    if summary is None:
        return []
    counts = [
        heading(_("What needs a decision")),
        _left(data_table([list(row) for row in decision_counts(summary)], [300, 110, 110], 1)),
        note(
            _(
                "A renewal falls due at the agreement's expiry less its reminder lead time; "
                "dates already past are late."
            )
        ),
    ]
    story: list[Flowable] = [
        KeepTogether(counts),  # four rows: never one on a page and three on the next
        Spacer(1, 8),
        *_soonest(summary, workbook),
        Spacer(1, 8),
        *_requests(report, summary, workbook),
        Spacer(1, 8),
        *_money(report, workbook),
        Spacer(1, 8),
        *_people(summary),
        Spacer(1, 8),
        *_regions(summary, workbook),
    ]
    return story


def _soonest(summary: HandoverSummary, workbook: str | None) -> list[Flowable]:
    due = summary.due_by(summary.half_year)
    title = Message(
        N_("Decisions due by {date} ({count})"),
        {"date": day(summary.half_year), "count": number_text(len(due))},
    ).render()
    if not due:
        return [heading(title), note(_("Nothing falls due within 6 months."))]
    story = long_section(title, [_decision_table(due[:DECISIONS_SHOWN], summary)])
    if len(due) > DECISIONS_SHOWN:
        story.append(
            note(rest_in_workbook(min(DECISIONS_SHOWN, len(due)), len(due), workbook, DECISIONS))
        )
    return story


def _decision_table(decisions: Sequence[Decision], summary: HandoverSummary) -> Table:
    """Decisions as the report lists them: when, what, with whom, who is responsible."""
    header = [_("Decide by"), _("What"), _("Title"), _("With"), _("Our side"), _("Responsible")]

    def when(value: Any) -> Any:
        if value < summary.today:  # wraps in its column: "(atrasado)" is longer than "(late)"
            return text(day(value) + " " + _("(late)"), SMALL)
        return day(value)

    rows: list[list[Any]] = [header]
    for decision in decisions:
        rows.append(
            [
                when(decision.due),
                text(decision_kind(decision.kind), SMALL),
                text(shorten(decision.title, 110), SMALL),
                text(shorten(_counterpart(decision), 60), SMALL),
                text(shorten(decision.our_side, 50), SMALL),
                shorten(decision.responsible, 28),
            ]
        )
    return data_table(rows, [80, 100, 270, 130, 110, 95], 99, fit=False)


def _counterpart(decision: Decision) -> str:
    """Who the decision is with; for a membership, what staying costs."""
    if decision.counterpart or decision.amount is None:
        return decision.counterpart
    return Message(
        N_("annual fee {amount}"), {"amount": amount(decision.amount, decision.currency)}
    ).render()


def _requests(
    report: HandoverReport, summary: HandoverSummary, workbook: str | None
) -> list[Flowable]:
    requests = summary.open_requests
    title = Message(
        N_("Co-financing asked and not yet answered ({count})"),
        {"count": number_text(len(requests))},
    ).render()
    if not requests:
        return [heading(title), note(_("No co-financing request awaits an answer."))]
    rows: list[list[Any]] = [[_("Project"), _("Funder"), _("Requested on"), _("Amount requested")]]
    rows += [
        [
            text(shorten(r.project, 110), SMALL),
            text(shorten(r.funder, 70), SMALL),
            day(r.requested),
            amount(r.amount, r.currency),
        ]
        for r in requests[:REQUESTS_SHOWN]
    ]
    story = long_section(title, [data_table(rows, [340, 230, 90, 125], 2, fit=False)])
    if len(requests) > REQUESTS_SHOWN:
        story.append(note(rest_in_workbook(REQUESTS_SHOWN, len(requests), workbook, REQUESTS)))
    return story


def _money(report: HandoverReport, workbook: str | None) -> list[Flowable]:
    own = [p for p in report.projects if p.currency == report.currency and p.budget]
    largest = sorted(own, key=lambda p: -p.budget)[:PROJECTS_SHOWN]
    title = Message(
        N_("Commitments with money: the largest projects running ({currency})"),
        {"currency": report.currency},
    ).render()
    if not largest:
        return [heading(title), note(_("No project running with a budget."))]
    rows: list[list[Any]] = [
        [_("Project"), _("Lead"), _("Ends"), _("Budget"), _("Co-financing"), _("Spent")]
    ]
    rows += [
        [
            text(shorten(p.title, 110), SMALL),
            text(shorten(p.lead, 50), SMALL),
            day(p.end),
            amount(p.budget),
            amount(p.cofinancing),
            amount(p.spent),
        ]
        for p in largest
    ]
    story = long_section(title, [data_table(rows, [330, 150, 70, 80, 80, 75], 3, fit=False)])
    story.append(note(rest_in_workbook(len(largest), len(report.projects), workbook, PROJECTS)))
    return story


def _people(summary: HandoverSummary) -> list[Flowable]:
    title = _("People to call: those responsible for the decisions due")
    if not summary.people:
        return [
            heading(title),
            note(_("No decision due has a responsible person or focal point recorded.")),
        ]
    rows: list[list[Any]] = [
        [_("Name"), _("Position"), _("Organisation"), _("E-mail"), _("Phone"), _("Decisions")]
    ]
    rows += [
        [
            person.name,
            text(shorten(person.position, 60), SMALL),
            text(shorten(person.organisation, 60), SMALL),
            person.email,
            person.phone,
            figure(person.decisions),
        ]
        for person in summary.people[:PEOPLE_SHOWN]
    ]
    return section(title, [data_table(rows, [130, 150, 170, 190, 85, 60], 5, fit=False)])


def _regions(summary: HandoverSummary, workbook: str | None) -> list[Flowable]:
    title = _("Where the commitments are, by region or local entity")
    rows: list[list[Any]] = [
        [
            _("Region or local entity"),
            _("Local entities"),
            _("Active agreements"),
            _("Renewals due within 12 months"),
            _("Reports due within 12 months"),
            _("Projects running"),
            _("Network memberships"),
            _("Most renewals due"),
        ]
    ]
    rows += [
        [
            text(region.name, SMALL),
            figure(region.entities),
            figure(region.active),
            figure(region.renewals),
            figure(region.reports),
            figure(region.projects),
            figure(region.memberships),
            text(
                ", ".join(f"{name} ({number_text(count)})" for name, count in region.busiest),
                SMALL,
            ),
        ]
        for region in summary.regions
    ]
    story = section(
        title,
        [_left(data_table(rows, [160, 55, 60, 75, 75, 60, 65, 235], 1, fit=False, left=(7,)))],
    )
    if len(summary.regions) > 1:  # those with nothing due are in the table above only
        for region in summary.regions:
            if region.first_due:
                story += [Spacer(1, 8), *_region_section(region, summary, workbook)]
    return story


def region_line(region: RegionFigures) -> str:
    """A region's figures in one sentence, under its heading."""
    return Message(
        N_(
            "Local entities: {entities} · Active agreements: {active} · Renewals due within "
            "12 months: {renewals} · Reports due within 12 months: {reports} · Projects "
            "running: {projects} · Network memberships: {memberships}"
        ),
        {
            "entities": number_text(region.entities),
            "active": number_text(region.active),
            "renewals": number_text(region.renewals),
            "reports": number_text(region.reports),
            "projects": number_text(region.projects),
            "memberships": number_text(region.memberships),
        },
    ).render()


def _region_section(
    region: RegionFigures, summary: HandoverSummary, workbook: str | None
) -> list[Flowable]:
    """One region (or entity) for the team that will work with it: its figures and the
    first decisions it awaits; the others are in the workbook."""
    due = region.decisions_due
    body: list[Flowable] = [
        note(region_line(region)),
        note(
            Message(
                N_("Its first decisions due ({shown} of {count}):"),
                {"shown": number_text(len(region.first_due)), "count": number_text(due)},
            ).render()
            if due > len(region.first_due)
            else _("Its decisions due:")
        ),
        _decision_table(region.first_due, summary),
    ]
    if due > len(region.first_due) and workbook:
        body.append(
            note(
                Message(
                    N_("The others are in {file}, sheet “{sheet}”: filter its column “{column}”."),
                    {
                        "file": workbook,
                        "sheet": sheet_name(DECISIONS),
                        "column": _("Region or local entity"),
                    },
                ).render()
            )
        )
    return [KeepTogether([heading(region.name), *body])]  # a region is read as one block
