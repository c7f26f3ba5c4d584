"""Entering measurements: what is due, a period's values read and written in bulk.

The measurement grid (``intl_desk.ui.measurement_grid``) shows many indicators, and for a
state many local entities, at once; it keeps what the user typed as :class:`Entry`
values and hands the changed ones to :func:`save_entries`, which writes them as ordinary
:class:`Measurement` records in the caller's tracked session (history, validation and
tombstones apply; nothing is committed here). Computed indicators take no measurements.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from babel.numbers import NumberFormatError, parse_decimal
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from intl_desk.core.display import locale_for
from intl_desk.core.errors import IntlDeskError
from intl_desk.core.evaluation.engine import IndicatorInfo, PeriodInfo
from intl_desk.core.i18n import N_, Message, current_language
from intl_desk.core.model import Document, LocalEntity, Measurement


class EntryError(IntlDeskError):
    """What was typed in a cell is not a value of that indicator."""


@dataclass
class Entry:
    """One cell of the grid: an indicator's measurement for the office or one entity."""

    indicator_id: str
    entity_id: str | None
    measurement_id: str | None = None
    value: float | None = None  # the number, or the scale level
    text: str | None = None
    evidence: str | None = None
    source: str | None = None
    comment: str | None = None
    documents: int = 0

    @property
    def key(self) -> tuple[str, str | None]:
        return self.indicator_id, self.entity_id

    @property
    def is_empty(self) -> bool:
        """Nothing measured (no value, no text, no document): saving deletes the saved
        measurement, whatever source or evidence it still carries. A new entry with only
        evidence or a comment is not empty: saving it asks for the value."""
        if self.value is not None or self.text or self.documents:
            return False
        return self.measurement_id is not None or not (self.evidence or self.comment)


@dataclass(frozen=True)
class DuePeriod:
    """A period that has started, with what is still missing in it."""

    period: PeriodInfo
    indicators_missing: int  # office-wide indicators without a measurement
    entity_values_missing: int  # (indicator, entity) pairs of per-entity indicators
    indicators: int  # indicators that take measurements

    @property
    def missing(self) -> int:
        return self.indicators_missing + self.entity_values_missing


def parse_value(indicator: IndicatorInfo, text: str) -> float | None:
    """A typed value in the user's language ("1 234,5" in French), or a scale level."""
    text = text.strip()
    if not text:
        return None
    if indicator.measure == "qualitative":
        levels = dict(indicator.levels)
        number = text.split("—")[0].split(" ")[0].strip()
        if number.isdigit() and (not levels or int(number) in levels):
            return float(number)
        raise EntryError(
            Message(
                N_("Choose a level of the scale: {levels}."),
                {"levels": ", ".join(str(level) for level in levels) or "1–5"},
            )
        )
    try:
        return float(parse_decimal(text, locale=locale_for(current_language()), strict=True))
    except (NumberFormatError, InvalidOperation, ValueError):
        pass
    try:
        return float(Decimal(text.replace(" ", "").replace(",", ".")))
    except InvalidOperation:
        raise EntryError(Message(N_("“{text}” is not a number."), {"text": text})) from None


def measured_indicators(indicators: list[IndicatorInfo]) -> list[IndicatorInfo]:
    """The indicators that take measurements (computed ones do not)."""
    return [indicator for indicator in indicators if not indicator.formula]


def measured_entities(session: Session) -> list[tuple[str, str, str | None]]:
    """(id, name, parent id) of the entities measured one by one: those with none under
    them (a state's municipalities, not its regions), by name."""
    parents = select(LocalEntity.parent_id).where(
        LocalEntity.deleted_at.is_(None), LocalEntity.parent_id.is_not(None)
    )
    rows = session.execute(
        select(LocalEntity.id, LocalEntity.name, LocalEntity.parent_id)
        .where(LocalEntity.deleted_at.is_(None), LocalEntity.id.not_in(parents))
        .order_by(LocalEntity.search_key, LocalEntity.name)
    )
    return [(row.id, row.name, row.parent_id) for row in rows]


def load_entries(session: Session, period_id: str) -> dict[tuple[str, str | None], Entry]:
    """Every live measurement of the period, with how many documents it has."""
    documents = dict(
        session.execute(
            select(Document.record_id, func.count())
            .where(Document.deleted_at.is_(None), Document.record_kind == "measurement")
            .group_by(Document.record_id)
        )
        .tuples()
        .all()
    )
    entries: dict[tuple[str, str | None], Entry] = {}
    rows = session.execute(
        select(
            Measurement.id,
            Measurement.indicator_id,
            Measurement.local_entity_id,
            Measurement.value,
            Measurement.scale_level,
            Measurement.text,
            Measurement.evidence,
            Measurement.source,
            Measurement.comment,
        )
        .where(Measurement.deleted_at.is_(None), Measurement.period_id == period_id)
        .order_by(Measurement.measured_on, Measurement.updated_at)
    )
    for row in rows:
        number = row.value if row.value is not None else row.scale_level
        entry = Entry(
            row.indicator_id,
            row.local_entity_id,
            row.id,
            None if number is None else float(number),
            row.text,
            row.evidence,
            row.source,
            row.comment,
            int(documents.get(row.id, 0)),
        )
        entries[entry.key] = entry
    return entries


def save_entries(
    session: Session,
    period_id: str,
    entries: list[Entry],
    indicators: dict[str, IndicatorInfo],
    today: date,
) -> list[Measurement]:
    """Write ``entries`` as measurements of the period (in the session, not committed).

    A new entry becomes a new measurement dated today; a changed one updates its
    measurement; an emptied one is deleted (a tombstone, like any delete).
    """
    written: list[Measurement] = []
    for entry in entries:
        indicator = indicators[entry.indicator_id]
        measurement = (
            session.get(Measurement, entry.measurement_id) if entry.measurement_id else None
        )
        if entry.is_empty:
            if measurement is not None:
                session.delete(measurement)
            continue
        if measurement is None:
            measurement = Measurement(
                indicator_id=entry.indicator_id,
                period_id=period_id,
                local_entity_id=entry.entity_id,
                measured_on=today,
            )
            if entry.measurement_id:  # documents were attached to it before it was saved
                measurement.id = entry.measurement_id
            session.add(measurement)
        qualitative = indicator.measure == "qualitative"
        measurement.value = None if qualitative or indicator.is_text else entry.value
        measurement.scale_level = (
            round(entry.value) if qualitative and entry.value is not None else None
        )
        measurement.text = entry.text or None
        measurement.evidence = entry.evidence or None
        measurement.source = entry.source or (indicator.source or None)
        measurement.comment = entry.comment or None
        written.append(measurement)
    session.flush()
    return written


def due_periods(
    session: Session, periods: list[PeriodInfo], indicators: list[IndicatorInfo], today: date
) -> list[DuePeriod]:
    """Started periods, latest first, with the measurements they still lack.

    A per-entity indicator is due for every local entity the grid lists.
    """
    measured = measured_indicators(indicators)
    office_wide = {i.id for i in measured if not i.per_local_entity}
    per_entity = {i.id for i in measured if i.per_local_entity}
    entity_count = len(measured_entities(session)) if per_entity else 0
    counts: dict[str, tuple[set[str], int]] = {}
    rows = session.execute(
        select(
            Measurement.period_id,
            Measurement.indicator_id,
            func.count(func.distinct(Measurement.local_entity_id)),
        )
        .where(Measurement.deleted_at.is_(None))
        .group_by(Measurement.period_id, Measurement.indicator_id)
    )
    for period_id, indicator_id, entities in rows:
        done, entity_values = counts.get(period_id, (set(), 0))
        done.add(indicator_id)
        if indicator_id in per_entity:
            entity_values += int(entities)
        counts[period_id] = (done, entity_values)
    due: list[DuePeriod] = []
    for period in sorted(periods, key=lambda p: p.end, reverse=True):
        if period.start > today:
            continue
        done, entity_values = counts.get(period.id, (set(), 0))
        due.append(
            DuePeriod(
                period,
                len(office_wide - done),
                max(0, len(per_entity) * entity_count - entity_values),
                len(measured),
            )
        )
    return due
