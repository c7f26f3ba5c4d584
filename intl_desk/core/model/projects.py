"""Decentralised-cooperation projects, with IATI's statuses, roles and money lines."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import Date, Float, ForeignKey, Integer, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from intl_desk.core.i18n import N_
from intl_desk.core.model.base import (
    PRECISION_DEFAULT,
    DatePrecision,
    Record,
    Searchable,
    children,
)
from intl_desk.core.model.office import LocalEntity, Partner

Money = Numeric(14, 2)


class Project(Record, Searchable):
    __tablename__ = "project"
    kind_label = N_("Project")
    search_fields = ("title", "location_name", "iati_identifier")

    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    iati_identifier: Mapped[str | None] = mapped_column(String(150))
    status: Mapped[str] = mapped_column(String(2), default="1", index=True)
    planned_start: Mapped[date | None] = mapped_column(Date)
    planned_end: Mapped[date | None] = mapped_column(Date)
    actual_start: Mapped[date | None] = mapped_column(Date)
    actual_end: Mapped[date | None] = mapped_column(Date)
    # how much of each date the office knew (see intl_desk.core.date_precision)
    planned_start_precision: Mapped[str] = mapped_column(DatePrecision, **PRECISION_DEFAULT)
    planned_end_precision: Mapped[str] = mapped_column(DatePrecision, **PRECISION_DEFAULT)
    actual_start_precision: Mapped[str] = mapped_column(DatePrecision, **PRECISION_DEFAULT)
    actual_end_precision: Mapped[str] = mapped_column(DatePrecision, **PRECISION_DEFAULT)
    currency: Mapped[str] = mapped_column(String(3), default="EUR")
    location_name: Mapped[str | None] = mapped_column(String(200))
    country_code: Mapped[str | None] = mapped_column(String(2))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    lead_entity_id: Mapped[str | None] = mapped_column(ForeignKey("local_entity.id"), index=True)
    results: Mapped[str | None] = mapped_column(Text)
    lessons_learned: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)

    lead_entity: Mapped[LocalEntity | None] = relationship()
    participants: Mapped[list[ProjectParticipant]] = children(
        "Project", "ProjectParticipant", "project_id"
    )
    sectors: Mapped[list[ProjectSector]] = children("Project", "ProjectSector", "project_id")
    sdgs: Mapped[list[ProjectSdg]] = children("Project", "ProjectSdg", "project_id")
    budget_lines: Mapped[list[BudgetLine]] = children(
        "Project", "BudgetLine", "project_id", order_by="BudgetLine.year"
    )
    cofinancing: Mapped[list[CofinancingLine]] = children(
        "Project", "CofinancingLine", "project_id"
    )
    transactions: Mapped[list[ProjectTransaction]] = children(
        "Project", "ProjectTransaction", "project_id"
    )
    reports: Mapped[list[ProjectReport]] = children(
        "Project", "ProjectReport", "project_id", order_by="ProjectReport.due_date"
    )


class ProjectParticipant(Record):
    """A participating organisation with its IATI role (funding, implementing…)."""

    __tablename__ = "project_participant"
    kind_label = N_("Participant")

    project_id: Mapped[str] = mapped_column(ForeignKey("project.id"), index=True)
    local_entity_id: Mapped[str | None] = mapped_column(ForeignKey("local_entity.id"), index=True)
    partner_id: Mapped[str | None] = mapped_column(ForeignKey("partner.id"), index=True)
    organisation_name: Mapped[str | None] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(2), default="4")
    organisation_type: Mapped[str | None] = mapped_column(String(4))

    local_entity: Mapped[LocalEntity | None] = relationship()
    partner: Mapped[Partner | None] = relationship()


class ProjectSector(Record):
    """An OECD DAC 5-digit sector (IATI vocabulary 1) with its share of the project."""

    __tablename__ = "project_sector"
    kind_label = N_("Sector")

    project_id: Mapped[str] = mapped_column(ForeignKey("project.id"), index=True)
    code: Mapped[str] = mapped_column(String(10))
    percentage: Mapped[float | None] = mapped_column(Float)


class ProjectSdg(Record):
    __tablename__ = "project_sdg"
    kind_label = N_("SDG")

    project_id: Mapped[str] = mapped_column(ForeignKey("project.id"), index=True)
    sdg: Mapped[int] = mapped_column(Integer, index=True)


class BudgetLine(Record):
    __tablename__ = "budget_line"
    kind_label = N_("Budget line")

    project_id: Mapped[str] = mapped_column(ForeignKey("project.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    amount: Mapped[Decimal] = mapped_column(Money)
    type: Mapped[str] = mapped_column(String(2), default="1")
    status: Mapped[str] = mapped_column(String(2), default="1")
    description: Mapped[str | None] = mapped_column(String(300))


class CofinancingLine(Record):
    """Money sought from a funder: development agency, EU programme, foundation…"""

    __tablename__ = "cofinancing_line"
    kind_label = N_("Co-financing line")

    project_id: Mapped[str] = mapped_column(ForeignKey("project.id"), index=True)
    funder_partner_id: Mapped[str | None] = mapped_column(ForeignKey("partner.id"), index=True)
    funder_name: Mapped[str | None] = mapped_column(String(200))
    instrument: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(20), default="requested")
    amount_requested: Mapped[Decimal | None] = mapped_column(Money)
    amount_granted: Mapped[Decimal | None] = mapped_column(Money)
    date_requested: Mapped[date | None] = mapped_column(Date)
    date_decided: Mapped[date | None] = mapped_column(Date)

    funder_partner: Mapped[Partner | None] = relationship()


class ProjectTransaction(Record):
    """Money in or out (IATI transaction types); expenditure lines are the spending."""

    __tablename__ = "project_transaction"
    kind_label = N_("Transaction")

    project_id: Mapped[str] = mapped_column(ForeignKey("project.id"), index=True)
    type: Mapped[str] = mapped_column(String(2), default="4")
    date: Mapped[date] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(Money)
    description: Mapped[str | None] = mapped_column(String(300))


class ProjectReport(Record):
    """A report owed to a funder or partner, with its deadline."""

    __tablename__ = "project_report"
    kind_label = N_("Report due")

    project_id: Mapped[str] = mapped_column(ForeignKey("project.id"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    due_date: Mapped[date] = mapped_column(Date, index=True)
    submitted_date: Mapped[date | None] = mapped_column(Date)
    recipient: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(20), default="due")
