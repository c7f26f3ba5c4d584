"""“Only approved figures”: a municipality's figure asked for in a collection round counts
in the indicators once the state office approved it, and the yearly report says so."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

from round_helpers import ROUND, enter_figures, make_state

from intl_desk.cli import main
from intl_desk.core import rounds
from intl_desk.core.evaluation.engine import Evaluation
from intl_desk.store.office_file import OfficeFile

TODAY = date(2027, 2, 10)


def _figures(path: Path, approved_only: bool) -> dict[str | None, float | None]:
    with OfficeFile.open(path, read_only=True) as office, office.session() as session:
        evaluation = Evaluation(session, TODAY, approved_only=approved_only)
        (indicator,) = [i for i in evaluation.indicators if i.name == "Acordos ativos"]
        period = evaluation.period_for_year(2026)
        assert period is not None
        names = dict(session.execute(_names()).tuples().all())
        judged = evaluation.assess(indicator, period)  # the municipalities' values alone
        measured = evaluation.measurements(indicator).get(period.id, {})
        figures = {names.get(entity): value.value for entity, value in measured.items()}
        assert sum(count for _status, count in judged.entity_statuses) == len(figures)
        assert judged.value == min(figures.values(), default=None)  # the lower of one or two
        return figures


def _names():  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from intl_desk.core.model import LocalEntity

    return select(LocalEntity.id, LocalEntity.name)


def test_only_approved_figures_count_when_asked(tmp_path: Path) -> None:
    path = make_state(tmp_path / "minas.sqlite")
    figures = {"Acordos ativos": 3.0, "Estudantes em intercâmbio": 40.0}
    enter_figures(path, "Barbacena", figures)
    enter_figures(path, "São João del-Rei", {**figures, "Acordos ativos": 7.0})
    with OfficeFile.open(path) as office, office.session() as session:
        round_id = rounds.find_round(session, ROUND)
        for entity in ("Barbacena", "São João del-Rei"):
            rounds.submit(session, rounds.submission_for(session, round_id, entity).id)
        rounds.approve(session, rounds.submission_for(session, round_id, "Barbacena").id)
        session.commit()
    assert _figures(path, approved_only=False) == {"Barbacena": 3.0, "São João del-Rei": 7.0}
    assert _figures(path, approved_only=True) == {"Barbacena": 3.0}

    pdf = tmp_path / "yearly.pdf"
    assert main(["report", "yearly", str(path), "--year", "2026", "--approved-only",
                 "-o", str(pdf)]) == 0  # fmt: skip
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Figures asked for in a collection round count only once approved." in text
