"""Networks of local governments, the office's memberships and what it did in them.

Network participation is a result in its own right (positions held, statements adopted,
agendas moved), so each membership carries a few years of participation records, more of
them when the office holds a seat on the board.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from intl_desk.core.model import Membership, Network, Participation
from intl_desk.core.reference import City
from intl_desk.demo.catalogue import principal_cities
from intl_desk.demo.common import Demo, EntityRef


@dataclass(frozen=True)
class NetworkSpec:
    """A real (or realistically named) network and the office's membership of it."""

    name: str
    acronym: str | None
    scope: str
    themes: tuple[str, ...]
    description: str
    website: str | None = None
    parent: str | None = None  # key (acronym or name) of the parent network
    since: int | None = None  # joined; None: not a member
    until: int | None = None
    role: str = "member"
    fee: int | None = None
    activity: float = 1.0  # participation records per year
    venues: tuple[str, ...] = ()  # countries where its events take place (empty: anywhere)

    @property
    def key(self) -> str:
        return self.acronym or self.name


def write_network(demo: Demo, spec: NetworkSpec) -> str:
    network_id = demo.add(
        Network,
        name=spec.name,
        acronym=spec.acronym,
        scope=spec.scope,
        parent_id=demo.networks.get(spec.parent) if spec.parent else None,
        themes=",".join(spec.themes) or None,
        website=spec.website,
        description=spec.description,
    )
    demo.networks[spec.key] = network_id
    return network_id


def write_membership(
    demo: Demo,
    network_id: str,
    spec: NetworkSpec,
    entity: EntityRef,
    *,
    since: date,
    until: date | None = None,
    role: str | None = None,
    fee: Decimal | None = None,
    activity: float | None = None,
) -> str:
    """One membership with its participation since ``since`` (at most the last 8 years)."""
    rng = demo.rng
    membership_id = demo.add(
        Membership,
        network_id=network_id,
        local_entity_id=entity.id,
        since=since,
        until=until,
        role=role or spec.role,
        annual_fee=fee,
        currency=demo.currency,
        focal_contact_id=rng.choice(demo.staff) if demo.staff and rng.chance(0.8) else None,
        notes=rng.choice(demo.texts.membership_notes) if rng.chance(0.4) else None,
    )
    _participations(
        demo,
        membership_id,
        spec,
        entity,
        since,
        until,
        role or spec.role,
        spec.activity if activity is None else activity,
    )
    return membership_id


def _participations(
    demo: Demo,
    membership_id: str,
    spec: NetworkSpec,
    entity: EntityRef,
    since: date,
    until: date | None,
    role: str,
    activity: float,
) -> None:
    rng, texts, today = demo.rng, demo.texts, demo.today
    first = max(since.year, today.year - 8)
    last = min((until or today).year, today.year)
    kinds = {"event": 6.0, "contribution": 2.0, "statement": 1.0, "agenda": 1.0}
    if role != "member":
        kinds["position"] = 1.5
    themes = spec.themes or ("governance",)
    for year in range(first, last + 1):
        count = int(activity) + (1 if rng.random() < activity % 1 else 0)
        for _ in range(count):
            kind = rng.weighted(kinds)
            start = date(year, rng.randint(1, 12), rng.randint(1, 28))
            if start > today:
                continue
            place = _venue(demo, spec) if kind == "event" else None
            theme = texts.theme_names.get(rng.choice(themes), texts.theme_names["governance"])
            title = rng.choice(texts.participations[kind]).format(
                network=spec.key, year=year, theme=theme, us=entity.short
            )
            end = start + timedelta(days=rng.randint(0, 3)) if kind == "event" else None
            if kind == "position":
                end = (
                    min(start + timedelta(days=365 * 2), until or today)
                    if rng.chance(0.5)
                    else None
                )
            demo.add(
                Participation,
                membership_id=membership_id,
                kind=kind,
                title=title,
                start_date=start,
                end_date=end if end is None or end >= start else start,
                location=place.name if place else None,
                country_code=place.country_code if place else None,
                outcome=rng.choice(texts.participation_outcomes).format(
                    n=rng.randint(3, 15), us=entity.short
                )
                if rng.chance(0.5)
                else None,
            )


def _venue(demo: Demo, spec: NetworkSpec) -> City | None:
    """Where a network meets: a big city of one of its venue countries or of a partner's."""
    countries = spec.venues or tuple(sorted({p.country_code for p in demo.partners}))
    if not countries:
        return None
    cities = principal_cities(demo.rng.choice(countries), 4)
    return demo.rng.choice(cities) if cities else None


def write_networks(demo: Demo, specs: Sequence[NetworkSpec], member: EntityRef) -> dict[str, str]:
    """The networks (parents first) and ``member``'s membership of those it joined."""
    for spec in specs:
        network_id = write_network(demo, spec)
        if spec.since is None:
            continue
        since = date(spec.since, demo.rng.randint(1, 12), 1)
        until = date(spec.until, demo.rng.randint(1, 12), 1) if spec.until else None
        fee = Decimal(spec.fee) if spec.fee is not None else None
        write_membership(demo, network_id, spec, member, since=since, until=until, fee=fee)
    return demo.networks
