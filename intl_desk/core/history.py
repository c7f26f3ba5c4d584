"""A record's history as a reader wants it: field names in words, values as shown on screen.

The change log (:class:`~intl_desk.core.model.Change`) stores column names and values as
text (codes, ISO dates, UUIDs), which is right for merging copies of a file but unreadable
for a person. This module turns those rows into :class:`HistoryLine` values: "Status",
"Active" → "Ended", "Party added: Łódź", with dates in the user's language. It also finds
the child rows (parties, budget lines, documents…) whose changes belong to a record's
history, tombstoned ones included, so a removed party still shows as removed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.relationships import RelationshipDirection

from intl_desk.core import vocabularies as vocab
from intl_desk.core.date_precision import PRECISE_DATES, precision_key
from intl_desk.core.display import country_name, date_text, labelled, number_text
from intl_desk.core.i18n import N_, Message, _, current_language, translate
from intl_desk.core.model import (
    AgreementParty,
    AgreementProject,
    BudgetLine,
    Change,
    CofinancingLine,
    Document,
    IndicatorTarget,
    Measurement,
    Membership,
    ProjectParticipant,
    ProjectSector,
    ProjectTransaction,
    Record,
)
from intl_desk.core.records import model_for, title_of
from intl_desk.core.reference import sdg_goals

#: Field names as the forms label them (the same msgids, so already translated).
FIELD_LABELS: dict[str, str] = {
    "title": N_("Title"),
    "name": N_("Name"),
    "type": N_("Type"),
    "kind": N_("Kind"),
    "status": N_("Status"),
    "reference": N_("Reference"),
    "summary": N_("Summary"),
    "description": N_("Description"),
    "date_proposed": N_("Proposed"),
    "date_signed": N_("Signed"),
    "date_in_force": N_("In force from"),
    "date_expires": N_("Expires"),
    "date_ended": N_("Ended on"),
    "date_signed_precision": N_("Signing date given as"),
    "date_in_force_precision": N_("Entry into force given as"),
    "date_expires_precision": N_("Expiry given as"),
    "planned_start_precision": N_("Start given as"),
    "planned_end_precision": N_("End given as"),
    "actual_start_precision": N_("Start given as"),
    "actual_end_precision": N_("End given as"),
    "start_date_precision": N_("Start given as"),
    "end_date_precision": N_("End given as"),
    "since_precision": N_("Since given as"),
    "until_precision": N_("Until given as"),
    "perpetual": N_("Perpetual: no expiry date"),
    "renewal_decision": N_("Decision"),
    "renewal_reminder_days": N_("Reminder (days before expiry)"),
    "legal_authorisation": N_("Decision"),
    "legal_authorisation_date": N_("Date of the decision"),
    "languages": N_("Languages"),
    "responsible_id": N_("Responsible officer"),
    "renews_id": N_("Renews"),
    "amends_id": N_("Amends"),
    "lessons_learned": N_("Lessons learned"),
    "notes": N_("Notes"),
    "code": N_("Code"),
    "parent_id": N_("Part of"),
    "latitude": N_("Latitude"),
    "longitude": N_("Longitude"),
    "population": N_("Population"),
    "country_code": N_("Country"),
    "region": N_("Region or province"),
    "website": N_("Website"),
    "iati_org_ref": N_("IATI organisation identifier"),
    "iati_org_type": N_("IATI organisation type"),
    "iati_identifier": N_("IATI identifier"),
    "position": N_("Position"),
    "partner_id": N_("Partner"),
    "local_entity_id": N_("Local entity"),
    "organisation": N_("Other organisation"),
    "organisation_name": N_("Or another organisation"),
    "organisation_type": N_("Type"),
    "email": N_("E-mail"),
    "phone": N_("Phone"),
    "is_staff": N_("Staff"),
    "planned_start": N_("Start"),
    "planned_end": N_("End"),
    "actual_start": N_("Start"),
    "actual_end": N_("End"),
    "currency": N_("Currency"),
    "location_name": N_("Place"),
    "location": N_("Place"),
    "lead_entity_id": N_("Lead entity"),
    "results": N_("Results"),
    "role": N_("Role"),
    "year": N_("Year"),
    "amount": N_("Amount"),
    "funder_partner_id": N_("Funder (partner)"),
    "funder_name": N_("Or funder's name"),
    "instrument": N_("Programme or call"),
    "amount_requested": N_("Requested"),
    "amount_granted": N_("Granted"),
    "date_requested": N_("Requested on"),
    "date_decided": N_("Decided on"),
    "date": N_("Date"),
    "due_date": N_("Due"),
    "submitted_date": N_("Submitted"),
    "recipient": N_("To whom"),
    "percentage": N_("%"),
    "text": N_("Objective"),
    "side": N_("Side"),
    "acronym": N_("Acronym"),
    "scope": N_("Scope"),
    "themes": N_("Themes"),
    "since": N_("Since"),
    "until": N_("Until"),
    "annual_fee": N_("Annual fee"),
    "focal_contact_id": N_("Focal contact"),
    "start_date": N_("Start date"),
    "end_date": N_("End date"),
    "outcome": N_("Outcome"),
    "outcomes": N_("Outcomes"),
    "purpose": N_("Purpose"),
    "justification": N_("Justification"),
    "participants": N_("Participants"),
    "participant_count": N_("Number of people"),
    "cost": N_("Cost"),
    "agreement_id": N_("Agreement"),
    "project_id": N_("Project"),
    "network_id": N_("Network"),
    "dimension": N_("Dimension"),
    "measure": N_("Measured as"),
    "unit": N_("Unit"),
    "direction": N_("Direction"),
    "cumulative": N_("Cumulative: each period adds to the ones before"),
    "baseline_value": N_("Baseline value"),
    "baseline_year": N_("Baseline year"),
    "per_local_entity": N_("Measured separately for each local entity"),
    "objective_id": N_("Strategic objective"),
    "source": N_("Source"),
    "period_id": N_("Period"),
    "value": N_("Value"),
    "scale_level": N_("Level"),
    "level": N_("Level"),
    "label": N_("What it means"),
    "measured_on": N_("Measured on"),
    "evidence": N_("Evidence"),
    "comment": N_("Comment"),
    "category": N_("Category"),
    "filename": N_("File"),
    "size": N_("Size"),
}
#: Where one field name means different things in different tables.
TABLE_FIELD_LABELS: dict[tuple[str, str], str] = {
    ("local_entity", "code"): N_("Official code"),
    ("measurement", "text"): N_("What was observed"),
    ("indicator_target", "value"): N_("Target"),
    ("report", "title"): N_("Report"),
    ("project_report", "title"): N_("Report"),
    ("contact", "local_entity_id"): N_("At one of our entities"),
    ("contact", "partner_id"): N_("At a partner"),
    ("activity", "local_entity_id"): N_("Our entity"),
    ("membership", "local_entity_id"): N_("Our entity"),
    ("project_sector", "code"): N_("Sector"),
}

#: Coded fields and the vocabulary that names their codes: (table, field) or field alone.
FIELD_VOCABULARIES: dict[tuple[str, str] | str, vocab.Vocabulary] = {
    ("agreement", "type"): vocab.AGREEMENT_TYPES,
    ("agreement", "status"): vocab.AGREEMENT_STATUSES,
    "renewal_decision": vocab.RENEWAL_DECISIONS,
    **{
        precision_key(field): vocab.DATE_PRECISIONS
        for fields in PRECISE_DATES.values()
        for field in fields
    },
    ("agreement_party", "role"): vocab.PARTY_ROLES,
    "side": vocab.SIGNATORY_SIDES,
    "theme": vocab.THEMES,
    "domain": vocab.THEMES,
    ("project", "status"): vocab.PROJECT_STATUSES,
    ("project_participant", "role"): vocab.ORGANISATION_ROLES,
    "organisation_type": vocab.ORGANISATION_TYPES,
    "iati_org_type": vocab.ORGANISATION_TYPES,
    ("budget_line", "type"): vocab.BUDGET_TYPES,
    ("budget_line", "status"): vocab.BUDGET_STATUSES,
    ("project_transaction", "type"): vocab.TRANSACTION_TYPES,
    ("cofinancing_line", "status"): vocab.COFINANCING_STATUSES,
    ("project_report", "status"): vocab.REPORT_STATUSES,
    "scope": vocab.NETWORK_SCOPES,
    ("membership", "role"): vocab.MEMBERSHIP_ROLES,
    ("participation", "kind"): vocab.PARTICIPATION_KINDS,
    ("activity", "kind"): vocab.ACTIVITY_KINDS,
    ("activity", "status"): vocab.ACTIVITY_STATUSES,
    "dimension": vocab.DIMENSIONS,
    "measure": vocab.MEASURES,
    "direction": vocab.DIRECTIONS,
    ("document", "category"): vocab.DOCUMENT_CATEGORIES,
    ("partner", "kind"): vocab.PARTNER_KINDS,
    ("local_entity", "kind"): vocab.LOCAL_ENTITY_KINDS,
    ("office", "kind"): vocab.OFFICE_KINDS,
}
#: Comma-separated codes, each named by a vocabulary.
LIST_VOCABULARIES: dict[str, vocab.Vocabulary] = {
    "languages": vocab.LANGUAGES,
    "themes": vocab.THEMES,
}
#: Integers that are years or levels, shown without thousands separators.
PLAIN_NUMBERS = frozenset({"year", "baseline_year", "level", "scale_level", "geonames_id"})
LONG_TEXT = 160  # characters of a long text shown in a cell (the rest in its tooltip)

ACTIONS = {
    "create": N_("Created"),
    "update": N_("Changed"),
    "delete": N_("Deleted"),
    "restore": N_("Restored"),
    "refused": N_("Not saved on the office server"),
}
CHILD_ACTIONS = {
    "create": N_("{kind} added"),
    "delete": N_("{kind} removed"),
    "restore": N_("{kind} restored"),
    "refused": N_("{kind} not saved on the office server"),
}


@dataclass(frozen=True)
class HistoryLine:
    changed_at: datetime
    changed_by: str
    what: str
    before: str
    after: str
    before_full: str = ""  # the whole text when ``before`` was shortened
    after_full: str = ""


def field_label(table: str, field: str) -> str:
    msgid = TABLE_FIELD_LABELS.get((table, field)) or FIELD_LABELS.get(field)
    return translate(msgid) if msgid else field.replace("_", " ").capitalize()


def _column(model: type[Record] | None, field: str) -> Any:
    if model is None:
        return None
    return model.__table__.columns.get(field)


def _sdg_name(number: Any) -> str:
    language = current_language()
    for goal in sdg_goals():
        if str(goal.number) == str(number):
            return f"{goal.number} {goal.short_name(language)}"
    return str(number)


def readable_value(session: Session, table: str, field: str, text: str | None) -> str:
    """A logged value as the forms show it: names for ids and codes, local dates and numbers."""
    if text is None or text == "":
        return "—"
    model = model_for(table)
    column = _column(model, field)
    vocabulary = FIELD_VOCABULARIES.get((table, field)) or FIELD_VOCABULARIES.get(field)
    if vocabulary is not None:
        return vocabulary.label(text)
    if field in LIST_VOCABULARIES:
        terms = LIST_VOCABULARIES[field]
        return ", ".join(terms.label(code) for code in text.split(",") if code)
    if field.endswith("country_code"):
        return country_name(text) or text
    if field == "sdg":
        return _sdg_name(text)
    if column is not None and column.foreign_keys:
        target = model_for(next(iter(column.foreign_keys)).column.table.name)
        record = session.get(target, text) if target is not None else None
        return title_of(record) if record is not None else _("(a record no longer in the file)")
    try:
        python_type = column.type.python_type if column is not None else str
    except NotImplementedError:
        python_type = str
    try:
        if python_type is bool:
            return _("Yes") if text in ("True", "1", "true") else _("No")
        if python_type is datetime:
            moment = datetime.fromisoformat(text)
            return f"{date_text(moment)} {moment:%H:%M}"
        if python_type is date:
            return date_text(date.fromisoformat(text))
        if field not in PLAIN_NUMBERS and python_type in (int, float, Decimal):
            return number_text(Decimal(text))
    except (ValueError, InvalidOperation):
        return text
    return text


def child_summary(session: Session, record: Record) -> str:
    """The few words that tell one child row from its siblings."""
    if isinstance(record, AgreementParty | ProjectParticipant):
        party = record.partner or record.local_entity
        return title_of(party) if party else (getattr(record, "organisation_name", "") or "")
    if isinstance(record, AgreementProject):
        return title_of(record.project) if record.project else ""
    if isinstance(record, BudgetLine):
        return f"{record.year} · {number_text(record.amount)}"
    if isinstance(record, ProjectTransaction):
        return f"{date_text(record.date)} · {number_text(record.amount)}"
    if isinstance(record, CofinancingLine):
        funder = record.funder_partner
        return (title_of(funder) if funder else record.funder_name) or record.instrument or ""
    if isinstance(record, IndicatorTarget | Measurement):
        parts = [record.period.label if record.period else ""]
        if record.local_entity is not None:
            parts.append(record.local_entity.name)
        return " · ".join(part for part in parts if part)
    if isinstance(record, Membership):
        return date_text(record.since) if record.since else ""
    if isinstance(record, ProjectSector):
        return record.code
    for field in ("theme", "sdg"):
        if hasattr(record, field):
            return readable_value(session, record.__tablename__, field, str(getattr(record, field)))
    text = title_of(record)
    return text if len(text) <= 80 else text[:79] + "…"


def related_ids(session: Session, record: Record) -> list[str]:
    """The record, its child rows (tombstoned too, recursively) and its documents."""
    found: list[str] = []

    def walk(model: type[Record], ids: list[str], depth: int) -> None:
        if not ids or depth > 3:
            return
        for relation in model.__mapper__.relationships:
            if relation.direction is not RelationshipDirection.ONETOMANY:
                continue
            child = relation.mapper.class_
            if not issubclass(child, Record) or child is model:
                continue
            pairs = [
                str(remote.key)
                for local, remote in relation.local_remote_pairs or ()
                if local.key == "id"
            ]
            if not pairs:
                continue
            foreign_key = child.__table__.columns[pairs[0]]
            rows = list(session.scalars(select(child.id).where(foreign_key.in_(ids))))
            found.extend(rows)
            walk(child, rows, depth + 1)

    walk(type(record), [record.id], 0)
    documents = session.scalars(select(Document.id).where(Document.record_id == record.id))
    return [record.id, *found, *documents]


def record_history(
    session: Session, record: Record, extra_ids: Iterable[str] = (), limit: int = 500
) -> list[HistoryLine]:
    """Newest first: what changed on the record and its child rows, in words."""
    ids = list(dict.fromkeys([*related_ids(session, record), *extra_ids]))
    changes: list[Change] = []
    for start in range(0, len(ids), 500):  # stay under every database's parameter limit
        changes.extend(
            session.scalars(
                select(Change)
                .where(Change.record_id.in_(ids[start : start + 500]))
                .order_by(Change.changed_at.desc())
                .limit(limit)
            )
        )
    changes.sort(key=lambda change: change.changed_at, reverse=True)
    return [_line(session, record, change) for change in changes[:limit]]


def _line(session: Session, record: Record, change: Change) -> HistoryLine:
    table = change.record_kind
    before = readable_value(session, table, change.field, change.old_value) if change.field else ""
    after = readable_value(session, table, change.field, change.new_value) if change.field else ""
    if change.record_id == record.id:
        what = field_label(table, change.field) if change.field else _(ACTIONS[change.action])
    else:
        model = model_for(table)
        child = session.get(model, change.record_id) if model is not None else None
        kind = translate(model.kind_label) if model is not None else table
        summary = child_summary(session, child) if child is not None else ""
        if change.field:
            what = (
                labelled(f"{kind} “{summary}”", field_label(table, change.field))
                if summary
                else labelled(kind, field_label(table, change.field))
            )
        else:
            msgid = CHILD_ACTIONS.get(change.action, N_("{kind} changed"))
            what = Message(msgid, {"kind": kind}).render()
            if change.action == "delete":
                before = summary
            else:
                after = summary
    if change.action == "refused":  # the server's reason, in the reader's language
        after = refusal_reason(change.new_value)
    return HistoryLine(
        changed_at=change.changed_at,
        changed_by=change.changed_by or "",
        what=what,
        before=_short(before),
        after=_short(after),
        before_full=before if len(before) > LONG_TEXT else "",
        after_full=after if len(after) > LONG_TEXT else "",
    )


def refusal_reason(stored: str | None) -> str:
    """The reason an office server gave for refusing a change (kept as its message)."""
    try:
        reason = json.loads(stored or "")
        return Message(str(reason["msgid"]), dict(reason.get("params") or {})).render()
    except (ValueError, KeyError, TypeError, AttributeError):
        return stored or ""


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= LONG_TEXT else text[: LONG_TEXT - 1] + "…"
