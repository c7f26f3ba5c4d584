"""A collection round through a real office server: the state office opens it on its
desktop, a municipality's officer (an account scoped to the municipality) sees it after a
sync, answers and submits; the state office approves; each side learns by syncing."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from live_server import (
    PASSWORD,
    LiveServer,
    add_account,
    administrator_session,
    fresh_server_database,
    live_server,
)
from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from intl_desk.cli import main
from intl_desk.core import round_changes, rounds
from intl_desk.core.model import Indicator, LocalEntity, Measurement, Period
from intl_desk.store.office_file import OfficeFile

TODAY = date(2027, 1, 10)


@pytest.fixture(scope="module")
def server_db() -> Iterator[Engine]:
    engine = fresh_server_database()
    with administrator_session(engine) as session:
        state = LocalEntity(name="Estado de Minas Gerais", kind="government")
        session.add_all([
            state,
            LocalEntity(name="Araponga", kind="municipality", parent=state),
            LocalEntity(name="Nazareno", kind="municipality", parent=state),
            Period(label="2026", start_date=date(2026, 1, 1), end_date=date(2026, 12, 31)),
            Indicator(name="Estudantes em intercâmbio", dimension="territorial",
                      per_local_entity=True),
        ])  # fmt: skip
        session.commit()
    add_account(engine, "carla", "editor", scope="Araponga")
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def server(server_db: Engine) -> Iterator[LiveServer]:
    with live_server(server_db) as running:
        yield running


@pytest.fixture(autouse=True)
def _password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTL_DESK_PASSWORD", PASSWORD)


def _clone(server: LiveServer, folder: Path, account: str) -> Path:
    target = folder / f"{account}.sqlite"
    assert main(["clone", server.address, "-o", str(target), "--user", account]) == 0
    return target


def _sync(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["sync", str(path)])
    return code, capsys.readouterr().out


def _edit(path: Path, change: Callable[[Session], None]) -> None:
    with OfficeFile.open(path) as office, office.session() as session:
        change(session)
        session.commit()


def _entity(session: Session, name: str) -> str:
    return session.scalars(select(LocalEntity.id).where(LocalEntity.name == name)).one()


def _view(path: Path) -> rounds.RoundView:
    with OfficeFile.open(path, read_only=True) as office, office.session() as session:
        return rounds.round_view(session, rounds.find_round(session, "Números de 2026"), TODAY)


def _step(path: Path, step: Callable[[Session, str], None], entity: str = "Araponga") -> None:
    def change(session: Session) -> None:
        round_id = rounds.find_round(session, "Números de 2026")
        step(session, rounds.submission_for(session, round_id, entity).id)

    _edit(path, change)


def test_a_round_from_opening_to_approval_across_two_clients(
    server: LiveServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    state, town = _clone(server, tmp_path, "ana"), _clone(server, tmp_path, "carla")

    def open_it(session: Session) -> None:
        rounds.open_round(
            session, title="Números de 2026",
            period_id=session.scalars(select(Period.id)).one(), deadline=date(2027, 1, 31),
            indicator_ids=list(session.scalars(select(Indicator.id))),
            entity_ids=[_entity(session, "Araponga"), _entity(session, "Nazareno")],
        )  # fmt: skip

    _edit(state, open_it)
    assert _sync(state, capsys)[0] == 0
    assert _sync(town, capsys)[0] == 0
    with OfficeFile.open(town, read_only=True) as office, office.session() as session:
        due = rounds.submissions_due(session, TODAY)
    assert [(d.title, d.entity, d.days_left) for d in due] == [("Números de 2026", "Araponga", 21)]

    def answer(session: Session) -> None:
        session.add(
            Measurement(
                indicator_id=session.scalars(select(Indicator.id)).one(),
                period_id=session.scalars(select(Period.id)).one(),
                local_entity_id=_entity(session, "Araponga"), value=12,
            )
        )  # fmt: skip

    _edit(town, answer)
    _step(town, lambda session, submission: rounds.submit(session, submission))
    assert _sync(town, capsys)[0] == 0

    assert _sync(state, capsys)[0] == 0
    view = _view(state)
    assert [(row.entity, row.status, row.filled) for row in view.rows] == [
        ("Araponga", "submitted", 1),
        ("Nazareno", "due", 0),
    ]
    _step(state, lambda session, submission: rounds.approve(session, submission))
    assert _sync(state, capsys)[0] == 0
    assert _sync(town, capsys)[0] == 0
    assert [(row.entity, row.status) for row in _view(town).rows] == [("Araponga", "approved")]

    # the municipality cannot approve its own figures, even by editing its file
    _step(state, lambda session, submission: rounds.return_submission(session, submission, "?"))
    assert _sync(state, capsys)[0] == 0
    assert _sync(town, capsys)[0] == 0

    def approve_own(session: Session) -> None:
        round_id = rounds.find_round(session, "Números de 2026")
        rounds.submission_for(session, round_id, "Araponga").status = "approved"

    _edit(town, approve_own)
    code, said = _sync(town, capsys)
    assert code == 1
    assert "The figures of Araponga: only an account for the whole office approves" in said
    assert _sync(state, capsys)[0] == 0
    assert [row.status for row in _view(state).rows] == ["returned", "due"]

    # closed by the office before the municipality's corrected answer arrived: refused
    def answer_again(session: Session) -> None:
        round_id = rounds.find_round(session, "Números de 2026")
        rounds.submission_for(session, round_id, "Araponga").status = "submitted"

    _edit(town, answer_again)
    _edit(state, lambda session: round_changes.close_round(
        session, rounds.find_round(session, "Números de 2026")))  # fmt: skip
    assert _sync(state, capsys)[0] == 0
    code, said = _sync(town, capsys)
    assert code == 1
    assert "The round “Números de 2026” is closed: it takes no new answers." in said
    assert _sync(state, capsys)[0] == 0
    assert [row.status for row in _view(state).rows] == ["returned", "due"]
    assert _view(town).closed  # and the municipality's file now knows
