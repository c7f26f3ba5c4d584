"""A small state office with a collection round: two municipalities asked for two figures."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select

from intl_desk.core.model import Indicator, LocalEntity, Measurement, Period
from intl_desk.core.rounds import find_round, open_round
from intl_desk.store.office_file import OfficeFile

ROUND = "2026 yearly figures"
DEADLINE = date(2027, 1, 31)


def make_state(path: Path, *, with_round: bool = True) -> Path:
    office = OfficeFile.create(path, "Estado de Minas Gerais", country_code="BR")
    with office, office.session() as session:
        state = LocalEntity(name="Minas Gerais", kind="government")
        towns = [
            LocalEntity(name=name, kind="municipality", parent=state)
            for name in ("São João del-Rei", "Barbacena", "Tiradentes")
        ]
        period = Period(label="2026", start_date=date(2026, 1, 1), end_date=date(2026, 12, 31))
        indicators = [
            Indicator(name="Estudantes em intercâmbio", dimension="territorial",
                      per_local_entity=True),
            Indicator(name="Acordos ativos", dimension="institutional", per_local_entity=True),
        ]  # fmt: skip
        session.add_all([state, *towns, period, *indicators])
        session.flush()
        if with_round:
            open_round(
                session,
                title=ROUND,
                period_id=period.id,
                deadline=DEADLINE,
                indicator_ids=[indicator.id for indicator in indicators],
                entity_ids=[town.id for town in towns[:2]],
                instructions="Os números do ano, até o fim de janeiro.",
            )
        session.commit()
    return path


def enter_figures(path: Path, entity: str, figures: dict[str, float]) -> None:
    """Save the entity's figures (indicator name → value) as the measurement grid does."""
    with OfficeFile.open(path) as office, office.session() as session:
        town = session.scalars(select(LocalEntity).where(LocalEntity.name == entity)).one()
        period = session.scalars(select(Period)).one()
        for name, value in figures.items():
            indicator = session.scalars(select(Indicator).where(Indicator.name == name)).one()
            session.add(
                Measurement(
                    indicator_id=indicator.id, period_id=period.id,
                    local_entity_id=town.id, value=value,
                )
            )  # fmt: skip
        session.commit()


def round_id(path: Path) -> str:
    with OfficeFile.open(path, read_only=True) as office, office.session() as session:
        return find_round(session, ROUND)
