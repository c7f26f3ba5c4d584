"""Terms of office, and whether an agreement survives a change of team.

International action survives a political alternation when it is institutionalised: a
council decision behind it, specific objectives, an officer in the services who answers
for it, a contact at the partner, and life (something done under it lately). The reading
counts which of the five the file already knows; nothing is typed for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from intl_desk.core.i18n import N_, Message, _
from intl_desk.core.model import (
    Activity,
    Agreement,
    AgreementParty,
    AgreementProject,
    Contact,
    PoliticalTerm,
    Project,
)
from intl_desk.core.vocabularies import PROJECT_RUNNING_STATUSES

#: how far back something done under an agreement shows it is alive
RECENT_DAYS = 2 * 365
_CHUNK = 500

#: the five things that carry an agreement through a change of team, in reading order
CHECKS: tuple[tuple[str, str], ...] = (
    ("council_decision", N_("a council decision")),
    ("objectives", N_("specific objectives")),
    ("officer", N_("a responsible officer in the services")),
    ("partner_contact", N_("a contact at the partner")),
    ("recent_activity", N_("activity in the last two years")),
)
LEVELS = {
    "likely": N_("likely to survive a change of team"),
    "uncertain": N_("uncertain through a change of team"),
    "at_risk": N_("at risk in a change of team"),
}


@dataclass(frozen=True)
class SurvivalReading:
    agreement_id: str
    met: frozenset[str]

    @property
    def score(self) -> int:
        return len(self.met)

    @property
    def level(self) -> str:
        return "likely" if self.score >= 4 else "uncertain" if self.score >= 2 else "at_risk"

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(code for code, _label in CHECKS if code not in self.met)

    def sentence(self) -> str:
        """“Survives a change of team: 3 of 5 — uncertain (lacks: …)”."""
        labels = dict(CHECKS)
        values = {
            "score": self.score,
            "total": len(CHECKS),
            "level": _(LEVELS[self.level]),
            "missing": ", ".join(_(labels[code]) for code in self.missing),
        }
        if not self.missing:
            return Message(N_("Survives a change of team: {score} of {total}, {level}."),
                           values).render()  # fmt: skip
        return Message(
            N_("Survives a change of team: {score} of {total}, {level}; it lacks {missing}."),
            values,
        ).render()

    def has(self) -> str:
        """What it has, in words (for the form)."""
        labels = dict(CHECKS)
        return ", ".join(_(labels[code]) for code, _label in CHECKS if code in self.met)


def _chunks(ids: Sequence[str]) -> Iterable[list[str]]:
    for start in range(0, len(ids), _CHUNK):
        yield list(ids[start : start + _CHUNK])


def survival_readings(
    session: Session, agreement_ids: Iterable[str], today: date
) -> dict[str, SurvivalReading]:
    """The reading of each agreement, from what the file holds (as saved)."""
    ids = sorted(set(agreement_ids))
    met: dict[str, set[str]] = {agreement_id: set() for agreement_id in ids}
    since = today - timedelta(days=RECENT_DAYS)
    for part in _chunks(ids):
        rows = session.execute(
            select(
                Agreement.id,
                Agreement.legal_authorisation,
                Agreement.objective_count,
                Contact.id.label("officer"),
            )
            .outerjoin(
                Contact,
                (Contact.id == Agreement.responsible_id)
                & Contact.deleted_at.is_(None)
                & Contact.partner_id.is_(None),
            )
            .where(Agreement.id.in_(part))
        ).all()
        for row in rows:
            if (row.legal_authorisation or "").strip():
                met[row.id].add("council_decision")
            if row.objective_count:
                met[row.id].add("objectives")
            if row.officer:
                met[row.id].add("officer")
        contacts = select(Contact.partner_id).where(
            Contact.deleted_at.is_(None), Contact.partner_id.is_not(None)
        )
        for (agreement_id,) in session.execute(
            select(AgreementParty.agreement_id)
            .where(
                AgreementParty.deleted_at.is_(None),
                AgreementParty.agreement_id.in_(part),
                AgreementParty.partner_id.in_(contacts),
            )
            .distinct()
        ):
            met[agreement_id].add("partner_contact")
        for (agreement_id,) in session.execute(
            select(Activity.agreement_id)
            .where(
                Activity.deleted_at.is_(None),
                Activity.agreement_id.in_(part),
                Activity.status != "cancelled",
                Activity.start_date >= since,
                Activity.start_date <= today,
            )
            .distinct()
        ):
            met[agreement_id].add("recent_activity")
        for (agreement_id,) in session.execute(
            select(AgreementProject.agreement_id)
            .join(Project, Project.id == AgreementProject.project_id)
            .where(
                AgreementProject.deleted_at.is_(None),
                AgreementProject.agreement_id.in_(part),
                Project.deleted_at.is_(None),
                Project.status.in_(PROJECT_RUNNING_STATUSES),
            )
            .distinct()
        ):
            met[agreement_id].add("recent_activity")
    return {key: SurvivalReading(key, frozenset(value)) for key, value in met.items()}


@dataclass(frozen=True)
class TermInfo:
    leader: str
    leader_title: str
    start: date
    end: date | None
    plan_title: str
    plan_adopted_on: date | None
    commitments: str


def terms(session: Session) -> list[TermInfo]:
    """Every term of office, oldest first."""
    rows = session.scalars(
        select(PoliticalTerm)
        .where(PoliticalTerm.deleted_at.is_(None))
        .order_by(PoliticalTerm.start_date)
    ).all()
    return [
        TermInfo(
            row.leader,
            row.leader_title or "",
            row.start_date,
            row.end_date,
            row.plan_title or "",
            row.plan_adopted_on,
            row.commitments or "",
        )
        for row in rows
    ]


def outgoing_term(session: Session, today: date) -> TermInfo | None:
    """The team handing over: the last term ended by ``today``, else the one running (a
    team writing its handover before it leaves)."""
    known = [term for term in terms(session) if term.start <= today]
    ended = [term for term in known if term.end is not None and term.end <= today]
    chosen = ended or known
    return chosen[-1] if chosen else None
