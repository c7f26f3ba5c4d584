"""A demo's missions get their value: how they travelled, what they were expected
to bring (tied to the plan's objectives and indicators), what they brought, and the
follow-ups made at 3, 6 and 12 months — some still due, so Today shows them.

Written after everything else, reading back the missions the activities step wrote, so
the records generated before keep the same random draws. The words are the office's
language's (:func:`intl_desk.demo.value_texts.value_texts_for`).
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from intl_desk.core.carbon import great_circle_km
from intl_desk.core.mission_origin import origin
from intl_desk.core.mission_value import add_months, mission_end
from intl_desk.core.model import (
    Activity,
    ExpectedResult,
    FollowUp,
    Indicator,
    Partner,
    StrategicObjective,
)
from intl_desk.core.vocabularies import FOLLOW_UP_MONTHS
from intl_desk.demo.common import Demo
from intl_desk.demo.value_texts import value_texts_for

#: how long a follow-up fallen due is left to be made in the demo
OPEN_FOR = timedelta(days=120)


def _latest_due(end: date, months: int, today: date) -> bool:
    """Whether the follow-up at ``months`` is the last one fallen due by ``today``."""
    later = [m for m in FOLLOW_UP_MONTHS if m > months]
    return (
        not later
        or add_months(
            end,
            later[0],
        )
        > today
    )


def write_mission_value(demo: Demo, session: Session) -> None:
    rng, today, words = demo.rng, demo.today, value_texts_for(demo.texts.language)
    objectives = list(
        session.scalars(select(StrategicObjective.id).order_by(StrategicObjective.title))
    )
    indicators = list(
        session.scalars(
            select(Indicator.id).where(Indicator.formula.is_(None)).order_by(Indicator.name)
        )
    )
    missions = session.scalars(
        select(Activity)
        .where(Activity.kind == "mission", Activity.status != "cancelled")
        .order_by(Activity.start_date, Activity.id)
    ).all()
    recent = [m for m in missions if (mission_end(m) or today) >= today - timedelta(days=900)]
    for mission in missions:
        partner = session.get(Partner, mission.partner_id) if mission.partner_id else None
        start = origin(session, mission.local_entity_id)  # a department leaves from its city
        if (
            partner
            and start
            and None not in (partner.latitude, partner.longitude, start.latitude, start.longitude)
        ):
            km = great_circle_km(start.latitude, start.longitude,  # type: ignore[arg-type]
                                 partner.latitude, partner.longitude)  # type: ignore[arg-type]  # fmt: skip
            mission.transport_mode = words.near_mode if km <= words.near_km else "plane"
        if mission not in recent or rng.chance(0.25):
            continue  # older missions, and a quarter of the recent ones, set no expectations
        end = mission_end(mission) or today
        done = mission.status == "done"
        name = partner.name if partner else words.our_partners
        for position, (expected, obtained) in enumerate(rng.some(words.expected, 1, 3)):
            link = rng.random()
            demo.add(
                ExpectedResult,
                activity_id=mission.id,
                position=position,
                expected=expected.format(year=end.year + 1, partner=name),
                obtained=obtained.format(partner=name) if done and obtained else None,
                objective_id=rng.choice(objectives) if objectives and link < 0.5 else None,
                indicator_id=rng.choice(indicators) if indicators and link > 0.7 else None,
            )
        if not done:
            continue
        for months in FOLLOW_UP_MONTHS:
            due = add_months(end, months)
            if due > today:
                continue
            if rng.chance(0.7):
                done_on = min(today, due + timedelta(days=rng.randint(0, 20)))
            elif due < today - OPEN_FOR:  # forgotten, then made late: the office caught up
                done_on = due + timedelta(days=rng.randint(30, OPEN_FOR.days - 10))
            else:  # stays due: Today lists it
                continue
            notes = rng.choice(words.follow_up_notes).format(partner=name)
            if _latest_due(end, months, today) and due >= today - OPEN_FOR:
                # a follow-up fallen due in the last months stays to be made, so the
                # demo's Today always asks for one (a later one made would close it)
                rng.uuid()  # the draw its id would have taken: later records keep theirs
                continue
            demo.add(FollowUp, activity_id=mission.id, months=months, done_on=done_on,
                     notes=notes)  # fmt: skip
    demo.flush()
