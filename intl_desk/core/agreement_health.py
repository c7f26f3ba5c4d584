"""What an agreement lacks to be more than a text in a drawer.

The seminar the product grew from kept coming back to it: after an election a new team
finds identical twinning texts without objectives, nobody in charge and nothing done
under them for years. Each gap here is one SQL condition on an agreement (portable SQL),
so the same rule drives the list's "Gap" filter, the overview's health line, the yearly
report and the agreement form.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, Select, and_, case, exists, func, or_, select

from intl_desk.core.columns import (
    Activity,
    Agreement,
    AgreementObjective,
    AgreementProject,
    Project,
)
from intl_desk.core.i18n import N_
from intl_desk.core.reading import Reader
from intl_desk.core.vocabularies import Vocabulary

#: an agreement with nothing linked that happened in this many years is "quiet"
QUIET_YEARS = 2

GAPS = Vocabulary(
    "agreement_gap",
    [
        ("no_objective", N_("No objective")),
        ("copied_objectives", N_("Objectives copied from another agreement")),
        ("quiet", N_("Nothing done under it for two years")),
        ("expired_but_active", N_("Expired but marked active")),
        ("no_responsible", N_("No responsible officer")),
    ],
)


#: what the agreement form says of each gap: what is missing and what to do
ADVICE = {
    "no_objective": N_("No objective: say what it should achieve (Parties and objectives)."),
    "copied_objectives": N_(
        "Its objectives are copied word for word from another agreement: write its own."
    ),
    "quiet": N_(
        "Nothing done under it for two years: no activity, mission or running project."
    ),
    "expired_but_active": N_("Expired but marked Active."),
    "no_responsible": N_("No responsible officer: choose who follows it up."),
}


def _shared_objective_texts() -> Select[tuple[str]]:
    """Objective texts written word for word in more than one live agreement.

    "Live" is said as "not of a deleted agreement": the few deleted agreements' ids are
    looked up once, instead of every objective's agreement row (35,000 lookups in the
    state demo's widest table: 66 → 53 ms for the overview's health line). An objective
    always has its agreement (a foreign key)."""
    other = AgreementObjective.alias()
    deleted = Agreement.alias()
    return (
        select(other.text)
        .where(
            other.deleted_at.is_(None),
            other.agreement_id.not_in(select(deleted.id).where(deleted.deleted_at.is_not(None))),
        )
        .group_by(other.text)
        .having(func.count(func.distinct(other.agreement_id)) > 1)
    )


def _objective_texts_shared() -> ColumnElement[bool]:
    """One of its objectives is word for word an objective of another live agreement."""
    return exists().where(
        AgreementObjective.agreement_id == Agreement.id,
        AgreementObjective.deleted_at.is_(None),
        AgreementObjective.text.in_(_shared_objective_texts()),
    )


def has_objectives_of_its_own() -> ColumnElement[bool]:
    """At least one of its objectives is written for it: found in no other live agreement.

    An agreement whose every objective is copied from another (the drawer of identical
    twinning texts a new team finds) has no specific objective."""
    return exists().where(
        AgreementObjective.agreement_id == Agreement.id,
        AgreementObjective.deleted_at.is_(None),
        AgreementObjective.text.not_in(_shared_objective_texts()),
    )


def _quiet(today: date) -> ColumnElement[bool]:
    """Signed more than two years ago and nothing linked to it since: no activity or
    mission, no project running in that time."""
    since = date(today.year - QUIET_YEARS, today.month, min(today.day, 28))
    recent_activity = exists().where(
        Activity.agreement_id == Agreement.id,
        Activity.deleted_at.is_(None),
        Activity.start_date >= since,
    )
    running_project = exists().where(
        AgreementProject.agreement_id == Agreement.id,
        AgreementProject.deleted_at.is_(None),
        Project.id == AgreementProject.project_id,
        Project.deleted_at.is_(None),
        func.coalesce(Project.actual_end, Project.planned_end, today) >= since,
    )
    return and_(Agreement.date_signed < since, ~recent_activity, ~running_project)


def gap_condition(code: str, today: date) -> ColumnElement[bool]:
    """The agreements that have gap ``code`` (any status: combine with one if needed)."""
    if code == "no_objective":
        return ~exists().where(
            AgreementObjective.agreement_id == Agreement.id,
            AgreementObjective.deleted_at.is_(None),
        )
    if code == "copied_objectives":
        return _objective_texts_shared()
    if code == "quiet":
        return _quiet(today)
    if code == "expired_but_active":
        return and_(
            Agreement.status == "active",
            Agreement.date_expires < today,
            or_(Agreement.perpetual.is_(None), Agreement.perpetual.is_(False)),
        )
    if code == "no_responsible":
        return Agreement.responsible_id.is_(None)
    raise KeyError(code)


@dataclass(frozen=True)
class HealthCount:
    code: str
    count: int


def active_gaps(
    session: Reader, scope: list[ColumnElement[bool]], today: date
) -> tuple[HealthCount, ...]:
    """How many active agreements in ``scope`` have each gap (one scan)."""
    row = session.execute(
        select(*(func.count(case((gap_condition(code, today), 1))) for code in GAPS.codes))
        .select_from(Agreement)
        .where(*scope, Agreement.deleted_at.is_(None), Agreement.status == "active")
    ).one()
    return tuple(HealthCount(code, int(count)) for code, count in zip(GAPS.codes, row, strict=True))


def gaps_of(session: Reader, agreement_id: str, today: date) -> list[str]:
    """The gaps of one stored agreement, in the vocabulary's order."""
    row = session.execute(
        select(*(case((gap_condition(code, today), 1), else_=0) for code in GAPS.codes)).where(
            Agreement.id == agreement_id
        )
    ).one_or_none()
    if row is None:
        return []
    return [code for code, flag in zip(GAPS.codes, row, strict=True) if flag]
