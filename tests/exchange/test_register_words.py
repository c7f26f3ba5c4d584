"""Registers written the way offices write them import whole: no title column, their own
words for types and statuses, plurals, notes and totals under the table — and money that
is not a finite figure is refused with its reason, never stored."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from exchange_helpers import write_rows
from sqlalchemy import select

from intl_desk.cli import main
from intl_desk.core.model import Agreement, LocalEntity, Project
from intl_desk.exchange.import_write import apply_import
from intl_desk.exchange.importer import preview_import, sheet_remarks
from intl_desk.store.office_file import OfficeFile


@pytest.fixture
def lyon(office: OfficeFile) -> OfficeFile:
    with office.session() as session:
        session.add(LocalEntity(name="Ville de Lyon", kind="government"))
        session.commit()
    return office


def test_a_french_register_without_a_title_column_imports_every_row(
    lyon: OfficeFile, tmp_path: Path, mappings_folder: Path
) -> None:
    path = write_rows(
        tmp_path / "registre.xlsx",
        [
            ["Registre des accords internationaux — mis à jour en mars 2026"],
            [],
            ["Collectivité", "Ville partenaire", "Pays", "Type", "Statut", "Signé le", "Résumé"],
            [
                "Ville de Lyon",
                "Porto",
                "Portugal",
                "Jumelages",
                "En cours",
                "12/05/2011",
                "Échanges culturels",
            ],
            [
                "Ville de Lyon",
                "Ouagadougou",
                "Burkina Faso",
                "Coopération décentralisée",
                "En cours",
                "03/02/2015",
                None,
            ],
            [
                "Ville de Lyon",
                "Córdoba",
                "Argentine",
                "Convenio marco",
                "En veille",
                "20/10/2019",
                None,
            ],
            ["Ville de Lyon", "Łódź", "Pologne", "Pacte d'entente", "Signé", "01/06/2020", None],
            [],
            ["Total : 4 accords", None, None, None, None, None, None],
            [
                "Source : Direction des relations internationales",
                None,
                None,
                None,
                None,
                None,
                None,
            ],
        ],
    )
    with lyon.session() as session:
        preview = preview_import(session, path, "agreements", mappings_folder=mappings_folder)
        assert [(row.status, [e.render() for e in row.errors]) for row in preview.rows] == [
            ("new", [])
        ] * 4
        remarks = [remark.render() for remark in sheet_remarks(preview)]
        assert remarks[0].startswith("No column holds the title: each title is composed")
        assert (
            "“Pacte d'entente” (Type, 1 row(s)) names no known value: the usual one is used "
            "and the word is kept in the record's notes."
        ) in remarks
        assert "“En veille” (Status, 1 row(s)) names no known value" in " ".join(remarks)
        assert any(r.startswith("Row 9 is a note or a total under the table") for r in remarks)
        assert any(r.startswith("Row 10 is a note or a total under the table") for r in remarks)
        result = apply_import(session, preview)
    assert result.imported == 4 and not result.rejected
    with lyon.session() as session:
        saved = {a.title: a for a in session.scalars(select(Agreement))}
    assert set(saved) == {
        "Twinning / sister city Ville de Lyon – Porto",
        "Cooperation agreement Ville de Lyon – Ouagadougou",
        "Cooperation agreement Ville de Lyon – Córdoba",
        "Cooperation agreement Ville de Lyon – Łódź",
    }
    porto = saved["Twinning / sister city Ville de Lyon – Porto"]
    assert (porto.type, porto.status, porto.date_signed) == (
        "twinning",
        "active",
        date(2011, 5, 12),
    )
    assert porto.summary == "Échanges culturels"
    cordoba = saved["Cooperation agreement Ville de Lyon – Córdoba"]
    assert cordoba.type == "cooperation"
    assert cordoba.notes == "Status as written in the register: En veille"
    lodz = saved["Cooperation agreement Ville de Lyon – Łódź"]
    assert lodz.notes == "Type as written in the register: Pacte d'entente"
    assert lodz.status == "active"


def test_a_brazilian_register_in_the_plural_with_its_own_words(
    lyon: OfficeFile, tmp_path: Path, mappings_folder: Path
) -> None:
    path = write_rows(
        tmp_path / "acordos.xlsx",
        [
            ["Prefeitura", "Cidade parceira", "País", "Tipo", "Data de assinatura"],
            ["Ville de Lyon", "São João del-Rei", "Brasil", "Irmandade", "15/03/2024"],
            ["Ville de Lyon", "Belo Horizonte", "Brasil", "Geminações", "2019"],
        ],
    )
    with lyon.session() as session:
        preview = preview_import(session, path, "agreements", mappings_folder=mappings_folder)
        assert [row.status for row in preview.rows] == ["new", "new"]
        assert not preview.unknown_words
        apply_import(session, preview)
    with lyon.session() as session:
        types = sorted(a.type for a in session.scalars(select(Agreement)))
    assert types == ["twinning", "twinning"]


@pytest.mark.parametrize("budget", ["Infinity", "nan", "1e999", "-inf"])
def test_a_budget_that_is_no_finite_figure_is_refused_with_the_reason(
    office_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], budget: str
) -> None:
    path = tmp_path / "projets.csv"
    path.write_text(f"Titre;Statut;Budget\nEau potable à Huế;En cours;{budget}\n", "utf-8")
    before = office_path.read_bytes()
    code = main(["import", str(office_path), str(path), "--kind", "projects"])
    out = capsys.readouterr().out
    assert code == 1
    assert f"Row 2: Budget: “{budget}” is not a number." in out or (
        f"Row 2: Budget: “{budget}” is too large to be a figure of a register." in out
    )
    assert "Traceback" not in out
    with OfficeFile.open(office_path, read_only=True) as office, office.session() as s:
        assert s.scalars(select(Project)).all() == []
    assert len(office_path.read_bytes()) == len(before)


def _budgets(office: OfficeFile) -> dict[str, Decimal]:
    with office.session() as session:
        return {
            project.title: sum((line.amount for line in project.budget_lines), Decimal(0))
            for project in session.scalars(select(Project))
        }


def test_figures_follow_the_decimal_mark_their_column_shows(
    office: OfficeFile, tmp_path: Path, mappings_folder: Path
) -> None:
    """"150.000" is 150 thousand reais where the column writes "1.234.567,89"; "1,234" is
    one thousand and more where it writes "2,500.50"."""
    brazilian = tmp_path / "projetos.csv"
    brazilian.write_text(
        "Projetos de cooperação internacional 2024\n"
        "Título;Situação;Orçamento (R$)\n"
        "Escola de laticínios em Qingdao;Em andamento;150.000\n"
        "Saneamento em São João del-Rei;Em andamento;1.234.567,89\n"
        "Festival Huế–Belo Horizonte;Concluído;80.000,00\n"
        "Total;;1.464.567,89\n",
        "utf-8",
    )
    english = tmp_path / "projects.csv"
    english.write_text(
        "Title,Status,Budget (USD)\n"
        'Water in Córdoba,Ongoing,"1,234"\n'
        'Łódź design week,Ongoing,"2,500.50"\n',
        "utf-8",
    )
    with office.session() as session:
        for path in (brazilian, english):
            preview = preview_import(session, path, "projects", mappings_folder=mappings_folder)
            assert [[e.render() for e in row.errors] for row in preview.rows] == [
                [] for _ in preview.rows
            ]
            apply_import(session, preview)
    assert _budgets(office) == {
        "Escola de laticínios em Qingdao": Decimal("150000.00"),
        "Saneamento em São João del-Rei": Decimal("1234567.89"),
        "Festival Huế–Belo Horizonte": Decimal("80000.00"),
        "Water in Córdoba": Decimal("1234.00"),
        "Łódź design week": Decimal("2500.50"),
    }


def test_a_figure_that_reads_two_ways_is_refused_with_both_readings(
    office_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "projets.csv"
    path.write_text(
        "Titre;Statut;Budget\nEau potable à Huế;En cours;150.000\nÉcole à Dakar;En cours;25.000\n",
        "utf-8",
    )
    before = office_path.read_bytes()
    code = main(["import", str(office_path), str(path), "--kind", "projects"])
    out = capsys.readouterr().out
    assert code == 1
    assert (
        "Row 2: Budget: “150.000” could be 150 or 150000: nothing else in its column shows "
        "whether a comma or a point marks the decimals. Write it without a thousands "
        "separator (150000) or with its cents."
    ) in out
    assert "Row 3: Budget: “25.000” could be 25 or 25000" in out
    assert office_path.read_bytes() == before


def test_dates_given_as_a_year_or_a_month_keep_their_meaning(
    lyon: OfficeFile, office_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """"2024" as an end runs to 31 December (it was 1 January: almost a year lost), a start
    "juillet 2003" is 1 July; each is said without --verbose and kept with its precision,
    so the record shows "2024", not a day nobody wrote."""
    lyon.close()
    path = tmp_path / "registre.csv"
    path.write_text(
        "Registre des jumelages de la Ville de Lyon\n"
        "Collectivité;Ville partenaire;Pays;Type;Signé le;Échéance\n"
        "Ville de Lyon;Łódź;Pologne;Jumelage;juillet 2003;2024\n"
        "Ville de Lyon;Córdoba;Argentine;Jumelage;2011;mars 2030\n"
        "Ville de Lyon;Porto;Portugal;Jumelage;14/05/2015;\n",
        "utf-8",
    )
    assert main(["import", str(office_path), str(path), "--kind", "agreements"]) == 0
    out = capsys.readouterr().out
    assert (
        "Dates given only as a year or a month: 4. Each is kept and shown as given (“2011”, "
        "“July 2003”); for computations a start takes the first day, an end the last "
        "(--verbose lists them)."
    ) in out
    # a warning not printed is still counted, with the way to see it
    assert "Rows with warnings not printed here: 3 (add --verbose to see them)." in out
    with OfficeFile.open(office_path) as office, office.session() as session:
        found = {
            a.partner_names: (
                a.date_signed,
                a.date_signed_precision,
                a.date_expires,
                a.date_expires_precision,
                a.status,
                a.notes,
            )
            for a in session.scalars(select(Agreement))
        }
    assert found["Łódź"] == (date(2003, 7, 1), "month", date(2024, 12, 31), "year", "expired", None)
    assert found["Córdoba"] == (
        date(2011, 1, 1),
        "year",
        date(2030, 3, 31),
        "month",
        "active",
        None,
    )
    assert found["Porto"] == (date(2015, 5, 14), "day", None, "day", "active", None)
