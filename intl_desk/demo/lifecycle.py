"""How the agreements of one relationship follow each other, planned before any is written.

A twinning charter in the 1970s followed by action programmes, or a cooperation agreement
renewed twice, amended once and now up for renewal. Planning the whole chain first lets each
status agree with the dates and with what came next: an agreement is *superseded* only if a
renewal exists, *expired* only if its expiry is past, *active* only if it is not. The
overview's counts and the renewal reminders rely on that.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from intl_desk.demo.catalogue import (
    NORTH_THEMES,
    SOUTH_THEMES,
    TWINNING_THEMES,
    themes_for,
)
from intl_desk.demo.common import Demo, EntityRef, PartnerRef, add_years

_DURATION_YEARS = {
    "friendship": (4, 6),
    "cooperation": (4, 6),
    "mou": (2, 4),
    "letter_of_intent": (1, 2),
    "implementation": (2, 3),
}


@dataclass
class Plan:
    type: str
    status: str
    signed: date | None
    expires: date | None = None
    perpetual: bool = False
    proposed: date | None = None
    renews: int | None = None
    amends: int | None = None
    decision: str | None = None
    ended: date | None = None  # when a terminated agreement was ended
    superseded_on: date | None = None  # when its successor replaced it (at latest its expiry)
    first_draft: bool = False  # the first text of a new relationship, sent to the partner
    themes: list[str] = field(default_factory=list)


def _first_type(demo: Demo, year: int, partner: PartnerRef) -> str:
    if partner.kind != "city":
        return demo.rng.weighted({"mou": 4, "cooperation": 3, "letter_of_intent": 1})
    if year < 1990:
        return demo.rng.weighted({"twinning": 3, "friendship": 1})
    if year < 2000:
        return demo.rng.weighted(
            {"twinning": 2, "friendship": 2, "cooperation": 4, "letter_of_intent": 1}
        )
    return demo.rng.weighted(
        {"cooperation": 5, "mou": 3, "friendship": 1, "letter_of_intent": 1, "twinning": 0.4}
    )


def _expiry(demo: Demo, kind: str, signed: date) -> date:
    low, high = _DURATION_YEARS.get(kind, (3, 5))
    return add_years(signed, demo.rng.randint(low, high)) - timedelta(days=1)


def plan_relationship(
    demo: Demo, partner: PartnerRef, start: date, loyalty: float = 0.6
) -> list[Plan]:
    """The chain of agreements of one relationship, from ``start`` to ``today``.

    ``loyalty`` is the chance that an agreement reaching its expiry is renewed.
    """
    rng, today = demo.rng, demo.today
    if start > today:  # a relationship still being negotiated
        status = rng.weighted({"draft": 1, "negotiation": 2})
        kind = _first_type(demo, today.year, partner)
        proposed = today - timedelta(days=rng.randint(10, 300))
        return [Plan(kind, status, None, proposed=proposed, first_draft=True)]
    plans: list[Plan] = []
    kind = _first_type(demo, start.year, partner)
    day = start
    renews: int | None = None
    while True:
        if day > today:  # the renewal is being negotiated
            if rng.chance(0.6):
                proposed = today - timedelta(days=rng.randint(10, 200))
                plans.append(Plan(kind, "negotiation", None, proposed=proposed, renews=renews))
            break
        perpetual = kind == "twinning" or (kind == "friendship" and rng.chance(0.5))
        expires = None if perpetual else _expiry(demo, kind, day)
        plan = Plan(kind, "active", day, expires, perpetual, renews=renews)
        plans.append(plan)
        index = len(plans) - 1
        if perpetual:
            if day.year < 2005 and rng.chance(0.08):
                plan.status = "terminated"
                plan.ended = rng.day_between(add_years(day, 8), today)
            else:
                _programmes(demo, plans, day)
            break
        assert expires is not None
        if expires >= today:
            if rng.chance(0.2) and (today - day).days > 200:
                signed = rng.day_between(day + timedelta(days=180), today)
                plans.append(Plan("amendment", "active", signed, expires, amends=index))
            if (expires - today).days <= 365:
                plan.decision = rng.weighted(
                    {"undecided": 4, "renew": 3, "renegotiate": 2, "let_expire": 1}
                )
            break
        roll = rng.random()
        if roll < loyalty:
            plan.status = "superseded"
            day = expires + timedelta(days=rng.randint(-90, 240))
            if day > today:
                plan.status, plan.decision = "expired", "renew"
            else:
                plan.superseded_on = min(day, expires)
            renews = index  # the successor points at what it supersedes
            kind = "cooperation" if kind in ("letter_of_intent", "mou") else kind
            continue
        if roll < loyalty + 0.07:
            plan.status = "terminated"
            plan.ended = rng.day_between(day + timedelta(days=200), expires)
        else:
            plan.status = "expired"
            plan.decision = "let_expire" if rng.chance(0.5) else None
        break
    return plans


def _programmes(demo: Demo, plans: list[Plan], charter: date) -> None:
    """Action programmes signed under a living twinning, every few years since 1995."""
    rng, today = demo.rng, demo.today
    day = max(add_years(charter, 5), date(2004 + rng.randint(0, 12), rng.randint(1, 12), 15))
    while day <= today:
        if rng.chance(0.35):
            expires = _expiry(demo, "implementation", day)
            status = "active" if expires >= today else "expired"
            plans.append(Plan("implementation", status, day, expires))
            day = expires + timedelta(days=rng.randint(30, 400))
        else:
            day = add_years(day, rng.randint(2, 4))


@dataclass
class Relationship:
    """One entity–partner relationship, planned and waiting to be written."""

    entity: EntityRef
    partner: PartnerRef
    plans: list[Plan]
    extra: PartnerRef | None = None


def plan(
    demo: Demo,
    entity: EntityRef,
    partner: PartnerRef,
    start: date,
    extra: PartnerRef | None = None,
    loyalty: float = 0.6,
) -> Relationship:
    """Plan one relationship; ``extra`` joins some of its agreements as a third party."""
    plans = plan_relationship(demo, partner, start, loyalty)
    weights = SOUTH_THEMES if partner.south else NORTH_THEMES
    first = TWINNING_THEMES if plans[0].type == "twinning" else weights
    base = themes_for(demo.rng, first, 1, 3)
    for index, step in enumerate(plans):
        step.themes = base if index == 0 else _drift(demo, base, weights)
    return Relationship(entity, partner, plans, extra)


def _drift(demo: Demo, themes: list[str], weights: Mapping[str, float]) -> list[str]:
    """A later agreement of the same relationship keeps or slightly widens its themes."""
    if demo.rng.chance(0.6):
        return themes
    extra = themes_for(demo.rng, weights, 1, 1)
    return list(dict.fromkeys([*themes[:2], *extra]))
