"""The round trip's snapshot reads records a batch at a time (the state's 20,000
agreements with everything under them took 430 MiB read at once): read in batches of two,
a file gives the very same snapshot as read whole."""

from __future__ import annotations

from datetime import date

import pytest

from intl_desk.core.model import Agreement, AgreementTheme, Project
from intl_desk.exchange import round_trip_records
from intl_desk.exchange.round_trip_records import snapshot
from intl_desk.store.office_file import OfficeFile


def test_a_snapshot_read_in_batches_is_the_snapshot_read_whole(
    office: OfficeFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    with office.session() as session:
        for number, city in enumerate(("São João del-Rei", "Córdoba", "Łódź", "Huế", "Lyon")):
            agreement = Agreement(title=f"Jumelage {city}", type="twinning", status="active",
                                  date_signed=date(2001 + number, 3, 1))  # fmt: skip
            session.add(agreement)
            session.flush()
            session.add(AgreementTheme(agreement_id=agreement.id, theme="culture"))
            session.add(Project(title=f"Projet {city}", status="2",
                                planned_start=date(2020 + number, 1, 1)))  # fmt: skip
        session.commit()
        whole = snapshot(session)
    monkeypatch.setattr(round_trip_records, "BATCH", 2)
    with office.session() as session:
        batched = snapshot(session)
    assert batched == whole
    assert len(batched["agreements"]) == 5 and len(batched["projects"]) == 5
    assert all(fields["themes"] == ["culture"] for fields in batched["agreements"].values())
