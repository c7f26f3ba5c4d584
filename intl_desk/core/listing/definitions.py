"""The lists of the main window, one :class:`ListSpec` per record kind: the directories
(partners, local entities, networks, activities, indicators, contacts) here, the register's
agreements and projects in :mod:`.register_lists`, and :data:`LISTS` naming them all."""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    ColumnElement,
    Float,
    Integer,
    cast,
    distinct,
    extract,
    func,
    select,
)
from sqlalchemy.orm import aliased

from intl_desk.core import vocabularies as vocab
from intl_desk.core.carbon_sql import CARBON_KG
from intl_desk.core.entity_tree import entity_subtree
from intl_desk.core.i18n import N_
from intl_desk.core.listing.activity_columns import ACTIVITY_DETAIL_COLUMNS
from intl_desk.core.listing.conditions import live, matches
from intl_desk.core.listing.options import (
    entity_options,
    partner_country_options,
    signed_year_options,
    vocabulary_options,
)
from intl_desk.core.listing.project_list import PROJECTS
from intl_desk.core.listing.register_lists import AGREEMENTS
from intl_desk.core.listing.spec import Column, Facet, ListSpec
from intl_desk.core.mission_origin import origin_position
from intl_desk.core.model import (
    Activity,
    Agreement,
    AgreementParty,
    Contact,
    Indicator,
    LocalEntity,
    Membership,
    Network,
    Partner,
    StrategicObjective,
)

# --- partners, local entities, networks, activities, indicators, contacts --------------


def _partner_agreements() -> ColumnElement[Any]:
    return (
        select(func.count(distinct(AgreementParty.agreement_id)))
        .join(Agreement, Agreement.id == AgreementParty.agreement_id)
        .where(AgreementParty.partner_id == Partner.id, live(AgreementParty), live(Agreement))
        .scalar_subquery()
    )


PARTNERS = ListSpec(
    kind="partners",
    label=N_("Partners"),
    model=Partner,
    columns=(
        Column(
            "name", N_("Name"), lambda: Partner.name, sort=lambda: Partner.search_key, width=240
        ),
        Column("kind", N_("Kind"), lambda: Partner.kind, "code", vocab.PARTNER_KINDS),
        Column("country", N_("Country"), lambda: Partner.country_code, "country", width=140),
        Column("region", N_("Region"), lambda: Partner.region),
        Column("agreements", N_("Agreements"), _partner_agreements, "integer", width=90),
        Column("website", N_("Website"), lambda: Partner.website, visible=False),
        # kept out of sight on screen, written by the export so it imports back whole
        Column(
            "population", N_("Population"), lambda: Partner.population, "integer", visible=False
        ),
        Column("latitude", N_("Latitude"), lambda: Partner.latitude, "number", visible=False),
        Column("longitude", N_("Longitude"), lambda: Partner.longitude, "number", visible=False),
        Column(
            "iati_org_ref",
            N_("IATI organisation identifier"),
            lambda: Partner.iati_org_ref,
            visible=False,
        ),
        # the place's identifier worldwide: it tells namesakes of one country apart
        Column(
            "geonames_id",
            N_("GeoNames id"),
            lambda: Partner.geonames_id,
            "integer",
            visible=False,
        ),
        Column("notes", N_("Notes"), lambda: Partner.notes, visible=False, width=300),
    ),
    search=lambda _session, text: matches(Partner, text),
    facets=(
        Facet(
            "kind",
            N_("Kind"),
            vocabulary_options(vocab.PARTNER_KINDS),
            lambda value: Partner.kind == value,
        ),
        Facet(
            "country",
            N_("Country"),
            partner_country_options,
            lambda value: Partner.country_code == value,
        ),
    ),
    default_sort="name",
    empty_hint=N_(
        "No partners yet. Partners are the cities and organisations abroad you "
        "work with; add one with New partner."
    ),
)


def _entity_agreements() -> ColumnElement[Any]:
    return (
        select(func.count(distinct(AgreementParty.agreement_id)))
        .join(Agreement, Agreement.id == AgreementParty.agreement_id)
        .where(
            AgreementParty.local_entity_id == LocalEntity.id,
            live(AgreementParty),
            live(Agreement),
        )
        .scalar_subquery()
    )


_ParentEntity = aliased(LocalEntity)

LOCAL_ENTITIES = ListSpec(
    kind="local_entities",
    label=N_("Local entities"),
    model=LocalEntity,
    columns=(
        Column(
            "name",
            N_("Name"),
            lambda: LocalEntity.name,
            sort=lambda: LocalEntity.search_key,
            width=240,
        ),
        Column("kind", N_("Kind"), lambda: LocalEntity.kind, "code", vocab.LOCAL_ENTITY_KINDS),
        Column(
            "parent",
            N_("Part of"),
            lambda: (
                select(_ParentEntity.name)
                .where(_ParentEntity.id == LocalEntity.parent_id)
                .scalar_subquery()
            ),
            width=200,
        ),
        Column("code", N_("Code"), lambda: LocalEntity.code, width=80),
        Column("agreements", N_("Agreements"), _entity_agreements, "integer", width=90),
        Column(
            "population", N_("Population"), lambda: LocalEntity.population, "integer", visible=False
        ),
        # where it is: missions' carbon estimates start from there
        Column("latitude", N_("Latitude"), lambda: LocalEntity.latitude, "number", visible=False),
        Column(
            "longitude", N_("Longitude"), lambda: LocalEntity.longitude, "number", visible=False
        ),
        Column("notes", N_("Notes"), lambda: LocalEntity.notes, visible=False, width=300),
    ),
    search=lambda _session, text: matches(LocalEntity, text),
    facets=(
        Facet(
            "kind",
            N_("Kind"),
            vocabulary_options(vocab.LOCAL_ENTITY_KINDS),
            lambda value: LocalEntity.kind == value,
        ),
        Facet(
            "entity",
            N_("Part of"),
            entity_options,
            lambda value: LocalEntity.id.in_(select(entity_subtree(value))),
        ),
    ),
    default_sort="name",
    empty_hint=N_(
        "No local entities yet. Add your own government first, then the services "
        "or municipalities that act internationally."
    ),
)

_ParentNetwork = aliased(Network)


def _network_role() -> ColumnElement[Any]:
    return (
        select(Membership.role)
        .where(Membership.network_id == Network.id, live(Membership))
        .order_by(Membership.since.desc())
        .limit(1)
        .scalar_subquery()
    )


NETWORKS = ListSpec(
    kind="networks",
    label=N_("Networks"),
    model=Network,
    columns=(
        Column(
            "name", N_("Name"), lambda: Network.name, sort=lambda: Network.search_key, width=260
        ),
        Column("acronym", N_("Acronym"), lambda: Network.acronym, width=90),
        Column("scope", N_("Scope"), lambda: Network.scope, "code", vocab.NETWORK_SCOPES),
        Column(
            "parent",
            N_("Part of"),
            lambda: (
                select(_ParentNetwork.name)
                .where(_ParentNetwork.id == Network.parent_id)
                .scalar_subquery()
            ),
        ),
        Column("role", N_("Our role"), _network_role, "code", vocab.MEMBERSHIP_ROLES),
        # hidden on screen, written by the export so an import gives the network back (its
        # memberships go on a sheet beside it, see intl_desk.exchange.detail_sheets)
        Column(
            "themes",
            N_("Themes"),
            lambda: Network.themes,
            "codes",
            vocab.THEMES,
            visible=False,
            width=200,
        ),
        Column("website", N_("Website"), lambda: Network.website, visible=False),
        Column(
            "description", N_("Description"), lambda: Network.description, visible=False, width=300
        ),
    ),
    search=lambda _session, text: matches(Network, text),
    facets=(
        Facet(
            "scope",
            N_("Scope"),
            vocabulary_options(vocab.NETWORK_SCOPES),
            lambda value: Network.scope == value,
        ),
    ),
    default_sort="name",
    empty_hint=N_("No networks yet. Record the city networks you belong to with New network."),
)


def _carbon() -> ColumnElement[Any]:
    """The mission's carbon estimate in kg CO2e, as its form shows it (see
    :mod:`intl_desk.core.carbon_sql`): from its local entity (or the nearest entity above
    it with a position, :mod:`intl_desk.core.mission_origin`) to its partner and back."""

    def position(model: Any, key: Any, axis: str) -> Any:
        return select(getattr(model, axis)).where(model.id == key).scalar_subquery()

    return getattr(func, CARBON_KG)(
        Activity.transport_mode,
        origin_position(Activity.local_entity_id, "latitude"),
        origin_position(Activity.local_entity_id, "longitude"),
        position(Partner, Activity.partner_id, "latitude"),
        position(Partner, Activity.partner_id, "longitude"),
        Activity.participant_count,
        type_=Float,
    )


ACTIVITIES = ListSpec(
    kind="activities",
    label=N_("Activities"),
    model=Activity,
    columns=(
        Column(
            "title",
            N_("Title"),
            lambda: Activity.title,
            sort=lambda: Activity.search_key,
            width=280,
        ),
        Column("kind", N_("Kind"), lambda: Activity.kind, "code", vocab.ACTIVITY_KINDS),
        Column("status", N_("Status"), lambda: Activity.status, "code", vocab.ACTIVITY_STATUSES),
        Column(
            "start",
            N_("Start"),
            lambda: Activity.start_date,
            "date",
            precision=lambda: Activity.start_date_precision,
        ),
        Column("location", N_("Place"), lambda: Activity.location),
        Column("country", N_("Country"), lambda: Activity.country_code, "country"),
        Column("cost", N_("Cost"), lambda: Activity.cost, "money"),
        Column("carbon", N_("Carbon (kg CO2e)"), _carbon, "number", width=130),
        # hidden on screen, written by the export so an import gives the activity back
        *ACTIVITY_DETAIL_COLUMNS,
    ),
    search=lambda _session, text: matches(Activity, text),
    facets=(
        Facet(
            "kind",
            N_("Kind"),
            vocabulary_options(vocab.ACTIVITY_KINDS),
            lambda value: Activity.kind == value,
        ),
        Facet(
            "year",
            N_("Year"),
            signed_year_options,
            lambda value: cast(extract("year", Activity.start_date), Integer) == int(value),
        ),
    ),
    default_sort="start",
    descending=True,
    empty_hint=N_(
        "No activities yet. Record missions, delegations received and events with New activity."
    ),
)

#: the indicator of an earlier plan an indicator carries on
_EarlierIndicator = aliased(Indicator)

INDICATORS = ListSpec(
    kind="indicators",
    label=N_("Indicators"),
    model=Indicator,
    columns=(
        Column("code", N_("Code"), lambda: Indicator.code, width=60),
        Column(
            "name", N_("Name"), lambda: Indicator.name, sort=lambda: Indicator.search_key, width=320
        ),
        Column("dimension", N_("Dimension"), lambda: Indicator.dimension, "code", vocab.DIMENSIONS),
        Column("measure", N_("Measure"), lambda: Indicator.measure, "code", vocab.MEASURES),
        Column("unit", N_("Unit"), lambda: Indicator.unit),
        Column(
            "direction",
            N_("Direction"),
            lambda: Indicator.direction,
            "code",
            vocab.DIRECTIONS,
            visible=False,
        ),
        # hidden on screen, written by the export so an import gives the indicator back
        Column(
            "baseline_value",
            N_("Baseline"),
            lambda: Indicator.baseline_value,
            "number",
            visible=False,
        ),
        Column(
            "baseline_year",
            N_("Baseline year"),
            lambda: Indicator.baseline_year,
            "integer",
            visible=False,
        ),
        Column("cumulative", N_("Cumulative"), lambda: Indicator.cumulative, "bool", visible=False),
        Column("description", N_("Description"), lambda: Indicator.description, visible=False),
        Column("source", N_("Source"), lambda: Indicator.source, visible=False),
        Column(
            "objective",
            N_("Objective"),
            lambda: (
                select(StrategicObjective.title)
                .where(StrategicObjective.id == Indicator.objective_id)
                .scalar_subquery()
            ),
            visible=False,
        ),
        Column("formula", N_("Formula"), lambda: Indicator.formula, visible=False),
        Column("formula_filter", N_("Filter"), lambda: Indicator.formula_filter, visible=False),
        Column(
            "continues",
            N_("Carries on"),
            lambda: (
                select(func.coalesce(_EarlierIndicator.code, _EarlierIndicator.name))
                .where(_EarlierIndicator.id == Indicator.continues_id)
                .scalar_subquery()
            ),
            visible=False,
        ),
    ),
    search=lambda _session, text: matches(Indicator, text),
    facets=(
        Facet(
            "dimension",
            N_("Dimension"),
            vocabulary_options(vocab.DIMENSIONS),
            lambda value: Indicator.dimension == value,
        ),
    ),
    default_sort="code",
    empty_hint=N_(
        "No indicators yet. Indicators show what international action brings; "
        "add one with New indicator."
    ),
)

_ContactPartner = aliased(Partner)
_ContactEntity = aliased(LocalEntity)

def contact_organisation() -> Any:
    """What the contacts list shows as a contact's organisation: the partner's or the
    local entity's name when the contact belongs to one, else the organisation typed."""
    return func.coalesce(
        select(_ContactPartner.name)
        .where(_ContactPartner.id == Contact.partner_id)
        .scalar_subquery(),
        select(_ContactEntity.name)
        .where(_ContactEntity.id == Contact.local_entity_id)
        .scalar_subquery(),
        Contact.organisation,
    )


CONTACTS = ListSpec(
    kind="contacts",
    label=N_("Contacts"),
    model=Contact,
    columns=(
        Column(
            "name", N_("Name"), lambda: Contact.name, sort=lambda: Contact.search_key, width=200
        ),
        Column("position", N_("Position"), lambda: Contact.position, width=180),
        Column("organisation", N_("Organisation"), contact_organisation, width=220),
        Column("email", N_("E-mail"), lambda: Contact.email, width=200),
        Column("phone", N_("Phone"), lambda: Contact.phone),
        # hidden on screen, written by the export so an import gives the contact back
        Column(
            "partner",
            N_("Partner"),
            lambda: (
                select(_ContactPartner.name)
                .where(_ContactPartner.id == Contact.partner_id)
                .scalar_subquery()
            ),
            visible=False,
        ),
        Column(
            "partner_country",
            N_("Partner's country"),
            lambda: (
                select(_ContactPartner.country_code)
                .where(_ContactPartner.id == Contact.partner_id)
                .scalar_subquery()
            ),
            "country",
            visible=False,
        ),
        Column(
            "partner_place",
            N_("Partner's GeoNames id"),
            lambda: (
                select(_ContactPartner.geonames_id)
                .where(_ContactPartner.id == Contact.partner_id)
                .scalar_subquery()
            ),
            "integer",
            visible=False,
        ),
        Column(
            "local_entity",
            N_("Local entity"),
            lambda: (
                select(_ContactEntity.name)
                .where(_ContactEntity.id == Contact.local_entity_id)
                .scalar_subquery()
            ),
            visible=False,
        ),
        Column(
            "organisation_typed",
            N_("Organisation as typed"),
            lambda: Contact.organisation,
            visible=False,
        ),
        Column(
            "languages",
            N_("Languages"),
            lambda: Contact.languages,
            "codes",
            vocab.LANGUAGES,
            visible=False,
        ),
        Column("is_staff", N_("Office staff"), lambda: Contact.is_staff, "bool", visible=False),
        Column("notes", N_("Notes"), lambda: Contact.notes, visible=False, width=300),
    ),
    search=lambda _session, text: matches(Contact, text),
    default_sort="name",
    empty_hint=N_("No contacts yet. Keep the people behind each partnership here."),
)

LISTS: dict[str, ListSpec] = {
    spec.kind: spec
    for spec in (
        AGREEMENTS,
        PROJECTS,
        PARTNERS,
        LOCAL_ENTITIES,
        NETWORKS,
        ACTIVITIES,
        INDICATORS,
        CONTACTS,
    )
}

__all__ = ["LISTS"]
