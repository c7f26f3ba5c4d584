"""Dates a register gives as a year or a month are stored with that precision: "2011"
stays a year and "diciembre de 2013" a month, whatever day the computations take."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from exchange_helpers import write_rows
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from intl_desk.cli import main
from intl_desk.core.display import date_text
from intl_desk.core.model import Agreement, LocalEntity, Project
from intl_desk.core.overview.agreements import expiring
from intl_desk.core.overview.figures import OverviewFilters
from intl_desk.core.today import renewals_due
from intl_desk.exchange import importer
from intl_desk.store.office_file import OfficeFile


@pytest.fixture
def lyon(office_path: Path) -> Path:
    with OfficeFile.open(office_path) as office, office.session() as session:
        session.add(LocalEntity(name="Ville de Lyon", kind="government"))
        session.commit()
    return office_path


def test_a_spanish_project_register_keeps_years_and_months(
    lyon: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = write_rows(
        tmp_path / "proyectos.xlsx",
        [
            ["Cartera de proyectos de cooperación descentralizada — 2024"],
            ["Título", "Estado", "Inicio", "Fin", "Monto", "País"],
            [
                "Agua potable en Cusco",
                "En curso",
                "2011",
                "diciembre de 2013",
                "150.000,00",
                "Perú",
            ],
            ["Escuela en Dakar", "En curso", "marzo 2020", "2022", "2.500,50", "Senegal"],
            ["Huertos en Córdoba", "En curso", "05/04/2021", "30/06/2023", "1.234.567,89", "AR"],
            [],
            ["Fuente: Dirección de Relaciones Internacionales"],
        ],
    )
    assert main(["import", str(lyon), str(sheet), "--kind", "projects"]) == 0
    out = capsys.readouterr().out
    assert "Dates given only as a year or a month: 4. Each is kept and shown as given" in out
    with OfficeFile.open(lyon, read_only=True) as office, office.session() as session:
        found = {
            p.title: (
                p.planned_start,
                p.planned_start_precision,
                p.planned_end,
                p.planned_end_precision,
                sum((line.amount for line in p.budget_lines), Decimal(0)),
                p.notes,
            )
            for p in session.scalars(select(Project))
        }
    assert found == {
        "Agua potable en Cusco": (
            date(2011, 1, 1),
            "year",
            date(2013, 12, 31),
            "month",
            Decimal("150000.00"),
            None,
        ),
        "Escuela en Dakar": (
            date(2020, 3, 1),
            "month",
            date(2022, 12, 31),
            "year",
            Decimal("2500.50"),
            None,
        ),
        "Huertos en Córdoba": (
            date(2021, 4, 5),
            "day",
            date(2023, 6, 30),
            "day",
            Decimal("1234567.89"),
            None,
        ),
    }


def test_a_whole_date_imported_over_a_year_makes_it_a_day_again(lyon: Path, tmp_path: Path) -> None:
    """The register later gives the exact expiry: the record takes the day and shows it."""
    first = tmp_path / "registre-2023.csv"
    first.write_text(
        "Registre des jumelages\n"
        "Ville partenaire;Pays;Type;Signé le;Échéance\n"
        "Łódź;Pologne;Jumelage;juillet 2003;2024\n",
        "utf-8",
    )
    later = tmp_path / "registre-2024.csv"
    later.write_text(
        "Registre des jumelages\n"
        "Ville partenaire;Pays;Type;Signé le;Échéance\n"
        "Łódź;Pologne;Jumelage;juillet 2003;30/06/2024\n",
        "utf-8",
    )
    assert main(["import", str(lyon), str(first), "--kind", "agreements"]) == 0
    with OfficeFile.open(lyon, read_only=True) as office, office.session() as session:
        agreement = session.scalars(select(Agreement)).one()
        assert (agreement.date_expires, agreement.date_expires_precision) == (
            date(2024, 12, 31),
            "year",
        )
    assert (
        main(["import", str(lyon), str(later), "--kind", "agreements", "--update-duplicates"]) == 0
    )
    with OfficeFile.open(lyon, read_only=True) as office, office.session() as session:
        agreement = session.scalars(select(Agreement)).one()
        assert (agreement.date_signed, agreement.date_signed_precision) == (
            date(2003, 7, 1),
            "month",
        )
        assert (agreement.date_expires, agreement.date_expires_precision) == (
            date(2024, 6, 30),
            "day",
        )


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_an_exported_list_imports_back_with_the_same_precision(
    lyon: Path, tmp_path: Path, suffix: str
) -> None:
    register = tmp_path / "registre.csv"
    register.write_text(
        "Registre des jumelages de la Ville de Lyon\n"
        "Ville partenaire;Pays;Type;Signé le;Échéance\n"
        "Łódź;Pologne;Jumelage;juillet 2003;2024\n"
        "Córdoba;Argentine;Jumelage;2011;mars 2030\n"
        "Porto;Portugal;Jumelage;14/05/2015;\n",
        "utf-8",
    )
    assert main(["import", str(lyon), str(register), "--kind", "agreements"]) == 0
    exported = tmp_path / f"accords{suffix}"
    assert (
        main(["--language", "fr", "export", str(lyon), "--kind", "agreements", "-o", str(exported)])
        == 0
    )
    if suffix == ".xlsx":
        sheet = load_workbook(exported).active
        assert sheet is not None
        rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    else:
        rows = [line.split(";") for line in exported.read_text("utf-8-sig").splitlines()]
    header = [str(title) for title in rows[0]]
    dates = {
        str(row[header.index("Partenaires")]): (
            row[header.index("Signature")],
            row[header.index("Expiration")],
        )
        for row in rows[1:]
    }
    year: object = 2011 if suffix == ".xlsx" else "2011"
    assert dates["Córdoba"] == (year, "mars 2030")
    again = tmp_path / "again.sqlite"
    assert main(["new", str(again), "--office", "Ville de Lyon"]) == 0
    assert main(["import", str(again), str(exported), "--kind", "agreements"]) == 0

    def stored(path: Path) -> dict[str, tuple[object, ...]]:
        with OfficeFile.open(path, read_only=True) as office, office.session() as session:
            return {
                str(a.partner_names): (
                    a.date_signed,
                    a.date_signed_precision,
                    a.date_expires,
                    a.date_expires_precision,
                )
                for a in session.scalars(select(Agreement))
            }

    assert stored(again) == stored(lyon)
    assert stored(again)["Łódź"] == (date(2003, 7, 1), "month", date(2024, 12, 31), "year")


def test_the_partner_sheet_and_the_today_page_read_the_dates_as_given(
    lyon: Path, tmp_path: Path
) -> None:
    """A register's "2011" and "juillet 2030" reach the printed partner sheet as "2011"
    and "juillet 2030", never as 1 January 2011 or 31 July 2030."""
    register = tmp_path / "registre.csv"
    register.write_text(
        "Registre des jumelages de la Ville de Lyon\n"
        "Ville partenaire;Pays;Type;Statut;Signé le;Échéance\n"
        "Córdoba;Argentine;Jumelage;En vigueur;2011;juillet 2030\n",
        "utf-8",
    )
    assert main(["import", str(lyon), str(register), "--kind", "agreements"]) == 0
    sheet = tmp_path / "cordoba.pdf"
    command = ["--language", "fr", "report", "partner", str(lyon), "--partner", "Córdoba"]
    assert main([*command, "-o", str(sheet)]) == 0
    text = " ".join(
        " ".join((page.extract_text() or "").split()) for page in PdfReader(sheet).pages
    )
    assert "2011 – juillet 2030" in text
    assert "janv. 2011" not in text and "31 juil." not in text
    with OfficeFile.open(lyon, read_only=True) as office, office.session() as session:
        due = renewals_due(session, date(2030, 6, 1))
    assert [(item.title, date_text(item.expires, "en")) for item in due] == [
        ("Twinning / sister city Ville de Lyon – Córdoba", "July 2030")
    ]
    assert due[0].days_left == 60  # still counted to 31 July
    with OfficeFile.open(lyon, read_only=True) as office, office.session() as session:
        soon, total = expiring(session, OverviewFilters(year=2030), date(2030, 6, 1))
    assert total == 1 and date_text(soon[0].expires, "fr") == "juillet 2030"


def test_a_long_register_says_how_far_the_check_has_got(
    lyon: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every PROGRESS_STEP rows (5,000; 2 here) the command line says how many rows of how
    many are checked, then how many are written, instead of a minute of silence."""
    monkeypatch.setattr(importer, "PROGRESS_STEP", 2)
    register = tmp_path / "registre.csv"
    register.write_text(
        "Registre des jumelages\n"
        "Ville partenaire;Pays;Type;Signé le\n"
        + "".join(f"Ville {n};Pologne;Jumelage;{2000 + n}\n" for n in range(5))
        + "Ville 9;Pologne;Jumelage;l'an 2000\n",  # refused: not counted among the rows written
        "utf-8",
    )
    assert main(["import", str(lyon), str(register), "--kind", "agreements"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert "Rows checked: 2 of 6…" in out and "Rows checked: 6 of 6…" in out
    assert out.index("Rows checked: 6 of 6…") < out.index("Writing 5 rows…")
    written = out.index("Writing 5 rows…")
    assert out[written + 1 : written + 3] == ["Rows written: 2 of 5…", "Rows written: 4 of 5…"]
    assert out[-1] == "Imported 5, updated 0, skipped 0, rejected 1."
