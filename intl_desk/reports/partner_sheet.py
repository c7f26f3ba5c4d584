"""The partner sheet: one partner's (or one country's) whole story on one page, for the
mayor's briefing before a visit. Printed from the partner form (Print sheet…) and by
``intl-desk report partner``.

Lists are cut to what fits one landscape page, each with "… and N more" so nothing is
silently missing; the Story tab of the partner form holds everything.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepInFrame, Paragraph, Spacer, Table, TableStyle

from intl_desk.core.display import date_text, labelled
from intl_desk.core.i18n import N_, Message, _
from intl_desk.core.partner_story import (
    PartnerStory,
    StoryProject,
    country_story,
    partner_story,
)
from intl_desk.reports.charts import shorten
from intl_desk.reports.fonts import register_fonts
from intl_desk.reports.page import FOOTER, HEADER, MARGIN, PAGE, Letterhead, document
from intl_desk.reports.styles import BODY, HEADING, SECTION, SMALL, text
from intl_desk.reports.yearly_parts import WIDTH, amount, tiles

AGREEMENTS_SHOWN = 6
OBJECTIVES_SHOWN = 3
PROJECTS_SHOWN = 5
ACTIVITIES_SHOWN = 5
YEARS_SHOWN = 8
ENTRIES_PER_YEAR = 3
CONTACTS_SHOWN = 5
#: the page's frame less the heading, the figures and the note above the two columns
COLUMN_HEIGHT = PAGE[1] - 2 * MARGIN - HEADER - FOOTER - 125
FRAME_HEIGHT = PAGE[1] - 2 * MARGIN - HEADER - FOOTER - 2
DETAIL = ParagraphStyle("detail", parent=SMALL, leftIndent=10)


def write_partner_sheet_pdf(
    story: PartnerStory, target: Path | IO[bytes], logo: bytes | None = None, today: Any = None
) -> None:
    register_fonts()
    letterhead = Letterhead(
        story.office_name, _("Partner sheet"), story.title, today or date.today(), logo
    )
    doc, canvas_class = document(str(target) if isinstance(target, Path) else target, letterhead)
    doc.build(partner_sheet_flowables(story), canvasmaker=canvas_class)


def partner_sheet_flowables(story: PartnerStory) -> list[Flowable]:
    head = story.subtitle
    if story.first_year:
        head += " · " + Message(N_("together since {year}"), {"year": story.first_year}).render()
    flowables: list[Flowable] = [text(shorten(story.title, 120), HEADING), text(head, BODY)]
    flowables.append(Spacer(1, 6))
    if story.is_empty:
        flowables.append(
            text(
                _(
                    "Nothing is recorded with this partner yet. Link it to an agreement, a "
                    "project, a mission or a contact and its story appears here."
                ),
                BODY,
            )
        )
        return flowables
    flowables += [tiles(_figures(story)), Spacer(1, 3)]
    flowables.append(
        text(
            _(
                "These figures are the office's contribution to the partnership, as recorded "
                "in this file; they do not measure what the partnership alone caused."
            ),
            SMALL,
        )
    )
    flowables.append(Spacer(1, 6))
    left = [*_agreements(story), *_projects(story)]
    right = [*_timeline(story), *_activities(story), *_people_and_evidence(story)]
    # a long partnership is shrunk to the page rather than pushed onto a second one
    fitted = [
        KeepInFrame(width, COLUMN_HEIGHT, column, mode="shrink")
        for width, column in ((WIDTH * 0.55 - 14, left), (WIDTH * 0.45, right))
    ]
    columns = Table([fitted], colWidths=[WIDTH * 0.55, WIDTH * 0.45])
    columns.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, -1), 14),
            ]
        )
    )
    flowables.append(columns)
    # the columns are fitted one by one; a long title or many figures are absorbed here
    return [KeepInFrame(WIDTH, FRAME_HEIGHT, flowables, mode="shrink")]


def print_partner_sheet(
    office: Any, partner_id: str | None, path: Path, country: str | None = None
) -> Path:
    """Write the sheet of one partner (or of every partner in ``country``) from ``office``
    (an open :class:`~intl_desk.store.office_file.OfficeFile`) to ``path``; returns it.

    Reads in a session of its own, so an open form should save first.
    """
    from intl_desk.core.queries import office as office_record
    from intl_desk.reports.saving import write_atomically

    with office.session() as session:
        if country:
            story = country_story(session, country)
        else:
            assert partner_id is not None
            story = partner_story(session, partner_id)
        own = office_record(session)
        logo = own.logo if own else None
    write_atomically(
        Path(path), lambda stream: write_partner_sheet_pdf(story, stream, logo), [office.path]
    )
    return Path(path)


def project_money(project: StoryProject, show: Any) -> list[str]:
    """ "budget 685,000 EUR", "spent …" and, when there is some, "obtained …"."""
    parts = [
        Message(N_("budget {amount}"), {"amount": show(project.budget, project.currency)}),
        Message(N_("spent {amount}"), {"amount": show(project.spent, project.currency)}),
    ]
    if project.cofinancing_obtained:
        obtained = show(project.cofinancing_obtained, project.currency)
        parts.append(Message(N_("obtained {amount}"), {"amount": obtained}))
    return [part.render() for part in parts]


def money_lines(totals: dict[str, Decimal]) -> str:
    """Sums per currency, never added together: "1,409,000 EUR + 20,000 XOF"."""
    if not totals:
        return "—"
    return " + ".join(amount(value, currency) for currency, value in sorted(totals.items()))


def _figures(story: PartnerStory) -> list[tuple[str, str]]:
    return [
        (
            f"{len(story.agreements)}",
            Message(
                N_("Agreements ({active} in force)"), {"active": story.active_agreements}
            ).render(),
        ),
        (f"{len(story.projects)}", _("Projects")),
        (f"{story.missions} / {story.delegations}", _("Missions / delegations")),
        (money_lines(story.budget), _("Project budgets")),
        (money_lines(story.spent), _("Spent")),
        (money_lines(story.cofinancing_obtained), _("Co-financing obtained from the partner")),
    ]


def _agreements(story: PartnerStory) -> list[Flowable]:
    if not story.agreements:
        return []
    out: list[Flowable] = [Paragraph(_("Agreements"), SECTION)]
    for agreement in story.agreements[-AGREEMENTS_SHOWN:][::-1]:
        period = " – ".join(date_text(d) for d in (agreement.signed, agreement.expires) if d)
        line = f"<b>{escape(shorten(agreement.title, 110))}</b> — {escape(agreement.type)}, "
        line += escape(agreement.status) + (f", {escape(period)}" if period else "")
        out.append(Paragraph(line, BODY))
        if not agreement.objectives:
            out.append(text(_("No objective recorded"), DETAIL))
        for objective in agreement.objectives[:OBJECTIVES_SHOWN]:
            out.append(text("• " + shorten(objective, 140), DETAIL))
        if len(agreement.objectives) > OBJECTIVES_SHOWN:
            out.append(text(_more(len(agreement.objectives) - OBJECTIVES_SHOWN), DETAIL))
    out += _more_line(len(story.agreements), AGREEMENTS_SHOWN)
    return [*out, Spacer(1, 4)]


def _projects(story: PartnerStory) -> list[Flowable]:
    if not story.projects:
        return []
    out: list[Flowable] = [Paragraph(_("Projects and money"), SECTION)]
    for project in story.projects[:PROJECTS_SHOWN]:
        years = "–".join(str(d.year) for d in (project.start, project.end) if d)
        money = project_money(project, amount)
        line = f"<b>{escape(shorten(project.title, 100))}</b> — {escape(project.status)}"
        line += f", {years}" if years else ""
        out.append(Paragraph(line, BODY))
        out.append(text(" · ".join(money), DETAIL))
        if project.results:
            out.append(text(labelled(_("Results"), shorten(project.results, 220)), DETAIL))
    out += _more_line(len(story.projects), PROJECTS_SHOWN)
    return [*out, Spacer(1, 4)]


def _timeline(story: PartnerStory) -> list[Flowable]:
    if not story.timeline:
        return []
    rows = []
    for year, entries in story.timeline[:YEARS_SHOWN]:
        lines = [shorten(entry.text, 90) for entry in entries[:ENTRIES_PER_YEAR]]
        if len(entries) > ENTRIES_PER_YEAR:
            lines.append(_more(len(entries) - ENTRIES_PER_YEAR))
        rows.append([str(year), Paragraph("<br/>".join(escape(line) for line in lines), SMALL)])
    table = Table(rows, colWidths=[32, None])
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (0, -1), BODY.fontName, 8),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    out: list[Flowable] = [Paragraph(_("Timeline"), SECTION), table]
    if len(story.timeline) > YEARS_SHOWN:
        earlier = len(story.timeline) - YEARS_SHOWN
        out.append(
            text(Message(N_("… and {count} earlier years"), {"count": earlier}).render(), SMALL)
        )
    return [*out, Spacer(1, 4)]


def _activities(story: PartnerStory) -> list[Flowable]:
    if not story.activities:
        return []
    out: list[Flowable] = [Paragraph(_("Missions and delegations"), SECTION)]
    shown = story.activities[-ACTIVITIES_SHOWN:][::-1]
    for activity in shown:
        when = date_text(activity.start) if activity.start else ""
        cost = amount(activity.cost, activity.currency) if activity.cost is not None else ""
        head = " · ".join(p for p in (when, activity.kind_label, cost) if p)
        out.append(text(f"{head} — {shorten(activity.title, 90)}", BODY))
        if activity.outcomes:
            out.append(text(shorten(activity.outcomes, 200), DETAIL))
    out += _more_line(len(story.activities), ACTIVITIES_SHOWN)
    if story.mission_cost:
        out.append(
            text(
                labelled(_("Cost of missions and delegations"), money_lines(story.mission_cost)),
                SMALL,
            )
        )
    return [*out, Spacer(1, 4)]


def _people_and_evidence(story: PartnerStory) -> list[Flowable]:
    out: list[Flowable] = []
    if story.contacts:
        out.append(Paragraph(_("People"), SECTION))
        for contact in story.contacts[:CONTACTS_SHOWN]:
            details = contact.details
            out.append(text(f"{contact.name}" + (f" — {details}" if details else ""), BODY))
        out += _more_line(len(story.contacts), CONTACTS_SHOWN)
    if story.networks:
        out.append(Paragraph(_("Networks where we met"), SECTION))
        out.append(text(", ".join(story.networks), BODY))
    if story.documents:
        out.append(Paragraph(_("Evidence kept in the file"), SECTION))
        out.append(text(_list_cut(story.documents, 6), BODY))
    return out


def _list_cut(values: Sequence[str], shown: int) -> str:
    joined = "; ".join(shorten(v, 60) for v in values[:shown])
    if len(values) > shown:
        joined += " " + _more(len(values) - shown)
    return joined


def _more(count: int) -> str:
    return Message(N_("… and {count} more"), {"count": count}).render()


def _more_line(total: int, shown: int) -> list[Flowable]:
    return [text(_more(total - shown), SMALL)] if total > shown else []


__all__ = [
    "money_lines",
    "partner_sheet_flowables",
    "print_partner_sheet",
    "project_money",
    "write_partner_sheet_pdf",
]
