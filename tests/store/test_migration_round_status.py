"""Revision 0012 on a file that version 11 left: its rounds stay open and can be closed;
its server link keeps room for the account's role and scope."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from sqlalchemy import select
from store_helpers import V0011

from intl_desk.core.model import CollectionRound, ServerLink
from intl_desk.store.office_file import SCHEMA_VERSION, OfficeFile, check


def test_a_v0011_files_rounds_stay_open_and_can_be_closed(tmp_path: Path) -> None:
    path = tmp_path / "office_v0011.sqlite"
    shutil.copyfile(V0011, path)
    raw = sqlite3.connect(path)  # a round and a link as version 11 wrote them
    with raw:
        raw.execute(
            "INSERT INTO period (id, label, start_date, end_date, closed, created_at, "
            "updated_at) VALUES ('p1', '2025', '2025-01-01', '2025-12-31', 0, "
            "'2026-01-01 00:00:00', '2026-01-01 00:00:00')"
        )
        raw.execute(
            "INSERT INTO collection_round (id, title, period_id, deadline, created_at, "
            "updated_at) VALUES ('r1', 'Figures 2025', 'p1', '2026-03-31', "
            "'2026-01-01 00:00:00', '2026-01-01 00:00:00')"
        )
        raw.execute(
            "INSERT INTO server_link (id, server_url, account, client_id, cursor) "
            "VALUES (1, 'https://minas.example', 'joao', 'c1', 7)"
        )
    raw.close()

    with OfficeFile.open(path) as office, office.session() as session:
        assert office.schema_version == SCHEMA_VERSION
        round_ = session.get(CollectionRound, "r1")
        assert round_ is not None and round_.status == "open"
        round_.status = "closed"
        session.commit()
        link = session.scalars(select(ServerLink)).one()
        assert (link.cursor, link.role, link.scope_entity_id) == (7, None, None)
    with OfficeFile.open(path, read_only=True) as office, office.session() as session:
        assert session.scalars(select(CollectionRound.status)).one() == "closed"
    assert check(path).problems == []
