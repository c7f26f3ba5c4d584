"""Missions abroad, delegations received, events hosted and meetings.

Each activity hangs on something the office already has (an agreement and its partner, the
project under it, a network), because that is how offices justify a trip: the justification
and the expected outcome are part of the record, not an afterthought.
"""

from __future__ import annotations

from datetime import date, timedelta

from intl_desk.core.model import Activity
from intl_desk.demo.common import AgreementRef, Demo, EntityRef

_KINDS = {"mission": 12.0, "delegation": 10.0, "event": 4.0, "meeting": 14.0}
_COSTS = {"mission": (1500, 24000), "delegation": (800, 12000), "event": (8000, 90000)}


def write_activities(
    demo: Demo, count: int, host: EntityRef, pool: list[AgreementRef] | None = None
) -> int:
    """``count`` activities over the last six years and the next six months.

    ``pool`` is the agreements activities may relate to (default: all of them); live
    agreements are favoured, as offices travel for what is running.
    """
    rng, texts, today = demo.rng, demo.texts, demo.today
    agreements = pool if pool is not None else demo.agreements
    live = [a for a in agreements if a.status in ("active", "negotiation")] or agreements
    projects_by_agreement = {p.agreement.id: p.id for p in demo.projects if p.agreement}
    networks = list(demo.networks.items())
    used: set[tuple[str, date]] = set()
    for _ in range(count):
        kind = rng.weighted(_KINDS)
        agreement = rng.choice(live) if live and (kind != "event" or rng.chance(0.3)) else None
        start = rng.day_between(today - timedelta(days=6 * 365), today + timedelta(days=180))
        if kind == "mission":
            days = rng.randint(2, 8)
        elif kind in ("delegation", "event"):
            days = rng.randint(1, 4)
        else:
            days = 0
        status = "planned" if start > today else ("cancelled" if rng.chance(0.05) else "done")
        partner = agreement.partner if agreement else None
        theme_code = rng.choice(agreement.themes) if agreement else "governance"
        theme = texts.theme_names[theme_code]
        # where delegations are received: the municipality that signed, else the host
        local = agreement is not None and agreement.entity.kind == "municipality"
        here = agreement.entity if agreement is not None and local else host
        place = partner.name if partner else here.short
        network_id = None
        if kind == "event" and networks and rng.chance(0.3):
            network_id = rng.choice(networks)[1]
        abroad = kind == "mission" or (
            kind == "meeting" and partner is not None and rng.chance(0.3)
        )
        members = rng.some(texts.delegation_members, 2, 4)
        cost_range = _COSTS.get(kind)
        done = status == "done"
        title = rng.choice(texts.activity_titles[kind]).format(place=place, theme=theme)
        # one title on one day is one activity for an office (and for an import): a
        # second draw moves a day away, on the same side of today
        while (title, start) in used:
            start += timedelta(days=1 if start > today else -1)
        used.add((title, start))
        demo.add(
            Activity,
            kind=kind,
            status=status,
            title=title,
            purpose=rng.choice(texts.activity_purposes[kind]).format(us=here.short, theme=theme),
            justification=rng.choice(texts.justifications),
            start_date=start,
            end_date=start + timedelta(days=days),
            location=place if abroad else here.short,
            country_code=(partner.country_code if abroad and partner else demo.country_code),
            participants="; ".join(members) if kind != "event" else None,
            participant_count=len(members) if kind != "event" else rng.randint(40, 600),
            cost=rng.amount(*cost_range, step=50) if cost_range and status != "cancelled" else None,
            currency=demo.currency,
            outcomes=rng.choice(texts.outcomes).format(year=start.year + 1, n=rng.randint(3, 20))
            if done
            else None,
            lessons_learned=rng.choice(texts.activity_lessons)
            if done and rng.chance(0.3)
            else None,
            local_entity_id=(agreement.entity.id if agreement else host.id),
            partner_id=partner.id if partner else None,
            agreement_id=agreement.id if agreement else None,
            project_id=projects_by_agreement.get(agreement.id) if agreement else None,
            network_id=network_id,
        )
    return count
