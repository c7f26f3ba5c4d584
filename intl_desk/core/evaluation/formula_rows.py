"""The rows each computed-indicator formula counts: one select per formula, giving the
local entity (when asked for) and the thing counted or summed (see
:mod:`intl_desk.core.evaluation.formulas` for what "in the period" means)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, literal, or_, select, union

from intl_desk.core.agreement_time import SIGNED_STATUSES, is_active
from intl_desk.core.columns import (
    Activity,
    Agreement,
    AgreementParty,
    AgreementSdg,
    AgreementTheme,
    CofinancingLine,
    Membership,
    Network,
    Office,
    Participation,
    Partner,
    Project,
    ProjectParticipant,
    ProjectSdg,
    ProjectSector,
)
from intl_desk.core.currency_rates import rate_factor, year_of
from intl_desk.core.evaluation.formula_filters import Window, _in_entities, _number, _one_of
from intl_desk.core.folding import fold

NOT_UNDER_WAY = ("1", "5")  # IATI pipeline, cancelled
PLAIN_ROLES = ("member", "observer")

# --- agreements -----------------------------------------------------------------------


def _agreement_conditions(window: Window) -> list[Any]:
    conditions: list[Any] = [Agreement.deleted_at.is_(None)]
    conditions += _one_of(window, "type", Agreement.type)
    conditions += _one_of(window, "status", Agreement.status)
    if "theme" in window.filters:
        conditions.append(
            Agreement.id.in_(
                select(AgreementTheme.agreement_id).where(
                    AgreementTheme.deleted_at.is_(None),
                    AgreementTheme.theme.in_(window.filters["theme"]),
                )
            )
        )
    if "sdg" in window.filters:
        conditions.append(
            Agreement.id.in_(
                select(AgreementSdg.agreement_id).where(
                    AgreementSdg.deleted_at.is_(None),
                    AgreementSdg.sdg.in_([_number(v) for v in window.filters["sdg"]]),
                )
            )
        )
    if "country" in window.filters:
        conditions.append(
            Agreement.id.in_(
                _partner_parties(window).with_only_columns(AgreementParty.agreement_id)
            )
        )
    return conditions


def _partner_parties(window: Window) -> Select[Any]:
    statement = (
        select(AgreementParty.agreement_id, Partner.country_code)
        .join(Partner, Partner.id == AgreementParty.partner_id)
        .where(AgreementParty.deleted_at.is_(None), Partner.deleted_at.is_(None))
    )
    return statement.where(*_one_of(window, "country", Partner.country_code, upper=True))


def _active_in(window: Window) -> ColumnElement[bool]:
    """Active at the end of the period, or today while it runs: the overview's rule
    (core/agreement_time.py), so the formula and the overview give the same count."""
    return is_active(window.standing_day)


def _with_entity(statement: Select[Any], key: Any, window: Window) -> Select[Any]:
    """Attach the local entity party of each agreement (NULL when none)."""
    if not window.needs_entity:
        return statement.add_columns(literal(None).label("entity"), key.label("key"))
    party = (
        select(AgreementParty.agreement_id, AgreementParty.local_entity_id)
        .where(AgreementParty.deleted_at.is_(None), AgreementParty.local_entity_id.is_not(None))
        .subquery()
    )
    statement = statement.outerjoin(party, party.c.agreement_id == Agreement.id)
    return statement.add_columns(party.c.local_entity_id.label("entity"), key.label("key")).where(
        *_in_entities(party.c.local_entity_id, window)
    )


def _agreements_signed(window: Window) -> Select[Any]:
    statement = (
        select()
        .select_from(Agreement)
        .where(
            *_agreement_conditions(window),
            Agreement.date_signed >= window.start,
            Agreement.date_signed <= window.end,
        )
    )
    return _with_entity(statement, Agreement.id, window)


def _agreements_active(window: Window, *, any_day: bool = False) -> Select[Any]:
    """``any_day``: every signed agreement, whatever the day (see :func:`standing_flag`)."""
    when = Agreement.status.in_(SIGNED_STATUSES) if any_day else _active_in(window)
    statement = select().select_from(Agreement).where(*_agreement_conditions(window), when)
    return _with_entity(statement, Agreement.id, window)


def _partner_countries(window: Window, *, any_day: bool = False) -> Select[Any]:
    countries = _partner_parties(window).subquery()
    when = Agreement.status.in_(SIGNED_STATUSES) if any_day else _active_in(window)
    statement = (
        select()
        .select_from(Agreement)
        .join(countries, countries.c.agreement_id == Agreement.id)
        .where(*_agreement_conditions(window), when)
    )
    return _with_entity(statement, countries.c.country_code, window)


def standing_flag(window: Window) -> ColumnElement[int]:
    """1 for a row of an ``any_day`` select that the window counts as active, else 0:
    several periods' standing figures from one pass over the agreements (every row an
    active one counts is signed, :data:`SIGNED_STATUSES`)."""
    return case((_active_in(window), 1), else_=0)


# --- projects and money ---------------------------------------------------------------


def _project_entities() -> Any:
    """(project, local entity) pairs: the lead entity and every participating entity."""
    return union(
        select(Project.id.label("project_id"), Project.lead_entity_id.label("entity_id")).where(
            Project.deleted_at.is_(None)
        ),
        select(ProjectParticipant.project_id, ProjectParticipant.local_entity_id).where(
            ProjectParticipant.deleted_at.is_(None),
            ProjectParticipant.local_entity_id.is_not(None),
        ),
    ).subquery()


def _project_conditions(window: Window) -> list[Any]:
    conditions: list[Any] = [Project.deleted_at.is_(None)]
    conditions += _one_of(window, "status", Project.status)
    conditions += _one_of(window, "country", Project.country_code, upper=True)
    if "sdg" in window.filters:
        conditions.append(
            Project.id.in_(
                select(ProjectSdg.project_id).where(
                    ProjectSdg.deleted_at.is_(None),
                    ProjectSdg.sdg.in_([_number(v) for v in window.filters["sdg"]]),
                )
            )
        )
    if "sector" in window.filters:
        conditions.append(
            Project.id.in_(
                select(ProjectSector.project_id).where(
                    ProjectSector.deleted_at.is_(None),
                    or_(*(ProjectSector.code.startswith(v) for v in window.filters["sector"])),
                )
            )
        )
    return conditions


def _with_project_entity(statement: Select[Any], key: Any, window: Window) -> Select[Any]:
    if not window.needs_entity:
        return statement.add_columns(literal(None).label("entity"), key.label("key"))
    pairs = _project_entities()
    statement = statement.outerjoin(
        pairs, and_(pairs.c.project_id == Project.id, pairs.c.entity_id.is_not(None))
    )
    return statement.add_columns(pairs.c.entity_id.label("entity"), key.label("key")).where(
        *_in_entities(pairs.c.entity_id, window)
    )


def _active_projects(window: Window) -> Select[Any]:
    began = func.coalesce(Project.actual_start, Project.planned_start)
    ended = func.coalesce(Project.actual_end, Project.planned_end)
    statement = (
        select()
        .select_from(Project)
        .where(
            *_project_conditions(window),
            Project.status.not_in(NOT_UNDER_WAY),
            or_(began.is_(None), began <= window.end),
            or_(ended.is_(None), ended >= window.start),
        )
    )
    return _with_project_entity(statement, Project.id, window)


def office_currency() -> Any:
    """The office's currency, as a scalar subquery (portable SQL)."""
    return select(Office.currency).where(Office.deleted_at.is_(None)).limit(1).scalar_subquery()


def _cofinancing_raised(window: Window) -> Select[Any]:
    # a sum of money in the office's currency: an amount in another one is converted at
    # the rate of its decision's year, and left out without one (core/currency_rates.py)
    decided = year_of(CofinancingLine.date_decided)
    factor = rate_factor(Project.currency, decided, office_currency())
    statement = (
        select()
        .select_from(CofinancingLine)
        .join(Project, Project.id == CofinancingLine.project_id)
        .where(
            *_project_conditions(window),
            CofinancingLine.deleted_at.is_(None),
            CofinancingLine.status == "granted",
            CofinancingLine.date_decided >= window.start,
            CofinancingLine.date_decided <= window.end,
            factor.is_not(None),
        )
    )
    if "funder" in window.filters:
        names = [fold(value) for value in window.filters["funder"]]
        funder = select(Partner.id).where(Partner.search_key.in_(names))
        statement = statement.where(
            or_(
                func.lower(CofinancingLine.funder_name).in_(
                    [v.lower() for v in window.filters["funder"]]
                ),
                CofinancingLine.funder_partner_id.in_(funder),
            )
        )
    # one row per line and entity: a line shared by two entities is summed once per entity
    # and once overall (see compute)
    statement = _with_project_entity(statement, CofinancingLine.amount_granted * factor, window)
    return statement.add_columns(CofinancingLine.id.label("line"))


# --- networks and activities ----------------------------------------------------------


def _membership_conditions(window: Window) -> list[Any]:
    conditions: list[Any] = [Membership.deleted_at.is_(None), Network.deleted_at.is_(None)]
    if "network" in window.filters:
        values = window.filters["network"]
        conditions.append(
            or_(Network.acronym.in_(values), Network.search_key.in_([fold(v) for v in values]))
        )
    conditions += _one_of(window, "role", Membership.role)
    conditions += _in_entities(Membership.local_entity_id, window)
    return conditions


def _events_attended(window: Window) -> Select[Any]:
    return (
        select(Membership.local_entity_id.label("entity"), Participation.id.label("key"))
        .join(Membership, Membership.id == Participation.membership_id)
        .join(Network, Network.id == Membership.network_id)
        .where(
            *_membership_conditions(window),
            Participation.deleted_at.is_(None),
            Participation.kind == "event",
            Participation.start_date >= window.start,
            Participation.start_date <= window.end,
            *_one_of(window, "country", Participation.country_code, upper=True),
        )
    )


def _memberships(window: Window, roles_only: bool) -> Select[Any]:
    statement = (
        select(Membership.local_entity_id.label("entity"), Membership.id.label("key"))
        .join(Network, Network.id == Membership.network_id)
        .where(
            *_membership_conditions(window),
            or_(Membership.since.is_(None), Membership.since <= window.end),
            or_(Membership.until.is_(None), Membership.until >= window.start),
        )
    )
    return statement.where(Membership.role.not_in(PLAIN_ROLES)) if roles_only else statement


def _activities(kind: str) -> Callable[[Window], Select[Any]]:
    def rows(window: Window) -> Select[Any]:
        return select(Activity.local_entity_id.label("entity"), Activity.id.label("key")).where(
            Activity.deleted_at.is_(None),
            Activity.kind == kind,
            Activity.status == "done",
            Activity.start_date >= window.start,
            Activity.start_date <= window.end,
            *_one_of(window, "country", Activity.country_code, upper=True),
            *_in_entities(Activity.local_entity_id, window),
        )

    return rows
