"""Writing planned agreements with their parties, objectives, themes, SDGs and signatories.

Planning is in :mod:`intl_desk.demo.lifecycle`; here each planned step becomes an
agreement whose title, reference, legal authorisation and signatories fit its date, type
and parties, written in date order across all relationships.
"""

from __future__ import annotations

from datetime import date, timedelta

from intl_desk.core.model import (
    Agreement,
    AgreementObjective,
    AgreementParty,
    AgreementSdg,
    AgreementSignatory,
    AgreementTheme,
)
from intl_desk.demo.catalogue import sdgs_for
from intl_desk.demo.common import AgreementRef, Demo, EntityRef, PartnerRef
from intl_desk.demo.lifecycle import Plan, Relationship, plan
from intl_desk.demo.names import gendered, person
from intl_desk.demo.texts import Texts

_EXTRA_PARTY_ROLES = {
    "national_agency": "funder",
    "international_organisation": "associate",
    "university": "associate",
    "ngo": "associate",
    "city": "signatory",
}


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
        renewed = written[(order, step.renews)] if step.renews is not None else None
        amends = written[(order, step.amends)].id if step.amends is not None else None
        if step.type == "amendment":
            amendments[order] = amendments.get(order, 0) + 1
        extra = relationship.extra
        third = extra if extra is not None and demo.rng.chance(0.5) else None
        ref = _write(
            demo,
            relationship.entity,
            relationship.partner,
            step,
            renewed,
            amends,
            third,
            amendments.get(order, 1),
        )
        written[(order, index)] = ref
        demo.agreements.append(ref)
    return list(written.values())


def _write(
    demo: Demo,
    entity: EntityRef,
    partner: PartnerRef,
    plan: Plan,
    renewed: AgreementRef | None,
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
    renews = renewed.id if renewed is not None else None
    if renewed is not None and renewed.type == plan.type == "cooperation":
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
        date_ended=plan.ended or plan.superseded_on,
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
        agreement_id,
        title,
        plan.type,
        plan.status,
        signed,
        plan.expires,
        entity,
        partner,
        tuple(plan.themes),
    )


def _reminder_days(demo: Demo, plan: Plan) -> int:
    """How long before expiry the reminder fires; offices facing a renewal set it early."""
    if plan.status == "active" and plan.expires and (plan.expires - demo.today).days <= 365:
        return demo.rng.choice((120, 180, 270, 365))
    return demo.rng.choice((60, 90, 90, 120, 180))


def _and(texts: Texts, items: list[str]) -> str:
    joiner = " e " if texts.language == "pt" else " et "
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + joiner + items[-1]


def _note(demo: Demo, plan: Plan) -> str | None:
    extra = demo.texts.extra
    if plan.ended is not None:
        return demo.texts.termination_note.format(date=demo.texts.date(plan.ended))
    if plan.first_draft and plan.proposed is not None:
        return extra["draft_note"].format(date=demo.texts.date(plan.proposed))
    if plan.status == "active" and plan.decision in ("undecided", "renegotiate"):
        return extra["renewal_note"]
    return None


def _children(
    demo: Demo,
    agreement_id: str,
    entity: EntityRef,
    partner: PartnerRef,
    plan: Plan,
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


__all__ = ["Relationship", "plan", "write_relationships"]
