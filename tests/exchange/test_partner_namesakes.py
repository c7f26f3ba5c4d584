"""Namesakes in one country (three Springfields in the United States) are three partners
when the register says they lie apart; the same city twice, or once more than the file
already has it, is still a duplicate."""

from __future__ import annotations

from pathlib import Path

import pytest
from exchange_helpers import write_rows
from sqlalchemy import select

from intl_desk.cli import main
from intl_desk.core.model import Partner, Project
from intl_desk.store.office_file import OfficeFile


def test_springfields_apart_are_three_partners(
    office_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with OfficeFile.open(office_path) as office, office.session() as session:
        session.add(Partner(name="Springfield", country_code="US", latitude=39.80,
                            longitude=-89.64))  # Illinois, already in the file
        session.commit()
    sheet = write_rows(
        tmp_path / "socios.xlsx",
        [
            ["Ciudades socias — Oficina de Relaciones Internacionales"],
            ["Nombre", "País", "Región", "Latitud", "Longitud"],
            ["Springfield", "Estados Unidos", None, "39,92", "-89,60"],  # Illinois again
            ["Springfield", "Estados Unidos", "Misuri", "37,22", "-93,29"],
            ["Springfield", "Estados Unidos", "Massachusetts", "42,10", "-72,59"],
            ["Springfield", "EE. UU.", "Massachusetts", None, None],  # the same one twice
            ["Córdoba", "Argentina", None, "-31,42", "-64,18"],
            ["Córdoba", "España", None, "37,88", "-4,78"],
        ],
    )
    assert main(["--language", "es", "import", str(office_path), str(sheet),
                 "--kind", "partners"]) == 0
    assert "Importados 4, actualizados 0, omitidos 2, rechazados 0." in capsys.readouterr().out
    with OfficeFile.open(office_path, read_only=True) as office, office.session() as session:
        stored = sorted(
            (p.name, p.country_code, p.region or "", round(p.latitude or 0))
            for p in session.scalars(select(Partner))
        )
    assert stored == [
        ("Córdoba", "AR", "", -31),
        ("Córdoba", "ES", "", 38),
        ("Springfield", "US", "", 40),
        ("Springfield", "US", "Massachusetts", 42),
        ("Springfield", "US", "Misuri", 37),
    ]


def test_a_partner_named_exactly_wins_over_a_namesake_without_accents(
    office_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with OfficeFile.open(office_path) as office, office.session() as session:
        session.add(Partner(name="Los Ángeles", country_code="CL"))
        session.add(Partner(name="Los Angeles", country_code="US"))
        session.commit()
    sheet = write_rows(
        tmp_path / "projetos.xlsx",
        [
            ["Projetos de cooperação — 2024"],
            ["Título", "País", "Parceiros"],
            ["Intercâmbio cultural Ouro Preto – Los Angeles", "Brasil", "Los Angeles"],
            ["Escolas de Temuco e Uberaba", "Brasil", "Los Ángeles"],
        ],
    )
    assert main(["import", str(office_path), str(sheet), "--kind", "projects"]) == 0
    with OfficeFile.open(office_path, read_only=True) as office, office.session() as session:
        linked = {
            project.title: [p.partner.country_code for p in project.participants if p.partner]
            for project in session.scalars(select(Project))
        }
    assert linked == {
        "Intercâmbio cultural Ouro Preto – Los Angeles": ["US"],
        "Escolas de Temuco e Uberaba": ["CL"],
    }
