"""Agreement figures: counts, signatures per year and type, themes, SDGs, countries,
partner cities, local entities and what expires soon."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, case, distinct, func, select
from sqlalchemy.orm import Session

from intl_desk.core import vocabularies as vocab
from intl_desk.core.agreement_time import (
    expired_by,
    expiring_within_a_year,
    is_active,
    unplaced,
)
from intl_desk.core.date_precision import with_precision
from intl_desk.core.display import country_name, sort_key
from intl_desk.core.listing.conditions import entity_subtree
from intl_desk.core.model import (
    Agreement,
    AgreementParty,
    AgreementSdg,
    AgreementTheme,
    LocalEntity,
    Partner,
    Project,
)
from intl_desk.core.overview.figures import (
    Bar,
    CityPoint,
    CountryFigure,
    Drill,
    EntityFigure,
    ExpiringAgreement,
    OverviewFilters,
    YearSeries,
)
from intl_desk.core.overview.scope import (
    agreement_scope,
    drill,
    in_year,
    pairs,
    project_scope,
    year_of,
)
from intl_desk.core.reference import sdg_goals

YEARS_SHOWN = 15
EXPIRING_SHOWN = 12
ACTIVE = "active"


def _is_active(filters: OverviewFilters) -> ColumnElement[bool]:
    """Active today (its status), or at the end of a past year (rebuilt from its dates)."""
    return is_active(filters.as_of)


def _is_expired(filters: OverviewFilters) -> ColumnElement[bool]:
    if filters.as_of is None:
        return Agreement.status == "expired"
    return expired_by(filters.as_of)


def active_facet(filters: OverviewFilters) -> tuple[str, str]:
    """The list facet of the agreements :func:`_is_active` counts."""
    if filters.as_of is None:
        return ("status", ACTIVE)
    return ("active_at_end", str(filters.as_of.year))


def unplaced_count(session: Session, filters: OverviewFilters) -> int:
    """For a past year, the signed agreements its end cannot place (0 for this year)."""
    if filters.as_of is None:
        return 0
    return int(
        session.scalar(
            select(func.count())
            .select_from(Agreement)
            .where(*agreement_scope(filters), unplaced(filters.as_of))
        )
        or 0
    )


def counts(session: Session, filters: OverviewFilters) -> tuple[int, int]:
    """Active agreements, and agreements signed in the year."""
    row = session.execute(
        select(
            func.count(case((_is_active(filters), 1))),
            func.count(case((in_year(Agreement.date_signed, filters.year), 1))),
        ).where(*agreement_scope(filters))
    ).one()
    return int(row[0]), int(row[1])


def signed_to_date(session: Session, filters: OverviewFilters) -> int:
    """Agreements in scope signed up to the end of the year, whatever their status now."""
    return int(
        session.scalar(
            select(func.count())
            .select_from(Agreement)
            .where(*agreement_scope(filters), _signed_by_end_of(filters.year))
        )
        or 0
    )


def _signed_by_end_of(year: int) -> ColumnElement[bool]:
    return Agreement.date_signed <= date(year, 12, 31)


def with_signed_totals(
    session: Session, filters: OverviewFilters, figures: tuple[EntityFigure, ...]
) -> tuple[EntityFigure, ...]:
    """``figures`` with each entity's agreements signed up to the year, its own and with
    everything under it (an agreement of two municipalities of one region counts once
    for the region): the Minas Gerais question, "how many has each one signed?"."""
    from dataclasses import replace

    pairs_signed = session.execute(
        select(AgreementParty.local_entity_id, AgreementParty.agreement_id)
        .join(Agreement, Agreement.id == AgreementParty.agreement_id)
        .where(
            *agreement_scope(filters),
            _signed_by_end_of(filters.year),
            AgreementParty.deleted_at.is_(None),
            AgreementParty.local_entity_id.is_not(None),
        )
        .distinct()
    ).all()
    parents: dict[str, str | None] = {
        entity_id: parent_id
        for entity_id, parent_id in session.execute(
            select(LocalEntity.id, LocalEntity.parent_id).where(LocalEntity.deleted_at.is_(None))
        )
    }
    own: dict[str, set[str]] = {}
    below: dict[str, set[str]] = {}
    chains: dict[str, tuple[str, ...]] = {}  # each entity and those above it, walked once
    for entity_id, agreement_id in pairs_signed:
        own.setdefault(entity_id, set()).add(agreement_id)
        chain = chains.get(entity_id)
        if chain is None:
            chain = chains[entity_id] = _self_and_above(entity_id, parents)
        for current in chain:
            below.setdefault(current, set()).add(agreement_id)
    return tuple(
        replace(
            figure,
            signed_to_date=len(own.get(figure.id, ())),
            signed_with_subtree=len(below.get(figure.id, ())),
        )
        for figure in figures
    )


def _self_and_above(entity_id: str, parents: dict[str, str | None]) -> tuple[str, ...]:
    chain: list[str] = []
    current: str | None = entity_id
    while current is not None and current not in chain:  # a cycle never hangs
        chain.append(current)
        current = parents.get(current)
    return tuple(chain)


def signed_by_year(session: Session, filters: OverviewFilters) -> tuple[YearSeries, ...]:
    first = filters.year - YEARS_SHOWN + 1
    year = year_of(Agreement.date_signed)
    rows = session.execute(
        select(year, Agreement.type, func.count())
        .where(*agreement_scope(filters), year >= first, year <= filters.year)
        .group_by(year, Agreement.type)
    ).all()
    found = {(int(row[0]), row[1]): int(row[2]) for row in rows}
    codes = vocab.AGREEMENT_TYPES.codes
    return tuple(
        YearSeries(
            number,
            tuple(found.get((number, code), 0) for code in codes),
            drill("agreements", filters, ("year", str(number))),
        )
        for number in range(first, filters.year + 1)
    )


def themes(session: Session, filters: OverviewFilters) -> tuple[Bar, ...]:
    found = session.execute(
        select(AgreementTheme.theme, func.count(distinct(Agreement.id)))
        .join(Agreement, Agreement.id == AgreementTheme.agreement_id)
        .where(*agreement_scope(filters), _is_active(filters), AgreementTheme.deleted_at.is_(None))
        .group_by(AgreementTheme.theme)
    ).all()
    bars = [
        Bar(
            code,
            vocab.THEMES.label(code),
            int(count),
            drill=drill("agreements", filters, active_facet(filters), ("theme", code)),
        )
        for code, count in found
    ]
    return tuple(sorted(bars, key=lambda bar: (-bar.value, sort_key(bar.label))))


def sdgs(session: Session, filters: OverviewFilters, language: str) -> tuple[Bar, ...]:
    found: dict[Any, Any] = pairs(
        session.execute(
            select(AgreementSdg.sdg, func.count(distinct(Agreement.id)))
            .join(Agreement, Agreement.id == AgreementSdg.agreement_id)
            .where(
                *agreement_scope(filters), _is_active(filters), AgreementSdg.deleted_at.is_(None)
            )
            .group_by(AgreementSdg.sdg)
        ).all()
    )
    return tuple(
        Bar(
            str(goal.number),
            f"{goal.number}. {goal.short_name(language)}",
            int(found.get(goal.number, 0)),
            goal.colour,
            drill("agreements", filters, active_facet(filters), ("sdg", str(goal.number))),
        )
        for goal in sdg_goals()
        if found.get(goal.number)
    )


def _country_drill(filters: OverviewFilters, code: str) -> Drill:
    entity = (("entity", filters.entity_id),) if filters.entity_id else ()
    return Drill("agreements", (*entity, ("country", code), active_facet(filters)))


def countries(session: Session, filters: OverviewFilters) -> tuple[CountryFigure, ...]:
    """Every partner country of the agreements in scope, whatever their status."""
    active = _is_active(filters)
    signed = signed_per_country(session, filters)
    rows = session.execute(
        select(
            Partner.country_code,
            func.count(distinct(case((active, Agreement.id)))),
            func.count(distinct(case((active, Partner.id)))),
        )
        .join(AgreementParty, AgreementParty.partner_id == Partner.id)
        .join(Agreement, Agreement.id == AgreementParty.agreement_id)
        .where(*agreement_scope(filters), AgreementParty.deleted_at.is_(None))
        .group_by(Partner.country_code)
    ).all()
    figures = [
        CountryFigure(
            code,
            country_name(code),
            int(active_count),
            signed.get(code, 0),
            int(partner_count),
            _country_drill(filters, code),
        )
        for code, active_count, partner_count in rows
        if code
    ]
    return tuple(sorted(figures, key=lambda figure: (-figure.active, sort_key(figure.name))))


def cities(session: Session, filters: OverviewFilters) -> tuple[CityPoint, ...]:
    rows = session.execute(
        select(
            Partner.name,
            Partner.country_code,
            Partner.latitude,
            Partner.longitude,
            func.count(distinct(Agreement.id)),
        )
        .join(AgreementParty, AgreementParty.partner_id == Partner.id)
        .join(Agreement, Agreement.id == AgreementParty.agreement_id)
        .where(
            *agreement_scope(filters),
            _is_active(filters),
            AgreementParty.deleted_at.is_(None),
            Partner.kind == "city",
            Partner.latitude.is_not(None),
            Partner.longitude.is_not(None),
        )
        .group_by(
            Partner.id, Partner.name, Partner.country_code, Partner.latitude, Partner.longitude
        )
    ).all()
    return tuple(
        CityPoint(row[0], row[1], float(row[2]), float(row[3]), int(row[4])) for row in rows
    )


def _entity_drill(filters: OverviewFilters, entity_id: str) -> Drill:
    country = (("country", filters.country),) if filters.country else ()
    return Drill("agreements", (("entity", entity_id), *country, active_facet(filters)))


def entities(session: Session, filters: OverviewFilters) -> tuple[EntityFigure, ...]:
    """Every local entity in scope with its own agreements (direct parties) and projects."""
    entity_rows = session.execute(
        select(LocalEntity.id, LocalEntity.name, LocalEntity.parent_id).where(
            LocalEntity.deleted_at.is_(None),
            *(
                [LocalEntity.id.in_(select(entity_subtree(filters.entity_id)))]
                if filters.entity_id
                else []
            ),
        )
    ).all()
    names: dict[Any, Any] = pairs(session.execute(select(LocalEntity.id, LocalEntity.name)).all())
    active = _is_active(filters)
    signed = signed_per_entity(session, filters)
    agreement_counts = {
        row[0]: (int(row[1]), int(row[2]))
        for row in session.execute(
            select(
                AgreementParty.local_entity_id,
                func.count(distinct(case((active, Agreement.id)))),
                func.count(distinct(case((_is_expired(filters), Agreement.id)))),
            )
            .join(Agreement, Agreement.id == AgreementParty.agreement_id)
            .where(
                *agreement_scope(filters),
                AgreementParty.deleted_at.is_(None),
                AgreementParty.local_entity_id.is_not(None),
            )
            .group_by(AgreementParty.local_entity_id)
        )
    }
    project_counts: dict[Any, Any] = pairs(
        session.execute(
            select(Project.lead_entity_id, func.count())
            .where(*project_scope(filters), Project.status.in_(vocab.PROJECT_RUNNING_STATUSES))
            .group_by(Project.lead_entity_id)
        ).all()
    )
    figures = []
    for entity_id, name, parent_id in entity_rows:
        active_count, expired_count = agreement_counts.get(entity_id, (0, 0))
        figures.append(
            EntityFigure(
                entity_id,
                name,
                names.get(parent_id, "") if parent_id else "",
                active_count,
                signed.get(entity_id, 0),
                expired_count,
                int(project_counts.get(entity_id, 0)),
                _entity_drill(filters, entity_id),
            )
        )
    return tuple(sorted(figures, key=lambda item: (sort_key(item.parent), sort_key(item.name))))


def signed_per_entity(session: Session, filters: OverviewFilters) -> dict[str, int]:
    """Agreements each entity signed in the year (a narrow read: the year's signatures)."""
    rows = session.execute(
        select(AgreementParty.local_entity_id, func.count(distinct(Agreement.id)))
        .join(Agreement, Agreement.id == AgreementParty.agreement_id)
        .where(
            *agreement_scope(filters),
            in_year(Agreement.date_signed, filters.year),
            AgreementParty.deleted_at.is_(None),
            AgreementParty.local_entity_id.is_not(None),
        )
        .group_by(AgreementParty.local_entity_id)
    )
    return {str(row[0]): int(row[1]) for row in rows}


def signed_per_country(session: Session, filters: OverviewFilters) -> dict[str, int]:
    rows = session.execute(
        select(Partner.country_code, func.count(distinct(Agreement.id)))
        .join(AgreementParty, AgreementParty.partner_id == Partner.id)
        .join(Agreement, Agreement.id == AgreementParty.agreement_id)
        .where(
            *agreement_scope(filters),
            in_year(Agreement.date_signed, filters.year),
            AgreementParty.deleted_at.is_(None),
        )
        .group_by(Partner.country_code)
    )
    return {str(row[0]): int(row[1]) for row in rows}


def expiring(
    session: Session, filters: OverviewFilters, today: date
) -> tuple[tuple[ExpiringAgreement, ...], int]:
    """Active agreements ending within 12 months, soonest first (and how many in all):
    of today, or of the end of a past year."""
    day = filters.as_of or today
    conditions = [
        *agreement_scope(filters),
        _is_active(filters),
        *expiring_within_a_year(day),
    ]
    total = int(session.scalar(select(func.count()).select_from(Agreement).where(*conditions)) or 0)
    rows = session.execute(
        select(
            Agreement.id,
            Agreement.title,
            Agreement.partner_names,
            Agreement.date_expires,
            Agreement.renewal_decision,
            Agreement.date_expires_precision,
        )
        .where(*conditions)
        .order_by(Agreement.date_expires, Agreement.title)
        .limit(EXPIRING_SHOWN)
    ).all()
    items = tuple(
        ExpiringAgreement(
            row[1],
            row[2] or "",
            with_precision(row[3], row[5]),  # "2026" as the register gave it
            vocab.RENEWAL_DECISIONS.label(row[4] or "undecided"),
            Drill("agreements", record_id=row[0]),
        )
        for row in rows
    )
    return items, total
