"""Rows of a plan's records that name the record of an earlier plan they carry on
(“Carries on”): an indicator, a strategic line. The earlier record is found by its code,
else its name, in the file or anywhere in the sheet (its row may come after), and linked
once every row is written; a name found nowhere refuses the row with the reason. A
network's “Part of” (the network it belongs to) is linked the same way."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from intl_desk.exchange.context import ImportContext, name_key
from intl_desk.exchange.importer import RowPreview
from intl_desk.exchange.kinds_other import SimpleHandler


class CarriesOnHandler(SimpleHandler):
    """A :class:`SimpleHandler` whose records have a name (and a code) and a link to
    another record of their kind (``continues_id``; a network's ``parent_id``)."""

    #: the record's name column ("name" for indicators, "title" for lines)
    name_field = "name"
    #: said when the earlier record is nowhere (msgid, with {name})
    unknown_msgid = ""
    #: said when a row names itself (msgid)
    itself_msgid = ""
    #: the row's value naming the other record, and the record's column linking to it
    link_field = "continues"
    link_column = "continues_id"

    def key(self, values: dict[str, Any]) -> Any:
        code = values.get("code")
        if code:
            return ("code", name_key(str(code)))
        return ("name", name_key(str(values.get(self.name_field) or "")))

    def existing(self, context: ImportContext) -> dict[Any, str]:
        keys: dict[Any, str] = {}
        for record_id, values in self._in_file(context):
            keys.setdefault(self.key(values), record_id)
        return keys

    def _in_file(self, context: ImportContext) -> list[tuple[str, dict[str, Any]]]:
        model: Any = self.model
        name = getattr(model, self.name_field)
        return [
            (record_id, {"code": code, self.name_field: title})
            for record_id, code, title in context.session.execute(
                select(model.id, model.code, name).where(model.deleted_at.is_(None))
            )
        ]

    def load(self, context: ImportContext, rows: list[RowPreview]) -> None:
        super().load(context, rows)
        every = [values for _id, values in self._in_file(context)]
        every += [row.values for row in rows if row.values.get(self.name_field)]
        named: dict[str, Any] = {}
        for field in ("code", self.name_field):
            for values in every:
                if values.get(field):
                    named.setdefault(name_key(str(values[field])), self.key(values))
        context.extra[f"{self.keys_name}:names"] = named

    def check(self, context: ImportContext, row: RowPreview) -> None:
        super().check(context, row)
        earlier = row.values.get(self.link_field)
        if row.errors or not earlier:
            return
        key = context.extra[f"{self.keys_name}:names"].get(name_key(str(earlier)))
        if key is None:
            row.error(self.unknown_msgid, name=earlier)
        elif key == self.key(row.values):
            row.error(self.itself_msgid)
        else:
            row.plan[self.link_field] = key

    def create(self, context: ImportContext, row: RowPreview) -> str:
        record_id = super().create(context, row)
        if self.link_field in row.plan:
            self._link_later(context, context.created[f"row:{row.number}"], row)
        return record_id

    def update(self, context: ImportContext, row: RowPreview, record_id: str) -> bool:
        changed = super().update(context, row, record_id)
        if self.link_field not in row.plan:
            return changed
        if record_id.startswith("row:"):
            self._link_later(context, context.created[record_id], row)
            return changed
        target = self._carried_on(context, row.plan[self.link_field])
        found: Any = context.session.get(self.model, record_id)
        if found is not None and target is not None and getattr(found, self.link_column) != target:
            setattr(found, self.link_column, target)
            return True
        return changed

    def _link_later(self, context: ImportContext, record: dict[str, Any], row: RowPreview) -> None:
        context.extra.setdefault(f"{self.keys_name}:links", []).append(
            (record, row.plan[self.link_field])
        )

    def finish(self, context: ImportContext) -> None:
        """Link the records created to those they carry on, once all exist."""
        for record, key in context.extra.get(f"{self.keys_name}:links", []):
            target = self._carried_on(context, key)
            if target is not None:
                record[self.link_column] = target

    def _carried_on(self, context: ImportContext, key: Any) -> str | None:
        """The id of the record of ``key`` (None: its row was rejected); one of this
        import's rows has its id once it is created."""
        target = context.extra[self.keys_name].get(key)
        if target is not None and target.startswith("row:"):
            created = context.created.get(target)
            return str(created["id"]) if created is not None else None
        return target
