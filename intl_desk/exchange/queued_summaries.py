"""The derived columns of agreements written in bulk, worked out before they are written.

An agreement's partner names, entity names, partner countries and objective count (see
:mod:`intl_desk.core.derived`) follow from its parties and objectives. For an agreement
an import creates, these are all queued with it, so the columns are filled in on the
queued row (one INSERT) instead of by correlated UPDATEs afterwards, which took a
quarter of a 50,000-row import's writing time and wrote the sort indexes twice.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from intl_desk.core.derived import summary_of
from intl_desk.core.model import (
    Agreement,
    AgreementObjective,
    AgreementParty,
    LocalEntity,
    Partner,
    Record,
)

Rows = dict[type[Record], list[dict[str, Any]]]
BATCH = 500


def fill_agreement_summaries(session: Session, queued: Rows) -> set[str]:
    """Set the derived columns of the queued agreement rows from the queued parties and
    objectives (names and countries from the queued partners and entities, else from the
    file); returns their ids. A deleted partner or entity drops out, as in the UPDATE."""
    agreements = queued.get(Agreement, [])
    if not agreements:
        return set()
    partners: dict[str, list[str]] = defaultdict(list)
    entities: dict[str, list[str]] = defaultdict(list)
    for party in queued.get(AgreementParty, []):
        if party.get("deleted_at") is None:
            if party.get("partner_id"):
                partners[str(party["agreement_id"])].append(str(party["partner_id"]))
            if party.get("local_entity_id"):
                entities[str(party["agreement_id"])].append(str(party["local_entity_id"]))
    objectives = Counter(
        str(row["agreement_id"])
        for row in queued.get(AgreementObjective, [])
        if row.get("deleted_at") is None
    )
    partner_of = _live(session, queued, Partner, {p for ids in partners.values() for p in ids})
    entity_of = _live(session, queued, LocalEntity, {e for ids in entities.values() for e in ids})
    filled: set[str] = set()
    for row in agreements:
        key = str(row["id"])
        row.update(
            summary_of(
                [partner_of[p] for p in partners.get(key, ()) if p in partner_of],
                [entity_of[e][0] for e in entities.get(key, ()) if e in entity_of],
                objectives[key],
            )
        )
        filled.add(key)
    return filled


def _live(
    session: Session, queued: Rows, model: type[Partner] | type[LocalEntity], ids: Collection[str]
) -> dict[str, tuple[str, str | None]]:
    """id → (name, country code) of the live ``model`` records ``ids``: queued or in the file."""
    found: dict[str, tuple[str, str | None]] = {
        str(row["id"]): (row["name"], row.get("country_code"))
        for row in queued.get(model, [])
        if row.get("deleted_at") is None
    }
    missing = sorted(set(ids) - found.keys())
    country = Partner.country_code if model is Partner else None
    for start in range(0, len(missing), BATCH):
        statement = select(model.id, model.name, *([country] if country is not None else [])).where(
            model.id.in_(missing[start : start + BATCH]), model.deleted_at.is_(None)
        )
        for record_id, name, *code in session.execute(statement):
            found[str(record_id)] = (name, code[0] if code else None)
    return found
