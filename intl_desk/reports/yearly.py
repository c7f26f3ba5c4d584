"""The yearly report PDF: cover, one-page summary, indicators by dimension with their
trend, agreements, projects, networks and missions, residents' surveys, and annexes with
the full list behind every figure.

It draws a :class:`~intl_desk.core.evaluation.yearly.YearlyReport` computed by core, on
the shared page template (office, logo, period, generation date, page x of y).
"""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, PageBreak, Spacer

from intl_desk.core.agreement_health import GAPS
from intl_desk.core.evaluation.status import STATUS_LABELS, Status
from intl_desk.core.evaluation.yearly import IndicatorLine, YearlyReport
from intl_desk.core.i18n import N_, Message, _
from intl_desk.core.overview.labels import money_sentence
from intl_desk.reports import yearly_lists as lists
from intl_desk.reports.fonts import register_fonts
from intl_desk.reports.page import Letterhead, document
from intl_desk.reports.styles import ADVICE, BODY, HEADING, SMALL, data_table, text
from intl_desk.reports.yearly_executive import executive_page, judged_notes
from intl_desk.reports.yearly_parts import (
    WIDTH,
    active_tile,
    active_title,
    amount,
    big_amount,
    figure,
    heading,
    long_table,
    note,
    section,
    sparkline,
    status_cell,
    tiles,
)

RIGHT = ParagraphStyle("right", parent=BODY, alignment=TA_RIGHT, fontSize=7.5, leading=9)
RIGHT_SMALL = ParagraphStyle("right_small", parent=SMALL, alignment=TA_RIGHT)
TINY = ParagraphStyle("tiny", parent=SMALL, fontSize=6, leading=7)
EMPTY_ADVICE = N_(
    "Nothing is recorded for this year yet. Record the agreements signed, the projects,"
    " network events and missions, and enter the indicators' values on the Measurements"
    " page: this report is drawn from them."
)


def yearly_title(year: int) -> str:
    return Message(N_("Yearly report {year}"), {"year": year}).render()


def write_yearly_pdf(
    report: YearlyReport,
    target: Path | IO[bytes],
    logo: bytes | None = None,
    as_of: str | None = None,
) -> None:
    """``as_of``: on a file cloned from an office server, when it last synchronised."""
    register_fonts()
    letterhead = Letterhead(
        report.office_name, yearly_title(report.year), str(report.year), report.today, logo,
        as_of,
    )  # fmt: skip
    doc, canvas_class = document(str(target) if isinstance(target, Path) else target, letterhead)
    doc.build(_story(report), canvasmaker=canvas_class)


def _story(report: YearlyReport) -> list[Flowable]:
    if report.is_empty:
        return [*_cover(report), Spacer(1, 14), text(_(EMPTY_ADVICE), ADVICE)]
    # the first page stands alone: what a manager reads and signs
    first = executive_page(report) if report.executive is not None else _cover(report)
    story = [*first, PageBreak(), *_summary(report), PageBreak()]
    for dimension in report.dimensions:
        story += section(
            Message(N_("{dimension} dimension"), {"dimension": dimension.label}).render(),
            _indicators(dimension.indicators, report),
        )
    story += _by_line(report)
    story += lists.agreements(report) + lists.projects(report) + lists.networks(report)
    story += lists.missions(report)
    story += _surveys(report)
    story += [PageBreak(), text(_("Annexes"), HEADING), Spacer(1, 6), *lists.annexes(report)]
    return story


def _cover(report: YearlyReport) -> list[Flowable]:
    period = report.period.label if report.period else str(report.year)
    return [
        Spacer(1, 90),
        text(report.office_name, HEADING),
        Spacer(1, 8),
        text(yearly_title(report.year), HEADING),
        Spacer(1, 14),
        text(
            _(
                "What the office's international action brought this year: the indicators "
                "against their targets, the agreements, projects, networks and missions, and "
                "the lists behind every figure."
            ),
            ADVICE,
        ),
        Spacer(1, 10),
        *judged_notes(report, period),
    ]


def summary_rows(report: YearlyReport) -> list[tuple[str, str]]:
    """The summary's figures as (label, value) pairs: also what tests read back."""
    h, currency = report.headline, report.currency
    return [
        (_("Agreements signed in the year"), figure(h.signed)),
        (_("of which renewals"), figure(h.renewed)),
        (_("Agreements that reached their expiry date"), figure(h.expired)),
        (active_title(report.year, report.today), figure(h.active)),
        (_("Partner countries"), figure(h.partner_countries)),
        (_("Projects under way"), figure(h.projects)),
        (_("Budget of the projects under way"), amount(h.budget, currency)),
        (_("Co-financing raised in the year"), amount(h.cofinancing, currency)),
        (_("Network memberships"), figure(h.memberships)),
        (_("Roles held in networks"), figure(h.roles)),
        (_("Network events attended"), figure(h.events)),
        (_("Missions abroad"), figure(h.missions)),
        (_("Cost of the missions"), amount(h.mission_cost, currency)),
    ]


def _summary(report: YearlyReport) -> list[Flowable]:
    h = report.headline
    story: list[Flowable] = [
        text(Message(N_("{year} at a glance"), {"year": report.year}).render(), HEADING),
        Spacer(1, 8),
        tiles(
            [
                (figure(h.signed), _("agreements signed")),
                (figure(h.active), active_tile(report.year, report.today)),
                (figure(h.partner_countries), _("partner countries")),
                (figure(h.projects), _("projects under way")),
                (big_amount(h.cofinancing, report.currency), _("co-financing raised")),
                (figure(h.events), _("network events attended")),
            ]
        ),
        Spacer(1, 10),
    ]
    figures = [
        [_("Figure"), _("Value")],
        *[[label, value] for label, value in summary_rows(report)],
    ]
    statuses = [Status.ACHIEVED, Status.ON_TRACK, Status.BEHIND, Status.NO_DATA]
    counts = [[_("Dimension"), *[_(STATUS_LABELS[s]) for s in statuses]]]
    for dimension in report.dimensions:
        counts.append([dimension.label, *[str(dimension.count(s)) for s in statuses]])
    counts.append([_("All indicators"), *[str(report.status_count(s)) for s in statuses]])
    from reportlab.platypus import Table

    side = Table(
        [
            [
                [data_table(figures, [250, 120], 1), *_money_note(report)],
                [
                    heading(_("Indicators against their targets")),
                    data_table(counts, [120, 70, 70, 70, 70], 1, total_row=True),
                ],
            ]
        ],
        colWidths=[390, WIDTH - 390],
    )
    side.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    return [*story, side, *_health(report)]


def money_text(report: YearlyReport) -> str:
    """The rates the summary's sums used and what they left out (also what tests read)."""
    h = report.headline
    return money_sentence(report.currency, h.rate_years, h.left_out)


def _money_note(report: YearlyReport) -> list[Flowable]:
    sentence = money_text(report)
    return [note(sentence)] if sentence else []


def health_rows(report: YearlyReport) -> list[tuple[str, str]]:
    """What the active agreements lack, as (gap, count) pairs: also what tests read."""
    return [(GAPS.label(item.code), figure(item.count)) for item in report.health]


def _health(report: YearlyReport) -> list[Flowable]:
    if not report.headline.active and not any(item.count for item in report.health):
        return []
    rows = [[_("Gap"), _("Active agreements")], *[list(row) for row in health_rows(report)]]
    table = data_table(rows, [250, 120], 1)
    table.hAlign = "LEFT"  # under its heading, as the summary's tables
    return [
        Spacer(1, 10),
        heading(_("Health of the active agreements today")),
        table,
        note(
            _(
                "An agreement without objectives, with objectives copied from another one, "
                "with nobody in charge or nothing done under it is the first a new team "
                "drops: these are the ones to give substance to."
            )
        ),
    ]


def _indicators(lines: tuple[IndicatorLine, ...], report: YearlyReport) -> list[Flowable]:
    header = [
        _("Code"),
        _("Indicator"),
        _("Baseline"),
        _("Target"),
        _("Actual"),
        _("Status"),
        _("Trend"),
    ]

    def row(line: IndicatorLine) -> list[Any]:
        a, i = line.assessment, line.indicator
        baseline = _level_or(i, i.baseline_value)
        if i.baseline_year and i.baseline_value is not None:
            baseline += f" ({i.baseline_year})"
        actual = _value_text(line)
        return [
            i.code,
            _indicator_name(i),
            baseline,
            _level_or(i, a.target),
            actual,
            status_cell(a.status),
            sparkline([(p.value, p.target) for p in line.trend]),
        ]

    story = long_table(
        header,
        lines,
        row,
        [50, 243, 80, 75, 90, 82, 100],
        2,
        _("No indicator in this dimension."),
        left=(5,),
    )
    comments = [line for line in lines if _narrative(line)]
    for line in comments:
        story.append(note(f"{line.indicator.code} — {_narrative(line)}"))
    if comments:
        story.append(Spacer(1, 8))
    return story


def _by_line(report: YearlyReport) -> list[Flowable]:
    """How the indicators of each strategic line of the government's plan stand."""
    if not report.strategic_lines:
        return []
    statuses = [Status.ACHIEVED, Status.ON_TRACK, Status.BEHIND, Status.NO_DATA]
    header = [_("Strategic line"), _("Indicators"), *[_(STATUS_LABELS[s]) for s in statuses]]

    def row(line: Any) -> list[Any]:
        codes = ", ".join(item.indicator.code or item.indicator.name for item in line.indicators)
        return [
            text(line.label, SMALL),
            text(codes, SMALL),
            *[str(line.count(s)) for s in statuses],
        ]

    return section(
        _("Indicators by strategic line"),
        long_table(header, report.strategic_lines, row, [260, 285, 60, 60, 60, 60], 2, ""),
    )


def _indicator_name(indicator: Any) -> Any:
    """The name, with the SDGs it serves under it."""
    if not indicator.sdgs:
        return text(indicator.name, SMALL)
    sdgs = Message(N_("SDG {numbers}"), {"numbers": ", ".join(str(n) for n in indicator.sdgs)})
    return [text(indicator.name, SMALL), text(sdgs.render(), TINY)]


def _level_or(indicator: Any, value: float | None) -> str:
    if value is not None and indicator.measure == "qualitative":
        return f"{round(value)} — {indicator.level_label(value)}"
    return figure(value, indicator.unit)


def _value_text(line: IndicatorLine) -> Any:
    """The actual figure; for a figure per entity, the median entity and how many of the
    entities achieved their target, on a second line."""
    a, i = line.assessment, line.indicator
    if i.is_text:
        return _("see below") if a.measurement and a.measurement.text else "—"
    actual = _level_or(i, a.value)
    if not a.entity_statuses:
        return actual
    achieved = dict(a.entity_statuses).get(Status.ACHIEVED, 0)
    total = sum(count for _status, count in a.entity_statuses)
    detail = Message(
        N_("median entity; {achieved} of {total} achieved"),
        {"achieved": achieved, "total": total},
    ).render()
    return [text(actual, RIGHT), text(detail, RIGHT_SMALL)]


def _narrative(line: IndicatorLine) -> str:
    a = line.assessment
    parts = []
    if a.measurement and a.measurement.text:
        parts.append(a.measurement.text)
    if a.measurement and a.measurement.comment:
        parts.append(a.measurement.comment)
    if a.error:
        parts.append(a.error)
    return " ".join(parts)


def _surveys(report: YearlyReport) -> list[Flowable]:
    if not report.surveys:
        return []
    header = [_("Survey"), _("Source"), *[point.label for point in report.surveys[0].trend]]

    def row(line: IndicatorLine) -> list[Any]:
        values = {p.label: p.value for p in line.trend}
        return [
            line.indicator.name,
            line.indicator.source,
            *[figure(values.get(label), line.indicator.unit) for label in header[2:]],
        ]

    widths = [230, 160, *[(WIDTH - 390) / max(len(header) - 2, 1)] * (len(header) - 2)]
    return section(
        _("Residents' survey results"), long_table(header, report.surveys, row, widths, 2, "")
    )
