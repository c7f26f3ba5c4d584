"""City networks, the office's memberships and what it does in them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from intl_desk.core.i18n import N_
from intl_desk.core.model.base import (
    PRECISION_DEFAULT,
    DatePrecision,
    Record,
    Searchable,
    children,
)
from intl_desk.core.model.office import Contact, LocalEntity
from intl_desk.core.model.projects import Money


class Network(Record, Searchable):
    __tablename__ = "network"
    kind_label = N_("Network")
    search_fields = ("name", "acronym")

    name: Mapped[str] = mapped_column(String(200), index=True)
    acronym: Mapped[str | None] = mapped_column(String(40))
    scope: Mapped[str] = mapped_column(String(20), default="global")
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("network.id"), index=True)
    themes: Mapped[str | None] = mapped_column(String(300))  # comma-separated theme codes
    website: Mapped[str | None] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)

    parent: Mapped[Network | None] = relationship(remote_side="Network.id")


class Membership(Record):
    __tablename__ = "membership"
    kind_label = N_("Membership")

    network_id: Mapped[str] = mapped_column(ForeignKey("network.id"), index=True)
    local_entity_id: Mapped[str | None] = mapped_column(ForeignKey("local_entity.id"), index=True)
    since: Mapped[date | None] = mapped_column(Date)
    until: Mapped[date | None] = mapped_column(Date)
    # how much of each date the office knew: "member since 2011" (core.date_precision)
    since_precision: Mapped[str] = mapped_column(DatePrecision, **PRECISION_DEFAULT)
    until_precision: Mapped[str] = mapped_column(DatePrecision, **PRECISION_DEFAULT)
    role: Mapped[str] = mapped_column(String(30), default="member")
    annual_fee: Mapped[Decimal | None] = mapped_column(Money)
    currency: Mapped[str] = mapped_column(String(3), default="EUR")
    focal_contact_id: Mapped[str | None] = mapped_column(ForeignKey("contact.id"), index=True)
    notes: Mapped[str | None] = mapped_column(Text)

    network: Mapped[Network] = relationship()
    local_entity: Mapped[LocalEntity | None] = relationship()
    focal_contact: Mapped[Contact | None] = relationship()
    participations: Mapped[list[Participation]] = children(
        "Membership", "Participation", "membership_id"
    )


class Participation(Record):
    """An event attended, a position held, a contribution or statement, an agenda moved."""

    __tablename__ = "participation"
    kind_label = N_("Participation")

    membership_id: Mapped[str] = mapped_column(ForeignKey("membership.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20), default="event")
    title: Mapped[str] = mapped_column(String(300))
    start_date: Mapped[date | None] = mapped_column(Date, index=True)
    end_date: Mapped[date | None] = mapped_column(Date)
    start_date_precision: Mapped[str] = mapped_column(DatePrecision, **PRECISION_DEFAULT)
    end_date_precision: Mapped[str] = mapped_column(DatePrecision, **PRECISION_DEFAULT)
    location: Mapped[str | None] = mapped_column(String(200))
    country_code: Mapped[str | None] = mapped_column(String(2))
    description: Mapped[str | None] = mapped_column(Text)
    outcome: Mapped[str | None] = mapped_column(Text)
