"""The session of an office file opened read-only: any flush is refused before SQL is sent."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session, UOWTransaction

from intl_desk.core.office_session import OfficeSession
from intl_desk.store.errors import OpenedReadOnly


class ReadOnlySession(OfficeSession):
    """A session of a file opened read-only: any flush is refused before SQL is sent.

    Not a tracked session: nothing it could track is ever written."""


@event.listens_for(ReadOnlySession, "before_flush", insert=True)
def _refuse_flush(session: Session, context: UOWTransaction, instances: Any) -> None:
    raise OpenedReadOnly(session.info["file"])
