"""Activities and network events behind report figures, as plain lines (see
:mod:`intl_desk.core.evaluation.lines`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from intl_desk.core import vocabularies as vocab
from intl_desk.core.date_precision import with_precision
from intl_desk.core.display import country_name, sort_key
from intl_desk.core.evaluation.lines import Ids, chunks
from intl_desk.core.model import Activity, Membership, Network, Participation


@dataclass(frozen=True)
class ActivityLine:
    id: str
    kind: str
    status: str
    title: str
    start: date | None
    place: str
    purpose: str
    justification: str
    cost: Decimal | None
    currency: str
    lessons: str = ""


@dataclass(frozen=True)
class EventLine:
    network: str
    title: str
    start: date | None
    place: str


def activity_lines(session: Session, ids: Ids) -> list[ActivityLine]:
    a = Activity
    shown = select(a.id, a.kind, a.status, a.title, a.start_date, a.start_date_precision,
                   a.location, a.country_code, a.purpose, a.justification, a.cost, a.currency,
                   a.lessons_learned)  # fmt: skip
    rows: list[Any] = []  # plain rows: no record objects for a state's hundreds
    for part in chunks(ids):
        rows += session.connection().execute(shown.where(a.id.in_(part))).all()
    lines = [
        ActivityLine(
            row.id,
            vocab.ACTIVITY_KINDS.label(row.kind),
            vocab.ACTIVITY_STATUSES.label(row.status),
            row.title,
            with_precision(row.start_date, row.start_date_precision),
            ", ".join(p for p in (row.location or "", country_name(row.country_code)) if p),
            row.purpose or "",
            row.justification or "",
            row.cost,
            row.currency or "",
            row.lessons_learned or "",
        )
        for row in rows
    ]
    return sorted(lines, key=lambda line: (line.start or date.min, sort_key(line.title)))


def event_lines(session: Session, ids: Ids) -> list[EventLine]:
    rows: list[Any] = []
    for part in chunks(ids):
        rows += (
            session.connection()
            .execute(
                select(
                    Network.name,
                    Network.acronym,
                    Participation.title,
                    Participation.start_date,
                    Participation.start_date_precision,
                    Participation.location,
                    Participation.country_code,
                )
                .join(Membership, Membership.id == Participation.membership_id)
                .join(Network, Network.id == Membership.network_id)
                .where(Participation.id.in_(part))
            )
            .all()
        )
    lines = [
        EventLine(
            row.acronym or row.name,
            row.title,
            with_precision(row.start_date, row.start_date_precision),
            ", ".join(p for p in (row.location or "", country_name(row.country_code)) if p),
        )
        for row in rows
    ]
    return sorted(lines, key=lambda line: (line.start or date.min, sort_key(line.title)))
