"""What a reading of figures is given: an ORM session or a Core connection.

The window reads its dashboard through the session it already has; a report command
reads through a plain connection (``office.engine.connect()``), so that printing imports
neither the model nor SQLAlchemy's ORM (0.18 s of CPU together). The readings use only
what both offer: ``execute`` and ``scalar``, and :func:`connection_of` for the driver's
rows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias

from sqlalchemy import Connection

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

Reader: TypeAlias = "Session | Connection"


def connection_of(reader: Reader) -> Connection:
    """The connection under ``reader`` (a session's, in its transaction)."""
    return reader if isinstance(reader, Connection) else reader.connection()
