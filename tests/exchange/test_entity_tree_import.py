"""A register of a state's local entities names each one's parent ("Faz parte de"), often
before the parent's own row: the tree is imported whole, every parent written before the
entities under it."""

from __future__ import annotations

from pathlib import Path

import pytest
from exchange_helpers import write_rows
from sqlalchemy import select
from sqlalchemy.orm import aliased

from intl_desk.cli import main
from intl_desk.core.model import LocalEntity
from intl_desk.store.office_file import OfficeFile


def test_parents_named_before_their_own_rows(
    office_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = write_rows(
        tmp_path / "entidades.xlsx",
        [
            ["Municípios e regiões de Minas Gerais — IBGE 2022"],
            ["Nome", "Tipo", "Código", "Faz parte de"],
            ["Abadia dos Dourados", "Município", "3100104", "Triângulo Mineiro/Alto Paranaíba"],
            ["Triângulo Mineiro/Alto Paranaíba", "Região", None, "Governo de Minas Gerais"],
            ["Araxá", "Município", "3104007", "Triângulo Mineiro/Alto Paranaíba"],
            ["Governo de Minas Gerais", "Governo", None, None],
            [],
            ["Fonte: IBGE"],
        ],
    )
    code = main(["--language", "pt", "import", str(office_path), str(sheet),
                 "--kind", "local_entities"])
    assert code == 0, capsys.readouterr()
    with OfficeFile.open(office_path, read_only=True) as office, office.session() as session:
        parent = aliased(LocalEntity)
        rows = session.execute(
            select(LocalEntity.name, parent.name).outerjoin(
                parent, parent.id == LocalEntity.parent_id
            )
        )
        tree = {name: parent_name for name, parent_name in rows}
    assert tree == {
        "Abadia dos Dourados": "Triângulo Mineiro/Alto Paranaíba",
        "Araxá": "Triângulo Mineiro/Alto Paranaíba",
        "Triângulo Mineiro/Alto Paranaíba": "Governo de Minas Gerais",
        "Governo de Minas Gerais": None,
    }
