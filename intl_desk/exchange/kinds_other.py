"""Partner, local entity and measurement rows (indicators: kinds_indicators.py).

Duplicates: a partner with the same name (ignoring case and accents) in the same country;
an entity with the same name; a measurement of the same indicator, period and entity.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from intl_desk.core import vocabularies as vocab
from intl_desk.core.i18n import N_
from intl_desk.core.model import (
    Indicator,
    LocalEntity,
    Measurement,
    Partner,
    Period,
    Record,
)
from intl_desk.core.validation import errors_of
from intl_desk.exchange.bulk import transient
from intl_desk.exchange.context import ImportContext, name_key
from intl_desk.exchange.importer import Issue, RowPreview, year_of


class SimpleHandler:
    """Rows that map onto one record's columns, found again by a duplicate key."""

    model: type[Record]
    scalars: tuple[str, ...] = ()
    keys_name = ""

    def key(self, values: dict[str, Any]) -> Any:
        raise NotImplementedError

    def existing(self, context: ImportContext) -> dict[Any, str]:
        raise NotImplementedError

    def load(self, context: ImportContext, rows: list[RowPreview]) -> None:
        context.extra[self.keys_name] = self.existing(context)

    def record_values(self, context: ImportContext, row: RowPreview) -> dict[str, Any]:
        return {key: row.values[key] for key in self.scalars if key in row.values}

    def check(self, context: ImportContext, row: RowPreview) -> None:
        row.label = self.label(row)
        self.prepare(context, row)
        if row.errors:
            return
        record = transient(self.model, self.record_values(context, row))
        row.errors.extend(Issue(error.message) for error in self.errors(context, record))
        if row.errors:
            return
        keys: dict[Any, str] = context.extra[self.keys_name]
        key = self.key(row.values)
        if key in keys:
            row.duplicate_of = keys[key]
        else:
            keys[key] = f"row:{row.number}"

    def label(self, row: RowPreview) -> str:
        """How the preview names the row's record."""
        return str(row.values.get("name") or row.values.get("indicator") or "")

    def prepare(self, context: ImportContext, row: RowPreview) -> None:
        """Resolve names and defaults before validation."""

    def errors(self, context: ImportContext, record: Record) -> list[Any]:
        return errors_of(record)

    def create(self, context: ImportContext, row: RowPreview) -> str:
        values = {**self.record_values(context, row), **self.links(context, row)}
        record = context.writer.add(self.model, values)
        context.created[f"row:{row.number}"] = record
        return str(record["id"])

    def links(self, context: ImportContext, row: RowPreview) -> dict[str, Any]:
        """Foreign keys to records that may be created during this import."""
        return {}

    def update(self, context: ImportContext, row: RowPreview, record_id: str) -> bool:
        values = {**self.record_values(context, row), **self.links(context, row)}
        inferred = row.plan.get("inferred", ())
        changed = False
        if record_id.startswith("row:"):
            queued: dict[str, Any] = context.created[record_id]
            for key, value in values.items():
                if value is not None and key not in inferred and queued.get(key) != value:
                    queued[key] = value
                    changed = True
            return changed
        found = context.session.get(self.model, record_id)
        for key, value in values.items():
            if value is not None and key not in inferred and getattr(found, key) != value:
                setattr(found, key, value)
                changed = True
        return changed


class PartnerHandler(SimpleHandler):
    model = Partner
    scalars = (
        "name",
        "kind",
        "country_code",
        "region",
        "website",
        "population",
        "latitude",
        "longitude",
        "iati_org_ref",
        "geonames_id",
        "notes",
    )
    keys_name = "partner_keys"

    def key(self, values: dict[str, Any]) -> Any:
        return (name_key(str(values.get("name") or "")), values.get("country_code"))

    def existing(self, context: ImportContext) -> dict[Any, str]:
        return {
            (name, country): partner_id
            for name, found in context.partners.items()
            for partner_id, country in found
        }

    def load(self, context: ImportContext, rows: list[RowPreview]) -> None:
        super().load(context, rows)
        # where each namesake is: three Springfields of the United States are three cities
        places: dict[Any, list[tuple[str, Place]]] = {}
        names = {name_key(str(row.values.get("name") or "")) for row in rows}
        ids = [pid for name in names for pid, _country in context.partners.get(name, [])]
        for start in range(0, len(ids), 500):
            found = context.session.execute(
                select(
                    Partner.id, Partner.name, Partner.country_code, Partner.region,
                    Partner.latitude, Partner.longitude,
                ).where(Partner.id.in_(ids[start : start + 500]))
            )
            for pid, name, country, region, latitude, longitude in found:
                key = (name_key(name), country)
                places.setdefault(key, []).append((pid, (region, latitude, longitude)))
        context.extra["partner_places"] = places

    def check(self, context: ImportContext, row: RowPreview) -> None:
        """A namesake in the same country is the same partner unless the rows say it lies
        elsewhere (another region, coordinates more than about 50 km away)."""
        row.label = str(row.values.get("name") or "")
        self.prepare(context, row)
        if row.errors:
            return
        record = transient(self.model, self.record_values(context, row))
        row.errors.extend(Issue(error.message) for error in self.errors(context, record))
        if row.errors:
            return
        places: dict[Any, list[tuple[str, Place]]] = context.extra["partner_places"]
        here: Place = (
            row.values.get("region"), row.values.get("latitude"), row.values.get("longitude")
        )
        namesakes = places.setdefault(self.key(row.values), [])
        same = next((ref for ref, place in namesakes if _same_place(place, here)), None)
        if same is not None:
            row.duplicate_of = same
        else:
            namesakes.append((f"row:{row.number}", here))

    def prepare(self, context: ImportContext, row: RowPreview) -> None:
        row.values["country_code"] = row.values.pop("country", None)
        if not row.values.get("kind"):
            row.plan["inferred"] = {"kind"}
            row.values["kind"] = "city"


class LocalEntityHandler(SimpleHandler):
    model = LocalEntity
    scalars = ("name", "kind", "code", "population", "latitude", "longitude", "notes")
    keys_name = "entity_keys"

    def key(self, values: dict[str, Any]) -> Any:
        return name_key(str(values.get("name") or ""))

    def existing(self, context: ImportContext) -> dict[Any, str]:
        facts: dict[str, tuple[str, str | None]] = {}
        for entity_id, kind, code in context.session.execute(
            select(LocalEntity.id, LocalEntity.kind, LocalEntity.code).where(
                LocalEntity.deleted_at.is_(None)
            )
        ):
            facts[entity_id] = (kind, code)
        context.extra["entity_facts"] = facts
        return dict(context.entities)

    def check(self, context: ImportContext, row: RowPreview) -> None:
        """A row named like an entity of the file or of an earlier row is that entity
        only if it is of the same kind and code: a region and a municipality of one name
        (Jequitinhonha) are refused with the reason, never merged into one."""
        super().check(context, row)
        facts: dict[str, tuple[str, str | None]] = context.extra["entity_facts"]
        if row.errors:
            return
        kind, code = str(row.values.get("kind")), row.values.get("code")
        if row.duplicate_of is None:
            facts[f"row:{row.number}"] = (kind, code)
            return
        other_kind, other_code = facts.get(row.duplicate_of, (kind, code))
        inferred = "kind" in row.plan.get("inferred", ())
        if (not inferred and other_kind != kind) or (code and other_code and code != other_code):
            row.error(
                N_(
                    "Another entity is already named “{name}” ({kind}): entities are told "
                    "apart by their names, so rename one of them."
                ),
                name=row.values.get("name") or "",
                kind=vocab.LOCAL_ENTITY_KINDS.label(other_kind),
            )
            row.duplicate_of = None

    def prepare(self, context: ImportContext, row: RowPreview) -> None:
        if not row.values.get("kind"):
            row.plan["inferred"] = {"kind"}
            row.values["kind"] = context.default_entity_kind
        parent = row.values.get("parent")
        if parent:
            row.plan["parent"] = parent
            if context.entities.get(name_key(parent)) is None:
                context.entity_for(parent)

    def links(self, context: ImportContext, row: RowPreview) -> dict[str, Any]:
        parent = row.plan.get("parent")
        return {"parent_id": context.entity_id(parent)} if parent else {}

    def create(self, context: ImportContext, row: RowPreview) -> str:
        folded = name_key(str(row.values["name"]))
        planned = context.created.get(("entity", folded))
        if planned is not None:  # already created as the parent named by an earlier row
            queued = context.queued[str(planned)]
            queued.update(self.record_values(context, row), **self.links(context, row))
            context.created[f"row:{row.number}"] = queued
            return str(planned)
        record_id = super().create(context, row)
        context.created[("entity", folded)] = record_id
        context.queued[record_id] = context.created[f"row:{row.number}"]
        return record_id


class MeasurementHandler(SimpleHandler):
    model = Measurement
    scalars = ("value", "scale_level", "text", "measured_on", "source", "comment")
    keys_name = "measurement_keys"

    def key(self, values: dict[str, Any]) -> Any:
        return (values["indicator_id"], values["period_key"], values.get("local_entity_id"))

    def existing(self, context: ImportContext) -> dict[Any, str]:
        indicators: dict[str, str] = {}
        for indicator_id, code, name in context.session.execute(
            select(Indicator.id, Indicator.code, Indicator.name).where(
                Indicator.deleted_at.is_(None)
            )
        ):
            if code:
                indicators.setdefault(name_key(code), indicator_id)
            indicators.setdefault(name_key(name), indicator_id)
        periods = {
            name_key(label): period_id
            for period_id, label in context.session.execute(
                select(Period.id, Period.label).where(Period.deleted_at.is_(None))
            )
        }
        context.extra["indicators"] = indicators
        context.extra["periods"] = periods
        keys: dict[Any, str] = {}
        for measurement_id, indicator_id, period_id, entity_id in context.session.execute(
            select(
                Measurement.id,
                Measurement.indicator_id,
                Measurement.period_id,
                Measurement.local_entity_id,
            ).where(Measurement.deleted_at.is_(None))
        ):
            keys.setdefault((indicator_id, period_id, entity_id), measurement_id)
        return keys

    def prepare(self, context: ImportContext, row: RowPreview) -> None:
        values = row.values
        indicator_id = context.extra["indicators"].get(name_key(str(values["indicator"])))
        if indicator_id is None:
            row.error(
                N_("Indicator “{name}” is not in the file: import or add it first."),
                name=values["indicator"],
            )
            return
        values["indicator_id"] = indicator_id
        label = str(values["period"])
        period_id = context.extra["periods"].get(name_key(label))
        if period_id is None:
            year = year_of(values["period"])
            if year is None:
                row.error(N_("Period “{label}” is not in the file."), label=label)
                return
            label = str(year)
            period_id = context.extra["periods"].get(label)
            if period_id is None:
                row.warn(N_("New period {label} will be created."), label=label)
        row.plan["period"] = (label, period_id)
        values["period_key"] = period_id or f"new:{label}"
        entity = values.get("entity")
        if entity:
            entity_id = context.entities.get(name_key(entity))
            if entity_id is None:
                row.error(N_("Local entity “{name}” is not in the file."), name=entity)
                return
            values["local_entity_id"] = entity_id

    def record_values(self, context: ImportContext, row: RowPreview) -> dict[str, Any]:
        found = super().record_values(context, row)
        found["indicator_id"] = row.values.get("indicator_id")
        found["local_entity_id"] = row.values.get("local_entity_id")
        return found

    def errors(self, context: ImportContext, record: Record) -> list[Any]:
        # the period may be created by this import: check it as if it were there
        assert isinstance(record, Measurement)
        record.period = Period(label="-", start_date=date(2000, 1, 1), end_date=date(2000, 1, 1))
        return errors_of(record, context.session)

    def links(self, context: ImportContext, row: RowPreview) -> dict[str, Any]:
        label, period_id = row.plan["period"]
        if period_id is not None:
            return {"period_id": period_id}
        key = ("period", label)
        if key not in context.created:
            year = int(label)
            period = context.writer.add(
                Period,
                {"label": label, "start_date": date(year, 1, 1), "end_date": date(year, 12, 31)},
            )
            context.created[key] = period["id"]
        return {"period_id": context.created[key]}


#: a partner's region and coordinates, any of them unknown
Place = tuple[Any, Any, Any]


def _same_place(one: Place, other: Place) -> bool:
    """Whether two namesakes can be one place: nothing they say tells them apart."""
    (region, latitude, longitude), (region2, latitude2, longitude2) = one, other
    if region and region2 and name_key(str(region)) != name_key(str(region2)):
        return False
    if None not in (latitude, longitude, latitude2, longitude2):
        return abs(latitude - latitude2) <= 0.5 and abs(longitude - longitude2) <= 0.5
    return True
