"""The state round trip's record check (``intl-desk bench --only round_trip_state``)
keeps each record as a digest of its fields, not the records of both files at once; it
must still say which field of which record changed, from what to what, and which
records are missing from the new file or were not in the original."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import select

from intl_desk.bench.round_trip_scenarios import compared_records
from intl_desk.core.model import Agreement, Partner
from intl_desk.store.office_file import OfficeFile


def test_the_same_file_has_no_difference(city_demo: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.sqlite"
    shutil.copy(city_demo, copy)

    lost, counted = compared_records(city_demo, copy)

    assert lost == []
    assert counted["agreements"] > 10 and counted["partners"] > 10


def test_a_changed_field_and_a_missing_record_are_named(city_demo: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.sqlite"
    shutil.copy(city_demo, copy)
    with OfficeFile.open(copy) as office, office.session() as session:
        agreement = session.scalars(select(Agreement).order_by(Agreement.title)).first()
        assert agreement is not None
        title, reference, notes = agreement.title, agreement.reference or "", agreement.notes
        agreement.notes = "Renouvelé à Łódź"
        partner = session.scalars(select(Partner).order_by(Partner.name)).first()
        assert partner is not None
        session.delete(partner)
        session.commit()
        gone = (partner.name, partner.country_code, partner.latitude, partner.longitude)

    lost, _ = compared_records(city_demo, copy)

    assert f"agreements {(title, reference)!r} notes: {notes!r} → 'Renouvelé à Łódź'" in lost
    assert f"partners {gone!r}: missing" in lost
