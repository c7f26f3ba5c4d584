"""Documents kept inside the office file, and the history of every change."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, deferred, mapped_column

from intl_desk.core.i18n import N_
from intl_desk.core.model.base import Base, Record, UtcDateTime, new_uuid, utc_now


class Document(Record):
    """A file attached to any record (``record_kind`` is the owner's table name).

    The bytes are a deferred column so lists of documents never load them.
    """

    __tablename__ = "document"
    kind_label = N_("Document")

    title: Mapped[str] = mapped_column(String(300))
    filename: Mapped[str] = mapped_column(String(300))
    media_type: Mapped[str] = mapped_column(String(100), default="application/octet-stream")
    category: Mapped[str] = mapped_column(String(30), default="other")
    size: Mapped[int] = mapped_column(Integer, default=0)
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = deferred(mapped_column(LargeBinary))
    record_kind: Mapped[str | None] = mapped_column(String(40))
    record_id: Mapped[str | None] = mapped_column(String(36), index=True)
    description: Mapped[str | None] = mapped_column(Text)


class Change(Base):
    """One entry of the change history: who changed which field of which record, when.

    Not a :class:`Record` itself: history is append-only and never tombstoned.
    """

    __tablename__ = "change"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    changed_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now, index=True)
    changed_by: Mapped[str | None] = mapped_column(String(100))
    office_id: Mapped[str | None] = mapped_column(String(36))
    record_kind: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    action: Mapped[str] = mapped_column(String(10))  # create, update, delete, restore
    field: Mapped[str | None] = mapped_column(String(60))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)


__all__ = ["Change", "Document"]
