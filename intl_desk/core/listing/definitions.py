"""The lists of the main window, one :class:`ListSpec` per record kind."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    and_,
    cast,
    distinct,
    exists,
    extract,
    func,
    literal,
    or_,
    select,
)
from sqlalchemy.orm import Session, aliased

from intl_desk.core import vocabularies as vocab
from intl_desk.core.agreement_health import GAPS, gap_condition
from intl_desk.core.folding import fold
from intl_desk.core.i18n import N_
from intl_desk.core.listing.agreement_search import agreement_search
from intl_desk.core.listing.options import (
    entity_options,
    partner_country_options,
    sdg_options,
    signed_year_options,
    vocabulary_options,
)
from intl_desk.core.listing.spec import Column, Facet, FacetOption, ListSpec, like_pattern
from intl_desk.core.model import (
    Activity,
    Agreement,
    AgreementParty,
    AgreementSdg,
    AgreementTheme,
    BudgetLine,
    CofinancingLine,
    Contact,
    Indicator,
    LocalEntity,
    Membership,
    Network,
    Partner,
    Project,
    ProjectParticipant,
    ProjectSdg,
)


def _live(model: Any) -> ColumnElement[bool]:
    condition: ColumnElement[bool] = model.deleted_at.is_(None)
    return condition


def _words(text: str) -> list[str]:
    return [like_pattern(fold(word)) for word in text.split()]


def _matches(model: Any, text: str) -> ColumnElement[bool]:
    """Every word of ``text`` appears in the record's folded ``search_key``."""
    clauses = [model.search_key.like(pattern, escape="\\") for pattern in _words(text)]
    return and_(*clauses) if clauses else literal(True)


def entity_subtree(entity_id: str) -> Any:
    """A recursive CTE of ``entity_id`` and every entity under it (regions → municipalities)."""
    tree = select(LocalEntity.id).where(LocalEntity.id == entity_id).cte(recursive=True)
    child = aliased(LocalEntity)
    return tree.union_all(
        select(child.id).where(child.parent_id == tree.c.id, child.deleted_at.is_(None))
    )


# --- agreements -------------------------------------------------------------------------


def _party_exists(*conditions: ColumnElement[bool]) -> ColumnElement[bool]:
    return exists().where(
        AgreementParty.agreement_id == Agreement.id, _live(AgreementParty), *conditions
    )


def _signed_in(year: str) -> ColumnElement[bool]:
    return cast(extract("year", Agreement.date_signed), Integer) == int(year)


def _signed_by(year: str) -> ColumnElement[bool]:
    return Agreement.date_signed <= date(int(year), 12, 31)


AGREEMENTS = ListSpec(
    kind="agreements",
    label=N_("Agreements"),
    model=Agreement,
    columns=(
        Column(
            "title",
            N_("Title"),
            lambda: Agreement.title,
            sort=lambda: Agreement.search_key,
            width=320,
        ),
        Column("type", N_("Type"), lambda: Agreement.type, "code", vocab.AGREEMENT_TYPES),
        Column(
            "status",
            N_("Status"),
            lambda: Agreement.status,
            "code",
            vocab.AGREEMENT_STATUSES,
            width=100,
        ),
        Column("partners", N_("Partners"), lambda: Agreement.partner_names, width=220),
        # Sorted by the codes themselves: the cell holds several codes ("FR,PL"), and on a
        # state's 200,000 agreements sorting by country names per row costs 0.5 s.
        Column(
            "countries",
            N_("Countries"),
            lambda: Agreement.country_codes,
            "country",
            sort=lambda: func.lower(Agreement.country_codes),
        ),
        Column("entities", N_("Local entities"), lambda: Agreement.entity_names, width=180),
        Column("date_signed", N_("Signed"), lambda: Agreement.date_signed, "date", width=95),
        Column("date_expires", N_("Expires"), lambda: Agreement.date_expires, "date", width=95),
        Column(
            "objectives", N_("Objectives"), lambda: Agreement.objective_count, "integer", width=80
        ),
        Column("reference", N_("Reference"), lambda: Agreement.reference, visible=False),
        Column(
            "updated_at", N_("Last changed"), lambda: Agreement.updated_at, "date", visible=False
        ),
    ),
    search=agreement_search,
    facets=(
        Facet(
            "status",
            N_("Status"),
            vocabulary_options(vocab.AGREEMENT_STATUSES),
            lambda value: Agreement.status == value,
        ),
        Facet(
            "type",
            N_("Type"),
            vocabulary_options(vocab.AGREEMENT_TYPES),
            lambda value: Agreement.type == value,
        ),
        Facet(
            "country",
            N_("Country"),
            partner_country_options,
            lambda value: _party_exists(
                AgreementParty.partner_id == Partner.id, Partner.country_code == value
            ),
        ),
        Facet(
            "entity",
            N_("Local entity"),
            entity_options,
            lambda value: _party_exists(
                AgreementParty.local_entity_id.in_(select(entity_subtree(value)))
            ),
        ),
        Facet("year", N_("Year signed"), signed_year_options, _signed_in),
        Facet("signed_by", N_("Signed by the end of"), signed_year_options, _signed_by),
        Facet(
            "gap",
            N_("Gap"),
            vocabulary_options(GAPS),
            lambda value: gap_condition(value, date.today()),
        ),
        Facet(
            "theme",
            N_("Theme"),
            vocabulary_options(vocab.THEMES),
            lambda value: exists().where(
                AgreementTheme.agreement_id == Agreement.id,
                _live(AgreementTheme),
                AgreementTheme.theme == value,
            ),
        ),
        Facet(
            "sdg",
            N_("SDG"),
            sdg_options,
            lambda value: exists().where(
                AgreementSdg.agreement_id == Agreement.id,
                _live(AgreementSdg),
                AgreementSdg.sdg == int(value),
            ),
        ),
    ),
    default_sort="date_signed",
    descending=True,
    empty_hint=N_(
        "No agreements yet. Record your first one with New agreement, or import "
        "your register from a spreadsheet."
    ),
)


# --- projects ---------------------------------------------------------------------------


def _project_budget() -> ColumnElement[Any]:
    return (
        select(func.coalesce(func.sum(BudgetLine.amount), 0))
        .where(BudgetLine.project_id == Project.id, _live(BudgetLine))
        .scalar_subquery()
    )


def _project_granted() -> ColumnElement[Any]:
    return (
        select(func.coalesce(func.sum(CofinancingLine.amount_granted), 0))
        .where(CofinancingLine.project_id == Project.id, _live(CofinancingLine))
        .scalar_subquery()
    )


def _project_partners() -> ColumnElement[Any]:
    return (
        select(func.aggregate_strings(Partner.name, ", "))
        .join(ProjectParticipant, ProjectParticipant.partner_id == Partner.id)
        .where(ProjectParticipant.project_id == Project.id, _live(ProjectParticipant))
        .scalar_subquery()
    )


def _lead_entity_name() -> ColumnElement[Any]:
    return (
        select(LocalEntity.name).where(LocalEntity.id == Project.lead_entity_id).scalar_subquery()
    )


def _project_year(year: str) -> ColumnElement[bool]:
    start = func.coalesce(Project.actual_start, Project.planned_start)
    end = func.coalesce(Project.actual_end, Project.planned_end)
    return and_(
        cast(extract("year", start), Integer) <= int(year),
        or_(end.is_(None), cast(extract("year", end), Integer) >= int(year)),
    )


def _year_range_options(session: Session) -> list[FacetOption]:
    return signed_year_options(session)


PROJECTS = ListSpec(
    kind="projects",
    label=N_("Projects"),
    model=Project,
    columns=(
        Column(
            "title", N_("Title"), lambda: Project.title, sort=lambda: Project.search_key, width=320
        ),
        Column("status", N_("Status"), lambda: Project.status, "code", vocab.PROJECT_STATUSES),
        Column("lead", N_("Lead entity"), _lead_entity_name, width=160),
        Column("partners", N_("Partners"), _project_partners, width=200),
        Column("country", N_("Country"), lambda: Project.country_code, "country"),
        Column(
            "start",
            N_("Start"),
            lambda: func.coalesce(Project.actual_start, Project.planned_start),
            "date",
        ),
        Column(
            "end", N_("End"), lambda: func.coalesce(Project.actual_end, Project.planned_end), "date"
        ),
        Column("budget", N_("Budget"), _project_budget, "money"),
        Column("granted", N_("Co-financing granted"), _project_granted, "money"),
        Column("currency", N_("Currency"), lambda: Project.currency, visible=False, width=60),
    ),
    search=lambda _session, text: _matches(Project, text),
    facets=(
        Facet(
            "status",
            N_("Status"),
            vocabulary_options(vocab.PROJECT_STATUSES),
            lambda value: Project.status == value,
        ),
        Facet(
            "country",
            N_("Country"),
            partner_country_options,
            lambda value: Project.country_code == value,
        ),
        Facet(
            "entity",
            N_("Local entity"),
            entity_options,
            lambda value: Project.lead_entity_id.in_(select(entity_subtree(value))),
        ),
        Facet("year", N_("Year"), _year_range_options, _project_year),
        Facet(
            "sdg",
            N_("SDG"),
            sdg_options,
            lambda value: exists().where(
                ProjectSdg.project_id == Project.id, _live(ProjectSdg), ProjectSdg.sdg == int(value)
            ),
        ),
    ),
    default_sort="start",
    descending=True,
    empty_hint=N_("No projects yet. Add a cooperation project with New project."),
)


# --- partners, local entities, networks, activities, indicators, contacts --------------


def _partner_agreements() -> ColumnElement[Any]:
    return (
        select(func.count(distinct(AgreementParty.agreement_id)))
        .join(Agreement, Agreement.id == AgreementParty.agreement_id)
        .where(AgreementParty.partner_id == Partner.id, _live(AgreementParty), _live(Agreement))
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
    ),
    search=lambda _session, text: _matches(Partner, text),
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
            _live(AgreementParty),
            _live(Agreement),
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
    ),
    search=lambda _session, text: _matches(LocalEntity, text),
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
        .where(Membership.network_id == Network.id, _live(Membership))
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
    ),
    search=lambda _session, text: _matches(Network, text),
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
        Column("start", N_("Start"), lambda: Activity.start_date, "date"),
        Column("location", N_("Place"), lambda: Activity.location),
        Column("country", N_("Country"), lambda: Activity.country_code, "country"),
        Column("cost", N_("Cost"), lambda: Activity.cost, "money"),
    ),
    search=lambda _session, text: _matches(Activity, text),
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
    ),
    search=lambda _session, text: _matches(Indicator, text),
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

CONTACTS = ListSpec(
    kind="contacts",
    label=N_("Contacts"),
    model=Contact,
    columns=(
        Column(
            "name", N_("Name"), lambda: Contact.name, sort=lambda: Contact.search_key, width=200
        ),
        Column("position", N_("Position"), lambda: Contact.position, width=180),
        Column(
            "organisation",
            N_("Organisation"),
            lambda: func.coalesce(
                select(_ContactPartner.name)
                .where(_ContactPartner.id == Contact.partner_id)
                .scalar_subquery(),
                select(_ContactEntity.name)
                .where(_ContactEntity.id == Contact.local_entity_id)
                .scalar_subquery(),
                Contact.organisation,
            ),
            width=220,
        ),
        Column("email", N_("E-mail"), lambda: Contact.email, width=200),
        Column("phone", N_("Phone"), lambda: Contact.phone),
    ),
    search=lambda _session, text: _matches(Contact, text),
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
