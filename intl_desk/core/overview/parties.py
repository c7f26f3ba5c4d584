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

from sqlalchemy import ColumnElement, Connection, case, select

from intl_desk.core.agreement_time import expired_by, is_active
from intl_desk.core.columns import Agreement, AgreementParty, LocalEntity, Partner
from intl_desk.core.driver_rows import driver_rows
from intl_desk.core.overview.figures import OverviewFilters
from intl_desk.core.overview.scope import agreement_scope, in_year, year_of
from intl_desk.core.reading import Reader, connection_of

#: the years the chart of signatures shows, the overview's the last
YEARS_SHOWN = 15


def _flag(condition: ColumnElement[bool]) -> ColumnElement[int]:
    """1 where ``condition`` holds, else 0 (NULL too, as ``CASE WHEN`` counted it)."""
    return case((condition, 1), else_=0)


def _is_expired(filters: OverviewFilters) -> ColumnElement[bool]:
    if filters.as_of is None:
        return Agreement.status == "expired"
    return expired_by(filters.as_of)


#: what :func:`read_parties` notes of each agreement in scope, one bit each
_ACTIVE, _EXPIRED, _SIGNED_IN_YEAR, _SIGNED_TO_DATE = 1, 2, 4, 8


@dataclass
class City:
    """A partner city with coordinates, and how many active agreements it is a party to."""

    name: str
    country_code: str
    latitude: float
    longitude: float
    agreements: int = 0


@dataclass
class PartyFigures:
    """Agreements counted per local entity and per partner country, each agreement once
    however many of its parties are the same entity or in the same country."""

    entity_active: Counter[str] = field(default_factory=Counter)
    entity_expired: Counter[str] = field(default_factory=Counter)
    entity_signed_in_year: Counter[str] = field(default_factory=Counter)
    #: signed up to the end of the year, whatever their status now
    entity_signed_to_date: Counter[str] = field(default_factory=Counter)
    #: the same, of the entity and every entity under it (an agreement of two
    #: municipalities of one region counts once for the region)
    entity_signed_with_subtree: Counter[str] = field(default_factory=Counter)
    #: every partner country of an agreement in scope, whatever its status
    countries: set[str | None] = field(default_factory=set)
    country_active: Counter[str | None] = field(default_factory=Counter)
    country_partners: Counter[str | None] = field(default_factory=Counter)
    country_signed_in_year: Counter[str | None] = field(default_factory=Counter)
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


def read_parties(session: Reader, filters: OverviewFilters) -> PartyFigures:
    """The parties of the agreements in ``filters``' scope, counted (see the docstring).

    Each agreement in scope gets a position (its number in the read) and a byte of
    flags; the parties are gathered as sets of positions per entity, per country and per
    city, counted, and let go. Neither the agreements' ids nor those sets outlive the
    read: on a file of 220,000 agreements they took 42 MiB kept with the overview, and
    the ids 19 MiB more while reading."""
    figures = PartyFigures()
    connection = connection_of(session)  # plain rows: 65,000 of them on the state demo
    positions, flags = _agreements_in_scope(connection, filters, figures)
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
    by_entity: dict[str, set[int]] = defaultdict(set)
    by_country: dict[str | None, set[int]] = defaultdict(set)
    country_partners: dict[str | None, set[str]] = defaultdict(set)
    city_agreements: dict[str, set[int]] = defaultdict(set)
    for agreement_id, entity_id, partner_id in driver_rows(
        connection,
        select(
            AgreementParty.agreement_id, AgreementParty.local_entity_id, AgreementParty.partner_id
        ).where(AgreementParty.deleted_at.is_(None)),
    ):
        position = positions.get(agreement_id)
        if position is None:  # not in scope
            continue
        if entity_id is not None:
            by_entity[entity_id].add(position)
        partner = partners.get(partner_id) if partner_id is not None else None
        if partner is None:
            continue
        partner_id, country, kind, name, latitude, longitude = partner
        by_country[country].add(position)
        if not flags[position] & _ACTIVE:
            continue
        country_partners[country].add(partner_id)
        if kind == "city" and latitude is not None and longitude is not None:
            if partner_id not in figures.cities:
                figures.cities[partner_id] = City(name, country, float(latitude), float(longitude))
            city_agreements[partner_id].add(position)
    del positions, partners  # the ids: the sets hold positions
    for entity_id, held in by_entity.items():
        _count(entity_id, held, flags, figures)
    figures.countries.update(by_country)
    for country, held in by_country.items():
        for position in held:
            bits = flags[position]
            if bits & _ACTIVE:
                figures.country_active[country] += 1
            if bits & _SIGNED_IN_YEAR:
                figures.country_signed_in_year[country] += 1
    figures.country_partners.update({code: len(ids) for code, ids in country_partners.items()})
    for partner_id, held in city_agreements.items():
        figures.cities[partner_id].agreements = len(held)
    figures.entity_signed_with_subtree = _signed_with_subtree(session, by_entity, flags)
    return figures


def _agreements_in_scope(
    connection: Connection, filters: OverviewFilters, figures: PartyFigures
) -> tuple[dict[str, int], bytearray]:
    """(agreement id → its position, the flags at each position) for the agreements in
    scope, counting the headline's figures and the signatures by year on the way."""
    year = filters.year
    positions: dict[str, int] = {}
    flags = bytearray()
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
        positions[agreement_id] = len(flags)
        flags.append(
            active * _ACTIVE
            | expired * _EXPIRED
            | signed_in_year * _SIGNED_IN_YEAR
            | signed_to_date * _SIGNED_TO_DATE
        )
        figures.active += active
        figures.signed_in_year += signed_in_year
        figures.signed_to_date += signed_to_date
        if signed is not None and first_year <= signed <= year:
            by_year[(int(signed), kind)] += 1
    return positions, flags


def _count(entity_id: str, held: set[int], flags: bytearray, figures: PartyFigures) -> None:
    """The entity's agreements (``held``, each once) counted by what counts them."""
    active = expired = signed_in_year = signed_to_date = 0
    for position in held:
        bits = flags[position]
        active += bits & _ACTIVE
        expired += bits & _EXPIRED
        signed_in_year += bits & _SIGNED_IN_YEAR
        signed_to_date += bits & _SIGNED_TO_DATE
    figures.entity_active[entity_id] = active
    figures.entity_expired[entity_id] = expired // _EXPIRED
    figures.entity_signed_in_year[entity_id] = signed_in_year // _SIGNED_IN_YEAR
    figures.entity_signed_to_date[entity_id] = signed_to_date // _SIGNED_TO_DATE


def _signed_with_subtree(
    session: Reader, by_entity: dict[str, set[int]], flags: bytearray
) -> Counter[str]:
    """Agreements signed up to the year, of each entity with everything under it (the
    Minas Gerais question, "how many has each one signed?"), each agreement once."""
    parents: dict[str, str | None] = {
        entity_id: parent_id
        for entity_id, parent_id in session.execute(
            select(LocalEntity.id, LocalEntity.parent_id).where(LocalEntity.deleted_at.is_(None))
        )
    }
    under: dict[str, list[str]] = defaultdict(list)  # entity → the entities with agreements
    for entity_id in by_entity:  # under it, itself included
        for current in _self_and_above(entity_id, parents):
            under[current].append(entity_id)
    totals: Counter[str] = Counter()
    for entity_id, members in under.items():
        signed = (
            by_entity[members[0]]
            if len(members) == 1
            else set().union(*(by_entity[member] for member in members))
        )
        totals[entity_id] = sum(1 for position in signed if flags[position] & _SIGNED_TO_DATE)
    return totals


def _self_and_above(entity_id: str, parents: dict[str, str | None]) -> tuple[str, ...]:
    chain: list[str] = []
    current: str | None = entity_id
    while current is not None and current not in chain:  # a cycle never hangs
        chain.append(current)
        current = parents.get(current)
    return tuple(chain)
