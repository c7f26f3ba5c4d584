"""The yearly report's first page: the executive summary a manager reads and signs.

The year's five figures against the previous year (the years and the currency written in
the table), how the indicators of each dimension stand, the highlights (largest projects,
new partners, positions won in networks), the health of the active agreements, and a place
to sign. Drawn from :class:`~intl_desk.core.evaluation.executive.ExecutiveSummary`.
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from intl_desk.core.agreement_health import GAPS
from intl_desk.core.display import number_text
from intl_desk.core.evaluation.executive import ExecutiveSummary, YearOnYear
from intl_desk.core.evaluation.status import STATUS_LABELS, Status
from intl_desk.core.evaluation.yearly import YearlyReport
from intl_desk.core.i18n import N_, Message, _
from intl_desk.core.overview.labels import percent_text
from intl_desk.reports.charts import shorten
from intl_desk.reports.styles import BODY, HEADING, SMALL, data_table, text
from intl_desk.reports.yearly_parts import WIDTH, amount, day, figure, heading, note

ROW_LABELS = {
    "agreements_signed": N_("Agreements signed"),
    "agreements_active": N_("Agreements active at the year's end (this year: today)"),
    "partner_countries": N_("Countries with an active partnership"),
    "active_projects": N_("Projects under way"),
    "cofinancing_raised": N_("Co-financing raised ({currency})"),
}
LEFT = 420.0
GUTTER = 18.0


def executive_page(report: YearlyReport) -> list[Flowable]:
    summary = report.executive
    assert summary is not None
    period = report.period.label if report.period else str(report.year)
    left: list[Flowable] = [
        *_year_on_year(summary, report),
        Spacer(1, 10),
        *_indicators(report, period),
        Spacer(1, 10),
        *_health(report),
    ]
    right = _highlights(summary, report)
    columns = Table([[left, right]], colWidths=[LEFT, WIDTH - LEFT])
    columns.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, -1), GUTTER),
            ]
        )
    )
    return [
        text(
            Message(N_("{year}: executive summary"), {"year": report.year}).render(),
            HEADING,
        ),
        *judged_notes(report, period),
        Spacer(1, 8),
        columns,
        Spacer(1, 14),
        _signature(),
    ]


def judged_notes(report: YearlyReport, period: str) -> list[Flowable]:
    """Which period the indicators are judged for and as of when — and, when asked, that
    the figures of collection rounds count only once approved."""
    said = [
        note(
            Message(
                N_("Indicators judged for the period {period}, as of {date}."),
                {"period": period, "date": day(report.today)},
            ).render()
        )
    ]
    if report.approved_only:
        said.append(note(_("Figures asked for in a collection round count only once approved.")))
    return said


def year_on_year_rows(summary: ExecutiveSummary, report: YearlyReport) -> list[list[str]]:
    """The comparison as the table prints it, header first: also what tests read back."""
    rows = [[_("Figure"), str(report.year - 1), str(report.year), _("Change")]]
    for item in summary.figures:
        label = Message(ROW_LABELS[item.code], {"currency": report.currency}).render()
        rows.append([label, _value(item, item.previous), _value(item, item.current), _change(item)])
    return rows


def _value(item: YearOnYear, value: Any) -> str:
    return amount(value) if item.money else figure(float(value))


def _change(item: YearOnYear) -> str:
    change = item.change
    sign = "+" if change > 0 else ("−" if change < 0 else "±")
    size = amount(abs(change)) if item.money else number_text(int(abs(change)))
    share = item.share
    if share is None or not change:
        return f"{sign}{size}"
    return f"{sign}{size} ({sign}{percent_text(abs(share))})"


def _year_on_year(summary: ExecutiveSummary, report: YearlyReport) -> list[Flowable]:
    title = Message(
        N_("{year} against {previous}"), {"year": report.year, "previous": report.year - 1}
    ).render()
    rows: list[list[Any]] = [list(row) for row in year_on_year_rows(summary, report)]
    return [heading(title), data_table(rows, [LEFT - GUTTER - 250, 76, 76, 98], 1)]


def _indicators(report: YearlyReport, period: str) -> list[Flowable]:
    statuses = [Status.ACHIEVED, Status.ON_TRACK, Status.BEHIND, Status.NO_DATA]
    rows: list[list[Any]] = [[_("Dimension"), *[_(STATUS_LABELS[s]) for s in statuses]]]
    for dimension in report.dimensions:
        rows.append([dimension.label, *[str(dimension.count(s)) for s in statuses]])
    rows.append([_("All indicators"), *[str(report.status_count(s)) for s in statuses]])
    title = Message(N_("Indicators against their targets, {period}"), {"period": period}).render()
    return [
        heading(title),
        data_table(rows, [LEFT - GUTTER - 240, 60, 60, 60, 60], 1, total_row=True),
    ]


def _health(report: YearlyReport) -> list[Flowable]:
    if not report.health:
        return []
    rows: list[list[Any]] = [[_("Gap"), _("Active agreements")]]
    rows += [[GAPS.label(item.code), figure(item.count)] for item in report.health]
    title = Message(
        N_("Health of the active agreements on {date}"), {"date": day(report.today)}
    ).render()
    return [heading(title), data_table(rows, [LEFT - GUTTER - 110, 110], 1)]


def _highlights(summary: ExecutiveSummary, report: YearlyReport) -> list[Flowable]:
    year = report.year
    story: list[Flowable] = [heading(Message(N_("Highlights of {year}"), {"year": year}).render())]
    story.append(
        _label(
            Message(
                N_("Largest projects under way ({currency})"), {"currency": report.currency}
            ).render()
        )
    )
    if summary.largest_projects:
        rows: list[list[Any]] = [[_("Project"), _("Lead"), _("Budget")]]
        rows += [
            [
                text(shorten(project.title, 90), SMALL),
                text(shorten(project.lead, 40), SMALL),
                amount(project.budget),
            ]
            for project in summary.largest_projects
        ]
        story.append(data_table(rows, [WIDTH - LEFT - 180, 100, 80], 2, fit=False))
    else:
        story.append(note(_("No project under way with a budget.")))
    story.append(Spacer(1, 6))
    story.append(
        _label(
            Message(
                N_("New partners: {count} with a first agreement signed in {year}"),
                {"count": number_text(summary.new_partner_count), "year": year},
            ).render()
        )
    )
    if summary.new_partners:
        names = ", ".join(f"{p.name} ({p.country})" for p in summary.new_partners)
        more = summary.new_partner_count - len(summary.new_partners)
        if more > 0:
            names = Message(
                N_("{names} and {count} more"), {"names": names, "count": number_text(more)}
            ).render()
        story.append(Paragraph(escape(names), BODY))
    story.append(Spacer(1, 6))
    story.append(
        _label(Message(N_("Positions won in networks in {year}"), {"year": year}).render())
    )
    if summary.positions:
        for won in summary.positions:
            holder = f" — {won.holder}" if won.holder else ""
            story.append(
                Paragraph(escape(f"{day(won.since)} · {won.network}: {won.position}{holder}"), BODY)
            )
    else:
        story.append(note(Message(N_("None recorded in {year}."), {"year": year}).render()))
    return story


def _label(value: str) -> Paragraph:
    return Paragraph(f"<b>{escape(value)}</b>", BODY)


def _signature() -> Table:
    """Where the manager who presents these figures signs them."""
    gap = 24.0
    cells = [_("Approved by (name and position)"), "", _("Date"), "", _("Signature")]
    room = WIDTH - 2 * gap
    widths = [room * 0.45, gap, room * 0.2, gap, room * 0.35]
    table = Table([["", "", "", "", ""], cells], colWidths=widths)
    table.setStyle(
        TableStyle(
            [
                *[("LINEABOVE", (column, 1), (column, 1), 0.6, "#222222") for column in (0, 2, 4)],
                ("FONT", (0, 1), (-1, 1), "DejaVuSans", 7),
                ("TEXTCOLOR", (0, 1), (-1, 1), "#666666"),
                ("TOPPADDING", (0, 0), (-1, 0), 18),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table
