"""Agreements as they accumulate between one of our entities and one partner.

A relationship is planned first, then written: a twinning charter in the 1970s followed by
action programmes, or a cooperation agreement renewed twice, amended once and now up for
renewal. Planning the whole chain before writing lets each status agree with the dates and
with what came next (an agreement is *superseded* only if a renewal exists, *expired* only if
its expiry is past, *active* only if it is not), which is what the one-button overview and
the renewal reminders rely on.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from intl_desk.core.demo.catalogue import (
    NORTH_THEMES,
    SOUTH_THEMES,
    TWINNING_THEMES,
    sdgs_for,
    themes_for,
)
from intl_desk.core.demo.common import AgreementRef, Demo, EntityRef, PartnerRef, add_years
from intl_desk.core.demo.names import gendered, person
from intl_desk.core.demo.texts import Texts
from intl_desk.core.model import (
    Agreement,
    AgreementObjective,
    AgreementParty,
    AgreementSdg,
    AgreementSignatory,
    AgreementTheme,
)

_DURATION_YEARS = {
    "friendship": (4, 6),
    "cooperation": (4, 6),
    "mou": (2, 4),
    "letter_of_intent": (1, 2),
    "implementation": (2, 3),
}
_EXTRA_PARTY_ROLES = {
    "national_agency": "funder",
    "international_organisation": "associate",
    "university": "associate",
    "ngo": "associate",
    "city": "signatory",
}


@dataclass
class _Plan:
    type: str
    status: str
    signed: date | None
    expires: date | None = None
    perpetual: bool = False
    proposed: date | None = None
    renews: int | None = None
    amends: int | None = None
    decision: str | None = None
    note: str | None = None
    themes: list[str] = field(default_factory=list)


def _first_type(demo: Demo, year: int, partner: PartnerRef) -> str:
    if partner.kind != "city":
        return demo.rng.weighted({"mou": 4, "cooperation": 3, "letter_of_intent": 1})
    if year < 1990:
        return demo.rng.weighted({"twinning": 3, "friendship": 1})
    if year < 2000:
        return demo.rng.weighted(
            {"twinning": 2, "friendship": 2, "cooperation": 4, "letter_of_intent": 1}
        )
    return demo.rng.weighted(
        {"cooperation": 5, "mou": 3, "friendship": 1, "letter_of_intent": 1, "twinning": 0.4}
    )


def _expiry(demo: Demo, kind: str, signed: date) -> date:
    low, high = _DURATION_YEARS.get(kind, (3, 5))
    return add_years(signed, demo.rng.randint(low, high)) - timedelta(days=1)


def plan_relationship(
    demo: Demo, partner: PartnerRef, start: date, loyalty: float = 0.6
) -> list[_Plan]:
    """The chain of agreements of one relationship, from ``start`` to ``today``.

    ``loyalty`` is the chance that an agreement reaching its expiry is renewed.
    """
    rng, today = demo.rng, demo.today
    if start > today:  # a relationship still being negotiated
        status = rng.weighted({"draft": 1, "negotiation": 2})
        kind = _first_type(demo, today.year, partner)
        proposed = today - timedelta(days=rng.randint(10, 300))
        return [_Plan(kind, status, None, proposed=proposed, note="draft")]
    plans: list[_Plan] = []
    kind = _first_type(demo, start.year, partner)
    day = start
    renews: int | None = None
    while True:
        if day > today:  # the renewal is being negotiated
            if rng.chance(0.6):
                proposed = today - timedelta(days=rng.randint(10, 200))
                plans.append(_Plan(kind, "negotiation", None, proposed=proposed, renews=renews))
            break
        perpetual = kind == "twinning" or (kind == "friendship" and rng.chance(0.5))
        expires = None if perpetual else _expiry(demo, kind, day)
        plan = _Plan(kind, "active", day, expires, perpetual, renews=renews)
        plans.append(plan)
        index = len(plans) - 1
        if perpetual:
            if day.year < 2005 and rng.chance(0.08):
                plan.status = "terminated"
                ended = rng.day_between(add_years(day, 8), today)
                plan.note = "terminated:" + ended.isoformat()
            else:
                _programmes(demo, plans, day)
            break
        assert expires is not None
        if expires >= today:
            if rng.chance(0.2) and (today - day).days > 200:
                signed = rng.day_between(day + timedelta(days=180), today)
                plans.append(_Plan("amendment", "active", signed, expires, amends=index))
            if (expires - today).days <= 365:
                plan.decision = rng.weighted(
                    {"undecided": 4, "renew": 3, "renegotiate": 2, "let_expire": 1}
                )
            break
        roll = rng.random()
        if roll < loyalty:
            plan.status = "superseded"
            day = expires + timedelta(days=rng.randint(-90, 240))
            if day > today:
                plan.status, plan.decision = "expired", "renew"
            renews = index if kind not in ("letter_of_intent", "mou") else None
            kind = "cooperation" if kind in ("letter_of_intent", "mou") else kind
            continue
        if roll < loyalty + 0.07:
            plan.status = "terminated"
            ended = rng.day_between(day + timedelta(days=200), expires)
            plan.note = "terminated:" + ended.isoformat()
        else:
            plan.status = "expired"
            plan.decision = "let_expire" if rng.chance(0.5) else None
        break
    return plans


def _programmes(demo: Demo, plans: list[_Plan], charter: date) -> None:
    """Action programmes signed under a living twinning, every few years since 1995."""
    rng, today = demo.rng, demo.today
    day = max(add_years(charter, 5), date(2004 + rng.randint(0, 12), rng.randint(1, 12), 15))
    while day <= today:
        if rng.chance(0.35):
            expires = _expiry(demo, "implementation", day)
            status = "active" if expires >= today else "expired"
            plans.append(_Plan("implementation", status, day, expires))
            day = expires + timedelta(days=rng.randint(30, 400))
        else:
            day = add_years(day, rng.randint(2, 4))


@dataclass
class Relationship:
    """One entity–partner relationship, planned and waiting to be written."""

    entity: EntityRef
    partner: PartnerRef
    plans: list[_Plan]
    extra: PartnerRef | None = None


def plan(
    demo: Demo,
    entity: EntityRef,
    partner: PartnerRef,
    start: date,
    extra: PartnerRef | None = None,
    loyalty: float = 0.6,
) -> Relationship:
    """Plan one relationship; ``extra`` joins some of its agreements as a third party."""
    plans = plan_relationship(demo, partner, start, loyalty)
    weights = SOUTH_THEMES if partner.south else NORTH_THEMES
    first = TWINNING_THEMES if plans[0].type == "twinning" else weights
    base = themes_for(demo.rng, first, 1, 3)
    for index, step in enumerate(plans):
        step.themes = base if index == 0 else _drift(demo, base, weights)
    return Relationship(entity, partner, plans, extra)


def write_relationships(demo: Demo, relationships: list[Relationship]) -> list[AgreementRef]:
    """Write every planned agreement in date order, so references number chronologically
    and an agreement is always written after the one it renews or amends."""
    steps = [
        (step.signed or step.proposed or demo.today, order, index, relationship)
        for order, relationship in enumerate(relationships)
        for index, step in enumerate(relationship.plans)
    ]
    steps.sort(key=lambda item: (item[0], item[1], item[2]))
    written: dict[tuple[int, int], AgreementRef] = {}
    amendments: dict[int, int] = {}
    for _, order, index, relationship in steps:
        step = relationship.plans[index]
        renews = written[(order, step.renews)].id if step.renews is not None else None
        amends = written[(order, step.amends)].id if step.amends is not None else None
        if step.type == "amendment":
            amendments[order] = amendments.get(order, 0) + 1
        extra = relationship.extra
        third = extra if extra is not None and demo.rng.chance(0.5) else None
        ref = _write(
            demo, relationship.entity, relationship.partner, step, renews, amends, third,
            amendments.get(order, 1),
        )  # fmt: skip
        written[(order, index)] = ref
        demo.agreements.append(ref)
    return list(written.values())


def _drift(demo: Demo, themes: list[str], weights: Mapping[str, float]) -> list[str]:
    """A later agreement of the same relationship keeps or slightly widens its themes."""
    if demo.rng.chance(0.6):
        return themes
    extra = themes_for(demo.rng, weights, 1, 1)
    return list(dict.fromkeys([*themes[:2], *extra]))


def _write(
    demo: Demo,
    entity: EntityRef,
    partner: PartnerRef,
    plan: _Plan,
    renews: str | None,
    amends: str | None,
    third: PartnerRef | None,
    number: int,
) -> AgreementRef:
    rng, texts = demo.rng, demo.texts
    signed = plan.signed
    year = (signed or plan.proposed or demo.today).year
    y2 = plan.expires.year if plan.expires else year + 3
    values = {
        "us": entity.short,
        "partner": partner.name,
        "theme": texts.theme_names[plan.themes[0]],
        "y1": year,
        "y2": y2,
        "n": number,
    }
    if renews is not None and plan.type == "cooperation":
        title = texts.renewal_title.format(**values)
    else:
        title = rng.choice(texts.agreement_titles[plan.type]).format(**values)
    proposed = plan.proposed
    if signed is not None:
        proposed = signed - timedelta(days=rng.randint(40, 420))
    in_force = None
    if signed is not None:
        in_force = min(signed + timedelta(days=rng.randint(0, 45)), demo.today)
        if plan.expires is not None:
            in_force = min(in_force, plan.expires)
    authorisation, authorised_on = None, None
    if signed is not None and rng.chance(0.85):
        authorised_on = signed - timedelta(days=rng.randint(10, 90))
        template = texts.authorisations.get(entity.kind) or texts.authorisations["other"]
        authorisation = template.format(
            year=authorised_on.year, n=rng.randint(12, 980), date=texts.date(authorised_on)
        )
    languages = [texts.language]
    if partner.language not in languages:
        languages.append(partner.language)
    if rng.chance(0.25) and "en" not in languages:
        languages.append("en")
    live = plan.status in ("active", "draft", "negotiation")
    theme_text = _and(texts, [texts.theme_names[t] for t in plan.themes])
    agreement_id = demo.add(
        Agreement,
        title=title,
        type=plan.type,
        status=plan.status,
        reference=demo.reference(entity.code or "", year) if signed else None,
        summary=rng.choice(texts.summaries).format(
            us=entity.short, partner=partner.name, themes=theme_text
        )
        if rng.chance(0.75)
        else None,
        date_proposed=proposed,
        date_signed=signed,
        date_in_force=in_force,
        date_expires=plan.expires,
        perpetual=plan.perpetual,
        renewal_decision=plan.decision,
        renewal_reminder_days=_reminder_days(demo, plan),
        legal_authorisation=authorisation,
        legal_authorisation_date=authorised_on,
        languages=",".join(languages),
        responsible_id=rng.choice(demo.staff) if demo.staff and (live or rng.chance(0.4)) else None,
        renews_id=renews,
        amends_id=amends,
        lessons_learned=rng.choice(texts.agreement_lessons)
        if plan.status in ("expired", "terminated", "superseded") and rng.chance(0.35)
        else None,
        notes=_note(demo, plan),
    )
    _children(demo, agreement_id, entity, partner, plan, third, y2)
    return AgreementRef(
        agreement_id, title, plan.type, plan.status, signed, plan.expires, entity, partner,
        tuple(plan.themes),
    )  # fmt: skip


def _reminder_days(demo: Demo, plan: _Plan) -> int:
    """How long before expiry the reminder fires; offices facing a renewal set it early."""
    if plan.status == "active" and plan.expires and (plan.expires - demo.today).days <= 365:
        return demo.rng.choice((120, 180, 270, 365))
    return demo.rng.choice((60, 90, 90, 120, 180))


def _and(texts: Texts, items: list[str]) -> str:
    joiner = " e " if texts.language == "pt" else " et "
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + joiner + items[-1]


def _note(demo: Demo, plan: _Plan) -> str | None:
    extra = demo.texts.extra
    if plan.note and plan.note.startswith("terminated:"):
        ended = date.fromisoformat(plan.note.split(":", 1)[1])
        return demo.texts.termination_note.format(date=demo.texts.date(ended))
    if plan.note == "draft" and plan.proposed is not None:
        return extra["draft_note"].format(date=demo.texts.date(plan.proposed))
    if plan.status == "active" and plan.decision in ("undecided", "renegotiate"):
        return extra["renewal_note"]
    return None


def _children(
    demo: Demo,
    agreement_id: str,
    entity: EntityRef,
    partner: PartnerRef,
    plan: _Plan,
    third: PartnerRef | None,
    horizon: int,
) -> None:
    rng, texts = demo.rng, demo.texts
    demo.add(AgreementParty, agreement_id=agreement_id, local_entity_id=entity.id)
    demo.add(AgreementParty, agreement_id=agreement_id, partner_id=partner.id)
    if third is not None:
        role = _EXTRA_PARTY_ROLES.get(third.kind, "associate")
        demo.add(AgreementParty, agreement_id=agreement_id, partner_id=third.id, role=role)
    for theme in plan.themes:
        demo.add(AgreementTheme, agreement_id=agreement_id, theme=theme)
    if plan.signed is None or plan.signed.year >= 2012 or plan.status == "active":
        for sdg in sdgs_for(rng, plan.themes):
            demo.add(AgreementSdg, agreement_id=agreement_id, sdg=sdg)
    generic = plan.type in ("twinning", "friendship", "letter_of_intent")
    if rng.chance(0.45 if generic else 0.88):
        count = rng.randint(1, 2) if generic or plan.type == "amendment" else rng.randint(1, 4)
        options = [(t, text) for t in plan.themes for text in texts.objectives.get(t, ())]
        for position, (_, template) in enumerate(rng.some(options, count, count)):
            text = template.format(
                us=entity.short,
                partner=partner.name,
                n=rng.randint(2, 12),
                big=rng.choice((50, 80, 120, 200, 300, 500, 800, 1200, 2500, 4000)),
                year=horizon,
            )
            link = (
                rng.choice(demo.indicator_ids) if demo.indicator_ids and rng.chance(0.1) else None
            )
            demo.add(
                AgreementObjective,
                agreement_id=agreement_id,
                position=position,
                text=text,
                indicator_id=link,
            )
    if plan.signed is not None:
        _signatories(demo, agreement_id, entity, partner, plan.signed)


def _signatories(
    demo: Demo, agreement_id: str, entity: EntityRef, partner: PartnerRef, signed: date
) -> None:
    texts, rng = demo.texts, demo.rng
    positions = texts.our_positions.get(entity.kind) or texts.our_positions["other"]
    slot = rng.randrange(len(positions))
    women = 0.1 if signed.year < 1990 else 0.25 if signed.year < 2008 else 0.45
    name, female = demo.person(
        f"{entity.id}/{slot}",
        demo.term(signed.year),
        lambda: person(rng, demo.country_code, women),
    )
    demo.add(
        AgreementSignatory,
        agreement_id=agreement_id,
        name=name,
        position=gendered(positions[slot], female).format(us=entity.short),
        side="ours",
    )
    theirs = texts.their_positions.get(partner.kind) or texts.their_positions["other"]
    name, female = demo.person(
        partner.id, signed.year // 5, lambda: person(rng, partner.country_code, women)
    )
    demo.add(
        AgreementSignatory,
        agreement_id=agreement_id,
        name=name,
        position=gendered(theirs, female).format(partner=partner.name),
        side="theirs",
    )
