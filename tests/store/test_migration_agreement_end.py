"""Revision 0008 on a file that version 7 left: agreements can keep the date they ended
early, and what was there stays."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from sqlalchemy import select
from store_helpers import V0007

from intl_desk.core.model import Agreement
from intl_desk.store.office_file import SCHEMA_VERSION, OfficeFile, check


def test_a_v0007_files_agreements_can_keep_their_end_date(tmp_path: Path) -> None:
    path = tmp_path / "office_v0007.sqlite"
    shutil.copyfile(V0007, path)
    with OfficeFile.open(path) as office, office.session() as session:
        assert office.schema_version == SCHEMA_VERSION
        agreement = session.scalars(select(Agreement)).one()
        assert (agreement.title, agreement.date_ended) == ("Twinning Lyon–Leipzig", None)
        agreement.status, agreement.date_ended = "terminated", date(2024, 3, 31)
        session.commit()
    with OfficeFile.open(path, read_only=True) as office, office.session() as session:
        assert session.scalars(select(Agreement.date_ended)).one() == date(2024, 3, 31)
    assert check(path).problems == []
