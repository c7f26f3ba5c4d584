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
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import FromClause
from sqlalchemy.sql.elements import KeyedColumnElement

from intl_desk.core import model


class TableColumns:
    """A table's columns by attribute name (``Agreement.status``), and the table itself
    wherever SQLAlchemy takes one (``join(Agreement, …)``, ``select_from(Agreement)``)."""

    __slots__ = ("_table",)

    def __init__(self, table: FromClause) -> None:
        self._table = table

    def __clause_element__(self) -> Any:  # Any: SQLAlchemy's typing expects a column here
        return self._table

    def __getattr__(self, name: str) -> KeyedColumnElement[Any]:
        try:
            return self._table.c[name]
        except KeyError:
            raise AttributeError(f"{self._table.description} has no column {name}") from None

    def alias(self) -> TableColumns:
        """Another copy of the table in one statement (``aliased(Agreement)``)."""
        return TableColumns(self._table.alias())


def columns(record: type[model.Base]) -> TableColumns:
    """The Core columns of ``record``'s table, by attribute name."""
    return TableColumns(record.__table__)


Activity = columns(model.Activity)
Agreement = columns(model.Agreement)
AgreementObjective = columns(model.AgreementObjective)
AgreementParty = columns(model.AgreementParty)
AgreementProject = columns(model.AgreementProject)
AgreementSdg = columns(model.AgreementSdg)
AgreementTheme = columns(model.AgreementTheme)
BudgetLine = columns(model.BudgetLine)
CofinancingLine = columns(model.CofinancingLine)
ExchangeRate = columns(model.ExchangeRate)
Indicator = columns(model.Indicator)
IndicatorSdg = columns(model.IndicatorSdg)
IndicatorTarget = columns(model.IndicatorTarget)
LocalEntity = columns(model.LocalEntity)
Measurement = columns(model.Measurement)
Membership = columns(model.Membership)
Network = columns(model.Network)
Office = columns(model.Office)
Participation = columns(model.Participation)
Partner = columns(model.Partner)
Period = columns(model.Period)
Project = columns(model.Project)
ProjectParticipant = columns(model.ProjectParticipant)
ProjectSdg = columns(model.ProjectSdg)
ProjectSector = columns(model.ProjectSector)
ProjectTransaction = columns(model.ProjectTransaction)
RoundSubmission = columns(model.RoundSubmission)
ScaleLevel = columns(model.ScaleLevel)
ServerLink = columns(model.ServerLink)
