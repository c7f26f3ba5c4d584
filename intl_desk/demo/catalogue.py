"""Language-neutral facts the demo draws on: countries, themes, SDGs, DAC sectors, and
choosing real places from the gazetteer.

Partners are always real places with their real spelling and coordinates (Łódź, Córdoba,
Huế): the point of a demo is that the map, the country names and the accents look right.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from functools import cache

from intl_desk.core.model import Partner
from intl_desk.core.reference import City, cities_in
from intl_desk.demo.common import Demo, DemoRandom, PartnerRef

#: country → (language code of vocabularies.LANGUAGES, development-cooperation partner?)
COUNTRIES: Mapping[str, tuple[str, bool]] = {
    "AR": ("es", False), "AM": ("other", True), "AO": ("pt", True), "BE": ("fr", False),
    "BF": ("fr", True), "BJ": ("fr", True), "BO": ("es", True), "BR": ("pt", False),
    "CA": ("en", False), "CH": ("de", False), "CI": ("fr", True), "CL": ("es", False),
    "CM": ("fr", True), "CN": ("zh", False), "CO": ("es", True), "CU": ("es", True),
    "CV": ("pt", True), "DE": ("de", False), "DZ": ("ar", True), "EC": ("es", True),
    "ES": ("es", False), "ET": ("other", True), "FR": ("fr", False), "GB": ("en", False),
    "GE": ("other", True), "HT": ("fr", True), "IL": ("other", False), "IN": ("en", True),
    "IT": ("it", False), "JP": ("ja", False), "KR": ("ko", False), "LB": ("ar", True),
    "MA": ("ar", True), "MG": ("fr", True), "ML": ("fr", True), "MX": ("es", False),
    "MZ": ("pt", True), "NL": ("other", False), "PE": ("es", True), "PL": ("pl", False),
    "PS": ("ar", True), "PT": ("pt", False), "PY": ("es", True), "RO": ("other", False),
    "SE": ("other", False), "SN": ("fr", True), "TN": ("ar", True), "UA": ("other", True),
    "US": ("en", False), "UY": ("es", False), "VN": ("vi", True), "ZA": ("en", True),
    "ST": ("pt", True), "GW": ("pt", True), "TL": ("pt", True), "NG": ("en", True),
    "KE": ("en", True), "EG": ("ar", True), "TR": ("other", False), "GR": ("other", False),
    "AT": ("de", False), "IE": ("en", False), "AU": ("en", False), "NZ": ("en", False),
    "RU": ("ru", False), "TW": ("zh", False), "PH": ("en", True), "ID": ("other", True),
    "TH": ("other", False), "MY": ("other", False), "VE": ("es", True), "DO": ("es", True),
    "GT": ("es", True), "CR": ("es", False), "PA": ("es", False), "SV": ("es", True),
    "NI": ("es", True), "HN": ("es", True), "DK": ("other", False), "NO": ("other", False),
    "FI": ("other", False), "CZ": ("other", False), "HU": ("other", False),
}  # fmt: skip


def language_of(country_code: str) -> str:
    return COUNTRIES.get(country_code, ("en", False))[0]


def is_south(country_code: str) -> bool:
    return COUNTRIES.get(country_code, ("en", False))[1]


#: themes an exchange partnership (north) and a development one (south) typically cover
NORTH_THEMES: Mapping[str, float] = {
    "culture": 5, "education": 5, "economy": 4, "innovation": 3, "tourism": 3,
    "youth_sport": 3, "environment": 3, "mobility": 2, "heritage": 2, "investment": 3,
    "urban": 2, "digital": 2, "social": 1, "energy": 1, "gender": 1, "peace": 1,
    "migration": 1, "food": 1,
}  # fmt: skip
SOUTH_THEMES: Mapping[str, float] = {
    "water": 5, "governance": 5, "health": 3, "urban": 3, "environment": 3, "education": 3,
    "culture": 2, "heritage": 2, "energy": 2, "food": 2, "gender": 2, "risk": 2,
    "social": 2, "mobility": 1, "digital": 1, "migration": 1, "housing": 1, "economy": 1,
    "youth_sport": 1, "peace": 1,
}  # fmt: skip
TWINNING_THEMES: Mapping[str, float] = {
    "culture": 5, "education": 4, "youth_sport": 4, "heritage": 2, "tourism": 2,
    "economy": 1, "peace": 1,
}  # fmt: skip

THEME_SDGS: Mapping[str, tuple[int, ...]] = {
    "culture": (11, 4), "heritage": (11,), "education": (4,), "youth_sport": (3, 4, 10),
    "economy": (8, 9), "tourism": (8, 12), "investment": (8, 9, 17), "innovation": (9,),
    "environment": (13, 11, 15), "water": (6,), "energy": (7, 13), "urban": (11,),
    "mobility": (11, 13), "housing": (11, 1), "health": (3,), "social": (10, 1),
    "gender": (5,), "migration": (10,), "food": (2, 12), "governance": (16, 17),
    "peace": (16,), "risk": (11, 13), "digital": (9, 16),
}  # fmt: skip

#: OECD DAC 5-digit purpose codes (IATI Sector vocabulary 1), per theme
THEME_SECTORS: Mapping[str, tuple[str, ...]] = {
    "culture": ("16061",), "heritage": ("16061", "33210"), "education": ("11420", "11330"),
    "youth_sport": ("16061", "11330"), "economy": ("25010", "32130"),
    "tourism": ("33210",), "investment": ("25030", "32130"), "innovation": ("32182",),
    "environment": ("41010", "14050"), "water": ("14030", "14020", "14010"),
    "energy": ("23210", "23183"), "urban": ("43030",), "mobility": ("21020", "21010"),
    "housing": ("16030",), "health": ("12220", "12230"), "social": ("16010", "16020"),
    "gender": ("15170",), "migration": ("15190",), "food": ("31120", "31110"),
    "governance": ("15112", "15110"), "peace": ("15160",), "risk": ("43060", "74020"),
    "digital": ("22040",),
}  # fmt: skip


def sdgs_for(rng: DemoRandom, themes: Iterable[str], most: int = 3) -> list[int]:
    pool = list(dict.fromkeys(sdg for theme in themes for sdg in THEME_SDGS.get(theme, ())))
    if rng.chance(0.3):
        pool.append(17)  # partnerships: offices tag it often
    return sorted(set(rng.some(pool, 1, most))) if pool else []


def themes_for(rng: DemoRandom, weights: Mapping[str, float], low: int, high: int) -> list[str]:
    chosen: list[str] = []
    wanted = rng.randint(low, high)
    while len(chosen) < wanted:
        theme = rng.weighted(weights)
        if theme not in chosen:
            chosen.append(theme)
    return chosen


# --- the gazetteer ----------------------------------------------------------------------------


def _distance_km(a: City, b: City) -> float:
    lat = math.radians((a.latitude + b.latitude) / 2)
    dx = (a.longitude - b.longitude) * math.cos(lat)
    dy = a.latitude - b.latitude
    return 111.2 * math.hypot(dx, dy)


@cache
def principal_cities(country_code: str, limit: int) -> tuple[City, ...]:
    """The ``limit`` most populous places that are cities in their own right.

    The gazetteer also lists districts of big cities (Yerevan's Arabkir, Kyivskyi…), which
    nobody twins with; a place within 12 km of a more populous one is taken as a district.
    """
    kept: list[City] = []
    for city in cities_in(country_code):
        if all(_distance_km(city, bigger) > 12 for bigger in kept):
            kept.append(city)
            if len(kept) == limit:
                break
    return tuple(kept)


def find_city(country_code: str, name: str) -> City | None:
    return next((c for c in cities_in(country_code) if c.name == name), None)


def sample_cities(
    rng: DemoRandom, country_code: str, count: int, exclude: set[int], depth: int = 4
) -> list[City]:
    """``count`` principal cities of a country, favouring the larger ones."""
    pool = [
        city
        for city in principal_cities(country_code, count * depth + 8)
        if city.geonameid not in exclude
    ]
    chosen: list[City] = []
    weights = [math.sqrt(city.population) for city in pool]
    while pool and len(chosen) < count:
        index = rng.choices(range(len(pool)), weights=weights)[0]
        chosen.append(pool.pop(index))
        weights.pop(index)
    return chosen


def add_partner(
    demo: Demo,
    city: City | None,
    *,
    kind: str = "city",
    name: str | None = None,
    country: str | None = None,
    iati: tuple[str | None, str | None] = (None, None),
    website: str | None = None,
) -> PartnerRef:
    """A partner: a gazetteer place (``city``) or an organisation seated in one."""
    country_code = country or (city.country_code if city else "")
    partner_name = name or (city.name if city else "")
    latitude = city.latitude if city else None
    longitude = city.longitude if city else None
    is_place = kind == "city" and city is not None
    partner_id = demo.add(
        Partner,
        name=partner_name,
        kind=kind,
        country_code=country_code,
        latitude=latitude,
        longitude=longitude,
        population=city.population if is_place and city else None,
        geonames_id=city.geonameid if is_place and city else None,
        iati_org_ref=iati[0],
        iati_org_type=iati[1],
        website=website,
    )
    ref = PartnerRef(
        partner_id,
        partner_name,
        kind,
        country_code,
        latitude,
        longitude,
        language_of(country_code),
        is_south(country_code),
        math.sqrt(city.population) if is_place and city else 100.0,
    )
    demo.partners.append(ref)
    return ref
