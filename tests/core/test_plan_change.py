"""A change of plan: the new plan's lines carry the old ones on, and an indicator carried on
keeps its series continuous in the yearly report (earlier years from the old indicator)."""

from __future__ import annotations

from datetime import date

import pytest

from intl_desk.core.errors import ValidationError
from intl_desk.core.evaluation.engine import Evaluation
from intl_desk.core.evaluation.yearly import compute_yearly
from intl_desk.core.model import (
    Indicator,
    IndicatorTarget,
    Measurement,
    Period,
    PoliticalTerm,
    StrategicLine,
    StrategicObjective,
)
from intl_desk.store.office_file import OfficeFile


def test_an_indicator_carried_on_keeps_its_series(office: OfficeFile) -> None:
    with office.session() as session:
        periods = {
            year: Period(label=str(year), start_date=date(year, 1, 1), end_date=date(year, 12, 31))
            for year in (2022, 2023, 2024, 2025)
        }
        old_term = PoliticalTerm(leader="Ana", start_date=date(2020, 7, 4),
                                 end_date=date(2024, 3, 1))  # fmt: skip
        new_term = PoliticalTerm(leader="Rui", start_date=date(2024, 3, 2))
        old_line = StrategicLine(code="A1", title="Ville ouverte", term=old_term)
        new_line = StrategicLine(code="B1", title="Ville monde", term=new_term, continues=old_line)
        old_objective = StrategicObjective(title="Accueillir des étudiants")
        new_objective = StrategicObjective(title="Accueillir plus d'étudiants")
        old_line.objectives.append(old_objective)
        new_line.objectives.append(new_objective)
        old = Indicator(code="T1", name="Étudiants accueillis", dimension="territorial",
                        baseline_value=80, baseline_year=2021, objective=old_objective)  # fmt: skip
        new = Indicator(code="T1b", name="Étudiants et chercheurs accueillis",
                        dimension="territorial", objective=new_objective,
                        continues=old)  # fmt: skip
        for year, value in ((2022, 100), (2023, 120), (2024, 130), (2025, 140)):
            old.targets.append(IndicatorTarget(period=periods[year], value=value + 5))
            session.add(Measurement(indicator=old, period=periods[year], value=value))
        # the new plan measures 2025 itself: its own value wins over the old indicator's
        session.add(Measurement(indicator=new, period=periods[2025], value=150))
        new.targets.append(IndicatorTarget(period=periods[2025], value=160))
        session.add_all([old_line, new_line, old, new])
        session.commit()

        report = compute_yearly(session, 2025, today=date(2026, 2, 1))
        # the overview reads a period at a time: the same values through the lineage
        by_period = Evaluation(session, date(2026, 2, 1), period_at_a_time=True)
        carried = next(i for i in by_period.indicators if i.code == "T1b")
        values = {
            year: by_period.assess(carried, by_period.period_for_year(year)).value  # type: ignore[arg-type]
            for year in (2024, 2025)
        }
        assert values == {2024: 130, 2025: 150}

    lines = [line for section in report.dimensions for line in section.indicators]
    names = [line.indicator.name for line in lines]
    assert names == ["Étudiants et chercheurs accueillis"]  # the old one is not told twice
    (line,) = lines
    assert [(p.label, p.value, p.target) for p in line.trend] == [
        ("2022", 100, 105), ("2023", 120, 125), ("2024", 130, 135), ("2025", 150, 160),
    ]  # fmt: skip
    assert line.assessment.value == 150
    assert line.indicator.baseline_value == 80  # from the plan before, which set it
    by_line = {section.label: [i.indicator.name for i in section.indicators]
               for section in report.strategic_lines}  # fmt: skip
    assert by_line == {"B1 — Ville monde": ["Étudiants et chercheurs accueillis"]}


def test_the_year_before_the_change_reads_the_same_values(office: OfficeFile) -> None:
    """A report of a year of the old plan, made after the change, shows the old values
    under the indicator that carries them on — the same figures as before the change."""
    with office.session() as session:
        period = Period(label="2023", start_date=date(2023, 1, 1), end_date=date(2023, 12, 31))
        old = Indicator(name="Visiteurs", dimension="territorial")
        session.add_all([old, Measurement(indicator=old, period=period, value=42000)])
        session.commit()
        before = compute_yearly(session, 2023, today=date(2024, 1, 15))
        session.add(Indicator(name="Visiteurs internationaux", dimension="territorial",
                              continues=old))  # fmt: skip
        session.commit()
        after = compute_yearly(session, 2023, today=date(2024, 1, 15))
    (was,) = [line for section in before.dimensions for line in section.indicators]
    (now,) = [line for section in after.dimensions for line in section.indicators]
    assert (was.indicator.name, was.assessment.value) == ("Visiteurs", 42000)
    assert (now.indicator.name, now.assessment.value) == ("Visiteurs internationaux", 42000)


def test_an_indicator_cannot_carry_itself_on_and_a_loop_hides_nothing(office: OfficeFile) -> None:
    with office.session() as session:
        first = Indicator(name="Visiteurs", dimension="territorial")
        second = Indicator(name="Visiteurs internationaux", dimension="territorial")
        session.add_all([first, second])
        session.commit()
        first.continues_id = first.id
        with pytest.raises(ValidationError, match="An indicator cannot carry itself on"):
            session.commit()
        session.rollback()
        first.continues_id, second.continues_id = second.id, first.id  # a loop, by mistake
        session.commit()
        evaluation = Evaluation(session, date(2026, 1, 1))
    assert [(i.name, i.predecessors) for i in evaluation.indicators] == [
        ("Visiteurs", ()), ("Visiteurs internationaux", ())]  # fmt: skip
