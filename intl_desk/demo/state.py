"""The state demo: Minas Gerais's international relations office and its 853 municipalities.

Everything goes through :class:`~intl_desk.demo.common.BulkSink` (Core bulk inserts),
since about half a million rows have to be written in well under a minute. The builders are
the city's, so records are shaped and validated the same way; only volumes, words and the
municipal hierarchy differ.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from itertools import accumulate

from intl_desk.core.i18n import N_, Message
from intl_desk.core.model import Contact, LocalEntity
from intl_desk.core.reference import minas_gerais_municipalities
from intl_desk.demo.activities import write_activities
from intl_desk.demo.agreements import Relationship, plan, write_relationships
from intl_desk.demo.catalogue import add_partner, find_city, sample_cities
from intl_desk.demo.common import Demo, EntityRef, PartnerRef
from intl_desk.demo.documents import write_agreement_documents, write_project_report
from intl_desk.demo.evaluation import (
    write_indicators,
    write_measurements,
    write_periods,
    write_strategy,
)
from intl_desk.demo.mission_value import write_mission_value
from intl_desk.demo.names import gendered, person
from intl_desk.demo.networks import write_membership, write_network
from intl_desk.demo.people import slug, write_partner_contacts, write_staff
from intl_desk.demo.projects import write_project
from intl_desk.demo.state_catalogue import (
    AFFINITIES,
    BIG_MUNICIPALITIES,
    FUNDERS,
    NETWORKS,
    ORGANISATIONS,
    PARTNER_COUNTRIES,
    STATE_AGREEMENTS,
    TERMS,
    TOTAL_AGREEMENTS,
    TOTAL_PARTNERS,
    TOTAL_PROJECTS,
)
from intl_desk.demo.terms import write_terms

#: themes of projects carried out in the municipality itself, even with a southern partner
_AT_HOME_THEMES = frozenset(
    [
        "culture",
        "heritage",
        "tourism",
        "migration",
        "youth_sport",
        "economy",
        "investment",
        "innovation",
        "education",
        "digital",
    ]
)

__all__ = ["Hierarchy", "build_state", "municipal_hierarchy"]


@dataclass
class Hierarchy:
    """Our side of the state demo, as the later steps need it."""

    municipalities: list[EntityRef]  # most active first
    targets: dict[str, int]  # entity id → agreements it should end up with
    by_region: dict[str, list[EntityRef]]


#: what a region is called where the IBGE's name is also a municipality's: an office does
#: not name two of its entities alike (every list would show "Jequitinhonha" twice, and an
#: import of its register could not tell them apart)
REGION_NAMES = {"Jequitinhonha": "Vale do Jequitinhonha"}


def build_state(demo: Demo) -> None:
    demo.country_code, demo.term_starts = "BR", TERMS
    demo.reference_pattern = "{code}-{year}-{n:03d}"
    demo.say(N_("Municipalities and regions"))
    ours = municipal_hierarchy(demo)
    municipalities = ours.municipalities
    government = demo.government
    assert government is not None
    demo.say(N_("Partners"))
    _partners(demo)
    write_staff(demo, 15, government, "mg.gov.example")
    demo.say(N_("Strategy and indicators"))
    objectives = write_strategy(demo, demo.texts.lines)
    periods = write_periods(demo)
    indicators = write_indicators(demo, demo.texts.indicators, objectives, periods)
    demo.say(
        Message(N_("Agreements (about {count:,})"), {"count": sum(ours.targets.values())}).render()
    )
    _agreements(demo, ours.targets, municipalities)
    demo.say(N_("Projects"))
    _projects(demo)
    demo.say(N_("Networks and memberships"))
    _networks(demo, ours)
    demo.say(N_("Activities and contacts"))
    write_activities(demo, demo.scaled(2500), government)
    write_partner_contacts(demo, demo.scaled(1500))
    _municipal_officers(demo, municipalities[: demo.scaled(150)])
    demo.say(N_("Measurements"))
    measured = municipalities[: max(5, round(len(municipalities) * min(1.0, demo.size)))]
    write_measurements(demo, indicators, periods, measured)
    demo.say(N_("Documents"))
    recent = [
        a for a in demo.agreements if a.entity is government and a.signed and a.status == "active"
    ][-demo.scaled(20, 3) :]
    write_agreement_documents(demo, recent, "Estado de Minas Gerais", signed_texts=3)
    closed = [p for p in demo.projects if p.status == "4"]
    if closed:
        write_project_report(demo, closed[0].id, closed[0].title, demo.texts.project_lessons)
    demo.flush()
    # last, so every record above keeps its random draws: it reads back what was written
    demo.say(N_("Mission results and terms of office"))
    write_mission_value(demo, demo.sink.session)
    write_terms(demo, demo.sink.session)


# --- our side ---------------------------------------------------------------------------------


def municipal_hierarchy(demo: Demo) -> Hierarchy:
    """State government → 12 regions → 853 municipalities, with how many agreements each
    entity (the government included) should end up with at this size."""
    capital = find_city("BR", "Belo Horizonte")
    government = _entity(
        demo,
        "Governo do Estado de Minas Gerais",
        "government",
        "Minas Gerais",
        None,
        (capital.latitude, capital.longitude) if capital else (None, None),
        "31",
    )
    government.code = "ARI"
    demo.government = government
    rows = minas_gerais_municipalities()
    regions: dict[str, EntityRef] = {}
    for name in sorted({row.region for row in rows}):
        members = [row for row in rows if row.region == name]
        centre = (
            round(sum(m.latitude for m in members) / len(members), 4),
            round(sum(m.longitude for m in members) / len(members), 4),
        )
        called = REGION_NAMES.get(name, name)
        regions[name] = _entity(demo, called, "region", called, government.id, centre, None)
    counts = _agreement_counts(demo, [row.name for row in rows])
    mean = sum(counts.values()) / len(counts)
    municipalities = []
    by_region: dict[str, list[EntityRef]] = {}
    for row in rows:
        ref = _entity(
            demo,
            row.name,
            "municipality",
            row.name,
            regions[row.region].id,
            (row.latitude, row.longitude),
            row.ibge_code,
        )
        ref.weight = max(0.05, counts[row.name] / mean)
        municipalities.append(ref)
        by_region.setdefault(row.region, []).append(ref)
    municipalities.sort(key=lambda m: (-m.weight, m.code or ""))
    targets = {m.id: _scaled_count(demo, counts[m.name]) for m in municipalities}
    targets[government.id] = _scaled_count(demo, STATE_AGREEMENTS)
    return Hierarchy(municipalities, targets, by_region)


def _entity(
    demo: Demo,
    name: str,
    kind: str,
    short: str,
    parent: str | None,
    position: tuple[float | None, float | None],
    code: str | None,
) -> EntityRef:
    latitude, longitude = position
    entity_id = demo.add(
        LocalEntity,
        name=name,
        kind=kind,
        code=code,
        parent_id=parent,
        latitude=latitude,
        longitude=longitude,
    )
    ref = EntityRef(entity_id, name, short, kind, latitude, longitude, code=code)
    demo.entities.append(ref)
    return ref


def _agreement_counts(demo: Demo, names: Sequence[str]) -> dict[str, int]:
    """Agreements per municipality at full size: the known ones, then a long tail in
    which most small towns have a handful or none."""
    rng = demo.rng
    rest = [name for name in names if name not in BIG_MUNICIPALITIES]
    remaining = TOTAL_AGREEMENTS - STATE_AGREEMENTS - sum(BIG_MUNICIPALITIES.values())
    quiet = {name: float(rng.choice((0, 0, 1, 2))) for name in rest if rng.chance(0.35)}
    draws = {name: rng.lognormvariate(0.0, 1.6) for name in rest if name not in quiet}
    budget = remaining - sum(quiet.values())
    for _ in range(6):  # no small town outgrows the regional centres
        factor = budget / sum(draws.values())
        draws = {name: min(w * factor, 60.0) for name, w in draws.items()}
    draws.update(quiet)
    counts = {name: int(w) + (1 if rng.random() < w % 1 else 0) for name, w in draws.items()}
    counts.update(BIG_MUNICIPALITIES)
    return counts


def _scaled_count(demo: Demo, count: float) -> int:
    exact = count * demo.size
    return int(exact) + (1 if demo.rng.random() < exact % 1 else 0)


def _municipal_officers(demo: Demo, municipalities: Sequence[EntityRef]) -> None:
    """The person each active municipality names for international relations."""
    positions = demo.texts.partner_positions["municipality"]
    for municipality in municipalities:
        name, female = person(demo.rng, "BR")
        demo.add(
            Contact,
            name=name,
            position=gendered(demo.rng.choice(positions), female),
            local_entity_id=municipality.id,
            organisation=f"Prefeitura Municipal de {municipality.name}",
            email=f"{slug(name)}@{slug(municipality.name)}.mg.example",
            languages="pt,es",
        )


# --- their side and what binds us -------------------------------------------------------------


def _partners(demo: Demo) -> None:
    rng = demo.rng
    scale = max(60, round(TOTAL_PARTNERS * demo.size)) / sum(PARTNER_COUNTRIES.values())
    taken: set[int] = set()
    for country, count in PARTNER_COUNTRIES.items():
        exact = count * scale
        wanted = int(exact) + (1 if rng.random() < exact % 1 else 0)
        for city in sample_cities(rng, country, wanted, taken, depth=3):
            taken.add(city.geonameid)
            add_partner(demo, city)
    # small countries run out of cities: the large ones make up the difference
    shortfall = round(sum(PARTNER_COUNTRIES.values()) * scale) - len(taken)
    large = sorted(PARTNER_COUNTRIES, key=lambda code: -PARTNER_COUNTRIES[code])[:8]
    for index in range(max(0, shortfall)):
        for city in sample_cities(rng, large[index % len(large)], 1, taken, depth=40):
            taken.add(city.geonameid)
            add_partner(demo, city)
    for key, name, kind, country, seat, ref, org_type in ORGANISATIONS:
        seat_country, _, seat_name = seat.rpartition(":")
        seat_city = find_city(seat_country or country, seat_name)
        demo.funders[key] = add_partner(
            demo, seat_city, kind=kind, name=name, country=country, iati=(ref, org_type)
        )


def _agreements(demo: Demo, targets: dict[str, int], municipalities: Sequence[EntityRef]) -> None:
    """Each entity's relationships until it holds about its target number of agreements."""
    rng, today = demo.rng, demo.today
    cities = [p for p in demo.partners if p.kind == "city"]
    totals = list(accumulate(p.weight for p in cities))
    by_country: dict[str, list[PartnerRef]] = {}
    for partner in cities:
        by_country.setdefault(partner.country_code, []).append(partner)
    organisations = [p for p in demo.partners if p.kind != "city"]
    government = demo.government
    assert government is not None
    planned: list[Relationship] = []
    for entity in [government, *municipalities]:
        target = targets.get(entity.id, 0)
        affinity = by_country.get(AFFINITIES.get(entity.name, ""), [])
        held, misses = 0, 0
        seen: set[str] = set()
        while held < target and len(seen) < len(cities) and misses < 30:
            if organisations and rng.chance(0.04 if entity is not government else 0.15):
                partner = rng.choice(organisations)
            elif affinity and rng.chance(0.5):
                partner = rng.choice(affinity)
            else:
                partner = rng.choices(cities, cum_weights=totals)[0]
            if partner.id in seen:
                continue
            seen.add(partner.id)
            era = rng.weighted({1978: 0.3, 1990: 1, 2000: 2, 2010: 3, 2017: 3})
            start = rng.day_between(date(era, 1, 1), today)
            if rng.chance(0.04):
                start = today + timedelta(days=1)
            relationship = plan(demo, entity, partner, start, None, 0.5)
            if held and held + len(relationship.plans) > target + 1:
                misses += 1  # a long history would overshoot: try a younger relationship
                continue
            planned.append(relationship)
            held += len(relationship.plans)
    write_relationships(demo, planned)


def _projects(demo: Demo) -> None:
    rng = demo.rng
    wanted = demo.scaled(TOTAL_PROJECTS)
    frames = [
        a
        for a in demo.agreements
        if a.signed
        and a.signed.year >= 2004
        and a.partner.kind == "city"
        and a.type in ("cooperation", "implementation", "mou", "twinning")
    ]
    chosen = rng.sample(frames, min(len(frames), wanted * 4 // 5))
    for agreement in chosen:
        theme = rng.choice(agreement.themes)
        at_home = not agreement.partner.south or theme in _AT_HOME_THEMES
        write_project(
            demo,
            agreement.entity,
            agreement.partner,
            agreement,
            FUNDERS,
            theme,
            (50_000, 3_000_000),
            at_home=at_home,
        )
    cities = [p for p in demo.partners if p.kind == "city"]
    for _ in range(wanted - len(chosen)):
        agreement = rng.choice(demo.agreements)
        partner = rng.choice(cities)
        theme = rng.choice(agreement.themes)
        write_project(
            demo, agreement.entity, partner, None, FUNDERS, theme, (30_000, 800_000), at_home=True
        )


def _networks(demo: Demo, ours: Hierarchy) -> None:
    """The networks, then who joined them: the state itself, the largest municipalities,
    samples of the rest, or everyone in a region for the regional associations."""
    rng, today = demo.rng, demo.today
    government = demo.government
    assert government is not None
    for spec, rule in NETWORKS:
        network_id = write_network(demo, spec)
        members = _members(demo, rule, government, ours)
        for position, entity in enumerate(members):
            first_year = spec.since or 1995
            since = date(
                rng.randint(first_year, max(first_year, today.year - 1)), rng.randint(1, 12), 1
            )
            until = None
            if rng.chance(0.08) and since.year < today.year - 3:
                until = date(rng.randint(since.year + 2, today.year - 1), rng.randint(1, 12), 1)
            strength = 1.0 if entity is government else min(2.0, max(0.2, entity.weight**0.5))
            fee = None
            if spec.fee is not None:
                fee = Decimal(round(spec.fee * strength / 2, -2))
            write_membership(
                demo,
                network_id,
                spec,
                entity,
                since=since,
                until=until,
                role=spec.role if position == 0 else "member",
                fee=fee,
                activity=spec.activity * strength,
            )


def _members(demo: Demo, rule: str, government: EntityRef, ours: Hierarchy) -> list[EntityRef]:
    """Who joins a network, by its rule (see ``state_catalogue.NETWORKS``)."""
    rng, municipalities = demo.rng, ours.municipalities
    members: list[EntityRef] = []
    for part in rule.split("+"):
        kind, _, argument = part.partition(":")
        if kind == "state":
            members.append(government)
        elif kind == "top":
            members += municipalities[: demo.scaled(int(argument))]
        elif kind == "pick":
            count, _, pool = argument.partition("/")
            members += rng.sample(list(municipalities[: int(pool)]), demo.scaled(int(count)))
        elif kind == "share":
            members += [m for m in municipalities if rng.random() < float(argument) * demo.size]
        elif kind == "named":
            names = set(argument.split(";"))
            members += [m for m in municipalities if m.name in names]
        elif kind == "region":
            region = ours.by_region.get(argument, [])
            members += [m for m in region if rng.random() < 0.85 * demo.size]
        else:
            raise ValueError(f"unknown membership rule {rule!r}")
    unique = {member.id: member for member in members}
    return list(unique.values())
