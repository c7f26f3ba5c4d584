"""Read-only questions asked of an office file, in portable SQLAlchemy Core.

Every query skips tombstoned rows. Results are plain tuples and dicts so the command
line, reports and table models can use them without ORM objects.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from intl_desk.core import columns
from intl_desk.core.columns import Agreement, AgreementParty, LocalEntity
from intl_desk.core.reading import Reader

if TYPE_CHECKING:
    from intl_desk.core.model import Office


def office(session: Reader) -> Office | None:
    """The office's record (for the settings that edit it; a report reads
    :func:`office_settings`, without the model)."""
    from intl_desk.core.model import Office

    return session.scalar(select(Office).where(Office.deleted_at.is_(None)).limit(1))


@dataclass(frozen=True)
class OfficeSettings:
    """What reports print of the office: read as columns, so a report that needs only
    these never loads the record (nor configures the ORM, see core/columns.py)."""

    name: str
    currency: str
    country_code: str | None
    logo: bytes | None


def office_settings(session: Reader) -> OfficeSettings | None:
    own = columns.Office
    row = session.execute(
        select(own.name, own.currency, own.country_code, own.logo)
        .where(own.deleted_at.is_(None))
        .limit(1)
    ).first()
    return OfficeSettings(*row) if row is not None else None


@dataclass(frozen=True)
class EntityAgreementCount:
    local_entity_id: str
    name: str
    agreements: int


def agreements_per_local_entity(session: Reader) -> list[EntityAgreementCount]:
    """Agreements each local entity is a party to, every entity listed (zero included).

    An agreement is counted once per entity even when the entity appears twice among
    its parties. Sorted by count, most first, then by name.
    """
    party = (
        select(AgreementParty.local_entity_id, AgreementParty.agreement_id)
        .join(Agreement, Agreement.id == AgreementParty.agreement_id)
        .where(
            AgreementParty.deleted_at.is_(None),
            Agreement.deleted_at.is_(None),
            AgreementParty.local_entity_id.is_not(None),
        )
        .distinct()
        .subquery()
    )
    statement = (
        select(LocalEntity.id, LocalEntity.name, func.count(party.c.agreement_id))
        .outerjoin(party, party.c.local_entity_id == LocalEntity.id)
        .where(LocalEntity.deleted_at.is_(None))
        .group_by(LocalEntity.id, LocalEntity.name)
        .order_by(func.count(party.c.agreement_id).desc(), LocalEntity.name)
    )
    return [EntityAgreementCount(row[0], row[1], int(row[2])) for row in session.execute(statement)]


def id_by_folded_name(session: Reader, model: Any, name: str) -> str | None:
    """The id of the live ``model`` record called ``name``, accents and case ignored
    ("lodz" is Łódź): how the command line names partners and local entities."""
    from intl_desk.core.folding import fold

    wanted = fold(name.strip())
    for record_id, record_name in session.execute(
        select(model.id, model.name).where(model.deleted_at.is_(None))
    ):
        if fold(record_name) == wanted:
            return str(record_id)
    return None
