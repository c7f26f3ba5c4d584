"""Revision 0010 on a file that version 9 left: missions keep their expected results,
follow-ups and transport mode; terms of office are records and plans carry lines and
indicators on; what was there stays."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from sqlalchemy import select
from store_helpers import V0009

from intl_desk.core.model import (
    Activity,
    Agreement,
    ExpectedResult,
    FollowUp,
    Indicator,
    PoliticalTerm,
    StrategicLine,
)
from intl_desk.store.office_file import SCHEMA_VERSION, OfficeFile, check


def test_a_v0009_file_gains_mission_value_and_terms(tmp_path: Path) -> None:
    path = tmp_path / "office_v0009.sqlite"
    shutil.copyfile(V0009, path)
    with OfficeFile.open(path) as office, office.session() as session:
        assert office.schema_version == SCHEMA_VERSION
        assert session.scalars(select(Agreement.title)).one() == "Twinning Lyon–Leipzig"
        term = PoliticalTerm(leader="Grégory Doucet", start_date=date(2020, 7, 4))
        old_line = StrategicLine(title="Lyon ouverte sur le monde", term=term)
        session.add_all([term, old_line])
        session.flush()
        session.add(StrategicLine(title="Lyon solidaire", continues_id=old_line.id))
        old = Indicator(name="Étudiants accueillis", dimension="territorial")
        session.add(old)
        session.flush()
        session.add(Indicator(name="Étudiants accueillis (2026)", dimension="territorial",
                              continues_id=old.id))  # fmt: skip
        mission = Activity(
            kind="mission", title="Mission à Leipzig", transport_mode="high_speed_train"
        )
        mission.expected_results.append(ExpectedResult(expected="Deux échanges d'étudiants"))
        mission.follow_ups.append(FollowUp(months=3, done_on=date(2026, 6, 1)))
        session.add(mission)
        session.commit()
    with OfficeFile.open(path, read_only=True) as office, office.session() as session:
        stored = session.scalars(select(Activity).where(Activity.kind == "mission")).one()
        assert stored.transport_mode == "high_speed_train"
        assert [r.expected for r in stored.expected_results] == ["Deux échanges d'étudiants"]
        assert [(f.months, f.done_on) for f in stored.follow_ups] == [(3, date(2026, 6, 1))]
        new_line = session.scalars(
            select(StrategicLine).where(StrategicLine.title == "Lyon solidaire")
        ).one()
        assert new_line.continues is not None
        assert new_line.continues.term is not None
        assert new_line.continues.term.leader == "Grégory Doucet"
        assert (
            session.scalars(select(Indicator.name).where(Indicator.continues_id.is_not(None))).one()
            == "Étudiants accueillis (2026)"
        )
    assert check(path).problems == []
