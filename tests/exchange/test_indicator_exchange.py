"""Indicators travel through spreadsheets whole: baseline, cumulative, description, source
and the indicator of the earlier plan each one carries on (so a new plan's series goes on
in the yearly report after an export and an import into a new file)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from intl_desk.cli import main
from intl_desk.core.model import Indicator
from intl_desk.store.office_file import OfficeFile


def _indicators(path: Path) -> dict[str, dict[str, Any]]:
    with OfficeFile.open(path, read_only=True) as office, office.session() as session:
        return {
            i.name: {
                "code": i.code,
                "dimension": i.dimension,
                "measure": i.measure,
                "unit": i.unit,
                "direction": i.direction,
                "baseline": (i.baseline_value, i.baseline_year),
                "cumulative": i.cumulative,
                "description": i.description,
                "source": i.source,
                "carries on": i.continues.name if i.continues else None,
            }
            for i in session.scalars(select(Indicator).where(Indicator.deleted_at.is_(None)))
            if i.formula is None  # computed ones are the app's own, not a register's
        }


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_the_demo_indicators_come_back_whole(city_demo: Path, tmp_path: Path, suffix: str) -> None:
    with OfficeFile.open(city_demo) as office, office.session() as session:
        earlier = session.scalars(
            select(Indicator).where(Indicator.formula.is_(None)).order_by(Indicator.name)
        ).all()[:2]
        session.add_all(
            Indicator(
                code=f"{old.code or 'N'}-2026",
                name=f"{old.name} (plan 2026-2032)",
                dimension=old.dimension,
                unit=old.unit,
                baseline_value=12.5,
                baseline_year=2025,
                cumulative=True,
                description="Même définition, périmètre de la Métropole",
                source="Direction des relations internationales",
                continues=old,
            )
            for old in earlier
        )
        session.commit()
    fresh = tmp_path / "fresh.sqlite"
    OfficeFile.create(fresh, "Ville de Lyon", country_code="FR").close()
    # the plans' lines first: the indicators name the objectives they serve
    for kind in ("terms", "plan_lines", "indicators"):
        exported = tmp_path / f"{kind}.{suffix}"
        argv = ["--language", "fr", "export", str(city_demo), "--kind", kind]
        assert main([*argv, "-o", str(exported)]) == 0
        assert main(["--language", "fr", "import", str(fresh), str(exported), "--kind", kind]) == 0

    before = _indicators(city_demo)
    assert sum(1 for i in before.values() if i["carries on"]) >= 2
    assert any(i["baseline"] != (None, None) for i in before.values())
    assert _indicators(fresh) == before


def test_a_register_says_which_indicator_each_one_carries_on(tmp_path: Path) -> None:
    register = tmp_path / "indicadores.xlsx"
    book = Workbook()
    sheet = book.active
    sheet.append(["Indicadores del Plan de Desarrollo 2024-2027"])
    sheet.append(["Código", "Indicador", "Dimensión", "Unidad", "Indicador anterior"])
    sheet.append(
        [
            "I-24",
            "Empresas acompañadas (plan 2024-2027)",
            "Territorial",
            "empresas",
            "Empresas acompañadas",
        ]
    )
    sheet.append(["I-20", "Empresas acompañadas", "Territorial", "empresas", None])
    sheet.append(["I-25", "Becas de intercambio", "Territorial", "becas", "Becas Córdoba"])
    book.save(register)
    office_path = tmp_path / "medellin.sqlite"
    OfficeFile.create(office_path, "ACI Medellín", country_code="CO").close()

    code = main(
        ["--language", "es", "import", str(office_path), str(register), "--kind", "indicators"]
    )

    assert code == 1  # the row naming an indicator nobody has is refused, with its reason
    found = _indicators(office_path)
    assert set(found) == {"Empresas acompañadas (plan 2024-2027)", "Empresas acompañadas"}
    # the earlier indicator's row comes after the new one's: linked all the same
    assert found["Empresas acompañadas (plan 2024-2027)"]["carries on"] == "Empresas acompañadas"
    assert found["Empresas acompañadas"]["carries on"] is None


def test_an_unknown_formula_is_refused_with_the_known_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register = tmp_path / "indicateurs.csv"
    register.write_text(
        "Code;Nom;Dimension;Formule\nPOL-01;Accords signés;Politique;agreements_sined\n",
        encoding="utf-8",
    )
    office_path = tmp_path / "lyon.sqlite"
    OfficeFile.create(office_path, "Ville de Lyon", country_code="FR").close()

    code = main(
        ["--language", "fr", "import", str(office_path), str(register), "--kind", "indicators"]
    )

    assert code == 1
    out = capsys.readouterr().out
    assert "agreements_sined" in out and "agreements_signed" in out  # what to write instead
    assert _indicators(office_path) == {}
