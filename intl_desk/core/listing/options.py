"""The choices offered by list facets, read from the file (only values that occur)."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Integer, cast, distinct, extract, select
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
    codes = session.scalars(
        select(distinct(Partner.country_code))
        .join(AgreementParty, AgreementParty.partner_id == Partner.id)
        .where(Partner.deleted_at.is_(None), AgreementParty.deleted_at.is_(None))
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
    years = session.scalars(
        select(distinct(cast(extract("year", Agreement.date_signed), Integer))).where(
            Agreement.deleted_at.is_(None), Agreement.date_signed.is_not(None)
        )
    ).all()
    return [FacetOption(str(year), str(year)) for year in sorted(years, reverse=True) if year]


def sdg_options(session: Session) -> list[FacetOption]:
    language = current_language()
    return [
        FacetOption(str(goal.number), f"{goal.number}. {goal.short_name(language)}")
        for goal in sdg_goals()
    ]
