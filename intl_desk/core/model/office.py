"""The office that owns the file, and the people and places on our side and theirs."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import Date, Float, ForeignKey, Integer, LargeBinary, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from intl_desk.core.i18n import N_
from intl_desk.core.model.base import Record, Searchable, children


class Office(Record):
    """The one office whose file this is (a single row)."""

    __tablename__ = "office"
    kind_label = N_("Office")

    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(40), default="city")
    country_code: Mapped[str | None] = mapped_column(String(2))
    language: Mapped[str] = mapped_column(String(8), default="en")
    currency: Mapped[str] = mapped_column(String(3), default="EUR")
    iati_org_ref: Mapped[str | None] = mapped_column(String(100))
    iati_org_type: Mapped[str] = mapped_column(String(4), default="11")
    logo: Mapped[bytes | None] = mapped_column(LargeBinary)
    logo_media_type: Mapped[str | None] = mapped_column(String(60))


class LocalEntity(Record, Searchable):
    """Our side: the office's government and what it covers, grouped by ``parent``."""

    __tablename__ = "local_entity"
    kind_label = N_("Local entity")
    search_fields = ("name", "code")

    name: Mapped[str] = mapped_column(String(200), index=True)
    kind: Mapped[str] = mapped_column(String(40), default="municipality")
    code: Mapped[str | None] = mapped_column(String(40))
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("local_entity.id"), index=True)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    population: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str | None] = mapped_column(Text)

    parent: Mapped[LocalEntity | None] = relationship(remote_side="LocalEntity.id")
    sub_entities: Mapped[list[LocalEntity]] = relationship(
        primaryjoin="and_(LocalEntity.id == foreign(remote(LocalEntity.parent_id)), "
        "remote(LocalEntity.deleted_at).is_(None))",
        viewonly=True,
        order_by="LocalEntity.name",
    )


class Partner(Record, Searchable):
    """Their side: a foreign city, region, agency, university, NGO or organisation."""

    __tablename__ = "partner"
    kind_label = N_("Partner")
    search_fields = ("name", "region")

    name: Mapped[str] = mapped_column(String(200), index=True)
    kind: Mapped[str] = mapped_column(String(40), default="city")
    country_code: Mapped[str] = mapped_column(String(2), index=True)
    region: Mapped[str | None] = mapped_column(String(200))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    population: Mapped[int | None] = mapped_column(Integer)
    geonames_id: Mapped[int | None] = mapped_column(Integer)
    iati_org_ref: Mapped[str | None] = mapped_column(String(100))
    iati_org_type: Mapped[str | None] = mapped_column(String(4))
    website: Mapped[str | None] = mapped_column(String(300))
    notes: Mapped[str | None] = mapped_column(Text)


class Contact(Record, Searchable):
    """A person at a partner or in a local service."""

    __tablename__ = "contact"
    kind_label = N_("Contact")
    search_fields = ("name", "position", "organisation", "email")

    name: Mapped[str] = mapped_column(String(200), index=True)
    position: Mapped[str | None] = mapped_column(String(200))
    partner_id: Mapped[str | None] = mapped_column(ForeignKey("partner.id"), index=True)
    local_entity_id: Mapped[str | None] = mapped_column(ForeignKey("local_entity.id"), index=True)
    organisation: Mapped[str | None] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(60))
    languages: Mapped[str | None] = mapped_column(String(100))  # comma-separated codes
    is_staff: Mapped[bool] = mapped_column(default=False)
    notes: Mapped[str | None] = mapped_column(Text)

    partner: Mapped[Partner | None] = relationship()
    local_entity: Mapped[LocalEntity | None] = relationship()
    #: the positions the person held over time (the current one is also ``position``)
    positions: Mapped[list[ContactPosition]] = children(
        "Contact", "ContactPosition", "contact_id", order_by="ContactPosition.since"
    )


class ContactPosition(Record):
    """A position a contact held, from when to when: a partner's mayor who became
    governor stays the same person, and the story of the partnership shows it."""

    __tablename__ = "contact_position"
    kind_label = N_("Position held")

    contact_id: Mapped[str] = mapped_column(ForeignKey("contact.id"), index=True)
    position: Mapped[str] = mapped_column(String(200))
    organisation: Mapped[str | None] = mapped_column(String(200))
    since: Mapped[date | None] = mapped_column(Date)
    until: Mapped[date | None] = mapped_column(Date)


class ExchangeRate(Record):
    """What one unit of a currency was worth in the office's currency in a year (a central
    bank's yearly average, say): sums of amounts kept in other currencies are converted
    with it instead of being added as if they were one (see core/currency_rates.py)."""

    __tablename__ = "exchange_rate"
    kind_label = N_("Exchange rate")

    currency: Mapped[str] = mapped_column(String(3))
    #: the currency the rate converts into: the office's when it was entered, so a rate
    #: never converts into another currency than the one it was given for
    to_currency: Mapped[str] = mapped_column(String(3))
    year: Mapped[int] = mapped_column(Integer)
    #: value of one unit of ``currency`` in ``to_currency`` (1 XOF = 0.00152449 EUR)
    rate: Mapped[Decimal] = mapped_column(Numeric(20, 10))
    source: Mapped[str | None] = mapped_column(String(200))
