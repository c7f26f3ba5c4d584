"""Revision 0007 on a file that version 6 left: the file gains the (empty) place where a
clone keeps its link to an office server and what the server already has; records stay."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import select
from store_helpers import V0006

from intl_desk.core.model import Partner, SentChange, ServerLink
from intl_desk.store.office_file import SCHEMA_VERSION, OfficeFile, check


def test_a_v0006_file_upgrades_to_one_that_can_be_linked_to_a_server(tmp_path: Path) -> None:
    path = tmp_path / "office_v0006.sqlite"
    shutil.copyfile(V0006, path)
    with OfficeFile.open(path) as office, office.session() as session:
        assert office.schema_version == SCHEMA_VERSION
        assert session.scalars(select(Partner)).one().name == "Leipzig"
        assert session.scalars(select(ServerLink)).all() == []
        assert session.scalars(select(SentChange)).all() == []
    assert check(path).problems == []
