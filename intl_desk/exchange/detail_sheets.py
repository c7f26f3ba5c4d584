"""What one row per record cannot hold — a project's budget per year, co-financing
lines, transactions and sectors; a plan line's objectives; a mission's expected results
and follow-ups; a network's memberships — on sheets of their own beside the list in an
xlsx export (files beside it in csv), read back by the import of that list.

Each detail row names its record the way the import tells such records apart (a
project's title, IATI identifier and planned start; an activity's title and start; a
line's code or title), so the sheets still match after someone sorts them. A project
imported with a "Budget per year" sheet takes its lines from there instead of one line in
its start year.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, null, select
from sqlalchemy.orm import Session

from intl_desk.core import vocabularies as vocab
from intl_desk.core.date_precision import has_precision, precision_key
from intl_desk.core.display import country_name
from intl_desk.core.i18n import N_, SUPPORTED_LANGUAGES, Message, translate
from intl_desk.core.listing.definitions import contact_organisation
from intl_desk.core.model import (
    BudgetLine,
    CofinancingLine,
    Contact,
    ContactPosition,
    ExpectedResult,
    FollowUp,
    Indicator,
    LocalEntity,
    Membership,
    Participation,
    Partner,
    ProjectSector,
    ProjectTransaction,
    StrategicObjective,
)
from intl_desk.core.model.base import Record
from intl_desk.exchange.context import ImportContext, name_key
from intl_desk.exchange.field_types import Field
from intl_desk.exchange.focal_contacts import focal_contact
from intl_desk.exchange.mapping import header_key
from intl_desk.exchange.reader import Sheet
from intl_desk.exchange.values import CellError, read_cell, read_date_cell


def contact_key(values: dict[str, Any]) -> tuple[str, str]:
    """How contacts are told apart: their name and organisation (the partner's or the
    entity's name when they belong to one, as the contacts list shows it)."""
    return (
        name_key(str(values.get("name") or "")),
        name_key(str(values.get("organisation") or "")),
    )


def activity_key(values: dict[str, Any]) -> tuple[str, Any]:
    """How activities are told apart: their title and start day."""
    return (name_key(str(values.get("title") or "")), values.get("start_date"))


def _project_key(values: dict[str, Any]) -> tuple[str, ...]:
    from intl_desk.exchange.kinds_projects import project_key

    return project_key(values)


@dataclass(frozen=True)
class DetailParent:
    """The record kind whose rows the detail sheets complete."""

    #: the columns naming the record a detail row belongs to (its import key)
    fields: tuple[Field, ...]
    #: the detail records' column pointing at it
    foreign_key: str
    key: Callable[[dict[str, Any]], tuple[Any, ...]]
    #: said of a detail row naming no record of the list (msgid, with {title})
    unmatched: str
    #: said once per sheet: it lists its kind whole (msgid, with {sheet})
    whole: str


PROJECT_PARENT = DetailParent(
    (
        Field("title", N_("Project")),
        Field("iati_identifier", N_("IATI identifier")),
        Field("planned_start", N_("Planned start"), "date"),
    ),
    "project_id",
    _project_key,
    N_("no project “{title}” in the list: not imported."),
    N_(
        "Sheet “{sheet}”: a project of the list with no row there will have none "
        "after the import (its lines in the file are deleted); without the sheet "
        "they would be kept."
    ),
)
ACTIVITY_PARENT = DetailParent(
    (Field("title", N_("Activity")), Field("start_date", N_("Start"), "date")),
    "activity_id",
    activity_key,
    N_("no activity “{title}” in the list: not imported."),
    N_(
        "Sheet “{sheet}”: an activity of the list with no row there will have none "
        "after the import (its rows in the file are deleted); without the sheet "
        "they would be kept."
    ),
)
LINE_PARENT = DetailParent(
    (Field("code", N_("Code")), Field("title", N_("Strategic line"))),
    "line_id",
    lambda values: (
        ("code", name_key(str(values["code"])))
        if values.get("code")
        else ("name", name_key(str(values.get("title") or "")))
    ),
    N_("no plan line “{title}” in the list: not imported."),
    N_(
        "Sheet “{sheet}”: a plan line of the list with no row there will have none "
        "after the import (its rows in the file are deleted); without the sheet "
        "they would be kept."
    ),
)
NETWORK_PARENT = DetailParent(
    (Field("name", N_("Network")),),
    "network_id",
    lambda values: ("name", name_key(str(values.get("name") or ""))),
    N_("no network “{title}” in the list: not imported."),
    N_(
        "Sheet “{sheet}”: a network of the list with no row there will have no "
        "membership after the import (its memberships in the file are deleted); without "
        "the sheet they would be kept."
    ),
)
CONTACT_PARENT = DetailParent(
    (Field("name", N_("Contact")), Field("organisation", N_("Organisation"))),
    "contact_id",
    lambda values: contact_key(values),
    N_("no contact “{title}” in the list: not imported."),
    N_(
        "Sheet “{sheet}”: a contact of the list with no row there will have no earlier "
        "position after the import (its rows in the file are deleted); without the sheet "
        "they would be kept."
    ),
)
#: the projects' parent columns (kept for the tests and callers that name them)
PARENT = PROJECT_PARENT.fields


@dataclass(frozen=True)
class DetailSheet:
    label: str  # msgid: the sheet's name
    model: type[Record]
    fields: tuple[Field, ...]
    #: the record's attributes rows are sorted by (after the parent), so exports repeat
    order: tuple[str, ...]
    parent: DetailParent = PROJECT_PARENT
    #: the column holding the parent's id when the detail records reach it through another
    #: record (a network's participations, through the memberships they belong to)
    owner: Callable[[], Any] | None = None
    #: said once of the sheet when it is not the parent's (msgid, with {sheet})
    whole: str | None = None


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
            # which of two namesakes (Córdoba in Spain, Córdoba in Argentina) funds it
            Field("funder_country", N_("Funder's country"), "country"),
            # and which of two namesakes of one country (the place's GeoNames id)
            Field("funder_place", N_("Funder's GeoNames id"), "int"),
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

#: a mission's value: what it was to bring and what came of it, the follow-ups made
ACTIVITY_DETAILS = (
    DetailSheet(
        N_("Expected results"),
        ExpectedResult,
        (
            Field("position", N_("Order"), "int"),
            Field("expected", N_("Expected result")),
            Field("serves", N_("Serves")),
            Field("obtained", N_("Obtained")),
        ),
        ("position", "expected"),
        ACTIVITY_PARENT,
    ),
    DetailSheet(
        N_("Follow-ups"),
        FollowUp,
        (
            Field("months", N_("After (months)"), "int"),
            Field("done_on", N_("Made on"), "date"),
            Field("notes", N_("What came of it")),
        ),
        ("months", "done_on"),
        ACTIVITY_PARENT,
    ),
)

#: a plan line's objectives
LINE_DETAILS = (
    DetailSheet(
        N_("Objectives"),
        StrategicObjective,
        (
            Field("title", N_("Objective")),
            Field("domain", N_("Theme"), "code", vocab.THEMES),
            Field("year", N_("Year"), "int"),
            Field("description", N_("Description")),
        ),
        ("title", "year"),
        LINE_PARENT,
    ),
)

#: a network's memberships: which of the office's entities, since and until when, its role
NETWORK_DETAILS = (
    DetailSheet(
        N_("Memberships"),
        Membership,
        (
            Field("local_entity", N_("Local entity")),
            Field("role", N_("Role"), "code", vocab.MEMBERSHIP_ROLES),
            Field("since", N_("Since"), "date"),
            Field("until", N_("Until"), "date"),
            Field("annual_fee", N_("Annual fee"), "money"),
            Field("currency", N_("Currency")),
            # the office's person for the network: a contact, told apart by organisation
            Field("focal_contact", N_("Focal contact")),
            Field("focal_contact_organisation", N_("Focal contact's organisation")),
            Field("notes", N_("Notes")),
        ),
        ("since", "role"),
        NETWORK_PARENT,
    ),
    # what each member did in the network: events attended, positions held, statements
    DetailSheet(
        N_("Participations"),
        Participation,
        (
            Field("member", N_("Member")),
            Field("kind", N_("Kind"), "code", vocab.PARTICIPATION_KINDS),
            Field("title", N_("Title")),
            Field("start_date", N_("Start"), "date"),
            Field("end_date", N_("End"), "date"),
            Field("location", N_("Place")),
            Field("country_code", N_("Country"), "country"),
            Field("description", N_("Description")),
            Field("outcome", N_("Outcome")),
        ),
        # by member, then in time (the order keys are the record's, else the sheet's cells)
        ("member", "start_date", "title", "kind", "end_date", "location", "description"),
        NETWORK_PARENT,
        owner=lambda: Membership.network_id,
        whole=N_(
            "Sheet “{sheet}”: a network of the list with no row there will have no "
            "participation after the import (its participations in the file are deleted); "
            "without the sheet they would be kept."
        ),
    ),
)

#: the positions a contact held over time (what the partner's story shows)
CONTACT_DETAILS = (
    DetailSheet(
        N_("Positions held"),
        ContactPosition,
        (
            Field("position", N_("Position")),
            Field("organisation", N_("Organisation")),
            Field("since", N_("Since"), "date"),
            Field("until", N_("Until"), "date"),
        ),
        ("since", "position"),
        CONTACT_PARENT,
    ),
)

DETAILS: dict[str, tuple[DetailSheet, ...]] = {
    "contacts": CONTACT_DETAILS,
    "projects": PROJECT_DETAILS,
    "activities": ACTIVITY_DETAILS,
    "plan_lines": LINE_DETAILS,
    "networks": NETWORK_DETAILS,
}


# --- export ---------------------------------------------------------------------------


def _export_value(field: Field, value: Any, language: str, precision: str = "day") -> Any:
    if value is None:
        return None
    if field.kind == "date" and precision != "day":  # "2011", "mars 2011": read back so
        from intl_desk.exchange.export import date_cell

        return date_cell(value, precision, language)
    if field.kind == "code" and field.vocabulary is not None:
        return field.vocabulary.label(str(value), language)
    if field.kind == "float":
        return float(value)
    if field.kind == "country":
        return country_name(str(value), language)
    return value


def detail_rows(
    session: Session,
    detail: DetailSheet,
    ids: Sequence[str],
    parent_cells: dict[str, list[Any]],
    language: str,
) -> Iterator[list[Any]]:
    """The sheet's header row, then its rows for the records of ``ids`` (projects,
    activities), by record (``parent_cells``: each record's cells of its parent columns,
    as exported): the same records give the same sheet, whatever order their list came in."""
    model: Any = detail.model
    fields = detail.fields
    yield [translate(f.label, language) for f in (*detail.parent.fields, *fields)]
    foreign_key = detail.parent.foreign_key
    position = {record_id: index for index, record_id in enumerate(ids)}
    found: list[tuple[tuple[Any, ...], list[Any]]] = []
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        owned_by = detail.owner() if detail.owner else getattr(model, foreign_key)
        statement = _with_named(detail).where(owned_by.in_(chunk), model.deleted_at.is_(None))
        for record, *named in session.execute(statement):
            owner = named.pop() if detail.owner else getattr(record, foreign_key)
            values = list(parent_cells[owner])
            cells = {}
            for field in fields:
                precision = _precision_of(record, field)
                cells[field.key] = _cell(record, field.key, named)
                values.append(_export_value(field, cells[field.key], language, precision))
            order = tuple(
                _sortable(getattr(record, key) if hasattr(record, key) else cells.get(key))
                for key in detail.order
            )
            parent = tuple(_sortable(cell) for cell in parent_cells[owner])
            found.append(((*parent, position[owner], *order), values))
    for _key, row in sorted(found, key=lambda item: item[0]):
        yield row


def _precision_of(record: Any, field: Field) -> str:
    """How precisely the record knows the date of ``field`` ("day" for any other field)."""
    if field.kind == "date" and has_precision(record.__tablename__, field.key):
        return str(getattr(record, precision_key(field.key)) or "day")
    return "day"


def _with_named(detail: DetailSheet) -> Any:
    """The detail records, each with the name of the record it points to: a line's funder
    partner, the indicator (code, else name) or objective an expected result serves."""
    if detail.model is CofinancingLine:
        return select(
            CofinancingLine, Partner.name, Partner.country_code, Partner.geonames_id
        ).outerjoin(
            Partner, Partner.id == CofinancingLine.funder_partner_id
        )
    if detail.model is ExpectedResult:
        return (
            select(
                ExpectedResult,
                func.coalesce(Indicator.code, Indicator.name, StrategicObjective.title),
            )
            .outerjoin(Indicator, Indicator.id == ExpectedResult.indicator_id)
            .outerjoin(StrategicObjective, StrategicObjective.id == ExpectedResult.objective_id)
        )
    if detail.model is Membership:
        return (
            select(Membership, LocalEntity.name, Contact.name, contact_organisation())
            .outerjoin(LocalEntity, LocalEntity.id == Membership.local_entity_id)
            .outerjoin(Contact, Contact.id == Membership.focal_contact_id)
        )
    if detail.model is Participation:  # the member, then the network (see DetailSheet.owner)
        return (
            select(Participation, LocalEntity.name, Membership.network_id)
            .join(Membership, Membership.id == Participation.membership_id)
            .outerjoin(LocalEntity, LocalEntity.id == Membership.local_entity_id)
            .where(Membership.deleted_at.is_(None))
        )
    return select(detail.model, null())


def _cell(record: Any, key: str, named: list[Any]) -> Any:
    """The value of ``key`` for the sheet: a column of the record, or the name (and for a
    funder, the country) of the record it points to, selected beside it (``named``)."""
    if key == "funder":
        return named[0] or record.funder_name
    if key == "funder_country":
        return named[1]
    if key == "funder_place":
        return named[2]
    if key in ("serves", "local_entity", "member"):
        return named[0]
    if key == "focal_contact":
        return named[1]
    if key == "focal_contact_organisation":
        return named[2] if named[1] else None
    return getattr(record, key)


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
