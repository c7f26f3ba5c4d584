"""Contact rows: a contact is found again by name and organisation (the partner's or the
local entity's name when the contact belongs to one). A partner is found by name (in its
country when the row gives it) and created when the country is given; a local entity is
found by name or created. The positions held over time come from the sheet beside."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from intl_desk.core import vocabularies as vocab
from intl_desk.core.i18n import N_
from intl_desk.core.listing.definitions import contact_organisation
from intl_desk.core.model import Contact
from intl_desk.exchange.context import ImportContext, name_key
from intl_desk.exchange.detail_sheets import contact_key
from intl_desk.exchange.importer import RowPreview
from intl_desk.exchange.kinds_activities import plan_partner
from intl_desk.exchange.kinds_other import SimpleHandler
from intl_desk.exchange.kinds_projects import replace_lines
from intl_desk.exchange.values import vocabulary_codes


class ContactHandler(SimpleHandler):
    model = Contact
    scalars = (
        "name",
        "position",
        "organisation",
        "email",
        "phone",
        "languages",
        "is_staff",
        "notes",
    )
    keys_name = "contact_keys"

    def key(self, values: dict[str, Any]) -> Any:
        return contact_key(values)

    def existing(self, context: ImportContext) -> dict[Any, str]:
        keys: dict[Any, str] = {}
        for contact_id, name, organisation in context.session.execute(
            select(Contact.id, Contact.name, contact_organisation()).where(
                Contact.deleted_at.is_(None)
            )
        ):
            keys.setdefault(contact_key({"name": name, "organisation": organisation}), contact_id)
        return keys

    def prepare(self, context: ImportContext, row: RowPreview) -> None:
        values = row.values
        if values.get("languages"):
            codes, unknown = vocabulary_codes(vocab.LANGUAGES, values["languages"])
            for word in unknown:
                row.error(N_("“{word}” is not a language the app knows."), word=word)
            order = list(vocab.LANGUAGES.codes)
            values["languages"] = ",".join(sorted(codes, key=order.index)) or None
        values["is_staff"] = bool(values.get("is_staff"))
        partner = values.get("partner")
        if partner:
            plan_partner(context, row, str(partner), values.get("partner_country"))
        entity = values.get("local_entity")
        if entity:
            context.entity_for(str(entity))
            row.plan["entity"] = str(entity)
        # the list shows the partner's or entity's name as the organisation: what was
        # typed on the form comes from the export's own column, else is not that name
        if "organisation_typed" in row.mapped:
            row.plan["organisation"] = values.get("organisation_typed")
        else:
            linked = {name_key(str(name)) for name in (partner, entity) if name}
            shown = values.get("organisation")
            row.plan["organisation"] = None if shown and name_key(str(shown)) in linked else shown

    def record_values(self, context: ImportContext, row: RowPreview) -> dict[str, Any]:
        found = super().record_values(context, row)
        found["organisation"] = row.plan.get("organisation", found.get("organisation"))
        return found

    def links(self, context: ImportContext, row: RowPreview) -> dict[str, Any]:
        found: dict[str, Any] = {}
        if "partner" in row.plan:
            name, partner_id, country = row.plan["partner"]
            found["partner_id"] = partner_id or context.new_partner_id(name, country)
        if "entity" in row.plan:
            found["local_entity_id"] = context.entity_id(row.plan["entity"])
        return found

    def create(self, context: ImportContext, row: RowPreview) -> str:
        contact_id = super().create(context, row)
        for model, values in row.plan.get("details", []):
            context.writer.add(model, {"contact_id": contact_id, **values})
        return contact_id

    def update(self, context: ImportContext, row: RowPreview, record_id: str) -> bool:
        changed = super().update(context, row, record_id)
        if record_id.startswith("row:"):
            return changed
        kinds = list(row.plan.get("detail_kinds", ()))
        details = row.plan.get("details", [])
        return replace_lines(context, "contact_id", record_id, details, kinds) or changed
