"""A network membership's focal contact as a sheet names it: found among the file's
contacts by name and organisation, never guessed between namesakes."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from intl_desk.core.i18n import N_, Message
from intl_desk.core.listing.definitions import contact_organisation
from intl_desk.core.model import Contact
from intl_desk.exchange.context import ImportContext, name_key


def focal_contact(context: ImportContext, name: str, organisation: Any) -> str | Message:
    """The contact of the file a membership names as its focal contact: by name and
    organisation (as the contacts list shows it), else by name alone — of namesakes, the
    one on the office's staff; a name found nowhere, or among namesakes nothing tells
    apart, is said (the network is refused with the reason, never linked to a guess)."""
    contacts: dict[str, list[tuple[str, str, bool]]] | None = context.extra.get("contacts")
    if contacts is None:
        contacts = {}
        query = select(Contact.id, Contact.name, contact_organisation(), Contact.is_staff)
        for contact_id, contact, where, staff in context.session.execute(
            query.where(Contact.deleted_at.is_(None))
        ):
            contacts.setdefault(name_key(contact), []).append(
                (contact_id, name_key(str(where or "")), bool(staff))
            )
        context.extra["contacts"] = contacts
    found = contacts.get(name_key(name), [])
    if organisation:
        found = [item for item in found if item[1] == name_key(str(organisation))] or found
    if len(found) > 1:
        found = [item for item in found if item[2]] or found
    if len(found) == 1:
        return found[0][0]
    if not found:
        return Message(
            N_("Focal contact “{name}” is not in the file: import the contacts first."),
            {"name": name},
        )
    return Message(
        N_(
            "Several contacts are named “{name}”: give the focal contact's organisation "
            "in the column “{column}”."
        ),
        {"name": name, "column": Message(N_("Focal contact's organisation")).render()},
    )
