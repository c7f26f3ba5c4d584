"""The bundled reference data and its Qt-free loaders."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap

import pytest

from intl_desk.core.reference import (
    City,
    cities_in,
    fold,
    iati_codelist,
    minas_gerais_municipalities,
    sdg_goals,
    search_cities,
    world_cities,
    world_map_path,
)
from intl_desk.paths import data_dir

# --- world cities -----------------------------------------------------------------------------


def test_world_cities_load_with_accents_intact() -> None:
    cities = world_cities()
    assert len(cities) > 30_000
    assert all(isinstance(city, City) for city in cities[:10])
    names = {city.name for city in cities}
    assert {"São Paulo", "Córdoba", "Łódź", "Zürich"} <= names


def test_cities_in_a_country_are_most_populous_first() -> None:
    brazil = cities_in("br")
    assert brazil and all(city.country_code == "BR" for city in brazil)
    populations = [city.population for city in brazil]
    assert populations == sorted(populations, reverse=True)
    assert brazil[0].name == "São Paulo"
    assert cities_in("XX") == ()


def test_search_sao_paulo_finds_the_brazilian_city_first() -> None:
    found = search_cities("sao paulo")
    assert found
    assert (found[0].name, found[0].country_code) == ("São Paulo", "BR")
    assert all(fold(city.name).startswith("sao paulo") for city in found)


def test_search_ignores_letters_without_decomposition() -> None:
    found = search_cities("lodz")
    assert any(city.name == "Łódź" and city.country_code == "PL" for city in found)
    assert search_cities("ŁÓDŹ")[0].name == "Łódź"


def test_search_is_ordered_by_population_and_limited() -> None:
    found = search_cities("san", limit=5)
    assert len(found) == 5
    populations = [city.population for city in found]
    assert populations == sorted(populations, reverse=True)
    assert search_cities("   ") == []
    assert search_cities("zzzzqqq") == []


# --- Minas Gerais -----------------------------------------------------------------------------


def test_the_search_finds_every_city_of_the_list_whole_and_in_order() -> None:
    """The search reads its own columns of the gazetteer: each city found is the city of
    the list, every field in place, most populous first."""
    prefix = "sao"
    expected = sorted(
        (city for city in world_cities() if fold(city.name).startswith(prefix)),
        key=lambda city: (-city.population, city.geonameid),
    )
    assert len(expected) > 20
    assert search_cities("São", limit=len(expected)) == expected
    lodz = search_cities("lodz", limit=1)[0]
    assert (lodz.name, lodz.country_code, lodz.population > 600_000) == ("Łódź", "PL", True)


def test_the_window_holds_the_gazetteer_as_columns_not_as_cities() -> None:
    """The window reads the gazetteer as it starts and keeps it: as 34,006 City objects
    it took 35 MiB of its memory. A City is made for each city a search finds."""
    code = textwrap.dedent(
        """
        import gc
        from intl_desk.core.reference import City, search_cities, warm_up
        warm_up()
        found = search_cities("cordoba", limit=5)
        alive = sum(1 for thing in gc.get_objects() if type(thing) is City)
        print(alive == len(found), len(found) > 1, {city.name for city in found})
        """
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[0] == "True True {'Córdoba'}"  # AR, ES, MX…: no other


def test_all_853_municipalities_with_unique_codes() -> None:
    municipalities = minas_gerais_municipalities()
    assert len(municipalities) == 853
    codes = [m.ibge_code for m in municipalities]
    assert len(set(codes)) == 853
    assert all(re.fullmatch(r"31\d{5}", code) for code in codes)
    assert len({m.name for m in municipalities}) == 853


def test_every_municipality_has_a_region_and_coordinates_inside_minas_gerais() -> None:
    municipalities = minas_gerais_municipalities()
    for m in municipalities:
        assert m.region, m
        assert -23 <= m.latitude <= -14, m
        assert -51.1 <= m.longitude <= -39.8, m
    assert len({m.region for m in municipalities}) == 12


@pytest.mark.parametrize(
    ("name", "region"),
    [
        ("Belo Horizonte", "Metropolitana de Belo Horizonte"),
        ("Uberlândia", "Triângulo Mineiro/Alto Paranaíba"),
        ("Juiz de Fora", "Zona da Mata"),
        ("Montes Claros", "Norte de Minas"),
        ("São João del Rei", "Campo das Vertentes"),
        ("Ouro Preto", "Metropolitana de Belo Horizonte"),
        ("Conceição do Mato Dentro", "Metropolitana de Belo Horizonte"),
    ],
)
def test_well_known_municipalities(name: str, region: str) -> None:
    by_name = {m.name: m for m in minas_gerais_municipalities()}
    assert by_name[name].region == region


def test_belo_horizonte_is_where_it_should_be() -> None:
    (bh,) = [m for m in minas_gerais_municipalities() if m.ibge_code == "3106200"]
    assert bh.name == "Belo Horizonte"
    assert bh.latitude == pytest.approx(-19.92, abs=0.05)
    assert bh.longitude == pytest.approx(-43.94, abs=0.05)


# --- SDGs -------------------------------------------------------------------------------------


def test_seventeen_goals_with_colours_and_names_in_four_languages() -> None:
    goals = sdg_goals()
    assert [goal.number for goal in goals] == list(range(1, 18))
    for goal in goals:
        assert re.fullmatch(r"#[0-9A-Fa-f]{6}", goal.colour), goal.colour
        for language in ("en", "fr", "es", "pt"):
            assert goal.short[language].strip()
            assert goal.title[language].strip()


def test_short_name_falls_back_to_english() -> None:
    goal = sdg_goals()[0]
    assert goal.short_name("pt") == goal.short["pt"]
    assert goal.short_name("pt_BR") == goal.short["pt"]
    assert goal.short_name("de") == goal.short["en"] == "No poverty"
    assert goal.title_text("xx") == goal.title["en"]


def test_goals_are_immutable_and_hashable() -> None:
    goal = sdg_goals()[0]
    with pytest.raises(TypeError):
        goal.short["en"] = "changed"  # type: ignore[index]
    assert len(set(sdg_goals())) == 17


# --- IATI code lists --------------------------------------------------------------------------


def test_activity_status_codes() -> None:
    items = iati_codelist("ActivityStatus")
    assert [item.code for item in items] == ["1", "2", "3", "4", "5", "6"]
    assert items[1].name == "Implementation"
    assert all(item.name and item.description for item in items)


def test_organisation_role_codes() -> None:
    items = iati_codelist("OrganisationRole")
    assert [item.code for item in items] == ["1", "2", "3", "4"]
    assert items[0].name == "Funding"


BUNDLED_CODELISTS = sorted(path.stem for path in (data_dir() / "iati" / "codelists").glob("*.xml"))


def test_withdrawn_items_are_left_out() -> None:
    text = (data_dir() / "iati" / "codelists" / "Sector.xml").read_text(encoding="utf-8")
    withdrawn = text.count('status="withdrawn"')
    assert withdrawn > 0
    items = iati_codelist("Sector")
    assert len(items) == text.count("<code>") - withdrawn
    assert len({item.code for item in items}) == len(items)


@pytest.mark.parametrize("name", BUNDLED_CODELISTS)
def test_every_bundled_codelist_loads(name: str) -> None:
    assert iati_codelist(name)


def test_unknown_codelist() -> None:
    with pytest.raises(KeyError):
        iati_codelist("NoSuchList")
    with pytest.raises(KeyError):
        iati_codelist("../sdg_goals")


def test_all_requested_codelists_are_bundled() -> None:
    assert set(BUNDLED_CODELISTS) >= {
        "ActivityStatus",
        "OrganisationRole",
        "OrganisationType",
        "ActivityDateType",
        "BudgetType",
        "BudgetStatus",
        "TransactionType",
        "DocumentCategory",
        "RelatedActivityType",
        "SectorCategory",
        "Sector",
        "UNSDG-Goals",
    }


# --- world map --------------------------------------------------------------------------------


def test_world_map_is_a_feature_collection() -> None:
    path = world_map_path()
    assert path.is_file()
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["type"] == "FeatureCollection"
    assert len(document["features"]) == 177
