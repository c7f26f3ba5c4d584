"""``compute_overview``: every figure of the overview dashboard and PDF, read once."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select

from intl_desk.core import vocabularies as vocab
from intl_desk.core.agreement_health import GAPS, active_gaps
from intl_desk.core.agreement_time import as_of
from intl_desk.core.columns import LocalEntity
from intl_desk.core.display import country_name, date_text
from intl_desk.core.errors import IntlDeskError
from intl_desk.core.i18n import N_, Message, current_language
from intl_desk.core.overview import activity, agreements
from intl_desk.core.overview.figures import (
    Bar,
    CityPoint,
    CountryFigure,
    Drill,
    EntityFigure,
    ExpiringAgreement,
    Headline,
    Overview,
    OverviewFilters,
)
from intl_desk.core.overview.parties import PartyFigures, read_parties
from intl_desk.core.overview.scope import agreement_scope, drill
from intl_desk.core.overview.territory import territory
from intl_desk.core.queries import office_settings
from intl_desk.core.reading import Reader


def scope_text(session: Reader, filters: OverviewFilters) -> str:
    """The filters as one line the reader understands."""
    parts = [Message(N_("Year {year}"), {"year": filters.year}).render()]
    if filters.as_of is not None:  # a past year: its standing figures are of its end
        parts.append(
            Message(N_("agreements as of {date}"), {"date": date_text(filters.as_of)}).render()
        )
    if filters.entity_id:
        name = session.scalar(select(LocalEntity.name).where(LocalEntity.id == filters.entity_id))
        parts.append(
            Message(N_("{entity} and everything under it"), {"entity": name or "?"}).render()
        )
    else:
        parts.append(Message(N_("All local entities")).render())
    if filters.country:
        parts.append(
            Message(
                N_("Partners in {country}"), {"country": country_name(filters.country)}
            ).render()
        )
    return " · ".join(parts)


@dataclass(frozen=True)
class _Standing:
    """The figures that do not depend on the year: what is active, running or expiring
    today. A dashboard changing only the year takes them from the previous overview."""

    active: int
    countries: tuple[CountryFigure, ...]
    cities: tuple[CityPoint, ...]
    entities: tuple[EntityFigure, ...]
    themes: tuple[Bar, ...]
    sdgs: tuple[Bar, ...]
    project_statuses: tuple[Bar, ...]
    funders: tuple[Bar, ...]
    money: activity.Money
    expiring: tuple[ExpiringAgreement, ...]
    expiring_count: int


def _standing(
    session: Reader, filters: OverviewFilters, today: date, currency: str, parties: PartyFigures
) -> _Standing:
    expiring, expiring_count = agreements.expiring(session, filters, today)
    return _Standing(
        active=parties.active,
        countries=agreements.countries(filters, parties),
        cities=agreements.cities(parties),
        entities=agreements.entities(session, filters, parties),
        themes=agreements.themes(session, filters),
        sdgs=agreements.sdgs(session, filters, current_language()),
        project_statuses=activity.project_statuses(session, filters),
        funders=activity.funders(session, filters, currency),
        money=activity.money(session, filters, currency),
        expiring=expiring,
        expiring_count=expiring_count,
    )


def _from_previous(parties: PartyFigures, previous: Overview) -> _Standing:
    """``previous``'s standing figures with this year's signatures put in."""
    by_entity = parties.entity_signed_in_year
    by_country = parties.country_signed_in_year
    head = previous.headline
    return _Standing(
        active=head.active_agreements,
        countries=tuple(
            replace(country, signed_in_year=by_country[country.code])
            for country in previous.countries
        ),
        cities=previous.cities,
        entities=tuple(
            replace(entity, signed_in_year=by_entity[entity.id])
            for entity in previous.entities
        ),
        themes=previous.themes,
        sdgs=previous.sdgs,
        project_statuses=previous.project_statuses,
        funders=previous.funders,
        money=activity.Money(head.active_projects, head.budget_sum, head.cofinancing_sum),
        expiring=previous.expiring,
        expiring_count=previous.expiring_count,
    )


def compute_overview(
    session: Reader,
    filters: OverviewFilters,
    today: date | None = None,
    previous: Overview | None = None,
) -> Overview:
    """Every figure for ``filters``. Given the ``previous`` overview of the same file,
    entity, country and day (a dashboard whose year changed), the figures that do not
    depend on the year are taken from it instead of read again."""
    today = today or date.today()
    filters = replace(filters, as_of=as_of(filters.year, today))
    own = office_settings(session)
    reusable = previous is not None and (
        previous.filters.entity_id,
        previous.filters.country,
        previous.filters.as_of,
        previous.today,
        previous.type_labels,
    ) == (filters.entity_id, filters.country, filters.as_of, today, _type_labels())
    parties = read_parties(session, filters)  # one read for every per-entity figure
    standing = (
        _from_previous(parties, previous)
        if reusable and previous is not None
        else _standing(session, filters, today, own.currency if own else "EUR", parties)
    )
    home = own.country_code if own else None
    standing = replace(
        standing,
        countries=tuple(
            replace(country, domestic=country.code == home) for country in standing.countries
        ),
    )
    networks = activity.networks(session, filters)
    indicators = activity.indicators(session, filters, today)
    running, budget, granted = standing.money.running, standing.money.budget, standing.money.granted
    headline = Headline(
        active_agreements=standing.active,
        signed_in_year=parties.signed_in_year,
        signed_to_date=parties.signed_to_date,
        partner_countries=sum(
            1 for country in standing.countries if country.active and not country.domestic
        ),
        active_projects=running,
        budget_sum=budget,
        cofinancing_sum=granted,
        memberships=sum(network.memberships for network in networks),
        roles_held=sum(network.roles_held for network in networks),
        events_attended=sum(network.events for network in networks),
        indicators_on_track=sum(1 for indicator in indicators if indicator.on_track),
        indicators_assessed=len(indicators),
    )
    entities = agreements.with_signed_totals(parties, standing.entities)
    return Overview(
        office_name=own.name if own else "",
        currency=own.currency if own else "EUR",
        filters=filters,
        scope_text=scope_text(session, filters),
        today=today,
        headline=headline,
        type_keys=vocab.AGREEMENT_TYPES.codes,
        type_labels=_type_labels(),
        signed_by_year=agreements.signed_by_year(filters, parties),
        themes=standing.themes,
        sdgs=standing.sdgs,
        project_statuses=standing.project_statuses,
        funders=standing.funders,
        countries=standing.countries,
        cities=standing.cities,
        entities=entities,
        networks=networks,
        indicators=indicators,
        expiring=standing.expiring,
        expiring_count=standing.expiring_count,
        expiring_drill=drill("agreements", filters, *_expiring_facets(filters)),
        headline_drills={
            "active": drill("agreements", filters, agreements.active_facet(filters)),
            "signed": drill("agreements", filters, ("signed_by", str(filters.year))),
            "signed_in_year": drill("agreements", filters, ("year", str(filters.year))),
            "countries": drill("agreements", filters, agreements.active_facet(filters)),
            "projects": drill("projects", filters),
            "money": drill("projects", filters),
            # the amounts the money tiles leave out for want of a rate, of the same projects
            "without_rate": drill("projects", filters, ("without_rate", "running")),
            "networks": Drill("networks"),
            "indicators": Drill("indicators"),
            **{
                f"gap:{code}": drill(
                    "agreements", filters, ("status", agreements.ACTIVE), ("gap", code)
                )
                for code in GAPS.codes
            },
        },
        health=active_gaps(session, agreement_scope(filters), today),
        territory=territory(session, entities, home),
        unplaced_agreements=agreements.unplaced_count(session, filters),
    )


def _expiring_facets(filters: OverviewFilters) -> tuple[tuple[str, str], ...]:
    """The list of the agreements expiring within 12 months: today's active ones expiring
    soon, or those active at the end of a past year and expiring in the year after."""
    if filters.as_of is None:
        return (("status", agreements.ACTIVE),)
    return (("expiring_after", str(filters.as_of.year)),)


def _type_labels() -> tuple[str, ...]:
    """In the current language: an overview from before a language change is not reused."""
    return tuple(term.display() for term in vocab.AGREEMENT_TYPES)


def entity_by_name(session: Reader, name: str) -> str:
    """The id of the local entity called ``name`` (accents and case ignored)."""
    from intl_desk.core.queries import id_by_folded_name

    found = id_by_folded_name(session, LocalEntity, name)
    if found is None:
        raise UnknownEntityError(name)
    return found


class UnknownEntityError(IntlDeskError):
    def __init__(self, name: str) -> None:
        super().__init__(Message(N_("No local entity is called “{name}”."), {"name": name}))
