"""Computed indicators: a small set of formulas over the records, so nobody types them.

An indicator with ``formula`` set takes its value from the records of the period; its
``formula_filter`` narrows what counts, written ``key=value`` with alternatives separated
by commas and conditions by semicolons, e.g. ``type=twinning,friendship; theme=culture``.
Keys are listed per formula in :data:`FORMULAS`; ``entity`` takes a local entity's code
or name and counts it with everything under it.

What "in the period" means, per kind of record (portable SQLAlchemy Core throughout):

* an agreement is *signed* in the period when its signature date falls in it; it is
  *active* in the period when it was signed (any status but draft or negotiation), came
  into force (or was signed) before the period ended, and had not expired before it began
  (perpetual and open-ended agreements never expire). Statuses are today's: an agreement
  terminated early counts until its planned expiry, since the file keeps no termination
  date;
* a project is *under way* when it is neither in the pipeline nor cancelled and its
  dates (actual, else planned) overlap the period;
* co-financing is *raised* when a line is granted with its decision dated in the period
  (the granted amount, in the office's currency);
* an event is *attended* when a participation of kind "event" starts in the period; a
  mission is *undertaken* (a delegation *received*) when such an activity, done, starts
  in it; a membership is *held* when it overlaps the period, a *role* when it is more than
  member or observer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, distinct, func, literal, or_, select, union
from sqlalchemy.orm import Session

from intl_desk.core.errors import IntlDeskError
from intl_desk.core.i18n import N_, Message
from intl_desk.core.model import (
    Activity,
    Agreement,
    AgreementParty,
    AgreementSdg,
    AgreementTheme,
    CofinancingLine,
    LocalEntity,
    Membership,
    Network,
    Participation,
    Partner,
    Project,
    ProjectParticipant,
    ProjectSdg,
    ProjectSector,
)
from intl_desk.core.model.base import fold

SIGNED_STATUSES = ("active", "expired", "terminated", "superseded")
NOT_UNDER_WAY = ("1", "5")  # IATI pipeline, cancelled
PLAIN_ROLES = ("member", "observer")

Filters = dict[str, tuple[str, ...]]


class FormulaError(IntlDeskError):
    """An indicator's formula or filter cannot be read; the figure is not computed."""


@dataclass(frozen=True)
class Window:
    """What a formula counts: a period, the indicator's filters, and whose records
    (``scope``: a select of local entity ids, None for the whole office). ``by_entity``
    asks for the local entity of each row (figures per entity), which costs a join."""

    start: date
    end: date
    filters: Filters
    scope: Select[Any] | None = None
    by_entity: bool = False

    @property
    def needs_entity(self) -> bool:
        return self.by_entity or self.scope is not None or "entity" in self.filters


@dataclass(frozen=True)
class Formula:
    code: str
    label: str  # msgid
    filters: tuple[str, ...]
    #: the figure restarts from 0 each period (a count of events), see the status rules
    counted_within_period: bool
    #: rows (entity id or None, the thing counted or summed) for a window
    rows: Callable[[Window], Select[Any]]
    #: count distinct things (True) or sum amounts (False)
    distinct_count: bool = True


# --- filters --------------------------------------------------------------------------


def parse_filter(text: str | None, allowed: tuple[str, ...]) -> Filters:
    """``type=twinning,friendship; theme=culture`` → ``{"type": ("twinning", "friendship"), …}``."""
    filters: Filters = {}
    for part in (text or "").replace("\n", ";").split(";"):
        if not part.strip():
            continue
        key, sign, values = part.partition("=")
        key = key.strip().casefold()
        choices = tuple(value.strip() for value in values.split(",") if value.strip())
        if not sign or not choices:
            raise FormulaError(
                Message(
                    N_("“{part}” is not a condition like type=twinning in the indicator's filter."),
                    {"part": part.strip()},
                )
            )
        if key not in allowed:
            raise FormulaError(
                Message(
                    N_("The filter “{key}” cannot be used here; known filters: {known}."),
                    {"key": key, "known": ", ".join(allowed)},
                )
            )
        filters[key] = filters.get(key, ()) + choices
    return filters


def subtree(roots: Select[Any]) -> Select[Any]:
    """The ids of ``roots`` and of every local entity under them (recursive, portable)."""
    tree = roots.cte("entity_tree", recursive=True)
    tree = tree.union_all(
        select(LocalEntity.id).where(
            LocalEntity.parent_id == tree.c[0], LocalEntity.deleted_at.is_(None)
        )
    )
    return select(tree.c[0])


def _entity_roots(values: tuple[str, ...]) -> Select[Any]:
    return select(LocalEntity.id).where(
        LocalEntity.deleted_at.is_(None),
        or_(LocalEntity.code.in_(values), LocalEntity.search_key.in_([fold(v) for v in values])),
    )


def _in_entities(column: Any, window: Window) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if "entity" in window.filters:
        conditions.append(column.in_(subtree(_entity_roots(window.filters["entity"]))))
    if window.scope is not None:
        conditions.append(column.in_(window.scope))
    return conditions


def _one_of(window: Window, key: str, column: Any, *, upper: bool = False) -> list[Any]:
    if key not in window.filters:
        return []
    values = window.filters[key]
    return [column.in_([value.upper() for value in values] if upper else values)]


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
    began = func.coalesce(Agreement.date_in_force, Agreement.date_signed)
    return and_(
        Agreement.status.in_(SIGNED_STATUSES),
        or_(began <= window.end, and_(began.is_(None), Agreement.status == "active")),
        or_(
            Agreement.perpetual.is_(True),
            Agreement.date_expires.is_(None),
            Agreement.date_expires >= window.start,
        ),
    )


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


def _agreements_active(window: Window) -> Select[Any]:
    statement = (
        select().select_from(Agreement).where(*_agreement_conditions(window), _active_in(window))
    )
    return _with_entity(statement, Agreement.id, window)


def _partner_countries(window: Window) -> Select[Any]:
    countries = _partner_parties(window).subquery()
    statement = (
        select()
        .select_from(Agreement)
        .join(countries, countries.c.agreement_id == Agreement.id)
        .where(*_agreement_conditions(window), _active_in(window))
    )
    return _with_entity(statement, countries.c.country_code, window)


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


def _cofinancing_raised(window: Window) -> Select[Any]:
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
    statement = _with_project_entity(statement, CofinancingLine.amount_granted, window)
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


def _number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise FormulaError(
            Message(N_("“{value}” is not an SDG number (1 to 17)."), {"value": text})
        ) from None


_AGREEMENT_FILTERS = ("type", "status", "theme", "sdg", "country", "entity")
_PROJECT_FILTERS = ("status", "sdg", "sector", "country", "entity")
_NETWORK_FILTERS = ("network", "role", "entity")

FORMULAS: dict[str, Formula] = {
    formula.code: formula
    for formula in (
        Formula(
            "agreements_signed",
            N_("Agreements signed in the period"),
            _AGREEMENT_FILTERS,
            True,
            _agreements_signed,
        ),
        Formula(
            "agreements_active",
            N_("Agreements active in the period"),
            _AGREEMENT_FILTERS,
            False,
            _agreements_active,
        ),
        Formula(
            "partner_countries",
            N_("Countries with an active partnership"),
            _AGREEMENT_FILTERS,
            False,
            _partner_countries,
        ),
        Formula(
            "active_projects", N_("Projects under way"), _PROJECT_FILTERS, False, _active_projects
        ),
        Formula(
            "cofinancing_raised",
            N_("Co-financing raised"),
            (*_PROJECT_FILTERS, "funder"),
            True,
            _cofinancing_raised,
            distinct_count=False,
        ),
        Formula(
            "events_attended",
            N_("Network events attended"),
            (*_NETWORK_FILTERS, "country"),
            True,
            _events_attended,
        ),
        Formula(
            "memberships_held",
            N_("Network memberships held"),
            _NETWORK_FILTERS,
            False,
            lambda window: _memberships(window, False),
        ),
        Formula(
            "network_roles",
            N_("Roles held in networks"),
            _NETWORK_FILTERS,
            False,
            lambda window: _memberships(window, True),
        ),
        Formula(
            "missions_undertaken",
            N_("Missions abroad undertaken"),
            ("country", "entity"),
            True,
            _activities("mission"),
        ),
        Formula(
            "delegations_received",
            N_("Delegations received"),
            ("country", "entity"),
            True,
            _activities("delegation"),
        ),
    )
}


def formula_of(code: str) -> Formula:
    formula = FORMULAS.get(code)
    if formula is None:
        raise FormulaError(
            Message(
                N_("The formula “{code}” is unknown; known formulas: {known}."),
                {"code": code, "known": ", ".join(FORMULAS)},
            )
        )
    return formula


def compute(session: Session, code: str, filter_text: str | None, window: Window) -> float:
    """The formula's figure for the window (the whole office, or ``window.scope``)."""
    formula = formula_of(code)
    window = replace(window, filters=parse_filter(filter_text, formula.filters))
    rows = formula.rows(window).subquery()
    if formula.distinct_count:
        statement = select(func.count(distinct(rows.c.key)))
    else:  # each money line once, however many entities share it
        lines = select(rows.c.line, func.max(rows.c.key).label("amount")).group_by(rows.c.line)
        statement = select(func.coalesce(func.sum(lines.subquery().c.amount), literal(0)))
    return float(session.scalar(statement) or 0)


def compute_by_entity(
    session: Session, code: str, filter_text: str | None, window: Window
) -> dict[str, float]:
    """The formula's figure for each local entity that has records in the window."""
    formula = formula_of(code)
    window = replace(window, filters=parse_filter(filter_text, formula.filters), by_entity=True)
    rows = formula.rows(window).subquery()
    measure = func.count(distinct(rows.c.key)) if formula.distinct_count else func.sum(rows.c.key)
    statement = (
        select(rows.c.entity, measure).where(rows.c.entity.is_not(None)).group_by(rows.c.entity)
    )
    return {str(entity): float(value or 0) for entity, value in session.execute(statement)}


def keys(session: Session, code: str, filter_text: str | None, window: Window) -> list[Any]:
    """What the formula counts in the window: the ids behind the figure (agreement,
    project, money line… ids; country codes for ``partner_countries``), for the lists
    that back a report's figures."""
    formula = formula_of(code)
    window = replace(window, filters=parse_filter(filter_text, formula.filters))
    rows = formula.rows(window).subquery()
    column = rows.c.key if formula.distinct_count else rows.c.line
    return list(session.connection().execute(select(column).distinct()).scalars())
