"""Revision 0009 on a file that version 8 left: it can hold collection rounds, and what
was there stays."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from sqlalchemy import select
from store_helpers import V0008

from intl_desk.core.model import (
    CollectionRound,
    Indicator,
    LocalEntity,
    Period,
    RoundIndicator,
    RoundSubmission,
)
from intl_desk.store.office_file import SCHEMA_VERSION, OfficeFile, check


def test_a_v0008_file_can_open_a_collection_round(tmp_path: Path) -> None:
    path = tmp_path / "office_v0008.sqlite"
    shutil.copyfile(V0008, path)
    with OfficeFile.open(path) as office, office.session() as session:
        assert office.schema_version == SCHEMA_VERSION
        lyon = session.scalars(select(LocalEntity)).one()
        assert lyon.name == "Lyon"
        period = Period(label="2026", start_date=date(2026, 1, 1), end_date=date(2026, 12, 31))
        indicator = Indicator(name="Students abroad", dimension="territorial")
        session.add_all([period, indicator])
        session.flush()
        session.add(
            CollectionRound(
                title="2026 yearly figures",
                period_id=period.id,
                deadline=date(2027, 1, 31),
                indicators=[RoundIndicator(indicator_id=indicator.id)],
                submissions=[RoundSubmission(local_entity_id=lyon.id)],
            )
        )
        session.commit()
    with OfficeFile.open(path, read_only=True) as office, office.session() as session:
        status = session.scalars(select(RoundSubmission.status)).one()
        assert status == "due"
    assert check(path).problems == []
