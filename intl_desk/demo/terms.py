"""A demo's terms of office: the last three mayors (city) or governors (state), their
plans, the commitments each outgoing team left to the next one, and the new plan carrying
the old lines and two indicators on (so a series runs across the change of plan).

Written after everything else, reading back the plan the strategy step wrote, so the
records generated before keep the same random draws. The words are the office's language's
(:func:`intl_desk.demo.value_texts.value_texts_for`).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from intl_desk.core.model import (
    Indicator,
    IndicatorTarget,
    Period,
    PoliticalTerm,
    StrategicLine,
    StrategicObjective,
)
from intl_desk.demo.common import Demo
from intl_desk.demo.names import gendered, person
from intl_desk.demo.value_texts import value_texts_for

#: how many of the old plan's measured indicators the new plan carries on under new names
CARRIED_INDICATORS = 2


def write_terms(demo: Demo, session: Session) -> None:
    rng, words = demo.rng, value_texts_for(demo.texts.language)
    term_ids: list[str] = []
    for term in words.terms:
        if term.start > demo.today:
            break
        # the person who signs the government's agreements in those years
        leader, female = demo.person(
            f"{demo.government.id if demo.government else ''}/0",
            demo.term(term.start.year),
            lambda: person(rng, demo.country_code, 0.45),
        )
        end, adopted = term.end, term.plan_adopted_on
        term_ids.append(
            demo.add(
                PoliticalTerm,
                leader=leader,
                leader_title=gendered(words.leader_title, female),
                start_date=term.start,
                end_date=end if end is None or end <= demo.today else None,
                plan_title=term.plan_title,
                plan_adopted_on=adopted if adopted <= demo.today else None,
                commitments=words.commitments.get(term.start),
            )
        )
    demo.flush()
    old_lines = {
        line.code: line
        for line in session.scalars(select(StrategicLine).where(StrategicLine.term_id.is_(None)))
    }
    if len(term_ids) < 3:
        return
    for line in old_lines.values():
        line.term_id = term_ids[1]  # the lines the demo writes are the middle term's plan
    new_objectives: list[str] = []
    for code, title, carries in words.new_lines:
        old = old_lines.get(carries)
        line_id = demo.add(StrategicLine, code=code, title=title, term_id=term_ids[2],
                           continues_id=old.id if old else None)  # fmt: skip
        new_objectives.append(
            demo.add(StrategicObjective, line_id=line_id, title=title, year=demo.today.year)
        )
    _carry_indicators(demo, session, new_objectives, words.carried_indicator_suffix)
    demo.flush()


def _carry_indicators(demo: Demo, session: Session, objectives: list[str], suffix: str) -> None:
    """Two measured indicators start again under the new plan, their series going on."""
    carried = session.scalars(
        select(Indicator)
        .where(Indicator.formula.is_(None), Indicator.measure == "quantitative")
        .order_by(Indicator.code)
        .limit(CARRIED_INDICATORS)
    ).all()
    current = session.scalar(select(Period).where(Period.label == str(demo.today.year)))
    for index, old in enumerate(carried):
        new_id = demo.add(
            Indicator,
            code=f"{old.code or 'I'}-26",
            name=f"{old.name}{suffix}",
            description=old.description,
            dimension=old.dimension,
            measure=old.measure,
            unit=old.unit,
            direction=old.direction,
            cumulative=old.cumulative,
            objective_id=objectives[index % len(objectives)],
            source=old.source,
            continues_id=old.id,
        )
        if current is not None:
            target = session.scalar(
                select(IndicatorTarget.value).where(
                    IndicatorTarget.indicator_id == old.id,
                    IndicatorTarget.period_id == current.id,
                )
            )
            if target is not None:
                demo.add(IndicatorTarget, indicator_id=new_id, period_id=current.id,
                         value=round(target * 1.1, 1))  # fmt: skip
