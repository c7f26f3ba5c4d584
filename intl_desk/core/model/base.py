"""Declarative base and the columns every record shares.

Every row carries a UUID (the same in every copy of an office file, so copies can be
merged), UTC timestamps, the office it was created in and a tombstone instead of a hard
delete. UUIDs are stored as 36-character strings: readable in any SQL tool and identical
on SQLite and PostgreSQL.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from intl_desk.core.folding import fold
from intl_desk.core.utc_datetime import UtcDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


#: how precisely a date is known: "day", "month" or "year" (intl_desk.core.date_precision)
DatePrecision = String(5)
PRECISION_DEFAULT: dict[str, Any] = {"default": "day", "server_default": "day"}


def new_uuid() -> str:
    return str(uuid.uuid4())


def utc_now() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Record(Base):
    """Abstract parent of every table: identity, timestamps, origin and tombstone."""

    __abstract__ = True
    #: the name users see for this kind of record (a msgid, translated when shown)
    kind_label: str = ""

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now, index=True)
    origin_office: Mapped[str | None] = mapped_column(String(36))
    deleted_at: Mapped[datetime | None] = mapped_column(UtcDateTime())

    def __init__(self, **kwargs: Any) -> None:
        # Column defaults normally apply at INSERT; apply the plain ones now so that a
        # new record is valid (and shown correctly in a form) before it is saved.
        for column in self.__table__.columns:
            default = column.default
            if (
                column.key not in kwargs
                and default is not None
                and getattr(default, "is_scalar", False)
            ):
                kwargs[column.key] = getattr(default, "arg", None)
        super().__init__(**kwargs)

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    def __repr__(self) -> str:
        label = getattr(self, "name", None) or getattr(self, "title", None) or ""
        return f"<{type(self).__name__} {(self.id or 'new')[:8]} {label!r}>"


class Searchable:
    """A record found by typing: ``search_key`` holds its ``search_fields`` folded.

    Kept in a column (set on every flush, see :mod:`intl_desk.core.tracking`) so search
    and accent-insensitive sorting stay plain, portable ``LIKE`` and ``ORDER BY`` on one
    column instead of SQLite-only functions.
    """

    search_fields: ClassVar[tuple[str, ...]] = ()
    search_key: Mapped[str | None] = mapped_column(String(1000), index=True)


def search_key_for(model: type[Any], values: Mapping[str, Any]) -> str | None:
    """The ``search_key`` of a row of ``model`` with ``values`` (for bulk inserts too)."""
    fields: tuple[str, ...] = getattr(model, "search_fields", ())
    parts = [str(values[field]) for field in fields if values.get(field)]
    return fold(" ".join(parts)) if parts else None


def children(parent: str, child: str, foreign_key: str, **kwargs: Any) -> Any:
    """A one-to-many collection that hides tombstoned children.

    Deleting never removes rows (see :mod:`intl_desk.core.tracking`), so the collection
    filters on ``deleted_at`` instead of cascading deletes.
    """
    return relationship(
        child,
        primaryjoin=f"and_({parent}.id == {child}.{foreign_key}, {child}.deleted_at.is_(None))",
        cascade="save-update, merge",
        **kwargs,
    )
