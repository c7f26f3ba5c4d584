"""A collection round without a server: the round travels in the extracted file, the
municipality answers in it, and merging it back marks the answer; the office's approval
or return travels back the same way."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from round_helpers import DEADLINE, ROUND, enter_figures, make_state, round_id

from intl_desk.core import rounds
from intl_desk.core.rounds import RoundError
from intl_desk.store.extract import extract
from intl_desk.store.merge import merge_files
from intl_desk.store.office_file import OfficeFile

LATE = date(2027, 2, 3)


def _view(path: Path, today: date = LATE) -> rounds.RoundView:
    with OfficeFile.open(path, read_only=True) as office, office.session() as session:
        return rounds.round_view(session, round_id(path), today)


def _step(path: Path, entity: str, step: str, comment: str = "") -> None:
    with OfficeFile.open(path) as office, office.session() as session:
        submission = rounds.submission_for(session, round_id(path), entity)
        if step == "submit":
            rounds.submit(session, submission.id)
        elif step == "approve":
            rounds.approve(session, submission.id)
        else:
            rounds.return_submission(session, submission.id, comment)
        session.commit()


def _send_back(state: Path, town: Path, name: str) -> None:
    """The office answers with a fresh extract for the town, merged into the town's file."""
    reply = town.with_name(f"reply-{name}.sqlite")
    extract(state, reply, entity="São João del-Rei")
    merge_files(town, reply)


def test_a_round_from_opening_to_approval_across_two_files(tmp_path: Path) -> None:
    state = make_state(tmp_path / "minas.sqlite")
    town = extract(state, tmp_path / "sjdr.sqlite", entity="São João del-Rei").path

    # the municipality's file holds the round and its own submission only
    with OfficeFile.open(town, read_only=True) as office, office.session() as session:
        due = rounds.submissions_due(session, date(2027, 1, 20))
    assert [(d.title, d.entity, d.filled, d.asked, d.days_left) for d in due] == [
        (ROUND, "São João del-Rei", 0, 2, 11)
    ]
    enter_figures(town, "São João del-Rei", {"Acordos ativos": 14})
    with pytest.raises(RoundError, match="missing: Estudantes em intercâmbio"):
        _step(town, "São João del-Rei", "submit")
    enter_figures(town, "São João del-Rei", {"Estudantes em intercâmbio": 0})
    _step(town, "São João del-Rei", "submit")

    merge_files(state, town)  # the e-mail comes back
    view = _view(state)
    assert [(row.entity, row.status, row.filled, row.late) for row in view.rows] == [
        ("Barbacena", "due", 0, True),
        ("São João del-Rei", "submitted", 2, False),
    ]
    reminder = rounds.reminder_text(view, "pt")
    assert "Barbacena: 0 de 2 números informados" in reminder and "São João" not in reminder
    assert "31 de jan. de 2027" in reminder

    _step(state, "São João del-Rei", "return", "Falta o número de estudantes")
    _send_back(state, town, "returned")
    with OfficeFile.open(town, read_only=True) as office, office.session() as session:
        (returned,) = rounds.submissions_due(session, LATE)
    assert (returned.status, returned.comment) == ("returned", "Falta o número de estudantes")

    _step(town, "São João del-Rei", "submit")
    merge_files(state, town)
    _step(state, "São João del-Rei", "approve")
    assert [row.status for row in _view(state).rows] == ["due", "approved"]
    _send_back(state, town, "approved")
    with OfficeFile.open(town, read_only=True) as office, office.session() as session:
        assert rounds.submissions_due(session, LATE) == []
    assert _view(town).rows[0].status == "approved"
    assert DEADLINE < LATE


def test_steps_out_of_order_are_refused_with_the_reason(tmp_path: Path) -> None:
    state = make_state(tmp_path / "minas.sqlite")
    with pytest.raises(RoundError, match="Only submitted figures can be approved"):
        _step(state, "Barbacena", "approve")
    enter_figures(state, "Barbacena", {"Acordos ativos": 3, "Estudantes em intercâmbio": 4})
    _step(state, "Barbacena", "submit")
    with pytest.raises(RoundError, match="Say what to correct"):
        _step(state, "Barbacena", "return", "  ")
    with pytest.raises(RoundError, match="not asked"):
        _step(state, "Tiradentes", "submit")
    assert [row.status for row in _view(state).rows] == ["submitted", "due"]
