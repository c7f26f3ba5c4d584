"""Choice lists for pickers, read from the open file and sorted for the reader."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from intl_desk.core.display import country_name, sort_key
from intl_desk.core.model import Contact, LocalEntity, Partner

ENTITY_PREFIX = "entity:"
PARTNER_PREFIX = "partner:"


def entity_choices(session: Session) -> list[tuple[str, str]]:
    """Local entities as an indented tree: region, then its municipalities."""
    rows = session.execute(
        select(LocalEntity.id, LocalEntity.name, LocalEntity.parent_id).where(
            LocalEntity.deleted_at.is_(None)
        )
    ).all()
    children: dict[str | None, list[Any]] = {}
    ids = {row.id for row in rows}
    for row in rows:
        parent = row.parent_id if row.parent_id in ids else None
        children.setdefault(parent, []).append(row)
    result: list[tuple[str, str]] = []

    def walk(parent: str | None, depth: int) -> None:
        for row in sorted(children.get(parent, []), key=lambda item: sort_key(item.name)):
            result.append((row.id, "    " * depth + row.name))
            walk(row.id, depth + 1)

    walk(None, 0)
    return result


def partner_choices(session: Session) -> list[tuple[str, str]]:
    rows = session.execute(
        select(Partner.id, Partner.name, Partner.country_code).where(Partner.deleted_at.is_(None))
    ).all()
    pairs = [(row.id, f"{row.name} ({country_name(row.country_code)})") for row in rows]
    return sorted(pairs, key=lambda pair: sort_key(pair[1]))


def party_choices(session: Session) -> list[tuple[str, str]]:
    """Our entities first, then partners abroad, values prefixed by their kind."""
    return [
        *((f"{ENTITY_PREFIX}{value}", label) for value, label in entity_choices(session)),
        *((f"{PARTNER_PREFIX}{value}", label) for value, label in partner_choices(session)),
    ]


def contact_choices(session: Session) -> list[tuple[str, str]]:
    rows = session.execute(
        select(Contact.id, Contact.name, Contact.position).where(Contact.deleted_at.is_(None))
    ).all()
    pairs = [(row.id, f"{row.name} — {row.position}" if row.position else row.name) for row in rows]
    return sorted(pairs, key=lambda pair: sort_key(pair[1]))


def fill_combo(box: Any, choices: Sequence[tuple[Any, str]], optional: bool = True) -> None:
    box.clear()
    if optional:
        box.addItem("—", None)
    for value, label in choices:
        box.addItem(label, value)
