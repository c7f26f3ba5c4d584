"""What one local entity's sheet shows: its agreements, partners by country, active
projects and network roles, for every entity at the bottom of the office's tree (a
state's municipalities, a city's districts), grouped by the entity above it (the region).

Read with a handful of grouped queries, not a few per entity: a state has 853 of them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from intl_desk.core.entity_indicators import IndicatorResult, entity_indicators
from intl_desk.core.model import (
    Agreement,
    AgreementParty,
    LocalEntity,
    Membership,
    Network,
    Partner,
    Project,
    ProjectParticipant,
)
from intl_desk.core.overview.scope import subtree_ids

#: IATI activity status "Implementation"
PROJECT_ACTIVE = "2"


@dataclass
class EntitySheet:
    entity_id: str
    name: str
    region: str
    agreements: int = 0
    active_agreements: int = 0
    signed_per_year: Counter[int] = field(default_factory=Counter)
    partner_countries: Counter[str] = field(default_factory=Counter)
    active_projects: list[str] = field(default_factory=list)
    network_roles: list[tuple[str, str]] = field(default_factory=list)
    #: its per-entity indicators against target in ``indicator_period``
    indicators: list[IndicatorResult] = field(default_factory=list)
    indicator_period: str = ""


def entity_sheets(
    session: Session,
    region_id: str | None = None,
    year: int | None = None,
    today: date | None = None,
) -> list[EntitySheet]:
    """One sheet per entity without sub-entities (in ``region_id``'s branch when given),
    ordered by region then name; ``year`` keeps agreements signed up to that year and
    judges the indicators in that year's period."""
    entities = session.scalars(select(LocalEntity).where(LocalEntity.deleted_at.is_(None))).all()
    parents = {e.parent_id for e in entities if e.parent_id}
    names = {e.id: e.name for e in entities}
    branch = set(session.scalars(subtree_ids(region_id))) if region_id else None
    sheets = {
        e.id: EntitySheet(e.id, e.name, names.get(e.parent_id or "", ""))
        for e in entities
        if (e.id not in parents or len(entities) == 1) and (branch is None or e.id in branch)
    }
    _agreements(session, sheets, year)
    _projects(session, sheets)
    _networks(session, sheets)
    label, indicators = entity_indicators(session, sheets, year, today or date.today())
    for entity_id, results in indicators.items():
        sheets[entity_id].indicators = results
        sheets[entity_id].indicator_period = label
    return sorted(sheets.values(), key=lambda s: (s.region.casefold(), s.name.casefold()))


def _agreements(session: Session, sheets: dict[str, EntitySheet], year: int | None) -> None:
    local = (
        select(
            AgreementParty.local_entity_id,
            Agreement.id,
            Agreement.status,
            Agreement.date_signed,
        )
        .join(Agreement, Agreement.id == AgreementParty.agreement_id)
        .where(
            AgreementParty.deleted_at.is_(None),
            Agreement.deleted_at.is_(None),
            AgreementParty.local_entity_id.is_not(None),
        )
    )
    by_agreement: dict[str, list[str]] = defaultdict(list)
    for entity_id, agreement_id, status, signed in session.execute(local):
        sheet = sheets.get(entity_id)
        if sheet is None or (year is not None and (signed is None or signed.year > year)):
            continue
        sheet.agreements += 1
        sheet.active_agreements += status == "active"
        if signed is not None:
            sheet.signed_per_year[signed.year] += 1
        by_agreement[agreement_id].append(entity_id)
    countries = (
        select(AgreementParty.agreement_id, Partner.country_code)
        .join(Partner, Partner.id == AgreementParty.partner_id)
        .where(AgreementParty.deleted_at.is_(None), Partner.deleted_at.is_(None))
    )
    for agreement_id, country in session.execute(countries):
        for entity_id in by_agreement.get(agreement_id, ()):
            sheets[entity_id].partner_countries[country] += 1


def _projects(session: Session, sheets: dict[str, EntitySheet]) -> None:
    rows = session.execute(
        select(ProjectParticipant.local_entity_id, Project.title)
        .join(Project, Project.id == ProjectParticipant.project_id)
        .where(
            ProjectParticipant.deleted_at.is_(None),
            Project.deleted_at.is_(None),
            Project.status == PROJECT_ACTIVE,
        )
        .distinct()
    )
    for entity_id, title in rows:
        if entity_id in sheets:
            sheets[entity_id].active_projects.append(title)


def _networks(session: Session, sheets: dict[str, EntitySheet]) -> None:
    rows = session.execute(
        select(Membership.local_entity_id, Network.name, Membership.role)
        .join(Network, Network.id == Membership.network_id)
        .where(Membership.deleted_at.is_(None), Network.deleted_at.is_(None))
    )
    for entity_id, network, role in rows:
        if entity_id in sheets:
            sheets[entity_id].network_roles.append((network, role))
