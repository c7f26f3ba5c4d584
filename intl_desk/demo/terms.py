"""The city demo's terms of office: three mayors, their plans, the commitments the
2020–2026 team left to the next one, and the new plan carrying the old lines and two
indicators on (so a series runs across the change of plan).

Written after everything else, reading back the plan the strategy step wrote.
"""

from __future__ import annotations

from datetime import date

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
from intl_desk.demo.names import person

#: (start, end, plan title) of the last three terms; the first day of each after the
#: March elections, the plan adopted the following winter
TERMS_FR = (
    (date(2014, 4, 4), date(2020, 7, 3), "Plan de mandat 2014-2020 : Lyon, métropole européenne"),
    (date(2020, 7, 4), date(2026, 3, 27), "Plan de mandat 2020-2026 : une ville ouverte et"
     " solidaire"),
    (date(2026, 3, 28), None, "Plan de mandat 2026-2032 : Lyon, ville monde en transition"),
)  # fmt: skip
COMMITMENTS_FR = {
    date(2014, 4, 4): "Conduire à son terme le programme de coopération avec Porto-Novo\n"
    "Renouveler le jumelage avec Francfort avant son cinquantenaire",
    date(2020, 7, 4): "Renouveler avant son échéance l'accord de coopération décentralisée"
    " avec Ouagadougou et en tenir les objectifs chiffrés\n"
    "Honorer les cotisations 2026-2027 aux réseaux Eurocities et CGLU et y garder la"
    " vice-présidence de la commission culture\n"
    "Rendre au bailleur européen les rapports du projet de mobilité urbaine à leur date\n"
    "Garder une rencontre annuelle avec chaque ville jumelle, même sans projet en cours\n"
    "Tenir l'évaluation annuelle des missions : résultats attendus écrits avant chaque"
    " départ, suivis à 3, 6 et 12 mois",
}
#: the new plan's lines, each carrying on a line of the plan before (by its code)
NEW_LINES_FR = (
    ("B1", "Une ville monde, attractive et accueillante", "A1"),
    ("B2", "Coopérer pour les transitions, ici et chez nos partenaires", "A2"),
    ("B3", "Le climat au cœur des partenariats", "A3"),
    ("B4", "Peser en Europe et dans les réseaux", "A4"),
)
#: how many of the old plan's measured indicators the new plan carries on under new names
CARRIED_INDICATORS = 2


def write_terms(demo: Demo, session: Session) -> None:
    rng = demo.rng
    term_ids: list[str] = []
    for start, end, plan in TERMS_FR:
        if start > demo.today:
            break
        adopted = date(start.year, 11, 20)
        leader, _female = demo.person(
            f"{demo.government.id if demo.government else ''}/0",
            demo.term(start.year),
            lambda: person(rng, "FR", 0.45),
        )
        term_ids.append(
            demo.add(
                PoliticalTerm,
                leader=leader,
                leader_title="Maire de Lyon",
                start_date=start,
                end_date=end if end is None or end <= demo.today else None,
                plan_title=plan,
                plan_adopted_on=adopted if adopted <= demo.today else None,
                commitments=COMMITMENTS_FR.get(start),
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
        line.term_id = term_ids[1]  # the lines the demo writes are the 2020–2026 plan's
    new_objectives: list[str] = []
    for code, title, carries in NEW_LINES_FR:
        old = old_lines.get(carries)
        line_id = demo.add(StrategicLine, code=code, title=title, term_id=term_ids[2],
                           continues_id=old.id if old else None)  # fmt: skip
        new_objectives.append(
            demo.add(StrategicObjective, line_id=line_id, title=title, year=demo.today.year)
        )
    _carry_indicators(demo, session, new_objectives)
    demo.flush()


def _carry_indicators(demo: Demo, session: Session, objectives: list[str]) -> None:
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
            name=f"{old.name} (plan 2026-2032)",
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
