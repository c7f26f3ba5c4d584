"""A cell the spreadsheet shows as an error (#DIV/0!, #REF!) or a formula saved without
its result is never imported as a blank: the row is refused with the reason, the others
come in as written."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from exchange_helpers import write_rows
from sqlalchemy import select
from workbook_writers import OdsFormula, write_ods

from intl_desk.cli import main
from intl_desk.core.model import BudgetLine, Project
from intl_desk.store.office_file import OfficeFile

UNSAVED = (
    "this cell holds a formula whose result was not saved with the file; open the file in "
    "your spreadsheet program, save it and import again."
)


def _budgets(path: Path) -> dict[str, Decimal | None]:
    with OfficeFile.open(path, read_only=True) as office, office.session() as session:
        rows = session.execute(
            select(Project.title, BudgetLine.amount).outerjoin(
                BudgetLine, BudgetLine.project_id == Project.id
            )
        )
        return {title: amount for title, amount in rows}


def test_excel_error_cells_and_unsaved_formulas_refuse_their_rows(
    office_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = write_rows(  # openpyxl saves formulas without their result, as scripts do
        tmp_path / "projets.xlsx",
        [
            ["Projets de coopération décentralisée — DRI, état au 30 juin"],
            ["Intitulé", "Pays", "Budget (€)", "Début"],
            ["Eau potable à Thiès", "Sénégal", "120000,50", "2011"],
            ["Bibliothèque de Łódź", "Pologne", "#DIV/0!", "2019"],
            ["Jardins de Huế", "Viêt Nam", "=C3*2", "#REF!"],
            ["Marché de Córdoba", "Argentine", "12 500", "mars 2020"],
            [],
            ["Source : budget primitif voté en décembre"],
        ],
    )
    assert main(["import", str(office_path), str(sheet), "--kind", "projects"]) == 1
    out = capsys.readouterr().out
    assert (
        "Row 4: Budget (€): the spreadsheet shows the error #DIV/0! in this cell, not a value; "
        "correct it in the spreadsheet and import again."
    ) in out
    assert f"Row 5: Budget (€): {UNSAVED}" in out
    assert "Row 5: Début: the spreadsheet shows the error #REF! in this cell" in out
    assert _budgets(office_path) == {
        "Eau potable à Thiès": Decimal("120000.50"),
        "Marché de Córdoba": Decimal("12500.00"),
    }


def test_a_libreoffice_register_with_an_error_and_an_unsaved_formula(
    office_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = write_ods(
        tmp_path / "projetos.ods",
        [
            ["Carteira de projetos de cooperação — 2024"],
            ["Título", "País", "Orçamento"],
            ["Água em Maputo", "Moçambique", 50000],
            ["Escola em Bissau", "Guiné-Bissau", OdsFormula("of:=1/0", error="#DIV/0!")],
            ["Hortas em Praia", "Cabo Verde", OdsFormula("of:=[.C3]*2")],
        ],
    )
    assert main(["--language", "pt", "import", str(office_path), str(sheet),
                 "--kind", "projects"]) == 1
    out = capsys.readouterr().out
    assert "Linha 4: Orçamento: a planilha mostra o erro #DIV/0! nesta célula" in out
    assert "Linha 5: Orçamento: esta célula contém uma fórmula cujo resultado" in out
    assert _budgets(office_path) == {"Água em Maputo": Decimal("50000.00")}


def test_a_libreoffice_cell_longer_than_any_field_refuses_the_file(
    office_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = write_ods(
        tmp_path / "projetos.ods",
        [["Título", "País"], ["Geminação " * 15_000, "Portugal"]],
    )
    before = office_path.read_bytes()
    assert main(["import", str(office_path), str(sheet), "--kind", "projects"]) == 2
    assert capsys.readouterr().err == (
        "intl-desk: “projetos.ods” has a cell longer than 131,072 characters, more than any "
        "field of Intl Desk holds: shorten it (or move that text to a document) and import "
        "again.\n"
    )
    assert office_path.read_bytes() == before
