"""The city demo: the international relations office of the Ville de Lyon.

A plausible office rather than a faithful one: Lyon's partner list, networks and figures are
shaped like a large French city's (twinnings from the 1960s–80s, decentralised cooperation
with Viet Nam, Armenia and West Africa since the 1990s, Eurocities and UCLG, AFD and EU
co-financing), but agreements, people and numbers are invented.
"""

from __future__ import annotations

from datetime import date, timedelta

from intl_desk.core.i18n import N_
from intl_desk.core.model import LocalEntity
from intl_desk.core.reference import City
from intl_desk.demo.activities import write_activities
from intl_desk.demo.agreements import Relationship, plan, write_relationships
from intl_desk.demo.catalogue import add_partner, find_city, sample_cities
from intl_desk.demo.city_catalogue import (
    ANCHORS,
    ENTITIES,
    FILL,
    FUNDERS,
    NETWORKS,
    ORGANISATIONS,
    TERMS,
)
from intl_desk.demo.common import AgreementRef, Demo, EntityRef, PartnerRef
from intl_desk.demo.documents import write_agreement_documents, write_project_report
from intl_desk.demo.evaluation import (
    write_indicators,
    write_measurements,
    write_periods,
    write_strategy,
)
from intl_desk.demo.mission_value import write_mission_value
from intl_desk.demo.networks import write_networks
from intl_desk.demo.people import write_partner_contacts, write_staff
from intl_desk.demo.projects import write_project
from intl_desk.demo.terms import write_terms


def build_city(demo: Demo) -> None:
    demo.country_code, demo.term_starts = "FR", TERMS
    demo.reference_pattern = "DRI-{year}-{n:03d}"
    demo.say(N_("Local entities"))
    seat = find_city("FR", "Lyon")
    government = _entity(demo, "Ville de Lyon", "government", "Lyon", None, seat, code="69123")
    demo.government = government
    shares: dict[str, float] = {government.id: 0.64}
    for name, kind, short, share in ENTITIES:
        entity = _entity(demo, name, kind, short, government.id, None)
        shares[entity.id] = share
    demo.flush()
    demo.say(N_("Partners and contacts"))
    office_staff = next(e for e in demo.entities if e.kind == "department")
    write_staff(demo, 10, office_staff, "mairie-lyon.example")
    _partners(demo)
    demo.flush()
    demo.say(N_("Strategy and indicators"))
    objectives = write_strategy(demo, demo.texts.lines)
    periods = write_periods(demo)
    indicators = write_indicators(demo, demo.texts.indicators, objectives, periods)
    demo.flush()
    demo.say(N_("Agreements"))
    _agreements(demo, shares)
    write_partner_contacts(demo, demo.scaled(20))
    demo.flush()
    demo.say(N_("Projects"))
    _projects(demo)
    demo.flush()
    demo.say(N_("Networks"))
    write_networks(demo, NETWORKS, government)
    demo.say(N_("Activities"))
    write_activities(demo, demo.scaled(40), government)
    demo.flush()
    demo.say(N_("Measurements"))
    write_measurements(demo, indicators, periods)
    demo.say(N_("Documents"))
    _documents(demo)
    demo.flush()
    demo.say(N_("Mission results and terms of office"))  # last: reads back what was written
    write_mission_value(demo, demo.sink.session)
    write_terms(demo, demo.sink.session)


def _entity(
    demo: Demo,
    name: str,
    kind: str,
    short: str,
    parent: str | None,
    seat: City | None,
    *,
    code: str | None = None,
) -> EntityRef:
    latitude = seat.latitude if seat else None
    longitude = seat.longitude if seat else None
    entity_id = demo.add(
        LocalEntity,
        name=name,
        kind=kind,
        code=code,
        parent_id=parent,
        latitude=latitude,
        longitude=longitude,
        population=seat.population if seat else None,
    )
    ref = EntityRef(entity_id, name, short, kind, latitude, longitude)
    demo.entities.append(ref)
    return ref


def _partners(demo: Demo) -> None:
    taken: set[int] = set()
    for country, name, _year in ANCHORS:
        city = find_city(country, name)
        if city is not None:
            taken.add(city.geonameid)
            add_partner(demo, city)
    for country, count in FILL.items():
        for city in sample_cities(demo.rng, country, demo.scaled(count, 0), taken):
            taken.add(city.geonameid)
            add_partner(demo, city)
    for key, name, kind, country, seat, ref, org_type, website in ORGANISATIONS:
        city = find_city(country, seat)
        partner = add_partner(
            demo,
            city,
            kind=kind,
            name=name,
            country=country,
            iati=(ref, org_type),
            website=website,
        )
        demo.funders[key] = partner


def _agreements(demo: Demo, shares: dict[str, float]) -> None:
    """Every anchor partner's history, then newer relationships until about 120 agreements."""
    rng, today = demo.rng, demo.today
    target = demo.scaled(120)
    entities = {e.id: e for e in demo.entities}
    government = demo.government
    assert government is not None
    anchors = {name: year for _, name, year in ANCHORS}
    cities = [p for p in demo.partners if p.kind == "city"]
    planned: list[Relationship] = []
    for partner in cities:
        if partner.name in anchors:
            start = date(anchors[partner.name], rng.randint(1, 12), rng.randint(1, 28))
            relationship = plan(demo, government, partner, start, _third(demo, partner), 0.7)
            planned.append(relationship)
    others = [p for p in cities if p.name not in anchors]
    others += [
        p
        for p in demo.partners
        if p.kind in ("university", "international_organisation", "ngo", "network")
    ]
    rng.shuffle(others)
    drafts = others[-demo.scaled(5) :]  # new relationships, still being negotiated
    for partner in drafts:
        planned.append(plan(demo, government, partner, today + timedelta(days=1)))
    count = sum(len(r.plans) for r in planned)
    for partner in others[: -len(drafts)]:
        if count >= target:
            break
        if partner.kind == "university":
            entity = rng.choice([e for e in demo.entities if e.kind == "university"])
        else:
            entity = entities[rng.weighted(shares)]
        era = rng.weighted({2003: 1, 2010: 2, 2016: 3, 2021: 3})
        start = rng.day_between(date(era, 1, 1), today)
        planned.append(plan(demo, entity, partner, start, _third(demo, partner), 0.5))
        count += len(planned[-1].plans)
    write_relationships(demo, planned)


def _third(demo: Demo, partner: PartnerRef) -> PartnerRef | None:
    if partner.kind != "city" or not demo.rng.chance(0.25):
        return None
    if partner.south:
        local = [
            p
            for p in demo.partners
            if p.kind in ("university", "ngo", "network") and p.country_code == partner.country_code
        ]
        return demo.rng.choice(local) if local else demo.funders.get("afd")
    return None


def _projects(demo: Demo) -> None:
    rng = demo.rng
    frames = [
        a
        for a in demo.agreements
        if a.signed
        and a.signed.year >= 2004
        and a.partner.kind == "city"
        and a.type in ("cooperation", "implementation", "mou", "twinning")
    ]
    frames.sort(key=lambda a: (not a.partner.south, a.status != "active"))
    chosen: list[AgreementRef] = frames[: demo.scaled(24)]
    for agreement in chosen:
        theme = rng.choice(agreement.themes)
        write_project(
            demo, agreement.entity, agreement.partner, agreement, FUNDERS, theme, (40_000, 900_000)
        )
    government = demo.government
    assert government is not None
    loose = [p for p in demo.partners if p.kind == "city"]
    for partner in rng.sample(loose, min(len(loose), demo.scaled(6))):
        theme = rng.choice(("environment", "mobility", "culture", "governance", "digital"))
        write_project(demo, government, partner, None, FUNDERS, theme, (20_000, 300_000))


def _documents(demo: Demo) -> None:
    signed = [
        a for a in demo.agreements if a.status == "active" and a.signed and a.signed.year >= 2014
    ]
    signed.sort(key=lambda a: a.signed or date.min, reverse=True)
    write_agreement_documents(demo, signed[:3], "Lyon", signed_texts=2)
    closed = [project for project in demo.projects if project.status == "4"]
    if closed:
        write_project_report(demo, closed[0].id, closed[0].title, demo.texts.project_lessons)
