"""A small state office whose municipalities have coordinates, for the territory map's tests.

A government (placed at its capital) over a region (placed at its centre) over five placed
municipalities, one municipality without coordinates, and agreements whose counts differ per
municipality — with the cases that trip counting: an agreement of two municipalities (it
counts for both), an expired one (signed, not active), one signed after the year, a draft
never signed, a tombstoned one, the government's own agreements (not on the map).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from intl_desk.core.model import Agreement, AgreementParty, LocalEntity, Partner
from intl_desk.store.office_file import OfficeFile

YEAR = 2025
TODAY = date(2025, 11, 20)
OFFICE = "Governo de Minas — Relações Internacionais"

#: name → (latitude, longitude) of the placed municipalities
PLACES = {
    "Belo Horizonte": (-19.92, -43.94),
    "São João del-Rei": (-21.14, -44.26),
    "Uberlândia": (-18.92, -48.28),
    "Ouro Preto": (-20.39, -43.50),
    "Tiradentes": (-21.11, -44.18),
}
UNPLACED = "Conceição do Mato Dentro"


def build_territory_office(path: Path) -> Path:
    OfficeFile.create(path, OFFICE, kind="state", country_code="BR", currency="BRL").close()
    with OfficeFile.open(path) as office, office.session() as session:
        gov = LocalEntity(
            name="Governo de Minas", kind="government", latitude=-19.92, longitude=-43.94
        )
        region = LocalEntity(
            name="Central", kind="region", parent=gov, latitude=-20.3, longitude=-44.5
        )
        towns = {
            name: LocalEntity(
                name=name, kind="municipality", parent=region, latitude=lat, longitude=lon
            )
            for name, (lat, lon) in PLACES.items()
        }
        towns[UNPLACED] = LocalEntity(name=UNPLACED, kind="municipality", parent=gov)
        lodz = Partner(name="Łódź", kind="city", country_code="PL")
        porto = Partner(name="Porto", kind="city", country_code="PT")

        def agreement(
            title: str, status: str, signed: date | None, *ours: LocalEntity
        ) -> Agreement:
            record = Agreement(title=title, type="cooperation", status=status, date_signed=signed)
            record.parties.extend(AgreementParty(local_entity=entity) for entity in ours)
            record.parties.append(AgreementParty(partner=lodz if len(title) % 2 else porto))
            session.add(record)
            return record

        bh, sjdr, udi, op, tir = (towns[name] for name in PLACES)
        for number in range(6):
            agreement(f"BH {number}", "active", date(2010 + number, 3, 1), bh)
        agreement("BH expirado", "expired", date(2005, 1, 1), bh)
        for number in range(3):
            agreement(f"Uberlândia {number}", "active", date(2018 + number, 6, 1), udi)
        agreement("São João del-Rei e Tiradentes – Łódź", "active", date(2020, 1, 1), sjdr, tir)
        agreement("Ouro Preto depois do ano", "active", date(YEAR + 1, 2, 1), op)
        agreement("Rascunho Ouro Preto", "draft", None, op)
        agreement("Conceição – Porto", "active", date(2019, 1, 1), towns[UNPLACED])
        agreement("Minas – Porto", "active", date(2015, 1, 1), gov)
        agreement("Minas – Łódź", "active", date(2016, 1, 1), gov)
        gone = agreement("Apagado BH", "active", date(2021, 1, 1), bh)
        session.flush()
        gone.deleted_at = datetime(2021, 1, 2, tzinfo=UTC)
        session.commit()
    return path
