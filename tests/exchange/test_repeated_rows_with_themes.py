"""A register that repeats one of its rows (typed twice, or once per partner) with its
themes imports, with "update duplicates" on, as one agreement holding each theme once —
before, the repeated row queued the same theme again and the import ended in an
"Unexpected error (IntegrityError)"."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from intl_desk.core.model import Agreement, Project
from intl_desk.exchange.import_write import apply_import
from intl_desk.exchange.importer import preview_import
from intl_desk.store.office_file import OfficeFile

REGISTER = (
    "Registre des accords internationaux — Ville de Lyon\n"
    "Référence;Intitulé;Partenaire;Pays;Type;Signé le;Thèmes;ODD\n"
    "DRI-07;Jumelage avec Łódź;Łódź;Pologne;Jumelage;2011;Culture;4\n"
    'DRI-07;Jumelage avec Łódź;Łódź;Pologne;Jumelage;2011;"Culture, Éducation";"4, 11"\n'
    "\n"
    "Total : 1 accord\n"
)


def test_a_repeated_row_adds_its_new_themes_once(
    office: OfficeFile, tmp_path: Path, mappings_folder: Path
) -> None:
    register = tmp_path / "registre.csv"
    register.write_text(REGISTER, encoding="utf-8")
    with office.session() as session:
        preview = preview_import(session, register, "agreements", mappings_folder=mappings_folder)
        result = apply_import(session, preview, "update")
    assert (result.imported, result.updated) == (1, 1)
    with office.session() as session:
        (agreement,) = session.scalars(select(Agreement)).all()
        assert sorted(theme.theme for theme in agreement.themes) == ["culture", "education"]
        assert sorted(sdg.sdg for sdg in agreement.sdgs) == [4, 11]


PROJECTS_FIRST = (
    "Cartera de proyectos de cooperación — Ayuntamiento de Valencia\n"
    "Título;Fecha de inicio;Monto;ODS\n"
    "Agua potable en Nuakchot;2019;45.000,00;6\n"
)
PROJECTS_AGAIN = (
    "Cartera de proyectos de cooperación — actualización de marzo\n"
    "Título;Fecha de inicio;ODS\n"
    "Agua potable en Nuakchot;2019;6\n"
    'Agua potable en Nuakchot;2019;"5, 6"\n'
    "Agua potable en Nuakchot;2019;5\n"
    "\n"
    "Fuente: servicio de cooperación\n"
)


def test_rows_updating_one_project_add_each_sdg_once(
    office: OfficeFile, tmp_path: Path, mappings_folder: Path
) -> None:
    """Three rows of a Spanish register update one project the file has: each new SDG is
    added once (before the guard, the second row queued SDG 5 again and the import ended
    in an IntegrityError), and the SDG the project already had is not added twice."""
    for name, text in (("cartera.csv", PROJECTS_FIRST), ("cartera-marzo.csv", PROJECTS_AGAIN)):
        register = tmp_path / name
        register.write_text(text, encoding="utf-8")
        with office.session() as session:
            preview = preview_import(session, register, "projects", mappings_folder=mappings_folder)
            result = apply_import(session, preview, "update")
    assert (result.imported, result.updated, result.rejected) == (0, 1, [])
    with office.session() as session:
        (project,) = session.scalars(select(Project)).all()
        assert sorted(sdg.sdg for sdg in project.sdgs) == [5, 6]
