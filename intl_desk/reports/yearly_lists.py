"""The yearly report's lists: agreements, projects, networks and missions in the body
(the first rows), and the annexes with every row behind the summary's figures."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, Paragraph, Spacer

from intl_desk.core.display import first_few, number_text, tenths_text
from intl_desk.core.evaluation.lines import AgreementLine, ProjectLine
from intl_desk.core.evaluation.lines_activities import ActivityLine, EventLine
from intl_desk.core.evaluation.yearly import YearlyReport
from intl_desk.core.i18n import N_, Message, _
from intl_desk.core.mission_value import CARBON_METHOD, MissionValue, mission_summary
from intl_desk.reports.yearly_parts import (
    WRAPPED_CELL,
    active_title,
    amount,
    annex,
    counted_annex,
    day,
    figure,
    long_table,
    more_in_annex,
    note,
    section,
)

SHOWN = 15  # rows of a long list shown in the body; the annex has them all


def _agreement_row(line: AgreementLine) -> list[Any]:
    return [
        line.title,
        line.type,
        line.partners,
        line.countries,
        day(line.signed),
        _("perpetual") if line.perpetual else day(line.expires),
        line.status,
    ]


AGREEMENT_WIDTHS = [220, 110, 150, 100, 70, 70, 60]


def _agreement_header() -> list[str]:
    return [
        _("Agreement"),
        _("Type"),
        _("Partners"),
        _("Countries"),
        _("Signed"),
        _("Expires"),
        _("Status"),
    ]


def agreements(report: YearlyReport) -> list[Flowable]:
    story: list[Flowable] = []
    for title, items, annex_code, empty in (
        (_("Agreements signed in the year"), report.signed, "A1", _("No agreement signed.")),
        (_("Agreements renewed"), report.renewed, "A2", _("No agreement renewed.")),
        (
            _("Agreements that reached their expiry date"),
            report.expired,
            "A3",
            _("No agreement expired."),
        ),
    ):
        story += section(
            title,
            long_table(
                _agreement_header(),
                items,
                _agreement_row,
                AGREEMENT_WIDTHS,
                99,
                empty,
                SHOWN,
                more_in_annex(len(items), annex_code),
            ),
        )
    return story


def _project_row(line: ProjectLine) -> list[Any]:
    progress = line.progress
    return [
        line.title,
        line.status,
        day(line.start),
        day(line.end),
        line.lead,
        amount(line.budget),
        amount(line.cofinancing),
        amount(line.spent),
        "" if progress is None else f"{round(progress * 100)} %",
    ]


def _project_header(report: YearlyReport) -> list[str]:
    return [
        _("Project"),
        _("Status"),
        _("Start"),
        _("End"),
        _("Lead"),
        Message(N_("Budget ({currency})"), {"currency": report.currency}).render(),
        _("Co-financing"),
        _("Spent"),
        _("Spent / budget"),
    ]


PROJECT_WIDTHS = [185, 80, 60, 60, 95, 80, 75, 75, 70]


def projects(report: YearlyReport) -> list[Flowable]:
    return section(
        _("Projects under way: progress and money"),
        long_table(
            _project_header(report),
            report.projects,
            _project_row,
            PROJECT_WIDTHS,
            5,
            _("No project under way."),
            SHOWN,
            more_in_annex(len(report.projects), "A5"),
        ),
    )


def networks(report: YearlyReport) -> list[Flowable]:
    header = [
        _("Network"),
        _("Member"),
        _("Role"),
        _("Since"),
        _("Annual fee"),
        _("Events attended"),
    ]

    def row(line: Any) -> list[Any]:
        return [
            line.network,
            line.entity,
            line.role,
            day(line.since),
            amount(line.fee, line.currency),
            figure(line.events),
        ]

    story = section(
        _("Network participation"),
        long_table(
            header,
            report.memberships,
            row,
            [230, 170, 120, 70, 90, 80],
            4,
            _("No network membership."),
            SHOWN,
            more_in_annex(len(report.memberships), "A6"),
        ),
    )
    return story + section(
        _("Network events attended"),
        long_table(
            [_("Network"), _("Event"), _("Date"), _("Place")],
            report.events,
            _event_row,
            [150, 360, 80, 170],
            99,
            _("No network event attended."),
            SHOWN,
            more_in_annex(len(report.events), "A7"),
        ),
    )


def _event_row(line: EventLine) -> list[Any]:
    return [line.network, line.title, day(line.start), line.place]


def _mission_row(line: ActivityLine) -> list[Any]:
    return [
        line.title,
        day(line.start),
        line.place,
        line.justification or line.purpose,
        amount(line.cost, line.currency),
    ]


def _value_row(value: MissionValue) -> list[Any]:
    said = [f"{line.expected} → {line.obtained or '—'}" for line in value.expected]
    results: Any = said[0] if len(said) == 1 else _("no expected result")
    if len(said) > 1:  # one result a line: run together with ";" they read as one
        results = Paragraph("<br/>".join(f"• {escape(line)}" for line in said), WRAPPED_CELL)
    return [
        value.title,
        day(value.start),
        value.place,
        amount(value.cost, value.currency),
        tenths_text(value.carbon.kg) if value.carbon.kg is not None else "—",
        results,
    ]


def missions(report: YearlyReport) -> list[Flowable]:
    """Cost, carbon and results side by side; then the missions without expected
    results, which nothing can judge."""
    values = report.mission_values
    header = [_("Mission"), _("Date"), _("Place"), _("Cost"), _("kg CO2e"),
              _("Expected → obtained")]  # fmt: skip
    story = long_table(
        header,
        values,
        _value_row,
        [150, 60, 100, 70, 60, 330],
        3,
        _("No mission abroad."),
        SHOWN,
        more_in_annex(len(values), "A8"),
        left=(5,),
    )
    if values:
        story.append(note(mission_summary(values)))
        story.append(note(_(CARBON_METHOD)))
        without = [v for v in values if not v.expected]
        story.append(
            note(
                Message(
                    N_("Missions without expected results ({count}): {missions}."),
                    {
                        "count": number_text(len(without)),
                        "missions": first_few(
                            [f"{v.title} ({day(v.start)})" for v in without], 40, "; "
                        ),
                    },
                ).render()
                if without
                else _("Every mission had its expected results written before it.")
            )
        )
        story.append(Spacer(1, 8))
    return section(_("Missions abroad: cost, carbon and results"), story)


def _export_hint(kind: str, listed: str, condition: str) -> str:
    """Where every row is: the app's list (``listed``: its name's msgid) and the export."""
    return Message(
        N_(
            "the “{list}” list in the app ({condition}) or “intl-desk export --kind {kind}” "
            "gives every one of them."
        ),
        {"list": _(listed), "kind": kind, "condition": condition},
    ).render()


def _membership_hint(year: str, sheet: str) -> str:
    """Where every membership or event attended is: each network's “Our membership” tab in
    the app, and the networks export's ``sheet`` (its msgid)."""
    return Message(
        N_(
            "the “{tab}” tab of each network in the app ({condition}) or the “{sheet}” "
            "sheet of “intl-desk export --kind networks” gives every one of them."
        ),
        {"tab": _("Our membership"), "condition": year, "sheet": _(sheet)},
    ).render()


def annexes(report: YearlyReport) -> list[Flowable]:
    year = str(report.year)
    agreements = [
        ("A1", _("Agreements signed in the year"), report.signed, _("signed in {year}")),
        ("A2", _("Agreements renewed"), report.renewed, _("signed in {year}")),
        (
            "A3",
            _("Agreements that reached their expiry date"),
            report.expired,
            _("expiring in {year}"),
        ),
        (
            "A4",
            active_title(report.year, report.today),
            report.active,
            _("active at the end of {year}")
            if report.year < report.today.year
            else _("status active"),
        ),
    ]
    story: list[Flowable] = []
    for code, title, items, condition in agreements:
        hint = _export_hint("agreements", N_("Agreements"), condition.format(year=year))
        count = len(items)
        if code == "A4" and report.headline.active > count:  # too many to print: counted
            count = report.headline.active
            listed = counted_annex(report.active_types, _("Type"), hint)
        else:
            listed = annex(_agreement_header(), items, _agreement_row, AGREEMENT_WIDTHS, 99,
                           lambda a: a.type, _("Type"), hint)  # fmt: skip
        story += section(f"{code}. {title} ({number_text(count)})", listed)
    story += section(
        f"A5. {_('Projects under way')} ({number_text(len(report.projects))})",
        annex(
            _project_header(report),
            report.projects,
            _project_row,
            PROJECT_WIDTHS,
            5,
            lambda p: p.status,
            _("Status"),
            _export_hint("projects", N_("Projects"), _("under way")),
        ),
    )
    story += section(
        f"A6. {_('Network memberships')} ({number_text(len(report.memberships))})",
        annex(
            [_("Network"), _("Member"), _("Role")],
            report.memberships,
            lambda m: [m.network, m.entity, m.role],
            [300, 300, 160],
            99,
            lambda m: m.network,
            _("Network"),
            _membership_hint(year, N_("Memberships")),
        ),
    )
    story += section(
        f"A7. {_('Network events attended')} ({number_text(len(report.events))})",
        annex(
            [_("Network"), _("Event"), _("Date"), _("Place")],
            report.events,
            _event_row,
            [150, 360, 80, 170],
            99,
            lambda e: e.network,
            _("Network"),
            _membership_hint(year, N_("Participations")),
        ),
    )
    story += section(
        f"A8. {_('Missions abroad')} ({number_text(len(report.missions))})",
        annex(
            [_("Mission"), _("Date"), _("Place"), _("Justification"), _("Cost")],
            report.missions,
            _mission_row,
            [190, 70, 130, 300, 80],
            4,
            lambda m: m.place,
            _("Place"),
            _export_hint("activities", N_("Activities"), year),
        ),
    )
    return story
