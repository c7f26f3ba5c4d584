"""Growing a state demo file by many more agreements, for the big-list scenarios."""

from __future__ import annotations

import random
import uuid
from datetime import date, timedelta
from pathlib import Path
from typing import cast

from sqlalchemy import Table, insert, select

from intl_desk.core.derived import refresh_agreement_summaries
from intl_desk.core.model import Agreement, AgreementParty, LocalEntity, Partner, utc_now
from intl_desk.core.model.base import search_key_for
from intl_desk.core.vocabularies import AGREEMENT_TYPES
from intl_desk.store.office_file import OfficeFile

BATCH = 20_000


def add_bulk_agreements(file: Path, count: int, seed: int = 7) -> None:
    """Add ``count`` signed agreements, each between one entity and one partner."""
    rng = random.Random(seed)
    with OfficeFile.open(file) as office, office.session() as session:
        entities = list(session.scalars(select(LocalEntity.id)))
        partners = list(session.execute(select(Partner.id, Partner.name)))
        types = AGREEMENT_TYPES.codes
        now = utc_now()
        agreements: list[dict[str, object]] = []
        parties: list[dict[str, object]] = []

        def flush() -> None:
            session.execute(insert(cast(Table, Agreement.__table__)), agreements)
            session.execute(insert(cast(Table, AgreementParty.__table__)), parties)
            agreements.clear()
            parties.clear()

        for number in range(count):
            agreement_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            partner_id, partner_name = rng.choice(partners)
            signed = date(1965, 1, 1) + timedelta(days=rng.randint(0, 365 * 60))
            title = f"Acordo de cooperação nº {number + 1} com {partner_name}"
            common = {"created_at": now, "updated_at": now, "origin_office": office.office_id}
            agreements.append(
                {
                    "id": agreement_id,
                    "title": title,
                    "type": rng.choice(types),
                    "status": "active" if signed.year > 2015 else "expired",
                    "date_signed": signed,
                    "perpetual": False,
                    "renewal_reminder_days": 90,
                    "search_key": search_key_for(Agreement, {"title": title}),
                    **common,
                }
            )
            for entity, partner in ((rng.choice(entities), None), (None, partner_id)):
                parties.append(
                    {
                        "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                        "agreement_id": agreement_id,
                        "local_entity_id": entity,
                        "partner_id": partner,
                        "role": "signatory",
                        **common,
                    }
                )
            if len(agreements) >= BATCH:
                flush()
        if agreements:
            flush()
        refresh_agreement_summaries(session)
        session.commit()
