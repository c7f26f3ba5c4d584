"""What an office file synchronised with an office server remembers about it.

A file made by ``intl-desk clone`` has one :class:`ServerLink` row (the server's address,
the account, the file's own client id and the server's cursor: the last change of the
server the file holds) and one :class:`SentChange` row per history row the server already
has (pulled from it or pushed to it). A ``sync`` pushes exactly the history rows not in
:class:`SentChange`, so a change is never lost nor sent twice, whatever was interrupted.
Neither table is a :class:`Record`: they are the file's own bookkeeping, never merged,
extracted or synchronised. A file never cloned has neither row.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from intl_desk.core.model.base import Base


class ServerLink(Base):
    __tablename__ = "server_link"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)  # always 1: one server
    server_url: Mapped[str] = mapped_column(String(500))
    account: Mapped[str] = mapped_column(String(100))
    client_id: Mapped[str] = mapped_column(String(36))
    cursor: Mapped[int] = mapped_column(BigInteger, default=0)
    #: the account's role and scope as the server last said them (sign-in or sync), so a
    #: file moved to another computer knows them before its first sync there
    role: Mapped[str | None] = mapped_column(String(10))
    scope_entity_id: Mapped[str | None] = mapped_column(String(36))


class SentChange(Base):
    __tablename__ = "sent_change"

    change_id: Mapped[str] = mapped_column(String(36), primary_key=True)


__all__ = ["SentChange", "ServerLink"]
