"""Revision 0014 on a file that version 13 left: its activity and network dates stay
whole dates, and can then be kept as an office knows them ("2011", "March 2004")."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session
from store_helpers import V0013

from intl_desk.core.display import date_text
from intl_desk.core.i18n import set_language
from intl_desk.core.listing import LISTS, ListQuery, first_page
from intl_desk.core.model import Activity, Membership, Network, Participation
from intl_desk.core.model.base import search_key_for
from intl_desk.store.office_file import SCHEMA_VERSION, OfficeFile, check

STAMPS = "'2026-01-01 00:00:00', '2026-01-01 00:00:00'"


def _version_13_rows(path: Path) -> None:
    raw = sqlite3.connect(path)
    with raw:
        raw.execute(
            "INSERT INTO activity (id, kind, status, title, currency, start_date, end_date, "
            "search_key, created_at, updated_at) VALUES ('a1', 'mission', 'done', "
            f"'Mission à Huế', 'EUR', '2011-03-14', '2011-03-18', ?, {STAMPS})",
            (search_key_for(Activity, {"title": "Mission à Huế"}),),
        )
        raw.execute(
            "INSERT INTO network (id, name, scope, search_key, created_at, updated_at) "
            f"VALUES ('n1', 'Cités Unies France', 'national', ?, {STAMPS})",
            (search_key_for(Network, {"name": "Cités Unies France"}),),
        )
        raw.execute(
            "INSERT INTO membership (id, network_id, role, currency, since, created_at, "
            f"updated_at) VALUES ('m1', 'n1', 'member', 'EUR', '2004-03-01', {STAMPS})"
        )
        raw.execute(
            "INSERT INTO participation (id, membership_id, kind, title, start_date, "
            f"created_at, updated_at) VALUES ('p1', 'm1', 'event', 'Congrès', '2015-06-02', "
            f"{STAMPS})"
        )
    raw.close()


def _activities_list(session: Session) -> list[tuple[str, str]]:
    """Titles and start dates as the activities list shows them."""
    rows = first_page(session, LISTS["activities"], ListQuery(), 10)
    columns = [column.key for column in LISTS["activities"].columns]
    title, start = columns.index("title") + 1, columns.index("start") + 1
    return [(row[title], date_text(row[start])) for row in rows]


def test_a_v0013_files_activity_and_network_dates_stay_whole_then_keep_a_year(
    tmp_path: Path,
) -> None:
    path = tmp_path / "office_v0013.sqlite"
    shutil.copyfile(V0013, path)
    _version_13_rows(path)
    set_language("en")
    with OfficeFile.open(path) as office, office.session() as session:
        assert office.schema_version == SCHEMA_VERSION
        activity = session.get(Activity, "a1")
        membership = session.get(Membership, "m1")
        participation = session.get(Participation, "p1")
        assert activity is not None and membership is not None and participation is not None
        assert (activity.start_date_precision, activity.end_date_precision) == ("day", "day")
        assert (membership.since_precision, membership.until_precision) == ("day", "day")
        assert participation.start_date_precision == "day"
        assert _activities_list(session) == [("Mission à Huế", "14 Mar 2011")]
        # the office learns it only knew the year
        activity.start_date, activity.start_date_precision = date(2011, 1, 1), "year"
        membership.since_precision = "month"
        session.commit()
        assert _activities_list(session) == [("Mission à Huế", "2011")]
    with OfficeFile.open(path, read_only=True) as office, office.session() as session:
        membership = session.get(Membership, "m1")
        assert membership is not None
        assert (membership.since, membership.since_precision) == (date(2004, 3, 1), "month")
    assert check(path).problems == []
