"""Terms of office travel through spreadsheets: the city demo's terms (leaders, dates,
plans, what each team committed the next one to) exported to xlsx and csv come back whole
in a new file, and a state's own register of governors, written the way its office keeps
it, imports value by value."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from intl_desk.cli import main
from intl_desk.core.model import PoliticalTerm
from intl_desk.exchange.kinds_terms import TermHandler
from intl_desk.store.office_file import OfficeFile


def _terms(path: Path) -> list[dict[str, Any]]:
    with OfficeFile.open(path, read_only=True) as office, office.session() as session:
        terms = session.scalars(
            select(PoliticalTerm)
            .where(PoliticalTerm.deleted_at.is_(None))
            .order_by(PoliticalTerm.start_date)
        )
        return [{key: getattr(term, key) for key in TermHandler.scalars} for term in terms]


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_the_demo_terms_come_back_whole(city_demo: Path, tmp_path: Path, suffix: str) -> None:
    exported = tmp_path / f"mandats.{suffix}"
    assert (
        main(["--language", "fr", "export", str(city_demo), "--kind", "terms", "-o", str(exported)])
        == 0
    )
    fresh = tmp_path / "fresh.sqlite"
    OfficeFile.create(fresh, "Ville de Lyon", country_code="FR").close()
    assert main(["--language", "fr", "import", str(fresh), str(exported), "--kind", "terms"]) == 0

    before = _terms(city_demo)
    assert len(before) >= 2 and any("\n" in (t["commitments"] or "") for t in before)
    assert _terms(fresh) == before
    again = tmp_path / f"again.{suffix}"
    assert (
        main(["--language", "fr", "export", str(fresh), "--kind", "terms", "-o", str(again)]) == 0
    )
    if suffix == "csv":
        assert again.read_bytes() == exported.read_bytes()


def test_a_register_of_governors_imports_as_the_office_wrote_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register = tmp_path / "mandatos.xlsx"
    book = Workbook()
    sheet = book.active
    sheet.append(["Mandatos do Governo do Estado de Minas Gerais"])
    sheet.append([])
    sheet.append(
        [
            "Governador",
            "Cargo",
            "Início do mandato",
            "Fim do mandato",
            "Plano de governo",
            "Aprovado em",
            "Compromissos",
        ]
    )
    sheet.append(
        [
            "Antônio Anastasia",
            "Governador",
            "31/03/2010",
            "04/04/2014",
            "PMDI 2011-2030",
            "15/12/2011",
            None,
        ]
    )
    sheet.append(
        [
            "Fernando Pimentel",
            "Governador",
            "01/01/2015",
            "31/12/2018",
            "PMDI 2016-2027",
            "13/06/2016",
            "Manter a rede de relações internacionais\nRenovar o acordo com Québec",
        ]
    )
    sheet.append(["João Figueiredo", "Governador", "01/01/2019", "31/12/2014", None, None, None])
    sheet.append([])
    sheet.append(["Fonte: Secretaria de Estado de Governo"])
    book.save(register)
    office_path = tmp_path / "mg.sqlite"
    OfficeFile.create(office_path, "Estado de Minas Gerais", country_code="BR").close()

    code = main(["--language", "pt", "import", str(office_path), str(register), "--kind", "terms"])
    out = capsys.readouterr().out

    assert code == 1  # one row refused, with its reason; the others are in
    assert "O mandato termina antes de começar" in out
    assert _terms(office_path) == [
        {
            "leader": "Antônio Anastasia",
            "leader_title": "Governador",
            "start_date": date(2010, 3, 31),
            "end_date": date(2014, 4, 4),
            "plan_title": "PMDI 2011-2030",
            "plan_adopted_on": date(2011, 12, 15),
            "commitments": None,
            "notes": None,
        },
        {
            "leader": "Fernando Pimentel",
            "leader_title": "Governador",
            "start_date": date(2015, 1, 1),
            "end_date": date(2018, 12, 31),
            "plan_title": "PMDI 2016-2027",
            "plan_adopted_on": date(2016, 6, 13),
            "commitments": "Manter a rede de relações internacionais\nRenovar o acordo com Québec",
            "notes": None,
        },
    ]
