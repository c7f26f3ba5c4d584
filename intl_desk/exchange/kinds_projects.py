"""Project rows: lead entity and partners by name, a total budget, SDGs.

A duplicate has the same IATI identifier, or else the same title and start date. A total
budget becomes one budget line in the start year (the list shows the sum of the lines, so
an exported list imports back to the same figure). Updating a project the file has
replaces its lines of each kind a workbook's sheets give it (see :func:`replace_lines`).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from intl_desk.core.date_precision import PRECISE_DATES, precision_key
from intl_desk.core.i18n import N_
from intl_desk.core.model import BudgetLine, Project, ProjectParticipant, ProjectSdg
from intl_desk.core.tracking import soft_delete
from intl_desk.core.validation import errors_of_values
from intl_desk.exchange.context import NAMESAKES, ImportContext, name_key
from intl_desk.exchange.fields import PROJECTS
from intl_desk.exchange.importer import (
    NEW_ENTITY,
    NEW_PARTNER,
    Issue,
    RowPreview,
    kept_as_written,
)

SCALARS = (
    "title",
    "status",
    "description",
    "iati_identifier",
    "planned_start",
    "planned_end",
    "currency",
    "location_name",
    "country_code",
    "notes",
    "planned_start_precision",
    "planned_end_precision",
    "actual_start",
    "actual_end",
    "actual_start_precision",
    "actual_end_precision",
)


def project_key(values: dict[str, Any]) -> tuple[str, ...]:
    """How projects are told apart: the IATI identifier, else the title and start."""
    if values.get("iati_identifier"):
        return ("iati", str(values["iati_identifier"]).strip())
    start = values.get("planned_start")
    return (
        "title",
        name_key(str(values.get("title") or "")),
        start.isoformat() if isinstance(start, date) else "",
    )


class ProjectHandler:
    def load(self, context: ImportContext, rows: list[RowPreview]) -> None:
        keys: dict[tuple[str, ...], str] = {}
        for project_id, title, identifier, start, actual in context.session.execute(
            select(
                Project.id,
                Project.title,
                Project.iati_identifier,
                Project.planned_start,
                Project.actual_start,
            ).where(Project.deleted_at.is_(None))
        ):
            if identifier:
                keys.setdefault(("iati", identifier), project_id)
            for when in (start, actual):
                values = {"title": title, "planned_start": when}
                keys.setdefault(project_key(values), project_id)
        context.extra["project_keys"] = keys

    def check(self, context: ImportContext, row: RowPreview) -> None:
        values = row.values
        row.label = str(values.get("title") or "")
        if values.get("country"):
            values["country_code"] = values.pop("country")
        if values.get("currency"):
            values["currency"] = str(values["currency"]).upper()
        lead_name = values.get("lead")
        lead_id = context.entity_for(lead_name) if lead_name else None
        if lead_name and lead_id is None:
            row.warn_shared(context.notices, NEW_ENTITY, name=lead_name)
        country = values.get("country_code")
        # where the partners are (an export of ours says it), else where the project is
        where: list[str] = values.pop("partner_countries", None) or ([country] if country else [])
        places: list[int] = values.pop("partner_places", None) or []
        partners: list[tuple[str, str | None, str | None]] = []
        names = context.split_names(values.get("partners") or "", "partners")
        for name, ambiguous, partner_id, planned in context.row_partners(
            names, where, places, any_country=True
        ):
            if ambiguous:
                row.error(NAMESAKES, name=name, countries=", ".join(ambiguous))
                continue
            if partner_id is None and planned is None:
                row.warn(N_("Partner “{name}” is not in the file: kept as a name only."), name=name)
            elif partner_id is None:
                row.warn_shared(context.notices, NEW_PARTNER, name=name, country=planned)
            partners.append((name, partner_id, planned))
        scalars = {key: values[key] for key in SCALARS if key in values}
        row.errors.extend(Issue(error.message) for error in errors_of_values(Project, scalars))
        row.plan.update(lead=(lead_name, lead_id), partners=partners)
        if row.errors:
            return
        keys: dict[tuple[str, ...], str] = context.extra["project_keys"]
        key = project_key(values)
        if key in keys:
            row.duplicate_of = keys[key]
        else:
            keys[key] = f"row:{row.number}"

    def create(self, context: ImportContext, row: RowPreview) -> str:
        values = row.values
        writer = context.writer
        record = writer.add(Project, {key: values[key] for key in SCALARS if key in values})
        kept = kept_as_written(PROJECTS, row, {})
        if kept:
            record["notes"] = "\n".join([*filter(None, [values.get("notes")]), *kept])
        if not values.get("currency") and context.office is not None:
            record["currency"] = context.office.currency
        project_id = str(record["id"])
        lead_name, lead_id = row.plan["lead"]
        if lead_id is not None or lead_name:
            record["lead_entity_id"] = lead_id or context.entity_id(lead_name, "department")
        for name, partner_id, planned in row.plan["partners"]:
            participant: dict[str, Any] = {"project_id": project_id, "role": "4"}
            if partner_id is not None:
                participant["partner_id"] = partner_id
            elif planned is not None:
                participant["partner_id"] = context.new_partner_id(name, planned)
            else:
                participant["organisation_name"] = name
            writer.add(ProjectParticipant, participant)
        details = row.plan.get("details", [])
        for model, detail in details:
            writer.add(model, {"project_id": project_id, **detail})
        budget = values.get("budget")
        # a total of 0 is the list's sum of no lines (as in _update_total): no line of 0
        if budget and not any(model is BudgetLine for model, _ in details):
            start = values.get("planned_start")
            year = start.year if isinstance(start, date) else date.today().year
            writer.add(BudgetLine, {"project_id": project_id, "year": year, "amount": budget})
        for number in values.get("sdgs") or []:
            writer.add(ProjectSdg, {"project_id": project_id, "sdg": number})
        context.created[f"row:{row.number}"] = record
        return project_id

    def update(self, context: ImportContext, row: RowPreview, record_id: str) -> bool:
        changed = False
        if record_id.startswith("row:"):
            queued: dict[str, Any] = context.created[record_id]
            for key in SCALARS:
                value = row.values.get(key)
                if value is not None and queued.get(key) != value:
                    queued[key] = value
                    changed = True
            return changed
        found = context.session.get(Project, record_id)
        assert found is not None
        for key in SCALARS:
            value = row.values.get(key)
            if value is not None and getattr(found, key) != value:
                setattr(found, key, value)
                changed = True
        # SDGs in the file and those queued by earlier rows updating the same project
        every: dict[str, set[int]] = context.extra.setdefault("project_sdg_keys", {})
        have = every.setdefault(found.id, {sdg.sdg for sdg in found.sdgs})
        for number in row.values.get("sdgs") or []:
            if number not in have:
                have.add(number)
                context.writer.add(ProjectSdg, {"project_id": found.id, "sdg": number})
                changed = True
        details = row.plan.get("details", [])
        kinds = list(row.plan.get("detail_kinds", ()))
        if row.values.get("budget") is not None and not any(m is BudgetLine for m, _ in details):
            kinds = [kind for kind in kinds if kind is not BudgetLine]  # the total decides
        changed |= replace_lines(context, "project_id", found.id, details, kinds)
        if not any(model is BudgetLine for model, _ in details):
            changed |= _update_total(context, found, row.values.get("budget"))
        return changed


def _live(lines: Any) -> list[Any]:
    return [line for line in lines if line.deleted_at is None]


def replace_lines(
    context: ImportContext,
    foreign_key: str,
    owner_id: str,
    details: list[tuple[type, dict[str, Any]]],
    kinds: list[type] | None = None,
) -> bool:
    """The lines a workbook's sheets give a record it already has (a project's budget per
    year, co-financing, transactions, sectors; a mission's expected results and
    follow-ups) become its lines of that kind: the same lines
    change nothing (an import repeated does not double the money), other lines replace
    them (the old ones deleted, as an edit would, so history and sync see it). ``kinds``:
    the kinds whose sheet the workbook has — a sheet lists its kind whole, so a project
    with no row on it has no line of that kind left; a kind without a sheet is kept."""
    changed = False
    for model in dict.fromkeys([*(kinds or ()), *(model for model, _ in details)]):
        wanted = [values for kind, values in details if kind is model]
        existing = _live(
            context.session.scalars(
                select(model).where(getattr(model, foreign_key) == owner_id)
            )
        )
        if same_lines(wanted, existing):
            continue
        for line in existing:
            soft_delete(context.session, line)
        for values in wanted:
            context.writer.add(model, {foreign_key: owner_id, **values})
        changed = True
    return changed


#: what a line's value is when the sheet gives none: a date without precision is a day
_DEFAULTS = {key: "day" for dates in PRECISE_DATES.values() for key in map(precision_key, dates)}


def same_lines(wanted: list[dict[str, Any]], existing: list[Any]) -> bool:
    """Whether the records ``existing`` hold the values of ``wanted``, in any order."""
    keys = sorted({key for values in wanted for key in values})
    return sorted(
        _line_text(keys, lambda key, values=values: values.get(key, _DEFAULTS.get(key)))
        for values in wanted
    ) == sorted(
        _line_text(keys, lambda key, line=line: getattr(line, key, None)) for line in existing
    )


def _line_text(keys: list[str], value_of: Any) -> tuple[str, ...]:
    """A line's values compared as text (150000 and 150000.00 are the same amount)."""
    return tuple(_comparable(value_of(key)) for key in keys)


def _comparable(value: Any) -> str:
    if isinstance(value, Decimal | float | int) and not isinstance(value, bool):
        return format(Decimal(str(value)).normalize(), "f")
    return "" if value is None else str(value)


def _update_total(context: ImportContext, project: Project, budget: Any) -> bool:
    """A register's total budget for a project it already has: its one line takes the
    new figure, a project without lines gets one in its start year; a budget split over
    several years is left as it is when the total differs (the split cannot be guessed)."""
    if budget is None:
        return False
    lines = _live(project.budget_lines)
    if not lines and budget == 0:  # the list's total of no lines: already so
        return False
    if not lines:
        start = project.planned_start
        year = start.year if isinstance(start, date) else date.today().year
        context.writer.add(BudgetLine, {"project_id": project.id, "year": year, "amount": budget})
        return True
    if len(lines) == 1 and lines[0].amount != budget:
        lines[0].amount = budget
        return True
    return False
