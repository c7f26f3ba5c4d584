"""Agreements: twinning, friendship, cooperation, memoranda… with their parties and aims."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from intl_desk.core.i18n import N_
from intl_desk.core.model.base import (
    PRECISION_DEFAULT,
    DatePrecision,
    Record,
    Searchable,
    children,
)
from intl_desk.core.model.office import Contact, LocalEntity, Partner

if TYPE_CHECKING:
    from intl_desk.core.model.projects import Project


class Agreement(Record, Searchable):
    __tablename__ = "agreement"
    kind_label = N_("Agreement")
    search_fields = ("title", "reference")

    title: Mapped[str] = mapped_column(String(300))
    type: Mapped[str] = mapped_column(String(40), index=True)
    status: Mapped[str] = mapped_column(String(20), default="draft", index=True)
    reference: Mapped[str | None] = mapped_column(String(100))
    summary: Mapped[str | None] = mapped_column(Text)
    date_proposed: Mapped[date | None] = mapped_column(Date)
    date_signed: Mapped[date | None] = mapped_column(Date, index=True)
    date_in_force: Mapped[date | None] = mapped_column(Date)
    date_expires: Mapped[date | None] = mapped_column(Date, index=True)
    # how much of each date the office knew (see intl_desk.core.date_precision)
    date_signed_precision: Mapped[str] = mapped_column(DatePrecision, **PRECISION_DEFAULT)
    date_in_force_precision: Mapped[str] = mapped_column(DatePrecision, **PRECISION_DEFAULT)
    date_expires_precision: Mapped[str] = mapped_column(DatePrecision, **PRECISION_DEFAULT)
    #: when an agreement ended before its expiry (status terminated, suspended or superseded): what
    #: rebuilds a past year's active agreements (core/agreement_time.py)
    date_ended: Mapped[date | None] = mapped_column(Date)
    perpetual: Mapped[bool] = mapped_column(Boolean, default=False)
    renewal_decision: Mapped[str | None] = mapped_column(String(20))
    renewal_reminder_days: Mapped[int] = mapped_column(Integer, default=90)
    legal_authorisation: Mapped[str | None] = mapped_column(String(300))
    legal_authorisation_date: Mapped[date | None] = mapped_column(Date)
    languages: Mapped[str | None] = mapped_column(String(100))  # comma-separated codes
    responsible_id: Mapped[str | None] = mapped_column(ForeignKey("contact.id"), index=True)
    renews_id: Mapped[str | None] = mapped_column(ForeignKey("agreement.id"), index=True)
    amends_id: Mapped[str | None] = mapped_column(ForeignKey("agreement.id"), index=True)
    lessons_learned: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    # Derived from the parties and objectives (see intl_desk.core.derived), kept in the row
    # so that lists of 200,000 agreements sort and display without aggregating each time.
    partner_names: Mapped[str | None] = mapped_column(String(1000))
    entity_names: Mapped[str | None] = mapped_column(String(1000))
    country_codes: Mapped[str | None] = mapped_column(String(200))
    objective_count: Mapped[int] = mapped_column(Integer, default=0)

    responsible: Mapped[Contact | None] = relationship()
    renews: Mapped[Agreement | None] = relationship(
        remote_side="Agreement.id", foreign_keys=[renews_id]
    )
    amends: Mapped[Agreement | None] = relationship(
        remote_side="Agreement.id", foreign_keys=[amends_id]
    )
    parties: Mapped[list[AgreementParty]] = children("Agreement", "AgreementParty", "agreement_id")
    objectives: Mapped[list[AgreementObjective]] = children(
        "Agreement", "AgreementObjective", "agreement_id", order_by="AgreementObjective.position"
    )
    themes: Mapped[list[AgreementTheme]] = children("Agreement", "AgreementTheme", "agreement_id")
    sdgs: Mapped[list[AgreementSdg]] = children("Agreement", "AgreementSdg", "agreement_id")
    signatories: Mapped[list[AgreementSignatory]] = children(
        "Agreement", "AgreementSignatory", "agreement_id"
    )
    project_links: Mapped[list[AgreementProject]] = children(
        "Agreement", "AgreementProject", "agreement_id"
    )


class AgreementParty(Record):
    """One party to an agreement: a local entity (our side) or a partner (theirs)."""

    __tablename__ = "agreement_party"
    kind_label = N_("Party")

    agreement_id: Mapped[str] = mapped_column(ForeignKey("agreement.id"), index=True)
    local_entity_id: Mapped[str | None] = mapped_column(ForeignKey("local_entity.id"), index=True)
    partner_id: Mapped[str | None] = mapped_column(ForeignKey("partner.id"), index=True)
    role: Mapped[str] = mapped_column(String(20), default="signatory")

    local_entity: Mapped[LocalEntity | None] = relationship()
    partner: Mapped[Partner | None] = relationship()


class AgreementObjective(Record):
    """A specific objective: what the agreement is meant to achieve."""

    __tablename__ = "agreement_objective"
    kind_label = N_("Objective")

    agreement_id: Mapped[str] = mapped_column(ForeignKey("agreement.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    indicator_id: Mapped[str | None] = mapped_column(ForeignKey("indicator.id"), index=True)


class AgreementTheme(Record):
    __tablename__ = "agreement_theme"
    kind_label = N_("Theme")

    agreement_id: Mapped[str] = mapped_column(ForeignKey("agreement.id"), index=True)
    theme: Mapped[str] = mapped_column(String(40), index=True)


class AgreementSdg(Record):
    __tablename__ = "agreement_sdg"
    kind_label = N_("SDG")

    agreement_id: Mapped[str] = mapped_column(ForeignKey("agreement.id"), index=True)
    sdg: Mapped[int] = mapped_column(Integer, index=True)


class AgreementSignatory(Record):
    __tablename__ = "agreement_signatory"
    kind_label = N_("Signatory")

    agreement_id: Mapped[str] = mapped_column(ForeignKey("agreement.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    position: Mapped[str | None] = mapped_column(String(200))
    side: Mapped[str] = mapped_column(String(10), default="ours")


class AgreementProject(Record):
    """Link between an agreement and a project carried out under it."""

    __tablename__ = "agreement_project"
    kind_label = N_("Link to a project")

    agreement_id: Mapped[str] = mapped_column(ForeignKey("agreement.id"), index=True)
    project_id: Mapped[str] = mapped_column(ForeignKey("project.id"), index=True)

    project: Mapped[Project] = relationship()


#: the list's text columns sort by ``lower(column)`` (see intl_desk.core.listing.query): an
#: index on that expression gives the first page of 200,000 agreements without sorting
SORT_INDEXES = ("partner_names", "entity_names", "reference", "country_codes")
for _column in SORT_INDEXES:
    Index(f"ix_agreement_lower_{_column}", func.lower(Agreement.__table__.c[_column]))
