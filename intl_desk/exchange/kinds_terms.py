"""Terms of office rows: a term is found again by its leader and the day it began."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from intl_desk.core.i18n import N_
from intl_desk.core.model import PoliticalTerm, StrategicLine
from intl_desk.exchange.carried_on import CarriesOnHandler
from intl_desk.exchange.context import ImportContext, name_key
from intl_desk.exchange.importer import RowPreview
from intl_desk.exchange.kinds_other import SimpleHandler
from intl_desk.exchange.kinds_projects import replace_lines


class TermHandler(SimpleHandler):
    model = PoliticalTerm
    scalars = (
        "leader",
        "leader_title",
        "start_date",
        "end_date",
        "plan_title",
        "plan_adopted_on",
        "commitments",
        "notes",
    )
    keys_name = "term_keys"

    def label(self, row: RowPreview) -> str:
        return str(row.values.get("leader") or "")

    def key(self, values: dict[str, Any]) -> Any:
        return (name_key(str(values.get("leader") or "")), values.get("start_date"))

    def existing(self, context: ImportContext) -> dict[Any, str]:
        keys: dict[Any, str] = {}
        for term_id, leader, start in context.session.execute(
            select(PoliticalTerm.id, PoliticalTerm.leader, PoliticalTerm.start_date).where(
                PoliticalTerm.deleted_at.is_(None)
            )
        ):
            keys.setdefault(self.key({"leader": leader, "start_date": start}), term_id)
        return keys


class PlanLineHandler(CarriesOnHandler):
    """A plan's strategic line, with its objectives from the sheet beside; it names the
    term whose plan adopted it (by leader, and start day when two terms share a leader)
    and the line of the plan before that it carries on."""

    model = StrategicLine
    scalars = ("code", "title", "description")
    keys_name = "line_keys"
    name_field = "title"
    unknown_msgid = N_(
        "“{name}”, the line this one carries on, is neither in the file nor in this sheet."
    )
    itself_msgid = N_("A line cannot carry itself on: choose a line of an earlier plan.")

    def label(self, row: RowPreview) -> str:
        return str(row.values.get("title") or "")

    def load(self, context: ImportContext, rows: list[RowPreview]) -> None:
        super().load(context, rows)
        terms: dict[str, list[tuple[str, Any]]] = {}
        for term_id, leader, start in context.session.execute(
            select(PoliticalTerm.id, PoliticalTerm.leader, PoliticalTerm.start_date).where(
                PoliticalTerm.deleted_at.is_(None)
            )
        ):
            terms.setdefault(name_key(leader), []).append((term_id, start))
        context.extra["terms_by_leader"] = terms

    def prepare(self, context: ImportContext, row: RowPreview) -> None:
        leader = row.values.get("term")
        if not leader:
            return
        start = row.values.get("term_start")
        terms = context.extra["terms_by_leader"].get(name_key(str(leader)), [])
        matching = [term_id for term_id, begun in terms if start is None or begun == start]
        if len(matching) == 1:
            row.plan["term_id"] = matching[0]
        elif not matching:
            row.error(
                N_("No term of office of “{leader}” is in the file: import the terms first."),
                leader=leader,
            )
        else:
            row.error(
                N_("“{leader}” led several terms: give the term's first day (column “Term from”)."),
                leader=leader,
            )

    def links(self, context: ImportContext, row: RowPreview) -> dict[str, Any]:
        return {"term_id": row.plan["term_id"]} if "term_id" in row.plan else {}

    def create(self, context: ImportContext, row: RowPreview) -> str:
        line_id = super().create(context, row)
        for model, values in row.plan.get("details", []):
            context.writer.add(model, {"line_id": line_id, **values})
        return line_id

    def update(self, context: ImportContext, row: RowPreview, record_id: str) -> bool:
        changed = super().update(context, row, record_id)
        if record_id.startswith("row:"):
            return changed
        found = context.session.get(StrategicLine, record_id)
        term_id = row.plan.get("term_id")
        if found is not None and term_id is not None and found.term_id != term_id:
            found.term_id = term_id
            changed = True
        kinds = list(row.plan.get("detail_kinds", ()))
        details = row.plan.get("details", [])
        return replace_lines(context, "line_id", record_id, details, kinds) or changed
