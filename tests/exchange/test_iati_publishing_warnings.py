"""Projects imported from a register often lack what the IATI Standard requires: a sector,
and an identifier beginning with the reporting organisation's. The export says so, listing
the activities, instead of writing a file the registry would reject without a word."""

from __future__ import annotations

from pathlib import Path

import pytest
from defusedxml import ElementTree
from exchange_helpers import write_rows
from sqlalchemy import select

from intl_desk.cli import main
from intl_desk.core.model import Office, Project, ProjectSector
from intl_desk.store.office_file import OfficeFile


def test_activities_without_a_sector_or_prefix_are_listed(
    office_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register = write_rows(
        tmp_path / "projetos.xlsx",
        [
            ["Projetos de cooperação internacional — 2025"],
            ["Título", "Situação", "Início", "Identificador IATI"],
            ["Água em São João del-Rei", "Em curso", "2019", "BR-CNPJ-1234-AGUA"],
            ["Escolas em Huế", "Em curso", "2021", "FR-SIRET-21690123100011-HUE"],
            ["Hortas em Łódź", "Em curso", "2022", None],
            [],
            ["Fonte: Assessoria de Relações Internacionais."],
        ],
    )
    assert main(["import", str(office_path), str(register), "--kind", "projects"]) == 0
    with OfficeFile.open(office_path) as office, office.session() as session:
        session.scalars(select(Office)).one().iati_org_ref = "FR-SIRET-21690123100011"
        hue = session.scalars(select(Project).where(Project.title == "Escolas em Huế")).one()
        session.add(ProjectSector(project_id=hue.id, code="11220"))
        session.commit()
    capsys.readouterr()
    out = tmp_path / "atividades.xml"
    code = main(["export", str(office_path), "--kind", "projects", "-o", str(out)])
    captured = capsys.readouterr()
    assert code == 0 and out.exists()
    warnings = [line for line in captured.err.splitlines() if line.startswith("intl-desk: ")]
    assert warnings == [
        "intl-desk: 2 activity(ies) have no sector, which the IATI Standard requires of every "
        "activity: Água em São João del-Rei; Hortas em Łódź — add a sector to each project "
        "before publishing.",
        "intl-desk: 1 activity(ies) have an identifier that does not begin with the office's "
        "organisation identifier “FR-SIRET-21690123100011-”, as IATI requires: Água em São "
        "João del-Rei (BR-CNPJ-1234-AGUA) — correct the projects' IATI identifiers before "
        "publishing.",
    ]

    # asked to, the export puts the prefix in front, in the file only
    code = main(
        ["export", str(office_path), "--kind", "projects", "-o", str(out), "--prefix-identifiers"]
    )
    captured = capsys.readouterr()
    assert code == 0
    assert (
        "intl-desk: 1 activity(ies) had an identifier without the office's "
        "“FR-SIRET-21690123100011-” in front: it was added in the file, the projects keep "
        "theirs: Água em São João del-Rei (BR-CNPJ-1234-AGUA)."
    ) in captured.err.splitlines()
    identifiers = {
        element.text or "" for element in ElementTree.parse(out).getroot().iter("iati-identifier")
    }
    assert "FR-SIRET-21690123100011-BR-CNPJ-1234-AGUA" in identifiers
    assert "FR-SIRET-21690123100011-HUE" in identifiers  # already prefixed: as it was
    assert len(identifiers) == 3
    with OfficeFile.open(office_path, read_only=True) as office, office.session() as session:
        kept = session.scalars(select(Project.iati_identifier).where(Project.title.like("Água%")))
        assert kept.one() == "BR-CNPJ-1234-AGUA"
