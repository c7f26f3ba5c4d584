"""The state demo: Minas Gerais's international relations office and its 853 municipalities.

Everything goes through :class:`~intl_desk.core.demo.common.BulkSink` (Core bulk inserts),
since about half a million rows have to be written in well under a minute. The builders are
the city's, so records are shaped and validated the same way; only volumes, words and the
municipal hierarchy differ.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal
from itertools import accumulate

from intl_desk.core.demo.activities import write_activities
from intl_desk.core.demo.agreements import Relationship, plan, write_relationships
from intl_desk.core.demo.catalogue import find_city, is_south, language_of, sample_cities
from intl_desk.core.demo.common import Demo, EntityRef, PartnerRef
from intl_desk.core.demo.documents import write_agreement_documents, write_project_report
from intl_desk.core.demo.evaluation import (
    write_indicators,
    write_measurements,
    write_periods,
    write_strategy,
)
from intl_desk.core.demo.names import gendered, person
from intl_desk.core.demo.networks import NetworkSpec, write_membership, write_network
from intl_desk.core.demo.people import slug, write_partner_contacts, write_staff
from intl_desk.core.demo.projects import write_project
from intl_desk.core.demo.state_catalogue import (
    AFFINITIES,
    BIG_MUNICIPALITIES,
    FUNDERS,
    NETWORKS,
    OFFICE,
    ORGANISATIONS,
    PARTNER_COUNTRIES,
    STATE_AGREEMENTS,
    TERMS,
    TOTAL_AGREEMENTS,
    TOTAL_PARTNERS,
    TOTAL_PROJECTS,
)
from intl_desk.core.model import Contact, LocalEntity, Partner
from intl_desk.core.reference import minas_gerais_municipalities

_AT_HOME_THEMES = frozenset(
    "culture heritage tourism migration youth_sport economy investment innovation education"
    " digital".split()
)

__all__ = ["OFFICE", "build_state"]


def build_state(demo: Demo) -> None:
    demo.country_code, demo.term_starts = "BR", TERMS
    demo.reference_pattern = "{code}-{year}-{n:03d}"
    demo.say("Municipalities and regions")
    municipalities, targets = _hierarchy(demo)
    demo.say("Partners")
    _partners(demo)
    government = demo.government
    assert government is not None
    write_staff(demo, 15, government, "mg.gov.example")
    demo.say("Strategy and indicators")
    objectives = write_strategy(demo, demo.texts.lines)
    periods = write_periods(demo)
    indicators = write_indicators(demo, demo.texts.indicators, objectives, periods)
    demo.say(f"Agreements (about {sum(targets.values()):,})")
    _agreements(demo, targets)
    demo.say("Projects")
    _projects(demo)
    demo.say("Networks and memberships")
    _networks(demo, municipalities)
    demo.say("Activities and contacts")
    write_activities(demo, demo.scaled(2500), government)
    write_partner_contacts(demo, demo.scaled(1500))
    _municipal_officers(demo, municipalities[: demo.scaled(150)])
    demo.say("Measurements")
    measured = municipalities[: max(5, round(len(municipalities) * min(1.0, demo.size)))]
    write_measurements(demo, indicators, periods, measured)
    demo.say("Documents")
    recent = [a for a in demo.agreements if a.entity is government and a.signed
              and a.status == "active"][-demo.scaled(20, 3):]  # fmt: skip
    write_agreement_documents(demo, recent, "Estado de Minas Gerais", signed_texts=3)
    closed = [p for p in demo.projects if p.status == "4"]
    if closed:
        write_project_report(demo, closed[0].id, closed[0].title, demo.texts.project_lessons)


def _hierarchy(demo: Demo) -> tuple[list[EntityRef], dict[str, int]]:
    """State → 12 regions → 853 municipalities; returns the municipalities, most active
    first, and the number of agreements each entity should end up with."""
    rng = demo.rng
    capital = find_city("BR", "Belo Horizonte")
    government = _entity(
        demo, "Governo do Estado de Minas Gerais", "government", "Minas Gerais", None,
        capital.latitude if capital else None, capital.longitude if capital else None, "ARI",
    )  # fmt: skip
    demo.government = government
    rows = minas_gerais_municipalities()
    regions: dict[str, EntityRef] = {}
    for name in dict.fromkeys(row.region for row in rows):
        members = [row for row in rows if row.region == name]
        latitude = round(sum(m.latitude for m in members) / len(members), 4)
        longitude = round(sum(m.longitude for m in members) / len(members), 4)
        regions[name] = _entity(demo, name, "region", name, government.id, latitude, longitude)
    counts = _agreement_counts(demo, [row.name for row in rows])
    mean = sum(counts.values()) / len(counts)
    municipalities = []
    for row in rows:
        ref = _entity(
            demo, row.name, "municipality", row.name, regions[row.region].id, row.latitude,
            row.longitude, row.ibge_code, code=row.ibge_code,
        )  # fmt: skip
        ref.weight = max(0.05, counts[row.name] / mean)
        municipalities.append(ref)
    municipalities.sort(key=lambda m: -m.weight)
    targets = {m.id: _scaled_count(demo, counts[m.name]) for m in municipalities}
    targets[government.id] = _scaled_count(demo, STATE_AGREEMENTS)
    rng.shuffle(demo.entities[1 : 1 + len(regions)])  # no meaning in region order
    return municipalities, targets


def _entity(
    demo: Demo, name: str, kind: str, short: str, parent: str | None,
    latitude: float | None, longitude: float | None, reference_code: str | None = None, *,
    code: str | None = None,
) -> EntityRef:  # fmt: skip
    entity_id = demo.add(
        LocalEntity, name=name, kind=kind, code=code or (reference_code if kind == "government"
                                                         else None),
        parent_id=parent, latitude=latitude, longitude=longitude,
    )  # fmt: skip
    ref = EntityRef(entity_id, name, short, kind, latitude, longitude, code=reference_code)
    demo.entities.append(ref)
    return ref


def _agreement_counts(demo: Demo, names: Sequence[str]) -> dict[str, int]:
    """Agreements per municipality at full size: the known ones, then a long tail."""
    rng = demo.rng
    rest = [name for name in names if name not in BIG_MUNICIPALITIES]
    remaining = TOTAL_AGREEMENTS - STATE_AGREEMENTS - sum(BIG_MUNICIPALITIES.values())
    draws = {name: rng.lognormvariate(0.0, 1.5) for name in rest}
    for _ in range(3):  # no small town outgrows the regional centres
        factor = remaining / sum(draws.values())
        draws = {name: min(w * factor, 18.0) for name, w in draws.items()}
    counts = {name: int(w) + (1 if rng.random() < w % 1 else 0) for name, w in draws.items()}
    counts.update(BIG_MUNICIPALITIES)
    return counts


def _scaled_count(demo: Demo, count: int) -> int:
    exact = count * demo.size
    return int(exact) + (1 if demo.rng.random() < exact % 1 else 0)


def _partners(demo: Demo) -> None:
    rng = demo.rng
    scale = max(60, round(TOTAL_PARTNERS * demo.size)) / sum(PARTNER_COUNTRIES.values())
    taken: set[int] = set()
    for country, count in PARTNER_COUNTRIES.items():
        wanted = max(1, round(count * scale)) if count * scale >= 0.5 or rng.chance(0.3) else 0
        for city in sample_cities(rng, country, wanted, taken, depth=2):
            taken.add(city.geonameid)
            partner = _partner(demo, city.name, "city", country, city.latitude, city.longitude)
            partner.weight = math.sqrt(city.population)
            demo.sink.counts  # keep mypy aware the sink is used through demo.add
            _fill_city(demo, partner.id, city.population, city.geonameid)
    for key, name, kind, country, seat, ref, org_type in ORGANISATIONS:
        seat_country, _, seat_name = seat.rpartition(":")
        city = find_city(seat_country or country, seat_name)
        partner = _partner(
            demo, name, kind, country, city.latitude if city else None,
            city.longitude if city else None, iati=(ref, org_type),
        )  # fmt: skip
        demo.funders[key] = partner


_CITY_EXTRAS: dict[str, tuple[int, int]] = {}


def _partner(
    demo: Demo, name: str, kind: str, country: str, latitude: float | None,
    longitude: float | None, iati: tuple[str | None, str | None] = (None, None),
) -> PartnerRef:  # fmt: skip
    partner_id = demo.rng.uuid()
    ref = PartnerRef(partner_id, name, kind, country, latitude, longitude,
                     language_of(country), is_south(country))  # fmt: skip
    demo.sink.add(
        Partner,
        {
            "id": partner_id, "name": name, "kind": kind, "country_code": country,
            "latitude": latitude, "longitude": longitude, "iati_org_ref": iati[0],
            "iati_org_type": iati[1],
        },
    )  # fmt: skip
    demo.partners.append(ref)
    return ref
