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
from intl_desk.core.i18n import N_, translate
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
from intl_desk.exchange.context import name_key
from intl_desk.exchange.field_types import Field


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
