"""What one row per record cannot hold — a project's budget per year, co-financing
lines, transactions and sectors — on sheets of their own beside the list in an xlsx
export, read back by the import of that workbook.

Each detail row names its project the way the import tells projects apart (title, IATI
identifier, planned start), so the sheets still match after someone sorts them. A
project imported with a "Budget per year" sheet takes its lines from there instead of
one line in its start year.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import null, select
from sqlalchemy.orm import Session

from intl_desk.core import vocabularies as vocab
from intl_desk.core.i18n import N_, SUPPORTED_LANGUAGES, Message, translate
from intl_desk.core.model import (
    BudgetLine,
    CofinancingLine,
    Partner,
    ProjectSector,
    ProjectTransaction,
)
from intl_desk.core.model.base import Record
from intl_desk.exchange.context import name_key
from intl_desk.exchange.field_types import Field
from intl_desk.exchange.mapping import header_key
from intl_desk.exchange.reader import Sheet
from intl_desk.exchange.values import CellError, read_cell, read_date_cell

#: the columns naming the project a detail row belongs to (its import key)
PARENT = (
    Field("title", N_("Project")),
    Field("iati_identifier", N_("IATI identifier")),
    Field("planned_start", N_("Planned start"), "date"),
)


@dataclass(frozen=True)
class DetailSheet:
    label: str  # msgid: the sheet's name
    model: type[Record]
    fields: tuple[Field, ...]
    #: the record's attributes rows are sorted by (after the project), so exports repeat
    order: tuple[str, ...]


PROJECT_DETAILS = (
    DetailSheet(
        N_("Budget per year"),
        BudgetLine,
        (
            Field("year", N_("Year"), "int"),
            Field("amount", N_("Amount"), "money"),
            Field("type", N_("Budget type"), "code", vocab.BUDGET_TYPES),
            Field("status", N_("Budget status"), "code", vocab.BUDGET_STATUSES),
            Field("description", N_("Description")),
        ),
        ("year", "type", "amount"),
    ),
    DetailSheet(
        N_("Co-financing lines"),
        CofinancingLine,
        (
            Field("funder", N_("Funder")),
            Field("instrument", N_("Instrument")),
            Field("status", N_("Status"), "code", vocab.COFINANCING_STATUSES),
            Field("amount_requested", N_("Amount requested"), "money"),
            Field("amount_granted", N_("Amount granted"), "money"),
            Field("date_requested", N_("Requested on"), "date"),
            Field("date_decided", N_("Decided on"), "date"),
        ),
        ("date_requested", "funder_name", "amount_requested"),
    ),
    DetailSheet(
        N_("Transactions"),
        ProjectTransaction,
        (
            Field("date", N_("Date"), "date"),
            Field("type", N_("Transaction type"), "code", vocab.TRANSACTION_TYPES),
            Field("amount", N_("Amount"), "money"),
            Field("description", N_("Description")),
        ),
        ("date", "type", "amount"),
    ),
    DetailSheet(
        N_("Sectors"),
        ProjectSector,
        (Field("code", N_("Sector code")), Field("percentage", N_("Share (%)"), "float")),
        ("code",),
    ),
)

DETAILS: dict[str, tuple[DetailSheet, ...]] = {"projects": PROJECT_DETAILS}


# --- export ---------------------------------------------------------------------------


def _export_value(field: Field, value: Any, language: str) -> Any:
    if value is None:
        return None
    if field.kind == "code" and field.vocabulary is not None:
        return field.vocabulary.label(str(value), language)
    if field.kind == "float":
        return float(value)
    return value


def detail_rows(
    session: Session,
    detail: DetailSheet,
    ids: Sequence[str],
    parent_cells: dict[str, list[Any]],
    language: str,
) -> Iterator[list[Any]]:
    """The sheet's header row, then its rows for the projects of ``ids``, by project
    (``parent_cells``: each project's cells of the :data:`PARENT` columns, as exported):
    the same records give the same sheet, whatever order their list came in."""
    model: Any = detail.model
    fields = detail.fields
    yield [translate(f.label, language) for f in (*PARENT, *fields)]
    position = {record_id: index for index, record_id in enumerate(ids)}
    found: list[tuple[tuple[Any, ...], list[Any]]] = []
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        if detail.model is CofinancingLine:
            statement = select(CofinancingLine, Partner.name).outerjoin(
                Partner, Partner.id == CofinancingLine.funder_partner_id
            )
        else:
            statement = select(model, null())
        statement = statement.where(model.project_id.in_(chunk), model.deleted_at.is_(None))
        for record, funder in session.execute(statement):
            values = list(parent_cells[record.project_id])
            for field in fields:
                raw = (
                    funder or record.funder_name
                    if field.key == "funder"
                    else getattr(record, field.key)
                )
                values.append(_export_value(field, raw, language))
            order = tuple(_sortable(getattr(record, key)) for key in detail.order)
            parent = tuple(_sortable(cell) for cell in parent_cells[record.project_id])
            found.append(((*parent, position[record.project_id], *order), values))
    for _key, row in sorted(found, key=lambda item: item[0]):
        yield row


def _sortable(value: Any) -> tuple[bool, str]:
    """None first, then the value as text (dates as ISO, amounts to the cent)."""
    if value is None:
        return (False, "")
    if isinstance(value, date):
        return (True, value.isoformat())
    if isinstance(value, int | float):
        return (True, f"{value:020.4f}")
    return (True, str(value))


# --- import ---------------------------------------------------------------------------


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
    for field in (*PARENT, *detail.fields):
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
                    value = read_date_cell(field, cell)[0]
                else:
                    value = read_cell(field, cell)[0]
            except CellError as error:
                row.errors.append(error.message)
                continue
            target = row.parent if field in PARENT else row.values
            target[field.key] = value
        rows.append(row)
    return rows


def planned_values(row: DetailRow, funders: dict[str, list[tuple[str, str]]]) -> dict[str, Any]:
    """The detail record's columns; a funder named like one partner of the file is that
    partner (``funders``: folded name → [(id, country)]), else kept as a name."""
    values = {key: value for key, value in row.values.items() if value is not None}
    funder = values.pop("funder", None)
    if row.detail.model is CofinancingLine and funder:
        matches = funders.get(name_key(str(funder)), [])
        if len(matches) == 1:
            values["funder_partner_id"] = matches[0][0]
        else:
            values["funder_name"] = funder
    return values


def describe(row: DetailRow, message: Message) -> Message:
    """A detail row's problem, said with its sheet and row."""
    return Message(
        N_("Sheet “{sheet}”, row {row}: {problem}"),
        {"sheet": row.sheet, "row": row.number, "problem": message.render()},
    )

