"""Two partners of the file share a name in two countries (the foreign ministries of
Argentina and Chile): a co-financing line of a projects workbook names its funder with
the funder's country and is linked to that one; without the country it is never guessed
— the project is refused with the reason, naming both countries, and nothing is written."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from intl_desk.core.i18n import set_language
from intl_desk.core.model import CofinancingLine, Partner, Project
from intl_desk.exchange.import_write import apply_import
from intl_desk.exchange.importer import preview_import
from intl_desk.store.office_file import OfficeFile

MINISTRY = "Ministerio de Relaciones Exteriores"


@pytest.fixture
def ministries(office: OfficeFile) -> dict[str, str]:
    with office.session() as session:
        found = {
            code: Partner(name=MINISTRY, kind="national_government", country_code=code)
            for code in ["AR", "CL"]
        }
        session.add_all(found.values())
        session.commit()
        return {code: partner.id for code, partner in found.items()}


def _workbook(path: Path, countries: list[str | None]) -> Path:
    book = Workbook()
    projects = book.active
    projects.title = "Proyectos"
    projects.append(["Cartera de cooperación — Municipalidad de Rosario"])
    projects.append(["Título", "Inicio", "Presupuesto"])
    projects.append(["Agua segura en Rosario", "2019", "45.000,00"])
    projects.append([])
    projects.append(["Fuente: Dirección de Relaciones Internacionales"])
    lines = book.create_sheet("Líneas de cofinanciación")
    titles = [
        "Proyecto",
        "Inicio previsto",
        "Financiador",
        "País del financiador",
        "Importe solicitado",
    ]
    lines.append(titles if countries[0] is not None else titles[:3] + titles[4:])
    for country, amount in zip(countries, ("12.500,00", "8.000,50"), strict=True):
        row = ["Agua segura en Rosario", "2019", MINISTRY, country, amount]
        lines.append(row if country is not None else row[:3] + row[4:])
    book.save(path)
    return path


def test_the_funders_country_tells_namesakes_apart(
    office: OfficeFile, ministries: dict[str, str], tmp_path: Path, mappings_folder: Path
) -> None:
    set_language("es")
    path = _workbook(tmp_path / "cartera.xlsx", ["Chile", "Argentina"])
    with office.session() as session:
        preview = preview_import(session, path, "projects", mappings_folder=mappings_folder)
        result = apply_import(session, preview)
    assert (result.imported, result.rejected) == (1, [])
    with office.session() as session:
        lines = session.scalars(select(CofinancingLine)).all()
        funded = {line.funder_partner_id: line.amount_requested for line in lines}
        assert funded == {
            ministries["CL"]: Decimal("12500.00"),
            ministries["AR"]: Decimal("8000.50"),
        }


def test_a_namesake_funder_without_its_country_is_refused_with_the_reason(
    office: OfficeFile, ministries: dict[str, str], tmp_path: Path, mappings_folder: Path
) -> None:
    set_language("es")
    path = _workbook(tmp_path / "cartera.xlsx", [None, None])
    with office.session() as session:
        preview = preview_import(session, path, "projects", mappings_folder=mappings_folder)
        result = apply_import(session, preview)
    assert result.imported == 0
    ((_number, issues),) = result.rejected
    said = issues[0].render()
    assert MINISTRY in said and "Argentina" in said and "Chile" in said
    assert "País del financiador" in said  # the column to fill in
    with office.session() as session:
        assert session.scalars(select(Project)).all() == []
        assert session.scalars(select(CofinancingLine)).all() == []
