"""Natural keys: what makes two live records the same thing, whatever their UUIDs.

Two copies of an office file that each record the value of one indicator, for one period
and one entity, hold two rows with different UUIDs; without a rule both stay live and
readings pick one silently. Each key below is a partial unique index on the live rows
(``deleted_at IS NULL``), on SQLite and PostgreSQL alike. A column that may be empty
(a measurement for the whole office has no entity) is split into two keys, one for the
rows that name it and one for those that do not, because both databases treat two
NULLs as different values in a unique index.

Revision 0011 made these indexes (settling the duplicates already in files: the row
changed last stays, the others become tombstones noted in the history); merges settle
the records they would make twice — a new one, or one an edit or an undone deletion
makes the same as another — keeping the one created first, moving the other's documents
to it and reporting differing values as conflicts
(:mod:`intl_desk.store.merge.plan`); forms refuse a duplicate before it is written
(:mod:`intl_desk.core.unique_keys`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Connection, Engine, Index, and_, event, text

from intl_desk.core.i18n import N_
from intl_desk.core.model.agreements import (
    AgreementParty,
    AgreementProject,
    AgreementSdg,
    AgreementTheme,
)
from intl_desk.core.model.base import Record
from intl_desk.core.model.evaluation import IndicatorSdg, IndicatorTarget, Measurement
from intl_desk.core.model.office import ExchangeRate
from intl_desk.core.model.projects import ProjectSdg


@dataclass(frozen=True)
class NaturalKey:
    """One partial unique index on live rows."""

    name: str  # the index's name
    model: type[Record]
    columns: tuple[str, ...]
    #: columns that must be set / empty for a row to fall under this key
    present: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    #: the field a form shows the refusal next to, and the refusal (a msgid)
    field: str = ""
    message: str = ""
    #: the fields whose values a merge compares when two rows collide (what is recorded)
    values: tuple[str, ...] = ()

    @property
    def table(self) -> str:
        return str(self.model.__tablename__)

    @property
    def where(self) -> str:
        """The index's condition, in SQL both databases read."""
        parts = ["deleted_at IS NULL"]
        parts += [f"{column} IS NOT NULL" for column in self.present]
        parts += [f"{column} IS NULL" for column in self.absent]
        return " AND ".join(parts)

    def same_as(self, row: Mapping[str, Any]) -> ColumnElement[bool]:
        """The live rows other than ``row`` with its key (``row`` being one that
        :meth:`applies`)."""
        table = self.model.__table__
        return and_(
            table.c.deleted_at.is_(None),
            table.c.id != row["id"],
            *(table.c[column] == row[column] for column in self.columns),
            *(table.c[column].is_(None) for column in self.absent),
        )

    def applies(self, row: Mapping[str, Any]) -> bool:
        return (
            row.get("deleted_at") is None
            and all(row.get(column) is not None for column in (*self.columns, *self.present))
            and all(row.get(column) is None for column in self.absent)
        )


_SDG = N_("This SDG is already chosen.")

NATURAL_KEYS: tuple[NaturalKey, ...] = (
    NaturalKey(
        "uq_exchange_rate_year", ExchangeRate, ("currency", "to_currency", "year"),
        field="year", message=N_("This currency already has a rate for this year."),
        values=("rate", "source"),
    ),
    NaturalKey(
        "uq_measurement_entity", Measurement, ("indicator_id", "period_id", "local_entity_id"),
        present=("local_entity_id",), field="period_id",
        message=N_("This indicator already has a value for this period and entity."),
        values=("value", "scale_level", "text", "measured_on", "source", "evidence", "comment"),
    ),
    NaturalKey(
        "uq_measurement_office", Measurement, ("indicator_id", "period_id"),
        absent=("local_entity_id",), field="period_id",
        message=N_("This indicator already has a value for this period."),
        values=("value", "scale_level", "text", "measured_on", "source", "evidence", "comment"),
    ),
    NaturalKey(
        "uq_indicator_target_entity", IndicatorTarget,
        ("indicator_id", "period_id", "local_entity_id"), present=("local_entity_id",),
        field="period_id",
        message=N_("This indicator already has a target for this period and entity."),
        values=("value",),
    ),
    NaturalKey(
        "uq_indicator_target_office", IndicatorTarget, ("indicator_id", "period_id"),
        absent=("local_entity_id",), field="period_id",
        message=N_("This indicator already has a target for this period."),
        values=("value",),
    ),
    NaturalKey(
        "uq_agreement_party_partner", AgreementParty, ("agreement_id", "partner_id"),
        present=("partner_id",), field="partner_id",
        message=N_("This partner is already a party to the agreement."), values=("role",),
    ),
    NaturalKey(
        "uq_agreement_party_entity", AgreementParty, ("agreement_id", "local_entity_id"),
        present=("local_entity_id",), field="local_entity_id",
        message=N_("This entity is already a party to the agreement."), values=("role",),
    ),
    NaturalKey(
        "uq_agreement_theme", AgreementTheme, ("agreement_id", "theme"),
        field="theme", message=N_("This theme is already chosen."),
    ),
    NaturalKey(
        "uq_agreement_sdg", AgreementSdg, ("agreement_id", "sdg"), field="sdg", message=_SDG
    ),
    NaturalKey("uq_project_sdg", ProjectSdg, ("project_id", "sdg"), field="sdg", message=_SDG),
    NaturalKey(
        "uq_indicator_sdg", IndicatorSdg, ("indicator_id", "sdg"), field="sdg", message=_SDG
    ),
    NaturalKey(
        "uq_agreement_project", AgreementProject, ("agreement_id", "project_id"),
        field="project_id", message=N_("This project is already linked to the agreement."),
    ),
)  # fmt: skip


def keys_of(model: type[Record]) -> tuple[NaturalKey, ...]:
    return tuple(key for key in NATURAL_KEYS if key.model is model)


def keys_of_table(table: str) -> tuple[NaturalKey, ...]:
    return tuple(key for key in NATURAL_KEYS if key.table == table)


def _declare_indexes() -> None:
    for key in NATURAL_KEYS:
        table = key.model.__table__
        Index(
            key.name,
            *(table.c[column] for column in key.columns),
            unique=True,
            sqlite_where=text(key.where),
        )


_declare_indexes()
_described_for_postgresql: list[bool] = []


@event.listens_for(Engine, "engine_connect")
def _describe_for_postgresql(connection: Connection) -> None:
    """The same condition on PostgreSQL (the office server's database), given to each
    index when the process first connects to one. Naming a dialect's option loads that
    dialect, and PostgreSQL's brings its drivers (18 modules, 0.03 s) into every command
    that only reads an office file. The server's tables are made by the migrations
    (0011 gives the condition itself); this keeps the model saying the same for anything
    that compiles it against PostgreSQL (tests/store/test_postgresql.py)."""
    if _described_for_postgresql or connection.dialect.name != "postgresql":
        return
    for key in NATURAL_KEYS:
        table = Record.metadata.tables[key.table]
        index = next(index for index in table.indexes if index.name == key.name)
        index.dialect_options["postgresql"]["where"] = text(key.where)
    _described_for_postgresql.append(True)
