"""Contacts: the office's staff and the people it deals with at its partners.

E-mail addresses use the reserved ``.example`` top-level domain and French telephone numbers
the range ARCEP reserves for fiction, so nobody exporting the demo reaches a real person.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from datetime import date, timedelta

from intl_desk.core.folding import fold
from intl_desk.core.model import Contact, ContactPosition
from intl_desk.demo.common import Demo, DemoRandom, EntityRef
from intl_desk.demo.names import gendered, person

_OTHER_LANGUAGES = ("en", "es", "de", "it", "pt", "zh", "ar", "fr")


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def _phone(demo: Demo) -> str | None:
    if demo.country_code != "FR":
        return None
    return f"+33 4 65 71 {demo.rng.randint(0, 99):02d} {demo.rng.randint(0, 99):02d}"


def write_staff(demo: Demo, count: int, entity: EntityRef, domain: str) -> list[str]:
    """The office's own team, the director first; their ids go to ``demo.staff``."""
    rng, texts = demo.rng, demo.texts
    positions = texts.staff_positions
    for index in range(count):
        name, female = person(rng, demo.country_code)
        given, _, family = name.partition(" ")
        others = [code for code in _OTHER_LANGUAGES if code != texts.language]
        contact_id = demo.add(
            Contact,
            name=name,
            position=gendered(
                positions[index if index < len(positions) else 1 + index % 4], female
            ),
            local_entity_id=entity.id,
            organisation=entity.name,
            email=f"{slug(given)}.{slug(family)}@{domain}",
            phone=_phone(demo),
            languages=",".join([texts.language, *rng.some(others, 1, 3)]),
            is_staff=True,
        )
        demo.staff.append(contact_id)
    return demo.staff


def write_partner_contacts(demo: Demo, count: int) -> int:
    """People at the partners the office works with most (most agreements first)."""
    rng, texts = demo.rng, demo.texts
    busy = Counter(a.partner.id for a in demo.agreements)
    partners = sorted(demo.partners, key=lambda p: (-busy[p.id], rng.random()))
    written = 0
    for partner in partners:
        if written >= count:
            break
        named: set[str] = set()
        for _ in range(2 if rng.chance(0.25) else 1):
            name, female = person(rng, partner.country_code)
            # two people of one name at one partner read as one person twice (an import
            # takes the second for a duplicate): another name, drawn aside so that the
            # rest of the demo stays as it was
            while name in named:
                name, female = person(DemoRandom(f"{partner.id}:{name}"), partner.country_code)
            named.add(name)
            positions = (
                texts.partner_positions.get(partner.kind) or texts.partner_positions["other"]
            )
            languages = [code for code in (partner.language, "en") if code != "other"]
            current = gendered(rng.choice(positions), female)
            contact_id = demo.add(
                Contact,
                name=name,
                position=current,
                partner_id=partner.id,
                organisation=partner.name,
                email=f"{slug(name)}@{slug(partner.name)}.example" if rng.chance(0.8) else None,
                languages=",".join(dict.fromkeys(languages)) or None,
                is_staff=False,
            )
            _career(demo, contact_id, name, current, partner.name, positions, female)
            written += 1
    return written


def _career(
    demo: Demo,
    contact_id: str,
    name: str,
    current: str,
    organisation: str,
    positions: tuple[str, ...],
    female: bool,
) -> None:
    """Two in five partner contacts held another position before the current one (a
    random source of its own, so the rest of the demo stays as it was)."""
    chance = random.Random(f"career {name} {organisation}")
    if chance.random() >= 0.4:
        return
    changed = date(demo.today.year - chance.randint(1, 6), chance.randint(1, 12), 1)
    started = date(changed.year - chance.randint(3, 8), chance.randint(1, 12), 1)
    others = [gendered(p, female) for p in positions if gendered(p, female) != current]
    if not others:
        return
    earlier = chance.choice(others)
    ended = changed - timedelta(days=1)
    for held, since, until in ((earlier, started, ended), (current, changed, None)):
        demo.add(
            ContactPosition,
            contact_id=contact_id,
            position=held,
            organisation=organisation,
            since=since,
            until=until,
        )
