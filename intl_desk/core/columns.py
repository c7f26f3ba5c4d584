"""The office file's columns as SQLAlchemy Core sees them, for statements that read figures.

A statement built from the ORM classes' attributes (``Agreement.status``) is compiled by
the ORM, and the ORM's first compilation configures every mapper of the model: 70 ms of
CPU, paid by every report before its first figure, and more per statement after it. The
figures need only columns. ``from intl_desk.core.columns import Agreement`` gives the
same columns of the same table under the same names (``Agreement.status``), which
SQLAlchemy Core compiles alone: the overview reads all its figures so, and the ``report
overview`` command never configures the mappers (tests/core/test_columns.py keeps it
so). A module that loads records (``select(Office)`` for an :class:`Office`) imports the
class from :mod:`intl_desk.core.model` instead.

Nor does a reading need the model imported at all (0.14 s of CPU for its 44 classes):
while it is not, the columns are those of :mod:`intl_desk.core.tables`, the same tables
written out from the model (a test keeps them the same); once it is, they are the
model's own tables, so a statement that joins these columns to a class's attributes
names each table once.
"""

from __future__ import annotations

import sys
from typing import Any

from sqlalchemy import FromClause, MetaData
from sqlalchemy.sql.elements import KeyedColumnElement


def _tables() -> MetaData:
    """The model's tables if it is imported, else the ones written out from it."""
    model = sys.modules.get("intl_desk.core.model")
    if model is not None and hasattr(model, "Base"):
        return model.Base.metadata
    from intl_desk.core.tables import metadata

    return metadata


class TableColumns:
    """A table's columns by attribute name (``Agreement.status``), and the table itself
    wherever SQLAlchemy takes one (``join(Agreement, …)``, ``select_from(Agreement)``)."""

    __slots__ = ("_alias", "_name")

    def __init__(self, name: str, alias: FromClause | None = None) -> None:
        self._name = name
        self._alias = alias

    @property
    def _table(self) -> FromClause:
        return self._alias if self._alias is not None else _tables().tables[self._name]

    def __clause_element__(self) -> Any:  # Any: SQLAlchemy's typing expects a column here
        return self._table

    def __getattr__(self, name: str) -> KeyedColumnElement[Any]:
        try:
            return self._table.c[name]
        except KeyError:
            raise AttributeError(f"{self._name} has no column {name}") from None

    def alias(self) -> TableColumns:
        """Another copy of the table in one statement (``aliased(Agreement)``)."""
        return TableColumns(self._name, self._table.alias())


Activity = TableColumns("activity")
Agreement = TableColumns("agreement")
AgreementObjective = TableColumns("agreement_objective")
AgreementParty = TableColumns("agreement_party")
AgreementProject = TableColumns("agreement_project")
AgreementSdg = TableColumns("agreement_sdg")
AgreementTheme = TableColumns("agreement_theme")
BudgetLine = TableColumns("budget_line")
CofinancingLine = TableColumns("cofinancing_line")
ExchangeRate = TableColumns("exchange_rate")
Indicator = TableColumns("indicator")
IndicatorSdg = TableColumns("indicator_sdg")
IndicatorTarget = TableColumns("indicator_target")
LocalEntity = TableColumns("local_entity")
Measurement = TableColumns("measurement")
Membership = TableColumns("membership")
Network = TableColumns("network")
Office = TableColumns("office")
Participation = TableColumns("participation")
Partner = TableColumns("partner")
Period = TableColumns("period")
Project = TableColumns("project")
ProjectParticipant = TableColumns("project_participant")
ProjectSdg = TableColumns("project_sdg")
ProjectSector = TableColumns("project_sector")
ProjectTransaction = TableColumns("project_transaction")
RoundSubmission = TableColumns("round_submission")
ScaleLevel = TableColumns("scale_level")
ServerLink = TableColumns("server_link")
