"""Two partners of one name in one country (Jackson, Mississippi and Jackson, Tennessee)
and of one name in two countries (Córdoba, Argentina and Córdoba, Spain) come back from
an export linked right: the exports write each partner's GeoNames id (a co-financing
line its funder's), and a project whose partners are both Córdobas keeps both."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from intl_desk.core.i18n import set_language
from intl_desk.core.model import (
    Activity,
    Agreement,
    AgreementParty,
    CofinancingLine,
    Contact,
    Partner,
    Project,
    ProjectParticipant,
)
from intl_desk.exchange.round_trip import differences, export_all, import_all
from intl_desk.exchange.round_trip_records import snapshot
from intl_desk.store.office_file import OfficeFile


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_namesakes_come_back_linked_to_the_right_one(
    office_path: Path, tmp_path: Path, suffix: str, mappings_folder: Path
) -> None:
    with OfficeFile.open(office_path) as office, office.session() as session:
        mississippi = Partner(name="Jackson", country_code="US", geonames_id=4431410,
                              latitude=32.2988, longitude=-90.1848)
        tennessee = Partner(name="Jackson", country_code="US", geonames_id=4632595,
                            latitude=35.6145, longitude=-88.814)
        argentina = Partner(name="Córdoba", country_code="AR", geonames_id=3860259)
        spain = Partner(name="Córdoba", country_code="ES", geonames_id=2519240)
        session.add_all([mississippi, tennessee, argentina, spain])
        session.flush()
        for title, partner in (("Jumelage avec Jackson (Tennessee)", tennessee),
                               ("Coopération avec Jackson (Mississippi)", mississippi)):
            agreement = Agreement(title=title, type="twinning", status="active",
                                  date_signed=date(2015, 5, 4))
            session.add(agreement)
            session.flush()
            session.add(AgreementParty(agreement_id=agreement.id, partner_id=partner.id))
        heritage = Project(title="Patrimoine des deux Córdoba", status="2", country_code="FR")
        session.add(heritage)
        session.flush()
        for partner in (spain, argentina):
            session.add(ProjectParticipant(project_id=heritage.id, partner_id=partner.id,
                                           role="4"))
        # a namesake funds it: Jackson, Tennessee (a co-financing line names its funder)
        session.add(CofinancingLine(project_id=heritage.id, funder_partner_id=tennessee.id,
                                    status="granted", amount_requested=Decimal("15000.00"),
                                    amount_granted=Decimal("12000.00")))
        session.add(Activity(title="Mission à Jackson", kind="mission", status="done",
                             start_date=date(2024, 3, 11), partner_id=mississippi.id))
        session.add(Contact(name="Ava Carter", partner_id=tennessee.id))
        session.commit()
        before = snapshot(session)
    set_language("fr")
    with OfficeFile.open(office_path, read_only=True) as office, office.session() as session:
        export_all(session, tmp_path, suffix)
    fresh = tmp_path / "fresh.sqlite"
    with OfficeFile.create(fresh, "Ville de Lyon") as office, office.session() as session:
        report = import_all(session, tmp_path, suffix, "fr", mappings_folder)
        assert report.problems() == []  # before, every row naming Jackson was refused
        after = snapshot(session)
        where = {
            record.title: sorted(p.partner.latitude or p.partner.country_code
                                 for p in record.parties)
            for record in session.scalars(select(Agreement))
        }
        assert where == {
            "Jumelage avec Jackson (Tennessee)": [35.6145],
            "Coopération avec Jackson (Mississippi)": [32.2988],
        }
        (project,) = session.scalars(select(Project)).all()
        assert sorted(p.partner.country_code for p in project.participants) == ["AR", "ES"]
        (line,) = project.cofinancing
        assert line.funder_partner.geonames_id == 4632595
        (mission,) = session.scalars(select(Activity)).all()
        assert mission.partner.geonames_id == 4431410
        (contact,) = session.scalars(select(Contact)).all()
        assert contact.partner.geonames_id == 4632595
    assert differences(before, after) == []
