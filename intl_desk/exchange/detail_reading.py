"""Reading a list's detail sheets back for its import (see :mod:`.detail_sheets`, which
declares them and writes them): each line read, checked, and planned as the record it
will become, with the row of the list it belongs to."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from intl_desk.core.date_precision import has_precision, precision_key
from intl_desk.core.display import country_name
from intl_desk.core.i18n import N_, SUPPORTED_LANGUAGES, Message, translate
from intl_desk.core.model import (
    CofinancingLine,
    ExpectedResult,
    Indicator,
    Membership,
    StrategicObjective,
)
from intl_desk.exchange.context import ImportContext, name_key
from intl_desk.exchange.detail_sheets import DETAILS, DetailSheet
from intl_desk.exchange.field_types import Field
from intl_desk.exchange.focal_contacts import focal_contact
from intl_desk.exchange.mapping import header_key
from intl_desk.exchange.reader import Sheet
from intl_desk.exchange.values import CellError, read_cell, read_date_cell


@dataclass
class DetailRow:
    detail: DetailSheet
    sheet: str
    number: int
    parent: dict[str, Any]
    values: dict[str, Any]
    errors: list[Message]


def _names(msgid: str) -> set[str]:
    return {header_key(translate(msgid, language)) for language in SUPPORTED_LANGUAGES}


def find_detail_sheets(kind: str, sheets: Sequence[Sheet]) -> list[tuple[DetailSheet, Sheet]]:
    """The workbook's sheets named like a detail sheet of ``kind``, in any language."""
    found = []
    for detail in DETAILS.get(kind, ()):
        names = _names(detail.label)
        for sheet in sheets:
            if header_key(sheet.name) in names:
                found.append((detail, sheet))
                break
    return found


def read_detail_rows(detail: DetailSheet, sheet: Sheet) -> list[DetailRow]:
    """Every row of a detail sheet, its values read (or the reason why not)."""
    if not sheet.rows:
        return []
    titles = [header_key(cell) if cell is not None else "" for cell in sheet.rows[0]]
    columns: dict[int, Field] = {}
    for field in (*detail.parent.fields, *detail.fields):
        names = _names(field.label)
        index = next((i for i, t in enumerate(titles) if t in names and i not in columns), None)
        if index is not None:
            columns[index] = field
    rows = []
    for offset, cells in enumerate(sheet.rows[1:]):
        if all(cell is None for cell in cells):
            continue
        row = DetailRow(detail, sheet.name, offset + 2, {}, {}, [])
        for index, field in columns.items():
            cell = cells[index] if index < len(cells) else None
            try:
                if field.kind == "date":
                    value, precision, _warnings = read_date_cell(field, cell)
                    table = detail.model.__tablename__
                    if value is not None and has_precision(table, field.key):
                        row.values[precision_key(field.key)] = precision
                else:
                    value = read_cell(field, cell)[0]
            except CellError as error:
                row.errors.append(error.message)
                continue
            # by identity: a detail column may share its title and key with a parent one
            parent = any(field is own for own in detail.parent.fields)
            target = row.parent if parent else row.values
            target[field.key] = value
        rows.append(row)
    return rows


def planned_values(row: DetailRow, context: ImportContext) -> dict[str, Any]:
    """The detail record's columns. A funder named like one partner of the file is that
    partner, else kept as a name; what an expected result serves is an indicator of the
    file (by code, else name) or an objective (by title) — one it cannot find is said on
    the row's errors."""
    values = {key: value for key, value in row.values.items() if value is not None}
    funder = values.pop("funder", None)
    country = values.pop("funder_country", None)
    place = values.pop("funder_place", None)
    if row.detail.model is CofinancingLine and funder:
        _plan_funder(row, context, str(funder), (country, place), values)
    entity = values.get("local_entity")
    if row.detail.model is Membership and entity:
        context.entity_for(str(entity))  # planned when the file has none of that name
    focal = values.pop("focal_contact", None)
    organisation = values.pop("focal_contact_organisation", None)
    if row.detail.model is Membership and focal:
        contact = focal_contact(context, str(focal), organisation)
        if isinstance(contact, Message):
            row.errors.append(contact)
        else:
            values["focal_contact_id"] = contact
    serves = values.pop("serves", None)
    if row.detail.model is ExpectedResult and serves:
        found = _served(context).get(name_key(str(serves)))
        if found is None:
            row.errors.append(
                Message(
                    N_("“{name}” is neither an indicator nor an objective of the file."),
                    {"name": serves},
                )
            )
        else:
            values[found[0]] = found[1]
    return values


def _plan_funder(
    row: DetailRow,
    context: ImportContext,
    funder: str,
    where: tuple[str | None, int | None],
    values: dict[str, Any],
) -> None:
    """A funder named like one partner of the file (in the funder's country, at its
    GeoNames id, when the row gives them) is that partner; namesakes are never guessed
    between: the row must say which. A funder the file does not have is kept as a name."""
    country, place = where
    matches = context.partners.get(name_key(funder), [])
    if country:
        matches = [match for match in matches if match[1] == country]
    if place is not None:
        matches = [match for match in matches if context.geonames.get(match[0]) == place] or matches
    if len(matches) == 1:
        values["funder_partner_id"] = matches[0][0]
    elif matches:
        countries = sorted({country_name(code) for _id, code in matches if code})
        row.errors.append(
            Message(
                N_(
                    "Several partners of the file are named “{name}” ({countries}): give the "
                    "funder's country in the column “{column}”, or its GeoNames id in the "
                    "column “{place}”."
                ),
                {
                    "name": funder,
                    "countries": ", ".join(countries),
                    "column": Message(N_("Funder's country")).render(),
                    "place": Message(N_("Funder's GeoNames id")).render(),
                },
            )
        )
    else:
        values["funder_name"] = funder


def _served(context: ImportContext) -> dict[str, tuple[str, str]]:
    """Folded code or name → (column, id) of what an expected result may serve: an
    indicator's code first, then its name, then an objective's title."""
    served = context.extra.get("served")
    if served is None:
        served = {}
        indicators = context.session.execute(
            select(Indicator.id, Indicator.code, Indicator.name).where(
                Indicator.deleted_at.is_(None)
            )
        ).all()
        for indicator_id, code, _name in indicators:
            if code:
                served.setdefault(name_key(code), ("indicator_id", indicator_id))
        for indicator_id, _code, name in indicators:
            served.setdefault(name_key(name), ("indicator_id", indicator_id))
        for objective_id, title in context.session.execute(
            select(StrategicObjective.id, StrategicObjective.title).where(
                StrategicObjective.deleted_at.is_(None)
            )
        ):
            served.setdefault(name_key(title), ("objective_id", objective_id))
        context.extra["served"] = served
    return served


def describe(row: DetailRow, message: Message) -> Message:
    """A detail row's problem, said with its sheet and row."""
    return Message(
        N_("Sheet “{sheet}”, row {row}: {problem}"),
        {"sheet": row.sheet, "row": row.number, "problem": message.render()},
    )
