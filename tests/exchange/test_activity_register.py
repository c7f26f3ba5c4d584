"""A missions register written the way a French office keeps it — a title row, its own
column titles, dates known to the month or the year, amounts with a decimal comma and
thousands spaces, a total under the table — imports value by value; a mission naming an
agreement or a partner the file cannot place is refused with the reason."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from intl_desk.cli import main
from intl_desk.core.model import Activity, Agreement, LocalEntity, Partner
from intl_desk.store.office_file import OfficeFile


@pytest.fixture
def lyon(tmp_path: Path) -> Path:
    path = tmp_path / "lyon.sqlite"
    lodz = Partner(name="Łódź", country_code="PL", latitude=51.76, longitude=19.46)
    twinning = Agreement(
        title="Jumelage Lyon – Łódź", type="twinning", status="active", date_signed=date(1991, 5, 2)
    )
    with (
        OfficeFile.create(path, "Ville de Lyon", country_code="FR") as office,
        office.session() as session,
    ):
        session.add_all([lodz, twinning])
        session.commit()
    return path


def test_a_french_missions_register_imports_value_by_value(
    lyon: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register = tmp_path / "missions.xlsx"
    book = Workbook()
    sheet = book.active
    sheet.append(["Missions internationales 2023 — Direction des relations internationales"])
    sheet.append([])
    sheet.append(
        ["Mission", "Date de départ", "Retour", "Destination", "Pays", "Partenaire",
         "Délégation", "Nb participants", "Coût total", "Transport", "Accord", "Service"]
    )  # fmt: skip
    sheet.append(
        ["Mission culture à Łódź", "mars 2023", "avril 2023", "Łódź", "Pologne", "Łódź",
         "Adjointe à la culture; chargée de mission", 2, "3 450,50", "Avion",
         "Jumelage Lyon – Łódź", "Direction des affaires culturelles"]
    )  # fmt: skip
    sheet.append(
        ["Forum des maires à Córdoba", "2023", None, "Córdoba", "Argentine", "Córdoba",
         None, 1, "12.000,00", None, None, None]
    )  # fmt: skip
    sheet.append(
        ["Visite d'étude à Hanoï", "12/09/2023", "15/09/2023", "Hanoï", None, "Hà Nội",
         None, None, None, None, None, None]
    )  # fmt: skip
    sheet.append(
        ["Rencontre à Porto", "05/10/2023", None, "Porto", "Portugal", None, None, None,
         None, None, "Accord Lyon – Porto", None]
    )  # fmt: skip
    sheet.append([])
    sheet.append(["Total : 4 missions", None, None, None, None, None, None, None, "15 450,50"])
    book.save(register)

    argv = ["--language", "fr", "import", str(lyon), str(register), "--kind", "activities"]
    code = main([*argv, "--verbose"])
    out = capsys.readouterr().out

    assert code == 1  # two rows refused, each with its reason; the others are in
    assert "Hà Nội" in out and "pays" in out  # a new partner needs its country
    assert "Accord Lyon – Porto" in out
    # each warning names its column, French style: a space before the colon
    assert "Date de départ : « mars 2023 » est gardé comme mois" in out
    with OfficeFile.open(lyon, read_only=True) as office, office.session() as session:
        found = {a.title: a for a in session.scalars(select(Activity))}
        assert set(found) == {"Mission culture à Łódź", "Forum des maires à Córdoba"}
        lodz = found["Mission culture à Łódź"]
        assert (lodz.kind, lodz.status) == ("mission", "done")  # no kind column: said so
        assert (lodz.start_date, lodz.start_date_precision) == (date(2023, 3, 1), "month")
        assert (lodz.end_date, lodz.end_date_precision) == (date(2023, 4, 30), "month")
        assert (lodz.location, lodz.country_code) == ("Łódź", "PL")
        assert (lodz.cost, lodz.currency) == (Decimal("3450.50"), "EUR")
        assert lodz.participant_count == 2
        assert lodz.participants == "Adjointe à la culture; chargée de mission"
        assert lodz.transport_mode == "plane"
        assert lodz.partner is not None and lodz.partner.latitude == 51.76  # the file's own
        assert lodz.agreement is not None and lodz.agreement.title == "Jumelage Lyon – Łódź"
        entity = session.get(LocalEntity, lodz.local_entity_id)
        assert entity is not None and entity.name == "Direction des affaires culturelles"
        cordoba = found["Forum des maires à Córdoba"]
        assert (cordoba.start_date, cordoba.start_date_precision) == (date(2023, 1, 1), "year")
        assert cordoba.cost == Decimal("12000.00")
        assert cordoba.partner is not None and cordoba.partner.country_code == "AR"  # created
        assert "Total" not in " ".join(found)  # the total under the table is no mission
