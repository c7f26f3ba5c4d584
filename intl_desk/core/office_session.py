"""What every session of an office file knows: the office it belongs to and the user.

The tracked session (:mod:`intl_desk.core.tracking`, the one that writes) and the
read-only one both derive from it. The read-only one does not derive from the tracked
one: it never flushes, and the tracking's hooks import the whole model (0.14 s of CPU),
which a report that reads with Core columns does without.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from intl_desk.core.users import current_user


class OfficeSession(Session):
    """A session whose ``info`` names the office and the user (see OfficeFile.session)."""

    @property
    def office_id(self) -> str | None:
        value = self.info.get("office_id")
        return str(value) if value else None

    @property
    def user(self) -> str:
        return str(self.info.get("user") or current_user())
