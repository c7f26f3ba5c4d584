"""The overview's figures as plain, frozen dataclasses.

Computed once (see :mod:`intl_desk.core.overview.compute`) and drawn twice: on screen by
``intl_desk.ui.dashboard`` and on paper by ``intl_desk.reports.overview``, so the two can
never disagree. Labels are already in the user's language; every figure that stands for a
set of records carries a :class:`Drill` that says which list shows those records.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from intl_desk.core.agreement_health import HealthCount
from intl_desk.core.currency_rates import Converted
from intl_desk.core.evaluation.status import Status

if TYPE_CHECKING:
    from intl_desk.core.overview.territory import Territory


@dataclass(frozen=True)
class OverviewFilters:
    """Year (signatures, events, indicator period), a local entity with its whole subtree,
    a partner country (ISO 3166 alpha-2)."""

    year: int
    entity_id: str | None = None
    country: str | None = None
    #: the day the standing figures (active, expiring, per country and entity) are taken
    #: on: the end of a past year; None for the current year (today's statuses). Set by
    #: compute_overview (core/agreement_time.py).
    as_of: date | None = None


@dataclass(frozen=True)
class Drill:
    """The records behind a figure: a list of the main window with facets set, or one record."""

    kind: str
    facets: tuple[tuple[str, str], ...] = ()
    record_id: str | None = None

    def facet_dict(self) -> dict[str, str]:
        return dict(self.facets)


@dataclass(frozen=True)
class Bar:
    key: str
    label: str
    value: float
    colour: str | None = None
    drill: Drill | None = None


@dataclass(frozen=True)
class Headline:
    active_agreements: int
    signed_in_year: int
    #: every agreement in scope signed up to the end of the year: the register's total
    signed_to_date: int
    partner_countries: int
    active_projects: int
    #: in the office's currency, with what was converted at which rates and what was left
    #: out for want of a rate (core/currency_rates.py)
    budget_sum: Converted
    cofinancing_sum: Converted
    memberships: int
    roles_held: int
    events_attended: int
    indicators_on_track: int
    indicators_assessed: int

    @property
    def budget(self) -> Decimal:
        return self.budget_sum.total

    @property
    def cofinancing(self) -> Decimal:
        return self.cofinancing_sum.total

    @property
    def share_on_track(self) -> float | None:
        """Share of assessed indicators on track (0–1), None when none could be assessed."""
        if not self.indicators_assessed:
            return None
        return self.indicators_on_track / self.indicators_assessed


@dataclass(frozen=True)
class YearSeries:
    """Agreements signed in one year, by agreement type (codes in ``Overview.type_keys``)."""

    year: int
    counts: tuple[int, ...]
    drill: Drill

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True)
class CountryFigure:
    code: str
    name: str
    active: int
    signed_in_year: int
    partners: int
    drill: Drill
    #: the office's own country: its partners are domestic, not international
    domestic: bool = False


@dataclass(frozen=True)
class CityPoint:
    name: str
    country: str
    latitude: float
    longitude: float
    active: int


@dataclass(frozen=True)
class EntityFigure:
    id: str
    name: str
    parent: str
    active: int
    signed_in_year: int
    expired: int
    projects: int
    drill: Drill
    #: agreements this entity signed up to the end of the year (as a direct party) …
    signed_to_date: int = 0
    #: … and those signed by it or any entity under it, each agreement once
    signed_with_subtree: int = 0


@dataclass(frozen=True)
class NetworkFigure:
    """One network with the memberships current in the year (several for a state whose
    municipalities join), the roles held in it beyond membership, and events attended."""

    name: str
    memberships: int
    roles: str
    roles_held: int
    events: int
    drill: Drill


@dataclass(frozen=True)
class IndicatorFigure:
    """An indicator as the evaluation engine judges it in the period shown (the year's, or
    the latest earlier one with a value): achieved and on track count as on track."""

    code: str
    name: str
    dimension: str  # code
    target: float
    value: float
    unit: str
    period: str
    on_track: bool
    drill: Drill
    status: Status = Status.ACHIEVED


@dataclass(frozen=True)
class ExpiringAgreement:
    title: str
    partners: str
    expires: date
    renewal: str  # the decision as the user reads it
    drill: Drill


@dataclass(frozen=True)
class Overview:
    office_name: str
    currency: str
    filters: OverviewFilters
    #: the filters as the user reads them ("Year 2026 · Belo Horizonte and below · Portugal")
    scope_text: str
    today: date
    headline: Headline
    type_keys: tuple[str, ...]
    type_labels: tuple[str, ...]
    signed_by_year: tuple[YearSeries, ...]
    themes: tuple[Bar, ...]
    sdgs: tuple[Bar, ...]
    project_statuses: tuple[Bar, ...]
    funders: tuple[Bar, ...]
    countries: tuple[CountryFigure, ...]
    cities: tuple[CityPoint, ...]
    entities: tuple[EntityFigure, ...]
    networks: tuple[NetworkFigure, ...]
    indicators: tuple[IndicatorFigure, ...]
    expiring: tuple[ExpiringAgreement, ...]
    expiring_count: int
    expiring_drill: Drill
    headline_drills: dict[str, Drill] = field(default_factory=dict, hash=False)
    #: active agreements in scope with each gap, today (core/agreement_health.py)
    health: tuple[HealthCount, ...] = ()
    #: the office's local entities as dots on their own land (core/overview/territory.py)
    territory: Territory | None = None
    #: for a past year: signed agreements whose dates cannot place them at its end (no
    #: signature date, ended early without the date), left out of the standing figures
    unplaced_agreements: int = 0

    @property
    def international_countries(self) -> tuple[CountryFigure, ...]:
        """The partner countries abroad: the map and the partner-country count."""
        return tuple(country for country in self.countries if not country.domestic)

    @property
    def international_cities(self) -> tuple[CityPoint, ...]:
        home = self.domestic_country
        return tuple(city for city in self.cities if home is None or city.country != home.code)

    @property
    def domestic_country(self) -> CountryFigure | None:
        return next((country for country in self.countries if country.domestic), None)

    @property
    def is_empty(self) -> bool:
        """Nothing recorded yet (in this scope): say what to do instead of drawing charts."""
        return not (
            self.headline.active_agreements
            or self.headline.signed_in_year
            or self.countries
            or self.project_statuses
            or self.networks
            or self.indicators
        )

    def top_entities(self, count: int = 10) -> tuple[EntityFigure, ...]:
        ranked = sorted(
            (entity for entity in self.entities if entity.active),
            key=lambda entity: -entity.active,
        )
        return tuple(ranked[:count])
