"""Activity rows: missions abroad, delegations received, events.

An activity is found again by its title and start day. Its partner is found by name (in
the partner's country when the row gives it, else the activity's), and created when the
file has none of that name and the country says where; its local entity is found by name
or created. The agreement, project and network it is linked to must be in the file: a
link that names none is refused with the reason, never dropped or guessed.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from intl_desk.core.i18n import N_
from intl_desk.core.model import Activity, Agreement, Network, Project
from intl_desk.core.vocabularies import ACTIVITY_KINDS
from intl_desk.exchange.context import NAMESAKES, ImportContext, name_key
from intl_desk.exchange.detail_sheets import activity_key
from intl_desk.exchange.importer import RowPreview
from intl_desk.exchange.kinds_other import SimpleHandler
from intl_desk.exchange.kinds_projects import replace_lines

#: the linked records that must already be in the file: (row key, model, its name column,
#: what the refusal says)
_LINKED = (
    (
        "agreement",
        Agreement,
        "title",
        N_("Agreement “{name}” is not in the file: import it first."),
    ),
    ("project", Project, "title", N_("Project “{name}” is not in the file: import it first.")),
    ("network", Network, "name", N_("Network “{name}” is not in the file: import it first.")),
)


class ActivityHandler(SimpleHandler):
    model = Activity
    scalars = (
        "title",
        "kind",
        "status",
        "start_date",
        "start_date_precision",
        "end_date",
        "end_date_precision",
        "location",
        "country_code",
        "cost",
        "currency",
        "participant_count",
        "participants",
        "purpose",
        "justification",
        "outcomes",
        "lessons_learned",
        "transport_mode",
    )
    keys_name = "activity_keys"

    def label(self, row: RowPreview) -> str:
        return str(row.values.get("title") or "")

    def key(self, values: dict[str, Any]) -> Any:
        return activity_key(values)

    def create(self, context: ImportContext, row: RowPreview) -> str:
        """The activity, and its expected results and follow-ups from the sheets beside."""
        activity_id = super().create(context, row)
        for model, values in row.plan.get("details", []):
            context.writer.add(model, {"activity_id": activity_id, **values})
        return activity_id

    def update(self, context: ImportContext, row: RowPreview, record_id: str) -> bool:
        changed = super().update(context, row, record_id)
        details = row.plan.get("details", [])
        if record_id.startswith("row:"):  # created by an earlier row: its lines are queued
            return changed
        kinds = list(row.plan.get("detail_kinds", ()))
        return replace_lines(context, "activity_id", record_id, details, kinds) or changed

    def existing(self, context: ImportContext) -> dict[Any, str]:
        keys: dict[Any, str] = {}
        for activity_id, title, start in context.session.execute(
            select(Activity.id, Activity.title, Activity.start_date).where(
                Activity.deleted_at.is_(None)
            )
        ):
            keys.setdefault(self.key({"title": title, "start_date": start}), activity_id)
        return keys

    def load(self, context: ImportContext, rows: list[RowPreview]) -> None:
        super().load(context, rows)
        for key, model, column, _msgid in _LINKED:
            found: dict[str, str] = {}
            for record_id, name in context.session.execute(
                select(model.id, getattr(model, column)).where(model.deleted_at.is_(None))
            ):
                found.setdefault(name_key(name), record_id)
            context.extra[f"activity_{key}s"] = found

    def prepare(self, context: ImportContext, row: RowPreview) -> None:
        values = row.values
        values["country_code"] = values.pop("country", None)
        inferred = set()
        if not values.get("kind"):
            values["kind"] = "mission"
            inferred.add("kind")
            row.warn(N_("No kind given: “{value}” assumed."), value=ACTIVITY_KINDS.label("mission"))
        if not values.get("status"):
            values["status"] = "done"
            inferred.add("status")
        if values.get("currency"):
            values["currency"] = str(values["currency"]).strip().upper()
        elif context.office is not None:
            values["currency"] = context.office.currency
        row.plan["inferred"] = inferred
        self._plan_links(context, row)

    def _plan_links(self, context: ImportContext, row: RowPreview) -> None:
        values = row.values
        entity = values.get("local_entity")
        if entity:
            context.entity_for(str(entity))  # planned when the file has none of that name
            row.plan["entity"] = str(entity)
        partner = values.get("partner")
        if partner:
            where = values.get("partner_country") or values.get("country_code")
            plan_partner(context, row, str(partner), where)
        for key, _model, _column, msgid in _LINKED:
            name = values.get(key)
            if not name:
                continue
            found = context.extra[f"activity_{key}s"].get(name_key(str(name)))
            if found is None:
                row.error(msgid, name=name)
            row.plan[key] = found

    def links(self, context: ImportContext, row: RowPreview) -> dict[str, Any]:
        plan = row.plan
        found: dict[str, Any] = {}
        if "entity" in plan:
            found["local_entity_id"] = context.entity_id(plan["entity"])
        if "partner" in plan:
            name, partner_id, country = plan["partner"]
            found["partner_id"] = partner_id or context.new_partner_id(name, country)
        for key, _model, _column, _msgid in _LINKED:
            if plan.get(key):
                found[f"{key}_id"] = plan[key]
        return found


def plan_partner(context: ImportContext, row: RowPreview, partner: str, where: str | None) -> None:
    """The partner a row names (an activity's, a contact's): found by name at its GeoNames
    id or in ``where``'s country, or planned to be created there; a namesake the row
    cannot tell apart, or an unknown name without a country, refuses the row with the
    reason."""
    place = row.values.pop("partner_place", None)
    places = [place] if place is not None else []
    countries = [where] if where else []
    ambiguous = context.namesakes(partner, countries, places=places)
    if ambiguous:
        row.error(NAMESAKES, name=partner, countries=", ".join(ambiguous))
    partner_id, country = context.partner_for(partner, countries, places=places)
    if partner_id is None and country is None:
        row.error(
            N_(
                "Partner “{name}” is not in the file: give its country (column "
                "“Partner's country” or “Country”) so that it is created."
            ),
            name=partner,
        )
    row.plan["partner"] = (partner, partner_id, country)
