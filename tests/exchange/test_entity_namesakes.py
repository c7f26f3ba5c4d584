"""Two entities of one name (the region and the municipality of Jequitinhonha, as the
IBGE names them) are never merged by an import: the second is refused with the reason,
whether the first is in the file or on an earlier row; the same entity given twice is
still one."""

from __future__ import annotations

from pathlib import Path

import pytest
from exchange_helpers import write_rows
from sqlalchemy import select

from intl_desk.cli import main
from intl_desk.core.model import LocalEntity
from intl_desk.store.office_file import OfficeFile


def test_a_region_and_a_municipality_of_one_name_are_not_merged(
    office_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = write_rows(
        tmp_path / "entidades.xlsx",
        [
            ["Governo do Estado de Minas Gerais — entidades"],
            ["Nome", "Tipo", "Código IBGE", "Latitude", "Longitude"],
            ["Jequitinhonha", "Município", "3135803", "-16,4375", "-41,0117"],
            ["Jequitinhonha", "Região", None, "-16,9", "-41,7"],
            ["Araçuaí", "Município", "3103405", "-16,8523", "-42,0637"],
            ["Jequitinhonha", "Município", "3135803", "-16,4375", "-41,0117"],  # again
            ["Fonte: IBGE, 2022"],
        ],
    )
    argv = ["--language", "pt", "import", str(office_path), str(sheet), "--kind"]
    assert main([*argv, "local_entities", "--update-duplicates"]) == 1
    out = capsys.readouterr().out
    assert (
        "Já existe uma entidade chamada “Jequitinhonha” (Município): as entidades são "
        "distinguidas pelo nome, então renomeie uma delas."
    ) in out
    with OfficeFile.open(office_path, read_only=True) as office, office.session() as session:
        found = sorted(
            (e.name, e.kind, e.code) for e in session.scalars(select(LocalEntity))
            if e.kind != "government"
        )
    assert found == [
        ("Araçuaí", "municipality", "3103405"),
        ("Jequitinhonha", "municipality", "3135803"),
    ]  # before: one Jequitinhonha, a region with the municipality's code
