"""``compute_overview``: every figure of the overview dashboard and PDF, read once."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from intl_desk.core import vocabularies as vocab
from intl_desk.core.display import country_name
from intl_desk.core.errors import IntlDeskError
from intl_desk.core.i18n import N_, Message, current_language
from intl_desk.core.model import LocalEntity
from intl_desk.core.overview import activity, agreements
from intl_desk.core.overview.figures import Drill, Headline, Overview, OverviewFilters
from intl_desk.core.overview.scope import drill
from intl_desk.core.queries import office as office_record


def scope_text(session: Session, filters: OverviewFilters) -> str:
    """The filters as one line the reader understands."""
    parts = [Message(N_("Year {year}"), {"year": filters.year}).render()]
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


def compute_overview(
    session: Session, filters: OverviewFilters, today: date | None = None
) -> Overview:
    today = today or date.today()
    language = current_language()
    own = office_record(session)
    active, signed = agreements.counts(session, filters)
    countries = agreements.countries(session, filters)
    running, budget, granted = activity.money(session, filters)
    networks = activity.networks(session, filters)
    indicators = activity.indicators(session, filters)
    expiring, expiring_count = agreements.expiring(session, filters, today)
    headline = Headline(
        active_agreements=active,
        signed_in_year=signed,
        partner_countries=sum(1 for country in countries if country.active),
        active_projects=running,
        budget=budget,
        cofinancing=granted,
        memberships=sum(network.memberships for network in networks),
        roles_held=sum(network.roles_held for network in networks),
        events_attended=sum(network.events for network in networks),
        indicators_on_track=sum(1 for indicator in indicators if indicator.on_track),
        indicators_assessed=len(indicators),
    )
    return Overview(
        office_name=own.name if own else "",
        currency=own.currency if own else "EUR",
        filters=filters,
        scope_text=scope_text(session, filters),
        today=today,
        headline=headline,
        type_keys=vocab.AGREEMENT_TYPES.codes,
        type_labels=tuple(term.display() for term in vocab.AGREEMENT_TYPES),
        signed_by_year=agreements.signed_by_year(session, filters),
        themes=agreements.themes(session, filters),
        sdgs=agreements.sdgs(session, filters, language),
        project_statuses=activity.project_statuses(session, filters),
        funders=activity.funders(session, filters),
        countries=countries,
        cities=agreements.cities(session, filters),
        entities=agreements.entities(session, filters),
        networks=networks,
        indicators=indicators,
        expiring=expiring,
        expiring_count=expiring_count,
        expiring_drill=drill("agreements", filters, ("status", agreements.ACTIVE)),
        headline_drills={
            "active": drill("agreements", filters, ("status", agreements.ACTIVE)),
            "signed": drill("agreements", filters, ("year", str(filters.year))),
            "countries": drill("agreements", filters, ("status", agreements.ACTIVE)),
            "projects": drill("projects", filters),
            "money": drill("projects", filters),
            "networks": Drill("networks"),
            "indicators": Drill("indicators"),
        },
    )


def entity_by_name(session: Session, name: str) -> str:
    """The id of the local entity called ``name`` (accents and case ignored)."""
    from intl_desk.core.model.base import fold

    wanted = fold(name.strip())
    for entity_id, entity_name in session.execute(
        select(LocalEntity.id, LocalEntity.name).where(LocalEntity.deleted_at.is_(None))
    ):
        if fold(entity_name) == wanted:
            return str(entity_id)
    raise UnknownEntityError(name)


class UnknownEntityError(IntlDeskError):
    def __init__(self, name: str) -> None:
        super().__init__(Message(N_("No local entity is called “{name}”."), {"name": name}))
