"""The projects list: its columns (money summed and converted, partners and their places,
the lead entity), filters and facets, read by the list page, the exports and the IATI
file."""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    and_,
    case,
    cast,
    extract,
    func,
    or_,
    select,
)
from sqlalchemy.orm import Session

from intl_desk.core import vocabularies as vocab
from intl_desk.core.currency_rates import (
    office_currency_sql,
    projects_without_rate,
    rate_factor,
    year_of,
)
from intl_desk.core.entity_tree import entity_subtree
from intl_desk.core.i18n import N_, translate
from intl_desk.core.listing.conditions import live, matches
from intl_desk.core.listing.options import (
    entity_options,
    partner_country_options,
    sdg_options,
    signed_year_options,
    vocabulary_options,
)

# --- agreements -------------------------------------------------------------------------
from intl_desk.core.listing.register_lists import aggregated, partner_places, with_child
from intl_desk.core.listing.spec import Column, Facet, FacetOption, ListSpec
from intl_desk.core.model import (
    BudgetLine,
    CofinancingLine,
    LocalEntity,
    Partner,
    Project,
    ProjectParticipant,
    ProjectSdg,
)


def _project_budget() -> ColumnElement[Any]:
    return (
        select(func.coalesce(func.sum(BudgetLine.amount), 0))
        .where(BudgetLine.project_id == Project.id, live(BudgetLine))
        .scalar_subquery()
    )


def _project_granted() -> ColumnElement[Any]:
    return (
        select(func.coalesce(func.sum(CofinancingLine.amount_granted), 0))
        .where(CofinancingLine.project_id == Project.id, live(CofinancingLine))
        .scalar_subquery()
    )


def _converted(amount: Any, year: Any, conditions: tuple[Any, ...]) -> ColumnElement[Any]:
    """A project's ``amount`` lines summed in the office's currency, each at the rate of
    its year (core/currency_rates.py); empty when one of them has no rate, rather than a
    sum that silently leaves it out."""
    factor = rate_factor(Project.currency, year, office_currency_sql())
    statement = select(
        case(
            (func.count(case((factor.is_(None), 1))) > 0, None),
            else_=func.coalesce(func.sum(amount * factor), 0),
        )
    ).where(*conditions)
    return statement.scalar_subquery()


def _project_budget_converted() -> ColumnElement[Any]:
    return _converted(
        BudgetLine.amount,
        BudgetLine.year,
        (BudgetLine.project_id == Project.id, live(BudgetLine), BudgetLine.amount.is_not(None)),
    )


def _project_granted_converted() -> ColumnElement[Any]:
    year = year_of(func.coalesce(CofinancingLine.date_decided, Project.actual_start,
                                 Project.planned_start))  # fmt: skip
    return _converted(
        CofinancingLine.amount_granted,
        year,
        (
            CofinancingLine.project_id == Project.id,
            live(CofinancingLine),
            CofinancingLine.amount_granted.is_not(None),
        ),
    )


def _project_partners() -> ColumnElement[Any]:
    return (
        select(func.aggregate_strings(Partner.name, ", "))
        .join(ProjectParticipant, ProjectParticipant.partner_id == Partner.id)
        .where(ProjectParticipant.project_id == Project.id, live(ProjectParticipant))
        .scalar_subquery()
    )


def _project_partner_countries() -> ColumnElement[Any]:
    """The countries of the project's partners (codes, comma-separated): they tell the
    import which of two namesakes (Córdoba in Argentina, Córdoba in Spain) is meant."""
    return (
        select(func.aggregate_strings(Partner.country_code, ","))
        .join(ProjectParticipant, ProjectParticipant.partner_id == Partner.id)
        .where(ProjectParticipant.project_id == Project.id, live(ProjectParticipant))
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
        Column(
            "partner_countries",
            N_("Partners' countries"),
            _project_partner_countries,
            "country",
            visible=False,
        ),
        Column(
            "partner_places",
            N_("Partners' GeoNames ids"),
            lambda: partner_places(
                ProjectParticipant, ProjectParticipant.project_id, Project.id
            ),
            visible=False,
            sort=_project_partners,  # ids follow their partners, as in the agreements list
        ),
        Column("country", N_("Country"), lambda: Project.country_code, "country"),
        Column(
            "start",
            N_("Start"),
            lambda: func.coalesce(Project.actual_start, Project.planned_start),
            "date",
            precision=lambda: case(
                (Project.actual_start.is_not(None), Project.actual_start_precision),
                else_=Project.planned_start_precision,
            ),
        ),
        Column(
            "end",
            N_("End"),
            lambda: func.coalesce(Project.actual_end, Project.planned_end),
            "date",
            precision=lambda: case(
                (Project.actual_end.is_not(None), Project.actual_end_precision),
                else_=Project.planned_end_precision,
            ),
        ),
        Column("budget", N_("Budget"), _project_budget, "money"),
        Column("granted", N_("Co-financing granted"), _project_granted, "money"),
        Column("currency", N_("Currency"), lambda: Project.currency, visible=False, width=60),
        # the same amounts in the office's currency, at each line's year's rate: what a
        # spreadsheet may add up (blank where a year has no rate)
        Column(
            "budget_converted",
            N_("Budget in the office's currency"),
            _project_budget_converted,
            "money",
            visible=False,
        ),
        Column(
            "granted_converted",
            N_("Co-financing granted in the office's currency"),
            _project_granted_converted,
            "money",
            visible=False,
        ),
        # kept out of sight on screen, written by the export so it imports back whole
        Column(
            "planned_start",
            N_("Planned start"),
            lambda: Project.planned_start,
            "date",
            visible=False,
            precision=lambda: Project.planned_start_precision,
        ),
        Column(
            "planned_end",
            N_("Planned end"),
            lambda: Project.planned_end,
            "date",
            visible=False,
            precision=lambda: Project.planned_end_precision,
        ),
        Column(
            "actual_start",
            N_("Actual start"),
            lambda: Project.actual_start,
            "date",
            visible=False,
            precision=lambda: Project.actual_start_precision,
        ),
        Column(
            "actual_end",
            N_("Actual end"),
            lambda: Project.actual_end,
            "date",
            visible=False,
            precision=lambda: Project.actual_end_precision,
        ),
        Column("location_name", N_("Place"), lambda: Project.location_name, visible=False),
        Column(
            "description", N_("Description"), lambda: Project.description, visible=False, width=300
        ),
        Column(
            "iati_identifier", N_("IATI identifier"), lambda: Project.iati_identifier, visible=False
        ),
        Column(
            "sdgs",
            N_("SDGs"),
            lambda: aggregated(ProjectSdg.sdg, ProjectSdg.project_id, Project.id),
            "sdgs",
            visible=False,
        ),
        Column("notes", N_("Notes"), lambda: Project.notes, visible=False, width=300),
    ),
    search=lambda _session, text: matches(Project, text),
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
            lambda value: with_child(
                Project.id, ProjectSdg.project_id, ProjectSdg, ProjectSdg.sdg == int(value)
            ),
        ),
        Facet(
            "without_rate",
            N_("Amounts without a rate"),
            lambda _session: [
                FacetOption("all", translate(N_("Any project"))),
                FacetOption("running", translate(N_("Projects under way"))),
            ],
            lambda value: and_(
                *projects_without_rate(),
                *(
                    [Project.status.in_(vocab.PROJECT_RUNNING_STATUSES)]
                    if value == "running"
                    else []
                ),
            ),
        ),
    ),
    default_sort="start",
    descending=True,
    empty_hint=N_("No projects yet. Add a cooperation project with New project."),
)
