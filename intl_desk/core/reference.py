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
import threading
from collections.abc import Mapping
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


@dataclass(frozen=True)
class City:
    geonameid: int
    name: str
    country_code: str
    admin1: str
    latitude: float
    longitude: float
    population: int


@cache
def world_cities() -> tuple[City, ...]:
    """Every city of the gazetteer, by country code, then most populous first."""
    return tuple(
        City(
            geonameid=int(row["geonameid"]),
            name=row["name"],
            country_code=row["country_code"],
            admin1=row["admin1"],
            latitude=float(row["latitude"]),
            longitude=float(row["longitude"]),
            population=int(row["population"]),
        )
        for row in _read_csv(WORLD_CITIES_FILE)
    )


@cache
def _cities_by_country() -> Mapping[str, tuple[City, ...]]:
    grouped: dict[str, list[City]] = {}
    for city in world_cities():
        grouped.setdefault(city.country_code, []).append(city)
    return MappingProxyType({code: tuple(cities) for code, cities in grouped.items()})


def cities_in(country_code: str) -> tuple[City, ...]:
    """The cities of one country (ISO 3166-1 alpha-2, any case), most populous first."""
    return _cities_by_country().get(country_code.strip().upper(), ())


_BUILDING = threading.Lock()


def _search_index() -> tuple[tuple[str, City], ...]:
    with _BUILDING:  # built once, by whichever asks first; a second asker waits for it
        return _built_search_index()


@cache
def _built_search_index() -> tuple[tuple[str, City], ...]:
    ranked = sorted(world_cities(), key=lambda city: (-city.population, city.geonameid))
    return tuple((fold(city.name), city) for city in ranked)


def warm_up() -> None:
    """Read the gazetteer now (about 0.3 s, seconds on a busy machine), so that the first
    place typed in a form does not wait for it: the app calls this off the GUI thread
    once its window is on screen."""
    _search_index()
    _cities_by_country()


def search_cities(text: str, limit: int = 20) -> list[City]:
    """Cities whose name starts with ``text``, ignoring case and accents, most populous first.

    ``search_cities("sao paulo")`` finds São Paulo (BR) before São Paulo de Olivença.
    """
    prefix = fold(text)
    if not prefix or limit <= 0:
        return []
    found: list[City] = []
    for folded, city in _search_index():
        if folded.startswith(prefix):
            found.append(city)
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
