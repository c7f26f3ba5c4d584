"""Namesakes in one country (three Springfields in the United States) are three partners
when the register says they lie apart; the same city twice, or once more than the file
already has it, is still a duplicate."""

from __future__ import annotations

from pathlib import Path

import pytest
from exchange_helpers import write_rows
from sqlalchemy import select

from intl_desk.cli import main
from intl_desk.core.model import AgreementParty, Partner, Project, ProjectParticipant
from intl_desk.exchange.export import export_list
from intl_desk.exchange.import_write import apply_import
from intl_desk.exchange.importer import preview_import
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


def test_namesakes_in_two_countries_are_never_guessed_between(
    office_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Córdoba in Argentina and Córdoba in Spain, both spelled so: a project in Argentina
    is linked to the Argentinian one; a project that says no country is refused with the
    reason naming both countries — before, it was linked to whichever came first."""
    with OfficeFile.open(office_path) as office, office.session() as session:
        session.add(Partner(name="Córdoba", country_code="ES"))
        session.add(Partner(name="Córdoba", country_code="AR"))
        session.commit()
    sheet = write_rows(
        tmp_path / "projets.xlsx",
        [
            ["Projets de coopération décentralisée — Ville de Lyon"],
            ["Intitulé", "Pays", "Partenaires", "Début", "Montant"],
            ["Mobilité douce à Córdoba", "Argentine", "Córdoba", "2022", "18 500,00"],
            ["Patrimoine andalou", None, "Córdoba", "mars 2023", "7 250,50"],
            [],
            ["Total : 25 750,50 €"],
        ],
    )
    assert main(["--language", "fr", "import", str(office_path), str(sheet),
                 "--kind", "projects"]) == 1  # fmt: skip
    said = capsys.readouterr()
    assert "Plusieurs partenaires du fichier s'appellent « Córdoba »" in said.out + said.err
    assert "Argentine, Espagne" in said.out + said.err
    with OfficeFile.open(office_path, read_only=True) as office, office.session() as session:
        linked = {
            project.title: [p.partner.country_code for p in project.participants if p.partner]
            for project in session.scalars(select(Project))
        }
    assert linked == {"Mobilité douce à Córdoba": ["AR"]}


def test_an_exported_project_keeps_which_namesake_is_its_partner(
    office_path: Path, tmp_path: Path, mappings_folder: Path
) -> None:
    """The projects export says where each project's partners are ("Partners' countries",
    hidden on screen), so a project of Lyon with Córdoba in Spain comes back linked to the
    Spanish one in a file that also has the Argentinian Córdoba — not refused, not mixed up."""
    with OfficeFile.open(office_path) as office, office.session() as session:
        spain = Partner(name="Córdoba", country_code="ES")
        session.add_all([spain, Partner(name="Córdoba", country_code="AR")])
        session.flush()
        project = Project(title="Patrimoine andalou", status="2", country_code="FR")
        session.add(project)
        session.flush()
        session.add(ProjectParticipant(project_id=project.id, partner_id=spain.id, role="4"))
        session.commit()
        for kind in ("partners", "projects"):
            export_list(session, kind, tmp_path / f"{kind}.xlsx")
    fresh = tmp_path / "fresh.sqlite"
    with OfficeFile.create(fresh, "Ville de Lyon") as office, office.session() as session:
        for kind in ("partners", "projects"):
            preview = preview_import(
                session, tmp_path / f"{kind}.xlsx", kind, mappings_folder=mappings_folder
            )
            assert apply_import(session, preview).rejected == [], kind
        (imported,) = session.scalars(select(Project)).all()
        assert [p.partner.country_code for p in imported.participants] == ["ES"]


def test_a_partner_known_only_in_another_country_is_never_guessed(
    office_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The file knows Porto only in Brazil (Porto Alegre's neighbour, say); a register's
    agreement with Porto and Lviv in Portugal and Ukraine is refused with the reason —
    before, it was linked to the Brazilian Porto without a word."""
    with OfficeFile.open(office_path) as office, office.session() as session:
        session.add_all([Partner(name="Porto", country_code="BR"),
                         Partner(name="Lviv", country_code="UA")])  # fmt: skip
        session.commit()
    sheet = write_rows(
        tmp_path / "accords.xlsx",
        [
            ["Registre des accords — Ville de Lyon"],
            ["Intitulé", "Partenaires", "Pays", "Type", "Signé le"],
            ["Réseau atlantique", "Porto, Lviv", "Portugal, Ukraine", "Coopération", "2019"],
            ["Total : 1 accord"],
        ],
    )
    argv = ["--language", "fr", "import", str(office_path), str(sheet), "--kind", "agreements"]
    assert main(argv) == 1
    out = capsys.readouterr().out
    assert (
        "Le partenaire « Porto » du fichier est situé ailleurs (Brésil) que dans les pays de "
        "la ligne (Portugal, Ukraine) : indiquez le pays du partenaire lui-même, ou vérifiez "
        "le nom."
    ) in out
    with OfficeFile.open(office_path, read_only=True) as office, office.session() as session:
        assert session.scalars(select(AgreementParty)).all() == []
