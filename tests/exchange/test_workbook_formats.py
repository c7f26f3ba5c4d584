"""Registers kept in LibreOffice (.ods), in an old Excel (.xls) or in Excel with merged
cells import whole: a local party written once beside several agreements applies to each
of them, and the summary says so."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from exchange_helpers import write_rows
from openpyxl import load_workbook
from sqlalchemy import select
from workbook_writers import write_ods, write_xls

from intl_desk.cli import main
from intl_desk.core.model import Agreement
from intl_desk.store.office_file import OfficeFile

Stored = tuple[str, str, date | None, str, date | None, str]


def _agreements(path: Path) -> dict[str, Stored]:
    with OfficeFile.open(path, read_only=True) as office, office.session() as session:
        return {
            str(a.partner_names): (
                str(a.entity_names),
                a.type,
                a.date_signed,
                a.date_signed_precision,
                a.date_expires,
                a.date_expires_precision,
            )
            for a in session.scalars(select(Agreement))
        }


def test_a_french_register_with_merged_local_parties_imports_each_row(
    office_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = write_rows(
        tmp_path / "registre.xlsx",
        [
            ["Registre des accords internationaux — Métropole et Ville de Lyon"],
            ["Collectivité", "Ville partenaire", "Pays", "Type", "Signé le", "Échéance"],
            ["Ville de Lyon", "Porto", "Portugal", "Jumelage", "12/05/2011", "2024"],
            [None, "Łódź", "Pologne", "Jumelage", "juillet 2003", None],
            [None, "Córdoba", "Argentine", "Coopération décentralisée", "2011", None],
            [
                "Métropole de Lyon",
                "Ouagadougou",
                "Burkina",
                "Coopération décentralisée",
                "03/02/2015",
                None,
            ],
            [None, "Huế", "Viêt Nam", "Coopération décentralisée", "2019", "mars 2030"],
            [],
            ["Total : 5 accords"],
        ],
    )
    workbook = load_workbook(sheet)
    workbook.active.merge_cells("A1:F1")
    workbook.active.merge_cells("A3:A5")
    workbook.active.merge_cells("A6:A7")
    workbook.save(sheet)

    assert main(["import", str(office_path), str(sheet), "--kind", "agreements"]) == 0
    out = capsys.readouterr().out
    assert (
        "Column “Collectivité” has cells merged over several rows: each value applies to every "
        "row it spans (rows 3–5, 6–7)."
    ) in out
    assert "Row 9 is a note or a total under the table, not imported: “Total : 5 accords”." in out
    assert _agreements(office_path) == {
        "Porto": (
            "Ville de Lyon",
            "twinning",
            date(2011, 5, 12),
            "day",
            date(2024, 12, 31),
            "year",
        ),
        "Łódź": ("Ville de Lyon", "twinning", date(2003, 7, 1), "month", None, "day"),
        "Córdoba": ("Ville de Lyon", "cooperation", date(2011, 1, 1), "year", None, "day"),
        "Ouagadougou": ("Métropole de Lyon", "cooperation", date(2015, 2, 3), "day", None, "day"),
        "Huế": (
            "Métropole de Lyon",
            "cooperation",
            date(2019, 1, 1),
            "year",
            date(2030, 3, 31),
            "month",
        ),
    }


def test_a_brazilian_register_kept_in_libreoffice_imports_whole(
    office_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = write_ods(
        tmp_path / "acordos.ods",
        [
            ["Acordos internacionais do Estado de Minas Gerais — atualizado em 2024"],
            [],
            ["Prefeitura", "Cidade parceira", "País", "Tipo", "Assinado em", "Validade"],
            ["São João del-Rei", "Coimbra", "Portugal", "Irmandade", date(2009, 4, 21), 2029],
            [None, "Łódź", "Polônia", "Geminação", "julho de 2003", None],
            ["Belo Horizonte", "Córdoba", "Argentina", "Irmandade", 2011, "dezembro de 2031"],
            [],
            ["Fonte: Assessoria de Relações Internacionais"],
        ],
        merges=[(3, 4, 0)],
    )
    assert main(["import", str(office_path), str(sheet), "--kind", "agreements"]) == 0
    out = capsys.readouterr().out
    assert "Column “Prefeitura” has cells merged over several rows" in out
    assert "(rows 4–5)." in out
    assert "Imported 3, updated 0, skipped 0, rejected 0." in out
    assert _agreements(office_path) == {
        "Coimbra": (
            "São João del-Rei",
            "twinning",
            date(2009, 4, 21),
            "day",
            date(2029, 12, 31),
            "year",
        ),
        "Łódź": ("São João del-Rei", "twinning", date(2003, 7, 1), "month", None, "day"),
        "Córdoba": (
            "Belo Horizonte",
            "twinning",
            date(2011, 1, 1),
            "year",
            date(2031, 12, 31),
            "month",
        ),
    }


def test_a_spanish_register_in_an_old_excel_file_imports_whole(
    office_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = write_xls(
        tmp_path / "convenios.xls",
        [
            ["Registro de convenios internacionales del Ayuntamiento"],
            ["Ayuntamiento", "Ciudad socia", "País", "Tipo", "Fecha de firma", "Vencimiento"],
            [
                "Ayuntamiento de Córdoba",
                "Łódź",
                "Polonia",
                "Hermanamiento",
                date(2011, 5, 12),
                "2024",
            ],
            [None, "Huế", "Vietnam", "Convenio marco", "julio de 2003", "marzo de 2030"],
            [None, "Porto", "Portugal", "Hermanamientos", "2011", None],
            [],
            ["Nota: los convenios vencidos se conservan en el archivo."],
        ],
        merges=[(2, 4, 0)],
    )
    assert main(["import", str(office_path), str(sheet), "--kind", "agreements"]) == 0
    out = capsys.readouterr().out
    assert "Column “Ayuntamiento” has cells merged over several rows" in out
    assert "(rows 3–5)." in out
    assert _agreements(office_path) == {
        "Łódź": (
            "Ayuntamiento de Córdoba",
            "twinning",
            date(2011, 5, 12),
            "day",
            date(2024, 12, 31),
            "year",
        ),
        "Huế": (
            "Ayuntamiento de Córdoba",
            "cooperation",
            date(2003, 7, 1),
            "month",
            date(2030, 3, 31),
            "month",
        ),
        "Porto": ("Ayuntamiento de Córdoba", "twinning", date(2011, 1, 1), "year", None, "day"),
    }


def test_objectives_listed_in_one_cell_become_the_agreements_objectives(
    office_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "Objectifs" is a column of most French registers: one objective per line, often
    with a bullet; each becomes an objective of the agreement, in order."""
    sheet = write_rows(
        tmp_path / "registre.xlsx",
        [
            ["Conventions de coopération décentralisée"],
            ["Collectivité", "Ville partenaire", "Pays", "Signé le", "Objectifs"],
            [
                "Ville de Lyon",
                "Ouagadougou",
                "Burkina",
                "2015",
                "- Accès à l'eau potable\n- Formation des agents municipaux\n",
            ],
            ["Ville de Lyon", "Huế", "Viêt Nam", "mars 2019", "• Patrimoine\n• Tourisme durable"],
            ["Ville de Lyon", "Porto", "Portugal", "12/05/2011", None],
        ],
    )
    assert main(["import", str(office_path), str(sheet), "--kind", "agreements"]) == 0
    capsys.readouterr()
    with OfficeFile.open(office_path, read_only=True) as office, office.session() as session:
        found = {
            str(a.partner_names): (
                [o.text for o in sorted(a.objectives, key=lambda o: o.position)],
                a.objective_count,
            )
            for a in session.scalars(select(Agreement))
        }
    assert found == {
        "Ouagadougou": (
            ["Accès à l'eau potable", "Formation des agents municipaux"],
            2,
        ),
        "Huế": (["Patrimoine", "Tourisme durable"], 2),
        "Porto": ([], 0),
    }
