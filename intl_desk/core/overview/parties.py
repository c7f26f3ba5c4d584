"""One read of the agreements' parties for the overview's per-entity and per-country
figures.

Each of those figures used to join the 40,000 parties of the state demo to their
agreements in SQL (a text-key lookup per party, ≈0.1 s each, five times over). Here the
agreements in scope are read once with their conditions worked out by SQL — the same
expressions as before (:func:`intl_desk.core.agreement_time.is_active` stays the one rule
for "active") — and the parties once; the counting happens in sets, as ``count(DISTINCT
…)`` did. The same read gives the headline's counts of agreements (active, signed in the
year, signed to date), which took three more scans of the agreements.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import ColumnElement, case, select
from sqlalchemy.orm import Session

from intl_desk.core.agreement_time import expired_by, is_active
from intl_desk.core.driver_rows import driver_rows
from intl_desk.core.model import Agreement, AgreementParty, Partner
from intl_desk.core.overview.figures import OverviewFilters
from intl_desk.core.overview.scope import agreement_scope, in_year, year_of

#: the years the chart of signatures shows, the overview's the last
YEARS_SHOWN = 15


def _flag(condition: ColumnElement[bool]) -> ColumnElement[int]:
    """1 where ``condition`` holds, else 0 (NULL too, as ``CASE WHEN`` counted it)."""
    return case((condition, 1), else_=0)


def _is_expired(filters: OverviewFilters) -> ColumnElement[bool]:
    if filters.as_of is None:
        return Agreement.status == "expired"
    return expired_by(filters.as_of)


@dataclass(frozen=True)
class City:
    """A partner city with coordinates, and the active agreements it is a party to."""

    name: str
    country_code: str
    latitude: float
    longitude: float
    agreements: set[str] = field(default_factory=set)


@dataclass
class PartyFigures:
    """Agreement ids per local entity and per partner country, by what counts them."""

    entity_active: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    entity_expired: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    entity_signed_in_year: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    #: signed up to the end of the year, whatever their status now
    entity_signed_to_date: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    #: every partner country of an agreement in scope, whatever its status
    countries: set[str | None] = field(default_factory=set)
    country_active: dict[str | None, set[str]] = field(default_factory=lambda: defaultdict(set))
    country_partners: dict[str | None, set[str]] = field(default_factory=lambda: defaultdict(set))
    country_signed_in_year: dict[str | None, set[str]] = field(
        default_factory=lambda: defaultdict(set)
    )
    #: partner id → the city, for cities with coordinates party to an active agreement
    cities: dict[str, City] = field(default_factory=dict)
    #: the agreements in scope, whether they have parties or not: active (today, or at the
    #: end of a past year), signed in the year, signed up to its end whatever their status
    active: int = 0
    signed_in_year: int = 0
    signed_to_date: int = 0
    #: (year, type) → agreements in scope signed that year, for the last
    #: :data:`YEARS_SHOWN` years up to the overview's (the chart of signatures by year)
    signed_by_year: Counter[tuple[int, str]] = field(default_factory=Counter)


def read_parties(session: Session, filters: OverviewFilters) -> PartyFigures:
    """The parties of the agreements in ``filters``' scope, counted (see the docstring)."""
    year = filters.year
    connection = session.connection()  # plain rows: 65,000 of them on the state demo
    # id → (id, flags…): the sets below keep that one string of each id, not the copy
    # each party row brings (440,000 of them, 37 MiB, on a file of 220,000 agreements)
    flags: dict[str, tuple[str, int, int, int, int]] = {}
    figures = PartyFigures()
    first_year = year - YEARS_SHOWN + 1
    by_year = figures.signed_by_year
    for agreement_id, active, expired, signed_in_year, signed_to_date, signed, kind in (
        driver_rows(
            connection,
            select(
                Agreement.id,
                _flag(is_active(filters.as_of)),
                _flag(_is_expired(filters)),
                _flag(in_year(Agreement.date_signed, year)),
                _flag(Agreement.date_signed <= date(year, 12, 31)),
                year_of(Agreement.date_signed),
                Agreement.type,
            ).where(*agreement_scope(filters)),
        )
    ):
        flags[agreement_id] = (agreement_id, active, expired, signed_in_year, signed_to_date)
        figures.active += active
        figures.signed_in_year += signed_in_year
        figures.signed_to_date += signed_to_date
        if signed is not None and first_year <= signed <= year:
            by_year[(int(signed), kind)] += 1
    partners = {
        row[0]: row
        for row in driver_rows(
            connection,
            select(
                Partner.id,
                Partner.country_code,
                Partner.kind,
                Partner.name,
                Partner.latitude,
                Partner.longitude,
            ),
        )
    }
    for agreement_id, entity_id, partner_id in driver_rows(
        connection,
        select(
            AgreementParty.agreement_id, AgreementParty.local_entity_id, AgreementParty.partner_id
        ).where(AgreementParty.deleted_at.is_(None)),
    ):
        found = flags.get(agreement_id)
        if found is None:  # not in scope
            continue
        agreement_id, active, expired, signed_in_year, signed_to_date = found
        if entity_id is not None:
            if active:
                figures.entity_active[entity_id].add(agreement_id)
            if expired:
                figures.entity_expired[entity_id].add(agreement_id)
            if signed_in_year:
                figures.entity_signed_in_year[entity_id].add(agreement_id)
            if signed_to_date:
                figures.entity_signed_to_date[entity_id].add(agreement_id)
        partner = partners.get(partner_id) if partner_id is not None else None
        if partner is None:
            continue
        partner_id, country, kind, name, latitude, longitude = partner
        figures.countries.add(country)
        if signed_in_year:
            figures.country_signed_in_year[country].add(agreement_id)
        if not active:
            continue
        figures.country_active[country].add(agreement_id)
        figures.country_partners[country].add(partner_id)
        if kind == "city" and latitude is not None and longitude is not None:
            city = figures.cities.get(partner_id)
            if city is None:
                city = figures.cities[partner_id] = City(
                    name, country, float(latitude), float(longitude)
                )
            city.agreements.add(agreement_id)
    return figures
