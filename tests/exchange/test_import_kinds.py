"""Projects, partners, local entities, indicators and measurements from spreadsheets."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from exchange_helpers import write_rows
from sqlalchemy import select

from intl_desk.core.model import (
    Indicator,
    LocalEntity,
    Measurement,
    Partner,
    Period,
    Project,
)
from intl_desk.exchange.import_write import ImportResult, apply_import
from intl_desk.exchange.importer import Preview, preview_import
from intl_desk.store.office_file import OfficeFile


def _import(
    office: OfficeFile, path: Path, kind: str, folder: Path
) -> tuple[Preview, ImportResult]:
    with office.session() as session:
        preview = preview_import(session, path, kind, mappings_folder=folder)
        return preview, apply_import(session, preview)


def test_local_entities_with_a_parent_named_further_down(
    office: OfficeFile, tmp_path: Path, mappings_folder: Path
) -> None:
    path = write_rows(
        tmp_path / "entites.xlsx",
        [
            ["Nom", "Type", "Fait partie de", "Code INSEE", "Population"],
            ["Direction des relations internationales", "Service", "Ville de Lyon", None, None],
            ["Ville de Lyon", "Own government", None, "69123", "522 969"],
            ["Métropole de Lyon", "Région", None, None, 1411571],
            ["ville de lyon", None, None, None, None],
        ],
    )
    preview, result = _import(office, path, "local_entities", mappings_folder)
    assert [row.status for row in preview.rows] == ["new", "new", "new", "duplicate"]
    assert result.imported == 3
    with office.session() as session:
        entities = {e.name: e for e in session.scalars(select(LocalEntity))}
        assert set(entities) == {
            "Direction des relations internationales",
            "Ville de Lyon",
            "Métropole de Lyon",
        }
        service = entities["Direction des relations internationales"]
        assert service.kind == "department"
        assert service.parent is not None and service.parent.name == "Ville de Lyon"
        lyon = entities["Ville de Lyon"]
        assert (lyon.kind, lyon.code, lyon.population) == ("government", "69123", 522969)


def test_partners_in_four_languages_and_duplicates_by_name_and_country(
    office: OfficeFile, tmp_path: Path, mappings_folder: Path
) -> None:
    with office.session() as session:
        session.add(Partner(name="Córdoba", kind="city", country_code="AR"))
        session.commit()
    path = write_rows(
        tmp_path / "partenaires.xlsx",
        [
            ["Nombre", "País", "Tipo", "Región", "Habitantes"],
            ["CORDOBA", "Argentina", "Ciudad", "Córdoba", 1300000],
            ["Córdoba", "España", "Ciudad", "Andalucía", 320000],
            [
                "Agência Brasileira de Cooperação",
                "Brasil",
                "National or development agency",
                None,
                None,
            ],
            ["Nowhere", "Atlantis", "city", None, None],
        ],
    )
    preview, result = _import(office, path, "partners", mappings_folder)
    assert [row.status for row in preview.rows] == ["duplicate", "new", "new", "rejected"]
    assert "“Atlantis” is not a country." in preview.rows[3].errors[0].render()
    assert (result.imported, len(result.skipped), len(result.rejected)) == (2, 1, 1)
    with office.session() as session:
        spain = session.scalars(select(Partner).where(Partner.country_code == "ES")).one()
        assert (spain.name, spain.region, spain.population) == ("Córdoba", "Andalucía", 320000)
        agency = session.scalars(select(Partner).where(Partner.country_code == "BR")).one()
        assert agency.kind == "national_agency"


def test_projects_with_lead_entity_partners_and_budget(
    office: OfficeFile, tmp_path: Path, mappings_folder: Path
) -> None:
    with office.session() as session:
        session.add_all(
            [
                LocalEntity(name="Ville de Lyon", kind="government"),
                Partner(
                    name="Agence française de développement",
                    kind="national_agency",
                    country_code="FR",
                ),
            ]
        )
        session.commit()
    path = write_rows(
        tmp_path / "projets.xlsx",
        [
            [
                "Intitulé",
                "Statut",
                "Chef de file",
                "Partenaires",
                "Pays",
                "Lieu",
                "Début",
                "Fin",
                "Budget",
                "Devise",
                "ODD",
            ],
            [
                "Eau potable à Thiès",
                "En cours",
                "Ville de Lyon",
                "Agence française de développement; Thiès",
                "Sénégal",
                "Thiès",
                "janvier 2024",
                "31/12/2026",
                "120 000,50",
                "EUR",
                "6, 11",
            ],
            [
                "Mobilité à Hanoï",
                "Implementation",
                "Direction de la mobilité",
                None,
                "Viêt Nam",
                "Hanoï",
                "2025-03-01",
                "2027-02-28",
                80000,
                "eur",
                "ODD 11",
            ],
            [
                "Fin avant début",
                "2",
                "Ville de Lyon",
                None,
                "Maroc",
                None,
                "2025-01-01",
                "2024-01-01",
                None,
                None,
                None,
            ],
        ],
    )
    preview, result = _import(office, path, "projects", mappings_folder)
    assert [row.status for row in preview.rows] == ["new", "new", "rejected"]
    assert "The planned end is before the planned start." in preview.rows[2].errors[0].render()
    assert result.imported == 2
    with office.session() as session:
        projects = {p.title: p for p in session.scalars(select(Project))}
        thies = projects["Eau potable à Thiès"]
        assert (thies.status, thies.country_code, thies.planned_start) == (
            "2",
            "SN",
            date(2024, 1, 1),
        )
        assert thies.lead_entity is not None and thies.lead_entity.name == "Ville de Lyon"
        partners = sorted(p.partner.name for p in thies.participants if p.partner)
        assert partners == ["Agence française de développement", "Thiès"]
        assert [(b.year, b.amount) for b in thies.budget_lines] == [(2024, Decimal("120000.50"))]
        assert sorted(s.sdg for s in thies.sdgs) == [6, 11]
        hanoi = projects["Mobilité à Hanoï"]
        assert hanoi.currency == "EUR"
        assert hanoi.lead_entity is not None and hanoi.lead_entity.kind == "department"


def test_indicators_then_measurements_with_new_periods(
    office: OfficeFile, tmp_path: Path, mappings_folder: Path
) -> None:
    with office.session() as session:
        session.add(LocalEntity(name="Ville de Lyon", kind="government"))
        session.commit()
    indicators = write_rows(
        tmp_path / "indicateurs.xlsx",
        [
            ["Code", "Indicateur", "Dimension", "Unité", "Sens"],
            [
                "I-01",
                "Accords actifs",
                "Institutionnelle",
                "accords",
                "Plus c'est haut, mieux c'est",
            ],
            ["I-02", "Délégations reçues", "Territorial", "délégations", None],
            ["I-03", "Sans dimension", None, None, None],
        ],
    )
    preview, result = _import(office, indicators, "indicators", mappings_folder)
    assert result.imported == 3
    assert any("No dimension given" in w.render() for w in preview.rows[2].warnings)
    measurements = write_rows(
        tmp_path / "mesures.xlsx",
        [
            ["Indicateur", "Année", "Entité", "Valeur", "Source"],
            ["I-01", 2023, "Ville de Lyon", 12, "Registre"],
            ["accords actifs", "2024", "Ville de Lyon", "14", "Registre"],
            ["I-01", 2024, "Ville de Lyon", 15, "Doublon"],
            ["I-99", 2024, None, 3, None],
        ],
    )
    preview, result = _import(office, measurements, "measurements", mappings_folder)
    assert [row.status for row in preview.rows] == ["new", "new", "duplicate", "rejected"]
    assert "Indicator “I-99” is not in the file" in preview.rows[3].errors[0].render()
    assert result.imported == 2
    with office.session() as session:
        periods = {p.label: p for p in session.scalars(select(Period))}
        assert set(periods) == {"2023", "2024"}
        assert periods["2024"].start_date == date(2024, 1, 1)
        values = sorted(m.value for m in session.scalars(select(Measurement)))
        assert values == [12.0, 14.0]
        active = session.scalars(select(Indicator).where(Indicator.code == "I-01")).one()
        assert (active.dimension, active.direction) == ("institutional", "increase")


def test_a_one_column_list_of_names(
    office: OfficeFile, tmp_path: Path, mappings_folder: Path
) -> None:
    path = tmp_path / "services.csv"
    path.write_text(
        "Nom\nDirection des relations internationales\nCabinet du maire\n", encoding="utf-8"
    )
    preview, result = _import(office, path, "local_entities", mappings_folder)
    assert preview.header_row == 1
    assert result.imported == 2
