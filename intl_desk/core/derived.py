"""Columns derived from other rows, kept up to date in one place.

An agreement's partner names, entity names, partner countries and number of specific
objectives are stored in the agreement row itself, so that a list of 200,000 agreements
sorts and shows them without aggregating parties for every row. The tracked session
refreshes them after each flush that touches parties, objectives or names; code that
writes rows in bulk (demo, import, merge) calls :func:`refresh_agreement_summaries`.
Plain correlated-subquery UPDATEs: portable SQL.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from sqlalchemy import distinct, func, select, update
from sqlalchemy.orm import Session

from intl_desk.core.model import Agreement, AgreementObjective, AgreementParty, LocalEntity, Partner

BATCH = 500
DERIVED_AGREEMENT_COLUMNS = ("partner_names", "entity_names", "country_codes", "objective_count")


def _summary_values() -> dict[str, object]:
    live_party = (AgreementParty.agreement_id == Agreement.id, AgreementParty.deleted_at.is_(None))
    # a deleted partner or entity drops out of the names and countries shown
    # names in alphabetical order, the same in every copy of the file and after an export
    # and import (the order rows are read in depends on the indexes the database picks)
    partners = (
        select(Partner.name.label("name"))
        .join(AgreementParty, AgreementParty.partner_id == Partner.id)
        .where(*live_party, Partner.deleted_at.is_(None))
        .order_by(Partner.name)
        .correlate(Agreement)
        .subquery()
    )
    partner_names = select(func.aggregate_strings(partners.c.name, ", ")).scalar_subquery()
    entities = (
        select(LocalEntity.name.label("name"))
        .join(AgreementParty, AgreementParty.local_entity_id == LocalEntity.id)
        .where(*live_party, LocalEntity.deleted_at.is_(None))
        .order_by(LocalEntity.name)
        .correlate(Agreement)
        .subquery()
    )
    entity_names = select(func.aggregate_strings(entities.c.name, ", ")).scalar_subquery()
    codes = (
        select(distinct(Partner.country_code).label("code"))
        .join(AgreementParty, AgreementParty.partner_id == Partner.id)
        .where(*live_party, Partner.deleted_at.is_(None))
        .order_by(Partner.country_code)
        .correlate(Agreement)
        .subquery()
    )
    country_codes = select(func.aggregate_strings(codes.c.code, ",")).scalar_subquery()
    objective_count = (
        select(func.count(AgreementObjective.id))
        .where(
            AgreementObjective.agreement_id == Agreement.id, AgreementObjective.deleted_at.is_(None)
        )
        .scalar_subquery()
    )
    return {
        "partner_names": partner_names,
        "entity_names": entity_names,
        "country_codes": country_codes,
        "objective_count": objective_count,
    }


def refresh_agreement_summaries(session: Session, ids: Collection[str] | None = None) -> None:
    """Recompute the derived columns of the agreements ``ids`` (all when None)."""
    statement = (
        update(Agreement).values(**_summary_values()).execution_options(synchronize_session=False)
    )
    if ids is None:
        session.execute(statement)
        return
    chosen = list(ids)
    for start in range(0, len(chosen), BATCH):
        session.execute(statement.where(Agreement.id.in_(chosen[start : start + BATCH])))


def summary_of(
    partners: Sequence[tuple[str, str | None]], entities: Sequence[str], objectives: int
) -> dict[str, str | int | None]:
    """The derived columns :func:`refresh_agreement_summaries` stores for an agreement whose
    live parties are ``partners`` ((name, country code) each) and ``entities`` (names),
    with ``objectives`` live objectives — worked out without a query, for agreements
    written in bulk. Equal to the UPDATE's result on the office file: SQLite orders text
    by its UTF-8 bytes, which is the order of Python's ``str`` (by code point); an
    aggregate of no row is NULL."""
    names = sorted(name for name, _code in partners)
    codes = sorted({code for _name, code in partners if code is not None})
    entity_names = sorted(entities)
    return {
        "partner_names": ", ".join(names) if names else None,
        "entity_names": ", ".join(entity_names) if entity_names else None,
        "country_codes": ",".join(codes) if codes else None,
        "objective_count": objectives,
    }


def stale_agreement_summaries(session: Session) -> list[str]:
    """Titles of live agreements whose stored names, countries or objective count differ
    from their records (a file edited by another tool, or by an older version)."""
    return [title for _id, title in _stale(session)]


def stale_agreement_ids(session: Session) -> list[str]:
    """The ids of the agreements :func:`stale_agreement_summaries` names."""
    return [record_id for record_id, _title in _stale(session)]


def _stale(session: Session) -> list[tuple[str, str]]:
    values = _summary_values()
    rows = session.execute(
        select(
            Agreement.id,
            Agreement.title,
            Agreement.partner_names,
            Agreement.entity_names,
            Agreement.country_codes,
            Agreement.objective_count,
            *(values[key] for key in DERIVED_AGREEMENT_COLUMNS),
        ).where(Agreement.deleted_at.is_(None))
    )
    stale = []
    for record_id, title, *stored_and_expected in rows:
        stored, expected = stored_and_expected[:4], stored_and_expected[4:]
        if [_as_set(v) for v in stored] != [_as_set(v) for v in expected]:
            stale.append((str(record_id), str(title)))
    return stale


def _as_set(value: object) -> object:
    """Names are stored joined in no particular order: compare them as sets."""
    if value is None or isinstance(value, str):
        return frozenset(part.strip() for part in (value or "").split(",") if part.strip())
    return int(value)  # type: ignore[call-overload]


def agreements_of(
    session: Session, partner_ids: Collection[str], entity_ids: Collection[str]
) -> set[str]:
    """Agreements that have one of these partners or entities as a party."""
    found: set[str] = set()
    if partner_ids:
        found.update(
            session.scalars(
                select(AgreementParty.agreement_id).where(
                    AgreementParty.partner_id.in_(list(partner_ids))
                )
            )
        )
    if entity_ids:
        found.update(
            session.scalars(
                select(AgreementParty.agreement_id).where(
                    AgreementParty.local_entity_id.in_(list(entity_ids))
                )
            )
        )
    return found
