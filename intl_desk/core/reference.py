"""Bundled reference data, Qt-free: world cities, Minas Gerais municipalities, SDGs, IATI
code lists and the world map.

Every file lives in :func:`intl_desk.paths.data_dir` (see
``intl_desk/resources/data/SOURCES.md`` for where each comes from and
``tools/vendor_reference_data.py`` for how it is made). Each loader reads its file once
and caches the result; the returned tuples and dataclasses are immutable.
"""

from __future__ import annotations

import csv
import json
import re
import sys
import threading
from array import array
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from intl_desk.core.folding import fold
from intl_desk.core.i18n import DEFAULT_LANGUAGE, normalise_language
from intl_desk.paths import data_dir

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

WORLD_CITIES_FILE = "world_cities.csv"
MG_MUNICIPALITIES_FILE = "brazil_mg_municipalities.csv"
SDG_GOALS_FILE = "sdg_goals.json"
WORLD_MAP_FILE = "ne_110m_admin_0_countries.geojson"
IATI_CODELISTS_DIR = ("iati", "codelists")

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_CODELIST_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")


def _read_csv(filename: str) -> list[dict[str, str]]:
    with (data_dir() / filename).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# --- world cities (GeoNames) ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class City:
    geonameid: int
    name: str
    country_code: str
    admin1: str
    latitude: float
    longitude: float
    population: int


def _city_lines() -> Iterator[tuple[int, str, str, str, float, float, int]]:
    """The gazetteer's cities as read, a line at a time, each country and region code
    kept once (every city held its own copy of "BR")."""
    with (data_dir() / WORLD_CITIES_FILE).open(encoding="utf-8", newline="") as handle:
        lines = csv.reader(handle)
        columns = {name: index for index, name in enumerate(next(lines))}
        geonameid, name, country = columns["geonameid"], columns["name"], columns["country_code"]
        admin1, latitude, longitude = columns["admin1"], columns["latitude"], columns["longitude"]
        population = columns["population"]
        for line in lines:
            yield (
                int(line[geonameid]),
                line[name],
                sys.intern(line[country]),
                sys.intern(line[admin1]),
                float(line[latitude]),
                float(line[longitude]),
                int(line[population]),
            )


@cache
def world_cities() -> tuple[City, ...]:
    """Every city of the gazetteer, by country code, then most populous first."""
    return tuple(City(*line) for line in _city_lines())


@cache
def _cities_by_country() -> Mapping[str, tuple[City, ...]]:
    grouped: dict[str, list[City]] = {}
    for city in world_cities():
        grouped.setdefault(city.country_code, []).append(city)
    return MappingProxyType({code: tuple(cities) for code, cities in grouped.items()})


def cities_in(country_code: str) -> tuple[City, ...]:
    """The cities of one country (ISO 3166-1 alpha-2, any case), most populous first."""
    return _cities_by_country().get(country_code.strip().upper(), ())


class _Gazetteer:
    """The cities as columns, most populous first, each name also folded for searching:
    a :class:`City` is made for each city found, not for every city read. The window
    holds the gazetteer from its start; as 34,006 City objects it took 35 MiB (16 once
    they shared their codes), as columns 6 MiB."""

    __slots__ = (
        "countries",
        "folded",
        "geonameids",
        "latitudes",
        "longitudes",
        "names",
        "populations",
        "regions",
    )  # fmt: skip

    def __init__(self, lines: Iterable[tuple[int, str, str, str, float, float, int]]) -> None:
        geonameids, names, countries, regions = array("q"), [], [], []
        latitudes, longitudes, populations = array("d"), array("d"), array("q")
        for geonameid, name, country, region, latitude, longitude, population in lines:
            geonameids.append(geonameid)
            names.append(name)
            countries.append(country)
            regions.append(region)
            latitudes.append(latitude)
            longitudes.append(longitude)
            populations.append(population)
        order = sorted(range(len(names)), key=lambda i: (-populations[i], geonameids[i]))
        self.geonameids = array("q", (geonameids[i] for i in order))
        self.names = [names[i] for i in order]
        self.countries = [countries[i] for i in order]
        self.regions = [regions[i] for i in order]
        self.latitudes = array("d", (latitudes[i] for i in order))
        self.longitudes = array("d", (longitudes[i] for i in order))
        self.populations = array("q", (populations[i] for i in order))
        self.folded = [fold(name) for name in self.names]

    def city(self, index: int) -> City:
        return City(
            self.geonameids[index],
            self.names[index],
            self.countries[index],
            self.regions[index],
            self.latitudes[index],
            self.longitudes[index],
            self.populations[index],
        )


_BUILDING = threading.Lock()


def _gazetteer() -> _Gazetteer:
    with _BUILDING:  # built once, by whichever asks first; a second asker waits for it
        return _built_gazetteer()


@cache
def _built_gazetteer() -> _Gazetteer:
    return _Gazetteer(_city_lines())


def warm_up() -> None:
    """Read the gazetteer now (about 0.3 s, seconds on a busy machine), so that the first
    place typed in a form does not wait for it: the app calls this off the GUI thread
    once its window is on screen."""
    _gazetteer()


def search_cities(text: str, limit: int = 20) -> list[City]:
    """Cities whose name starts with ``text``, ignoring case and accents, most populous first.

    ``search_cities("sao paulo")`` finds São Paulo (BR) before São Paulo de Olivença.
    """
    prefix = fold(text)
    if not prefix or limit <= 0:
        return []
    gazetteer = _gazetteer()
    found: list[City] = []
    for index, folded in enumerate(gazetteer.folded):
        if folded.startswith(prefix):
            found.append(gazetteer.city(index))
            if len(found) == limit:
                break
    return found


# --- Minas Gerais municipalities (IBGE) -------------------------------------------------------


@dataclass(frozen=True)
class Municipality:
    ibge_code: str
    name: str
    region: str
    latitude: float
    longitude: float


@cache
def minas_gerais_municipalities() -> tuple[Municipality, ...]:
    """The 853 municipalities of Minas Gerais, by IBGE code; ``region`` is the IBGE mesoregion."""
    return tuple(
        Municipality(
            ibge_code=row["ibge_code"],
            name=row["name"],
            region=row["region"],
            latitude=float(row["latitude"]),
            longitude=float(row["longitude"]),
        )
        for row in _read_csv(MG_MUNICIPALITIES_FILE)
    )


# --- Sustainable Development Goals ------------------------------------------------------------


@dataclass(frozen=True)
class SdgGoal:
    number: int
    colour: str
    short: Mapping[str, str] = field(hash=False)
    title: Mapping[str, str] = field(hash=False)

    def short_name(self, language: str) -> str:
        """The short name in ``language`` (``pt``, ``pt_BR`` …), else in English."""
        return self.short.get(normalise_language(language)) or self.short[DEFAULT_LANGUAGE]

    def title_text(self, language: str) -> str:
        """The full title in ``language``, else in English."""
        return self.title.get(normalise_language(language)) or self.title[DEFAULT_LANGUAGE]


@cache
def sdg_goals() -> tuple[SdgGoal, ...]:
    """The 17 goals, by number."""
    document = json.loads((data_dir() / SDG_GOALS_FILE).read_text(encoding="utf-8"))
    goals = (
        SdgGoal(
            number=int(goal["number"]),
            colour=str(goal["colour"]),
            short=MappingProxyType({str(k): str(v) for k, v in goal["short"].items()}),
            title=MappingProxyType({str(k): str(v) for k, v in goal["title"].items()}),
        )
        for goal in document["goals"]
    )
    return tuple(sorted(goals, key=lambda goal: goal.number))


# --- IATI code lists --------------------------------------------------------------------------


@dataclass(frozen=True)
class CodelistItem:
    code: str
    name: str
    description: str


def _english_narrative(element: Element | None) -> str:
    """The text of the English ``<narrative>`` under ``element`` ('' if none)."""
    if element is None:
        return ""
    narratives = element.findall("narrative")
    for narrative in narratives:
        if narrative.get(_XML_LANG, DEFAULT_LANGUAGE) == DEFAULT_LANGUAGE:
            return " ".join((narrative.text or "").split())
    return ""


@cache
def iati_codelist(name: str) -> tuple[CodelistItem, ...]:
    """The items of one IATI code list (e.g. ``"ActivityStatus"``), in file order.

    Names and descriptions are the English narratives; withdrawn items are left out.
    Raises :class:`KeyError` for a code list that is not bundled.
    """
    path = data_dir().joinpath(*IATI_CODELISTS_DIR, f"{name}.xml")
    if not _CODELIST_NAME.fullmatch(name) or not path.is_file():
        raise KeyError(f"no bundled IATI code list named {name!r}")
    from defusedxml import ElementTree  # IATI only: not loaded with every report

    root = ElementTree.parse(path).getroot()
    items: list[CodelistItem] = []
    for element in root.iterfind("codelist-items/codelist-item"):
        if element.get("status") == "withdrawn":
            continue
        items.append(
            CodelistItem(
                code=(element.findtext("code") or "").strip(),
                name=_english_narrative(element.find("name")),
                description=_english_narrative(element.find("description")),
            )
        )
    return tuple(items)


# --- world map --------------------------------------------------------------------------------


def world_map_path() -> Path:
    """The Natural Earth 1:110m country outlines (GeoJSON)."""
    return data_dir() / WORLD_MAP_FILE
