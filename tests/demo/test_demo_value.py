"""The state demo's terms of office and missions' value: Portuguese words, figures that
agree with the rest of the file, and written last so the records before keep their draws.

Built with ``_size_factor`` (every municipality, a hundredth of everything else), as in
tests/demo/test_demo.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from intl_desk.core.carbon import great_circle_km
from intl_desk.core.mission_value import follow_ups_due
from intl_desk.core.model import (
    Activity,
    Agreement,
    AgreementParty,
    AgreementSignatory,
    ExpectedResult,
    FollowUp,
    Indicator,
    LocalEntity,
    Partner,
    PoliticalTerm,
    StrategicLine,
)
from intl_desk.demo import populate_demo
from intl_desk.store.office_file import OfficeFile

TODAY = date(2025, 6, 15)


def _build(path: Path) -> Path:
    with OfficeFile.create(path, "Demo office") as office, office.session() as session:
        populate_demo(session, scale="state", today=TODAY, _size_factor=0.01)
        session.commit()
    return path


@pytest.fixture(scope="module")
def state(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("state") / "state.sqlite")


@pytest.fixture
def s(state: Path) -> Iterator[Session]:
    with OfficeFile.open(state, read_only=True) as office, office.session() as session:
        yield session


def test_the_state_has_three_governors_terms_in_portuguese(s: Session) -> None:
    terms = s.scalars(select(PoliticalTerm).order_by(PoliticalTerm.start_date)).all()
    assert [(t.start_date, t.end_date) for t in terms] == [
        (date(2017, 1, 1), date(2020, 12, 31)),
        (date(2021, 1, 1), date(2024, 12, 31)),
        (date(2025, 1, 1), None),  # the term under way
    ]
    assert all(t.leader_title and t.leader_title.startswith("Governad") for t in terms)
    assert terms[1].plan_title == "Plano de governo 2021-2024: Minas no mundo, municípios em rede"
    assert terms[1].commitments and "acompanhamento aos 3, 6 e 12 meses" in terms[1].commitments
    # the governor of 2021-2024 is the one who signed the state's agreements of those years
    government = s.scalar(select(LocalEntity.id).where(LocalEntity.kind == "government"))
    signatories = set(
        s.scalars(
            select(AgreementSignatory.name)
            .join(Agreement, Agreement.id == AgreementSignatory.agreement_id)
            .join(AgreementParty, AgreementParty.agreement_id == Agreement.id)
            .where(
                AgreementParty.local_entity_id == government,
                AgreementSignatory.position.like("Governad%"),
                Agreement.date_signed.between(date(2021, 1, 1), date(2024, 12, 31)),
            )
        )
    )
    assert signatories == {terms[1].leader}


def test_the_new_plan_carries_each_line_and_two_indicators_on(s: Session) -> None:
    terms = {t.start_date.year: t.id for t in s.scalars(select(PoliticalTerm))}
    lines = {line.code or "": line for line in s.scalars(select(StrategicLine))}
    assert sorted(lines) == ["E1", "E2", "E3", "E4", "M1", "M2", "M3", "M4"]
    for before, after in (("E1", "M1"), ("E2", "M2"), ("E3", "M3"), ("E4", "M4")):
        assert lines[before].term_id == terms[2021] and lines[after].term_id == terms[2025]
        assert lines[after].continues_id == lines[before].id
    carried = s.scalars(select(Indicator).where(Indicator.continues_id.is_not(None))).all()
    assert len(carried) == 2
    for indicator in carried:
        old = s.get(Indicator, indicator.continues_id)
        assert old is not None and indicator.name == f"{old.name} (plano 2025-2028)"


def test_missions_have_portuguese_expectations_follow_ups_and_a_mode(s: Session) -> None:
    results = s.scalars(select(ExpectedResult)).all()
    assert results
    assert all(r.expected[0] in "AIPORE" for r in results)  # the Portuguese pack's verbs
    assert any(r.obtained for r in results)
    made = s.scalars(select(FollowUp)).all()  # few at this size: maybe none yet
    assert all(f.months in (3, 6, 12) and f.done_on and f.done_on <= TODAY for f in made)
    assert follow_ups_due(s, TODAY), "Today asks for a mission follow-up"
    missions = s.scalars(select(Activity).where(Activity.kind == "mission")).all()
    for mission in missions:
        partner = s.get(Partner, mission.partner_id) if mission.partner_id else None
        entity = s.get(LocalEntity, mission.local_entity_id)
        if partner is None or entity is None or partner.latitude is None:
            assert mission.transport_mode is None
            continue
        km = great_circle_km(entity.latitude, entity.longitude,  # type: ignore[arg-type]
                             partner.latitude, partner.longitude)  # type: ignore[arg-type]  # fmt: skip
        assert mission.transport_mode == ("coach" if km <= 500 else "plane")


def test_the_other_records_keep_their_random_draws(
    state: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Written after every other step: a demo built without that step holds the same
    records, ids included."""
    import intl_desk.demo.state as state_demo

    monkeypatch.setattr(state_demo, "write_mission_value", lambda demo, session: None)
    monkeypatch.setattr(state_demo, "write_terms", lambda demo, session: None)
    without = _build(tmp_path / "without.sqlite")

    def rows(path: Path) -> list[object]:
        with OfficeFile.open(path, read_only=True) as office, office.session() as session:
            return [
                *session.execute(select(Agreement.id, Agreement.title).order_by(Agreement.id)),
                *session.execute(select(Activity.id, Activity.title).order_by(Activity.id)),
                *session.execute(select(Partner.id, Partner.name).order_by(Partner.id)),
            ]

    assert rows(without) == rows(state)
    with OfficeFile.open(without, read_only=True) as office, office.session() as session:
        assert session.scalar(select(PoliticalTerm.id)) is None
