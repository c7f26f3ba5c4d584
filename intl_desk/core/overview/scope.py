"""The overview's filters as SQL conditions, shared by every figure.

Written with the same meaning as the list facets of :mod:`intl_desk.core.listing` (an
agreement is in a country's scope when one of its partners is there; a local entity stands
for itself and everything under it), so a figure and the list it opens agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Integer, and_, cast, extract, select

from intl_desk.core.columns import Agreement, AgreementParty, Membership, Partner, Project
from intl_desk.core.entity_tree import entity_subtree
from intl_desk.core.overview.figures import Drill, OverviewFilters


def year_of(column: Any) -> ColumnElement[int]:
    return cast(extract("year", column), Integer)


def pairs(rows: Iterable[Any]) -> dict[Any, Any]:
    """``{first: second}`` of two-column result rows."""
    return {row[0]: row[1] for row in rows}


def in_year(column: Any, year: int) -> ColumnElement[bool]:
    """``column`` falls in ``year``: a range, cheaper than extracting the year of every row."""
    return and_(column >= date(year, 1, 1), column <= date(year, 12, 31))


def subtree_ids(entity_id: str) -> Any:
    return select(entity_subtree(entity_id))


def agreement_scope(filters: OverviewFilters) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = [Agreement.deleted_at.is_(None)]
    if filters.entity_id:
        conditions.append(
            Agreement.id.in_(
                select(AgreementParty.agreement_id).where(
                    AgreementParty.deleted_at.is_(None),
                    AgreementParty.local_entity_id.in_(subtree_ids(filters.entity_id)),
                )
            )
        )
    if filters.country:
        conditions.append(
            Agreement.id.in_(
                select(AgreementParty.agreement_id)
                .join(Partner, Partner.id == AgreementParty.partner_id)
                .where(
                    AgreementParty.deleted_at.is_(None),
                    Partner.country_code == filters.country,
                )
            )
        )
    return conditions


def project_scope(filters: OverviewFilters) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = [Project.deleted_at.is_(None)]
    if filters.entity_id:
        conditions.append(Project.lead_entity_id.in_(subtree_ids(filters.entity_id)))
    if filters.country:
        conditions.append(Project.country_code == filters.country)
    return conditions


def membership_scope(filters: OverviewFilters) -> list[ColumnElement[bool]]:
    """Networks are joined by the office's entities; the partner country does not apply."""
    conditions: list[ColumnElement[bool]] = [Membership.deleted_at.is_(None)]
    if filters.entity_id:
        conditions.append(Membership.local_entity_id.in_(subtree_ids(filters.entity_id)))
    return conditions


def scope_facets(filters: OverviewFilters) -> tuple[tuple[str, str], ...]:
    facets: list[tuple[str, str]] = []
    if filters.entity_id:
        facets.append(("entity", filters.entity_id))
    if filters.country:
        facets.append(("country", filters.country))
    return tuple(facets)


def drill(kind: str, filters: OverviewFilters, *facets: tuple[str, str]) -> Drill:
    """A list of ``kind`` with the overview's entity and country plus ``facets``."""
    return Drill(kind, (*scope_facets(filters), *facets))
