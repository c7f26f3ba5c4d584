"""An agreement's stored partner names, entity names and countries follow the records:
a deleted partner or entity drops out of them at once."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from sqlalchemy import select

from intl_desk.core.model import Agreement, AgreementParty, LocalEntity, Partner, utc_now
from intl_desk.store.office_file import OfficeFile


def test_a_deleted_partner_leaves_its_agreements_names_and_countries(office: OfficeFile) -> None:
    with office.session() as s:
        lyon = LocalEntity(name="Ville de Lyon", kind="government")
        service = LocalEntity(name="Direction des relations internationales", kind="department")
        lodz = Partner(name="Łódź", kind="city", country_code="PL")
        porto = Partner(name="Porto", kind="city", country_code="PT")
        s.add_all([lyon, service, lodz, porto])
        s.flush()
        s.add(
            Agreement(
                title="Accord trilatéral", type="cooperation", status="active",
                date_signed=date(2020, 1, 1),
                parties=[
                    AgreementParty(local_entity_id=lyon.id),
                    AgreementParty(local_entity_id=service.id),
                    AgreementParty(partner_id=lodz.id),
                    AgreementParty(partner_id=porto.id),
                ],
            )
        )
        s.commit()
        agreement = s.scalars(select(Agreement)).one()
        assert sorted(agreement.partner_names.split(", ")) == ["Porto", "Łódź"]
        assert sorted(agreement.country_codes.split(",")) == ["PL", "PT"]
        lodz.deleted_at = utc_now()
        service.deleted_at = utc_now()
        s.commit()
        s.refresh(agreement)
        assert agreement.partner_names == "Porto"
        assert agreement.country_codes == "PT"
        assert agreement.entity_names == "Ville de Lyon"


def test_check_names_agreements_whose_stored_names_are_out_of_date(office_path: Path) -> None:
    from intl_desk.store.check import check

    with OfficeFile.open(office_path) as office, office.session() as s:
        lodz = Partner(name="Łódź", kind="city", country_code="PL")
        s.add(lodz)
        s.flush()
        s.add(
            Agreement(
                title="Jumelage Lyon – Łódź", type="twinning", status="active",
                date_signed=date(1991, 5, 3), parties=[AgreementParty(partner_id=lodz.id)],
            )
        )
        s.commit()
    assert check(office_path).problems == []
    connection = sqlite3.connect(office_path)  # another tool edits the file
    connection.execute("UPDATE agreement SET partner_names = 'Lodz (old name)'")
    connection.commit()
    connection.close()
    assert [p.render() for p in check(office_path).problems] == [
        "1 agreement(s) show partner names, entity names, countries or an objective count "
        "that no longer match their records, e.g. “Jumelage Lyon – Łódź”."
    ]
