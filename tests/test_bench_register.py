"""The bench's agreement register gives the GeoNames id of a partner that shares its name
with another of its country, as an office must for the import to tell them apart: none of
its rows is refused (301 of 50,000 were, naming one of the state demo's two Jacksons)."""

from __future__ import annotations

from pathlib import Path

from intl_desk.bench.exchange_scenarios import _register
from intl_desk.core.model import LocalEntity, Partner
from intl_desk.exchange.importer import preview_import
from intl_desk.store.office_file import OfficeFile


def test_the_bench_register_tells_namesakes_apart(office: OfficeFile, tmp_path: Path) -> None:
    with office.session() as session:
        session.add_all(
            [
                LocalEntity(name="Ville de Lyon", kind="government"),
                Partner(name="Jackson", kind="city", country_code="US", geonames_id=4431410),
                Partner(name="Jackson", kind="city", country_code="US", geonames_id=4632595),
                Partner(name="Porto", kind="city", country_code="PT", geonames_id=2735943),
            ]
        )
        session.commit()
        register = tmp_path / "registre.xlsx"
        _register(register, session, 30)
        rows = preview_import(session, register, "agreements").rows
    jackson = [row for row in rows if str(row.values["partners"]).casefold() == "jackson"]
    assert jackson and [row.status for row in rows] == ["new"] * 30
