"""The handover report's opening: what the outgoing team commits the incoming one to —
its term and plan, the commitments it wrote, and how many of the live agreements would
survive the change of team (core/terms.py), the fragile ones named."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, Paragraph, Spacer

from intl_desk.core.display import number_text
from intl_desk.core.evaluation.handover import HandoverReport
from intl_desk.core.i18n import N_, Message, _
from intl_desk.reports.styles import ADVICE, BODY, text
from intl_desk.reports.yearly_parts import day, note, section

#: agreements at risk named on page 1, one per line; the workbook reads every one
AT_RISK_NAMED = 6


def term_sentence(report: HandoverReport) -> str:
    term = report.term
    if term is None:
        return _(
            "No term of office is recorded: record the terms (Office › Terms of office…) with "
            "what the outgoing team commits the next one to, and this report opens with it."
        )
    leader = f"{term.leader} ({term.leader_title})" if term.leader_title else term.leader
    values = {
        "leader": leader,
        "start": day(term.start),
        "end": day(term.end) if term.end else _("today"),
        "plan": term.plan_title,
        "adopted": day(term.plan_adopted_on),
    }
    if term.plan_title and term.plan_adopted_on:
        msgid = N_("Term of {leader}, {start} – {end}; plan “{plan}” adopted on {adopted}.")
    elif term.plan_title:
        msgid = N_("Term of {leader}, {start} – {end}; plan “{plan}”.")
    else:
        msgid = N_("Term of {leader}, {start} – {end}; no plan recorded.")
    return Message(msgid, values).render()


def survival_sentence(report: HandoverReport) -> str:
    counts = report.survival_counts()
    return Message(
        N_(
            "Would the {count} active agreements survive the change of team? Likely: "
            "{likely}; uncertain: {uncertain}; at risk: {at_risk} (counted from a council "
            "decision, specific objectives, a responsible officer, a partner contact and "
            "activity in the last two years)."
        ),
        {
            "count": number_text(len(report.agreements)),
            "likely": number_text(counts["likely"]),
            "uncertain": number_text(counts["uncertain"]),
            "at_risk": number_text(counts["at_risk"]),
        },
    ).render()


def _at_risk(report: HandoverReport) -> list[Flowable]:
    """The agreements at risk by title, one per line: the first few, then how many more
    and where each is read (a block of 15 titles in small print could not be read)."""
    titles = {line.id: line.title for line in report.agreements}
    at_risk = sorted(
        (titles[r.agreement_id] for r in report.survival.values() if r.level == "at_risk"),
        key=str.casefold,
    )
    if not at_risk:
        return []
    story: list[Flowable] = [Spacer(1, 3), text(_("At risk:"), BODY)]
    story.extend(Paragraph(f"• {escape(title)}", BODY) for title in at_risk[:AT_RISK_NAMED])
    more = len(at_risk) - AT_RISK_NAMED
    if more > 0:
        story.append(
            note(
                Message(
                    N_(
                        "and {count} more: the Agreements sheet of the workbook gives every "
                        "agreement's reading and what it lacks."
                    ),
                    {"count": number_text(more)},
                ).render()
            )
        )
    return story


def opening(report: HandoverReport) -> list[Flowable]:
    story: list[Flowable] = [text(term_sentence(report), BODY), Spacer(1, 4)]
    commitments = report.term.commitments.strip() if report.term else ""
    if commitments:
        for paragraph in commitments.splitlines():
            if paragraph.strip():
                story.append(Paragraph(f"• {escape(paragraph.strip())}", BODY))
    elif report.term is not None:
        story.append(
            text(_("The outgoing team wrote no commitments for the next one."), ADVICE)
        )
    story.append(Spacer(1, 6))
    if report.agreements:
        story.append(text(survival_sentence(report), BODY))
        story.extend(_at_risk(report))
        story.append(Spacer(1, 8))
    return section(_("What the outgoing team commits the incoming one to"), story)
