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
from itertools import compress
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, exists, func, or_, select
from sqlalchemy.orm import Session

from intl_desk.core.agreement_health import has_objectives_of_its_own
from intl_desk.core.agreement_time import ENDED_EARLY
from intl_desk.core.display import list_text
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
#: an agreement that has ended is history: it has no change of team to survive
ENDED_STATUSES = frozenset({"expired", *ENDED_EARLY})
LEVELS = {
    "likely": N_("likely to survive a change of team"),
    "uncertain": N_("uncertain through a change of team"),
    "at_risk": N_("at risk in a change of team"),
}
#: the level inside "Survives a change of team: 3 of 5, {level}", which names the change
SHORT_LEVELS = {
    # Translators: "Survives a change of team: 4 of 5, likely" (agrees with "survival")
    "likely": N_("likely"),
    # Translators: "Survives a change of team: 3 of 5, uncertain" (agrees with "survival")
    "uncertain": N_("uncertain"),
    # Translators: "Survives a change of team: 1 of 5, at risk" (agrees with "survival")
    "at_risk": N_("at risk"),
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
        """“Survives a change of team: 3 of 5, uncertain; it lacks a and b.”"""
        labels = dict(CHECKS)
        values = {
            "score": self.score,
            "total": len(CHECKS),
            "level": _(SHORT_LEVELS[self.level]),
            "missing": list_text([_(labels[code]) for code in self.missing]),
        }
        if not self.missing:
            return Message(N_("Survives a change of team: {score} of {total}, {level}."),
                           values).render()  # fmt: skip
        return Message(
            N_("Survives a change of team: {score} of {total}, {level}; it lacks {missing}."),
            values,
        ).render()

    def score_text(self) -> str:
        """“2 of 5, uncertain through a change of team” (a workbook cell)."""
        return Message(
            N_("{score} of {total}, {level}"),
            {"score": self.score, "total": len(CHECKS), "level": _(LEVELS[self.level])},
        ).render()

    def lacks(self) -> str:
        """What it lacks, in words, comma-separated (a workbook cell to filter on); empty
        when it has all five."""
        labels = dict(CHECKS)
        return ", ".join(_(labels[code]) for code in self.missing)

    def has(self) -> str:
        """What it has, in words (for the form)."""
        labels = dict(CHECKS)
        return list_text([_(labels[code]) for code, _label in CHECKS if code in self.met])

    def full_sentence(self) -> str:
        """The reading, what it lacks and what it has (the form and the agreement sheet)."""
        if not self.met:
            return self.sentence()
        return f"{self.sentence()} " + Message(N_("It has {what}."), {"what": self.has()}).render()


def _chunks(ids: Sequence[str]) -> Iterable[list[str]]:
    for start in range(0, len(ids), _CHUNK):
        yield list(ids[start : start + _CHUNK])


def survival_readings(
    session: Session, agreements: Iterable[str] | Select[Any], today: date
) -> dict[str, SurvivalReading]:
    """The reading of each agreement, from what the file holds (as saved), by agreement id
    in id order. ``agreements``: their ids (a form asks for one), or a statement selecting
    them (a state's handover asks for its 7,500 active agreements in one statement).

    One row per agreement with a yes or no for each check, worked out by the database
    (the agreement's own columns and an EXISTS per related table): a state's handover
    read six whole tables, 58,000 ids, to keep the 7,500 it asked for."""
    checks = _checks(today)
    codes = [code for code, _condition in checks]
    statement = select(Agreement.id, *(condition for _code, condition in checks))
    met: dict[str, frozenset[str]] = {}
    if isinstance(agreements, Select):
        statements = [statement.where(Agreement.id.in_(agreements.scalar_subquery()))]
    else:
        ids = sorted(set(agreements))
        met = dict.fromkeys(ids, frozenset())
        statements = [statement.where(Agreement.id.in_(part)) for part in _chunks(ids)]
    connection = session.connection()
    for each in statements:
        for agreement_id, *flags in connection.execute(each):
            met[agreement_id] = frozenset(compress(codes, flags))
    return {key: SurvivalReading(key, met[key]) for key in sorted(met)}


def _checks(today: date) -> list[tuple[str, ColumnElement[Any]]]:
    """(check, whether the agreement meets it) in reading order: a running project under
    an agreement is activity too."""
    since = today - timedelta(days=RECENT_DAYS)
    officers = select(Contact.id).where(Contact.deleted_at.is_(None), Contact.partner_id.is_(None))
    live = Agreement.deleted_at.is_(None)
    return [
        ("council_decision", and_(
            live, func.length(func.trim(func.coalesce(Agreement.legal_authorisation, ""))) > 0)),
        ("objectives", and_(live, has_objectives_of_its_own())),
        ("officer", and_(live, Agreement.responsible_id.in_(officers))),
        # joined, not "partner IN (every contact's partner)": SQLite probed that list
        # for each agreement (0.85 s on the state demo instead of 0.02 s)
        ("partner_contact", exists().where(
            AgreementParty.agreement_id == Agreement.id, AgreementParty.deleted_at.is_(None),
            Contact.partner_id == AgreementParty.partner_id, Contact.deleted_at.is_(None),
        )),
        ("recent_activity", or_(
            exists().where(
                Activity.agreement_id == Agreement.id, Activity.deleted_at.is_(None),
                Activity.status != "cancelled", Activity.start_date >= since,
                Activity.start_date <= today,
            ),
            exists().where(
                AgreementProject.agreement_id == Agreement.id,
                AgreementProject.deleted_at.is_(None), Project.id == AgreementProject.project_id,
                Project.deleted_at.is_(None), Project.status.in_(PROJECT_RUNNING_STATUSES),
            ),
        )),
    ]  # fmt: skip


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
