"""Terms of office rows: a term is found again by its leader and the day it began."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from intl_desk.core.model import PoliticalTerm
from intl_desk.exchange.context import ImportContext, name_key
from intl_desk.exchange.importer import RowPreview
from intl_desk.exchange.kinds_other import SimpleHandler


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
