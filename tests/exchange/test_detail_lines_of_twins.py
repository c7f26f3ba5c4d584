"""Two projects of one title starting the same day cannot be told apart in a workbook: the
lines of its detail sheets (budget per year…) are given to neither and refused with the
reason, said once per sheet and record with the count of its lines, instead of all going
to the first one (the project imported keeps what its own row of the list says). The
state demo of 2026-12-05 had such a pair; its round trip gave the first project both
projects' budgets, transactions and sectors, and the second row was skipped."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from intl_desk.core.i18n import set_language
from intl_desk.core.model import BudgetLine, Project
from intl_desk.exchange.export import export_list
from intl_desk.exchange.import_write import apply_import
from intl_desk.exchange.importer import preview_import
from intl_desk.store.office_file import OfficeFile

TWIN = "Inserção internacional das pequenas empresas de Belo Horizonte"


def _lines(office: OfficeFile) -> dict[str, list[tuple[int, Decimal]]]:
    with office.session() as session:
        found: dict[str, list[tuple[int, Decimal]]] = {}
        for title, year, amount in session.execute(
            select(Project.title, BudgetLine.year, BudgetLine.amount)
            .join(BudgetLine, BudgetLine.project_id == Project.id)
            .where(BudgetLine.deleted_at.is_(None))
            .order_by(BudgetLine.year)
        ):
            found.setdefault(title, []).append((year, amount))
        return found


def test_the_lines_of_two_projects_of_one_name_and_day_go_to_neither(
    office: OfficeFile, tmp_path: Path, mappings_folder: Path
) -> None:
    set_language("pt")
    with office.session() as session:
        for title, amount in ((TWIN, "62000"), (TWIN, "574000"), ("Água potável em Huế", "9000")):
            project = Project(title=title, status="2", planned_start=date(2024, 5, 2))
            session.add(project)
            session.flush()
            session.add(BudgetLine(project_id=project.id, year=2024, amount=Decimal(amount)))
        session.commit()
        path = tmp_path / "projetos.xlsx"
        export_list(session, "projects", path)

    fresh = OfficeFile.create(tmp_path / "nova.sqlite", "Nova", country_code="BR")
    with fresh, fresh.session() as session:
        preview = preview_import(session, path, "projects", mappings_folder=mappings_folder)
        notices = [notice.render() for notice in preview.notices]
        refused = [text for text in notices if TWIN in text]
        assert refused == [  # said once for the sheet, with the count of its lines
            f"Aba “Orçamento anual”: 2 linha(s) de “{TWIN}” não importada(s): mais de um "
            "registro da lista tem esse nome e esse dia, e uma linha não pode ser atribuída a "
            "um deles."
        ], notices
        apply_import(session, preview, "skip")
        lines = _lines(fresh)
        assert lines["Água potável em Huế"] == [(2024, Decimal("9000.00"))]
        # the project imported keeps the budget its own row of the list gives, not both
        assert lines[TWIN] in ([(2024, Decimal("62000.00"))], [(2024, Decimal("574000.00"))])
        assert session.scalar(select(Project.id).where(Project.title == TWIN)) is not None
