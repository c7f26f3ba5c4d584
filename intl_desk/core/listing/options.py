"""The choices offered by list facets, read from the file (only values that occur)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy import distinct, exists, func, select
from sqlalchemy.orm import Session

from intl_desk.core.display import country_name, sort_key
from intl_desk.core.i18n import current_language
from intl_desk.core.listing.spec import FacetOption
from intl_desk.core.model import Agreement, AgreementParty, LocalEntity, Partner
from intl_desk.core.reference import sdg_goals
from intl_desk.core.vocabularies import Vocabulary


def vocabulary_options(vocabulary: Vocabulary) -> Callable[[Session], list[FacetOption]]:
    def options(session: Session) -> list[FacetOption]:
        return [FacetOption(term.code, term.display()) for term in vocabulary]

    return options


def partner_country_options(session: Session) -> list[FacetOption]:
    """Countries of the partners that are party to an agreement.

    ``EXISTS`` per partner (2,000 index look-ups) rather than a join over every party:
    10 ms instead of 500 ms with 220,000 agreements.
    """
    has_agreement = exists().where(
        AgreementParty.partner_id == Partner.id, AgreementParty.deleted_at.is_(None)
    )
    codes = session.scalars(
        select(distinct(Partner.country_code)).where(Partner.deleted_at.is_(None), has_agreement)
    ).all()
    options = [FacetOption(code, country_name(code)) for code in codes if code]
    return sorted(options, key=lambda option: sort_key(option.label))


def entity_options(session: Session) -> list[FacetOption]:
    """Entities that group others (regions, the government) first, then the rest."""
    rows = list(
        session.execute(
            select(LocalEntity.id, LocalEntity.name, LocalEntity.kind).where(
                LocalEntity.deleted_at.is_(None)
            )
        ).all()
    )
    grouping = {"government": 0, "region": 1}
    rows.sort(key=lambda row: (grouping.get(row.kind, 2), sort_key(row.name)))
    return [FacetOption(row.id, row.name) for row in rows]


def signed_year_options(session: Session) -> list[FacetOption]:
    """The years in which agreements were signed, newest first.

    Read by stepping through the index on the date, one year at a time (60 look-ups of
    a fraction of a millisecond), instead of extracting the year of every agreement
    (150 ms with 220,000 agreements); both are portable SQL.
    """
    live = Agreement.deleted_at.is_(None)
    years: list[int] = []
    start: date | None = date.min
    while start is not None:
        found = session.scalar(
            select(Agreement.date_signed)
            .where(live, Agreement.date_signed >= start)
            .order_by(Agreement.date_signed)
            .limit(1)
        )
        if found is None:
            break
        years.append(found.year)
        start = date(found.year + 1, 1, 1) if found.year < date.max.year else None
    return [FacetOption(str(year), str(year)) for year in sorted(years, reverse=True) if year]


def past_year_options(session: Session) -> list[FacetOption]:
    """Every year from the first signature to last year, newest first: the past years an
    agreement may have been active at the end of (with or without a signature in it)."""
    first = session.scalar(
        select(func.min(Agreement.date_signed)).where(Agreement.deleted_at.is_(None))
    )
    if first is None:
        return []
    last = date.today().year - 1
    return [FacetOption(str(year), str(year)) for year in range(last, first.year - 1, -1)]


def sdg_options(session: Session) -> list[FacetOption]:
    language = current_language()
    return [
        FacetOption(str(goal.number), f"{goal.number}. {goal.short_name(language)}")
        for goal in sdg_goals()
    ]
