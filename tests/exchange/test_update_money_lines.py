"""Importing a projects workbook again with "update duplicates": a project the file already
has takes the budget per year the workbook gives it — changed lines replace the old ones,
the same lines change nothing, and the money is never counted twice."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import select

from intl_desk.core.i18n import set_language
from intl_desk.core.model import BudgetLine, CofinancingLine, Project
from intl_desk.exchange.export import export_list
from intl_desk.exchange.import_write import apply_import
from intl_desk.exchange.importer import preview_import
from intl_desk.store.office_file import OfficeFile


def _budget(office: OfficeFile) -> dict[int, Decimal]:
    with office.session() as session:
        lines = session.scalars(select(BudgetLine).where(BudgetLine.deleted_at.is_(None)))
        return {line.year: line.amount for line in lines}


def _import(office: OfficeFile, path: Path, mappings_folder: Path) -> tuple[int, int]:
    with office.session() as session:
        preview = preview_import(session, path, "projects", mappings_folder=mappings_folder)
        result = apply_import(session, preview, "update")
    assert result.rejected == []
    return result.imported, result.updated


def test_a_changed_budget_per_year_replaces_the_old_lines(
    office: OfficeFile, tmp_path: Path, mappings_folder: Path
) -> None:
    set_language("en")
    with office.session() as session:
        project = Project(title="Eau potable à Huế", status="2", planned_start=date(2024, 3, 1))
        session.add(project)
        session.flush()
        session.add_all(
            [
                BudgetLine(project_id=project.id, year=2024, amount=Decimal("100000")),
                BudgetLine(project_id=project.id, year=2025, amount=Decimal("50000")),
            ]
        )
        session.commit()
    path = tmp_path / "projets.xlsx"
    with office.session() as session:
        export_list(session, "projects", path)

    # the same workbook again: nothing changes, nothing is doubled
    assert _import(office, path, mappings_folder) == (0, 0)
    assert _budget(office) == {2024: Decimal("100000"), 2025: Decimal("50000")}

    # the office corrects 2025 and adds 2026 on the budget sheet, as a person would
    workbook = load_workbook(path)
    sheet = workbook["Budget per year"]
    titles = [cell.value for cell in sheet[1]]
    year, amount = titles.index("Year") + 1, titles.index("Amount") + 1
    rows = list(sheet.iter_rows(min_row=2))
    line_2025 = next(row for row in rows if row[year - 1].value == 2025)
    line_2025[amount - 1].value = 65000
    sheet.append([row.value for row in rows[0]])
    sheet.cell(sheet.max_row, year).value = 2026
    sheet.cell(sheet.max_row, amount).value = 20000
    workbook.save(path)

    assert _import(office, path, mappings_folder) == (0, 1)
    assert _budget(office) == {
        2024: Decimal("100000"),
        2025: Decimal("65000"),
        2026: Decimal("20000"),
    }
    with office.session() as session:  # the replaced lines are deleted as an edit would
        every = session.scalars(select(BudgetLine)).all()
    assert sorted(line.amount for line in every if line.deleted_at is not None) == [
        Decimal("50000"),
        Decimal("100000"),
    ]


def test_a_new_total_budget_goes_to_the_projects_one_line(
    office: OfficeFile, tmp_path: Path, mappings_folder: Path
) -> None:
    with office.session() as session:
        project = Project(title="École à Dakar", status="2", planned_start=date(2023, 1, 1))
        session.add(project)
        session.flush()
        session.add(BudgetLine(project_id=project.id, year=2023, amount=Decimal("25000")))
        session.commit()
    path = tmp_path / "projets.csv"
    path.write_text(
        "Projets de coopération — Ville de Lyon\n"
        "Titre;Statut;Début prévu;Budget\n"
        "École à Dakar;En cours;01/01/2023;27 500,50\n"
        "\n"
        "Source : service des relations internationales\n",
        "utf-8",
    )
    assert _import(office, path, mappings_folder) == (0, 1)
    assert _budget(office) == {2023: Decimal("27500.50")}
    assert _import(office, path, mappings_folder) == (0, 0)
    assert _budget(office) == {2023: Decimal("27500.50")}


def _cofinancing(office: OfficeFile) -> dict[str, list[str]]:
    """Each project's live co-financing funders."""
    with office.session() as session:
        found: dict[str, list[str]] = {}
        for title, funder in session.execute(
            select(Project.title, CofinancingLine.funder_name)
            .join(CofinancingLine, CofinancingLine.project_id == Project.id)
            .where(CofinancingLine.deleted_at.is_(None))
        ):
            found.setdefault(title, []).append(funder)
        return found


def test_a_sheet_without_rows_for_a_project_means_none_a_missing_sheet_keeps_them(
    office: OfficeFile, tmp_path: Path, mappings_folder: Path
) -> None:
    """The office struck the AFD grant of one project off its co-financing sheet: that
    project has no co-financing after the import, the other keeps its line; a workbook
    without the sheet at all changes nobody's co-financing. The preview says so."""
    set_language("fr")
    with office.session() as session:
        for title, funder in (("Eau potable à Huế", "AFD"), ("École à Dakar", "Région")):
            project = Project(title=title, status="2", planned_start=date(2024, 1, 1))
            session.add(project)
            session.flush()
            session.add(
                CofinancingLine(
                    project_id=project.id, funder_name=funder, amount_requested=Decimal("9000")
                )
            )
        session.commit()
    path = tmp_path / "projets.xlsx"
    with office.session() as session:
        export_list(session, "projects", path)
    workbook = load_workbook(path)
    sheet = workbook["Lignes de cofinancement"]
    huế = next(row for row in sheet.iter_rows(min_row=2) if row[0].value == "Eau potable à Huế")
    sheet.delete_rows(huế[0].row)
    without = tmp_path / "projets sans cofinancement.xlsx"
    workbook.save(path)
    del workbook["Lignes de cofinancement"]
    workbook.save(without)

    assert _import(office, without, mappings_folder) == (0, 0)
    assert _cofinancing(office) == {"Eau potable à Huế": ["AFD"], "École à Dakar": ["Région"]}

    with office.session() as session:
        preview = preview_import(session, path, "projects", mappings_folder=mappings_folder)
    assert any(
        "Lignes de cofinancement" in notice.render() and "n’aura plus" in notice.render()
        for notice in preview.notices
    ), [notice.render() for notice in preview.notices]
    assert _import(office, path, mappings_folder) == (0, 1)
    assert _cofinancing(office) == {"École à Dakar": ["Région"]}
