"""A small hand-built office file for the overview tests (core, PDF and dashboard).

Every kind of record the overview counts, with the cases that trip counting up: a
tombstoned agreement, an agreement with two partners in one country, a closed project
with co-financing, a membership that ended, an indicator measured only per entity, a text
indicator, accented names (Łódź, São João del-Rei, Việt Nam).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

from intl_desk.core.model import (
    Agreement,
    AgreementParty,
    AgreementSdg,
    AgreementTheme,
    BudgetLine,
    CofinancingLine,
    Indicator,
    IndicatorTarget,
    LocalEntity,
    Measurement,
    Membership,
    Network,
    Participation,
    Partner,
    Period,
    Project,
)
from intl_desk.store.office_file import OfficeFile

TODAY = date(2026, 6, 15)
YEAR = 2026
OFFICE = "Governo de Minas — Assessoria Internacional"


def build_overview_office(path: Path) -> Path:
    OfficeFile.create(path, OFFICE, kind="state", country_code="BR", currency="BRL").close()
    with OfficeFile.open(path) as office, office.session() as session:
        gov = LocalEntity(name="Governo de Minas", kind="government")
        region = LocalEntity(name="Campo das Vertentes", kind="region", parent=gov)
        sjdr = LocalEntity(name="São João del-Rei", kind="municipality", parent=region)
        bh = LocalEntity(name="Belo Horizonte", kind="municipality", parent=gov)
        lodz = Partner(name="Łódź", kind="city", country_code="PL", latitude=51.77, longitude=19.46)
        hue = Partner(name="Huế", kind="city", country_code="VN", latitude=16.46, longitude=107.6)
        hanoi = Partner(
            name="Hà Nội", kind="city", country_code="VN", latitude=21.0, longitude=105.8
        )
        porto = Partner(
            name="Porto", kind="city", country_code="PT", latitude=41.15, longitude=-8.61
        )
        cordoba = Partner(
            name="Córdoba", kind="city", country_code="AR", latitude=-31.4, longitude=-64.2
        )
        afd = Partner(
            name="Agence française de développement", kind="national_agency", country_code="FR"
        )

        def agreement(
            title: str,
            kind: str,
            status: str,
            signed: date | None,
            ours: LocalEntity,
            theirs: list[Partner],
            themes: tuple[str, ...] = (),
            sdgs: tuple[int, ...] = (),
            expires: date | None = None,
            perpetual: bool = False,
        ) -> Agreement:
            record = Agreement(
                title=title,
                type=kind,
                status=status,
                date_signed=signed,
                date_expires=expires,
                perpetual=perpetual,
            )
            record.parties.append(AgreementParty(local_entity=ours))
            record.parties.extend(AgreementParty(partner=partner) for partner in theirs)
            record.themes.extend(AgreementTheme(theme=theme) for theme in themes)
            record.sdgs.extend(AgreementSdg(sdg=sdg) for sdg in sdgs)
            session.add(record)
            return record

        agreement(
            "Cidades-irmãs São João del-Rei – Łódź",
            "twinning",
            "active",
            date(1995, 4, 2),
            sjdr,
            [lodz],
            ("culture",),
            (11,),
            perpetual=True,
        )
        agreement(
            "Memorando BH – Huế e Hà Nội (Việt Nam)",
            "mou",
            "active",
            date(2026, 3, 1),
            bh,
            [hue, hanoi],
            ("economy", "education"),
            (4, 8),
            expires=date(2026, 12, 31),
        )
        agreement(
            "Cooperação BH – Porto",
            "cooperation",
            "expired",
            date(2012, 5, 1),
            bh,
            [porto],
            ("culture",),
        )
        agreement(
            "Cooperação Minas – Córdoba",
            "cooperation",
            "active",
            date(2024, 9, 9),
            gov,
            [cordoba],
            ("education",),
            (4,),
            expires=date(2030, 1, 1),
        )
        agreement(
            "Carta de intenções SJdR – Porto", "letter_of_intent", "draft", None, sjdr, [porto]
        )
        agreement(
            "Amizade São João del-Rei – Łódź",
            "friendship",
            "active",
            date(2026, 5, 5),
            sjdr,
            [lodz],
            ("tourism",),
            (11,),
            expires=date(2027, 3, 1),
        )
        agreement(
            "Acordo encerrado BH – Córdoba",
            "cooperation",
            "terminated",
            date(2026, 1, 10),
            bh,
            [cordoba],
        )
        gone = agreement(
            "Rascunho apagado BH – Łódź",
            "mou",
            "active",
            date(2026, 2, 2),
            bh,
            [lodz],
            ("culture",),
            (11,),
        )
        session.flush()
        gone.deleted_at = datetime(2026, 2, 3, tzinfo=UTC)

        def project(
            title: str,
            status: str,
            lead: LocalEntity,
            country: str,
            budget: tuple[int, ...],
            granted: tuple[tuple[Partner | str, int, str], ...] = (),
        ) -> Project:
            record = Project(
                title=title, status=status, lead_entity=lead, country_code=country, currency="BRL"
            )
            record.budget_lines.extend(
                BudgetLine(year=YEAR, amount=Decimal(amount)) for amount in budget
            )
            for funder, amount, line_status in granted:
                line = CofinancingLine(status=line_status, amount_requested=Decimal(amount))
                if line_status == "granted":
                    line.amount_granted = Decimal(amount)
                if isinstance(funder, Partner):
                    line.funder_partner = funder
                else:
                    line.funder_name = funder
                record.cofinancing.append(line)
            session.add(record)
            return record

        project(
            "Água para Huế",
            "2",
            bh,
            "VN",
            (100_000, 50_000),
            ((afd, 60_000, "granted"), (afd, 99_999, "requested")),
        )
        project(
            "Patrimônio Łódź", "3", sjdr, "PL", (20_000,), (("Fundação Xingu", 5_000, "granted"),)
        )
        project("Projeto encerrado", "4", gov, "AR", (70_000,), ((afd, 1_000, "granted"),))
        project("Ideia nova", "1", bh, "PT", ())

        mercocidades = Network(name="Mercocidades", acronym="MC")
        uclg = Network(name="Cidades e Governos Locais Unidos", acronym="CGLU")
        gov_in = Membership(
            network=mercocidades, local_entity=gov, role="vice_president", since=date(2020, 1, 1)
        )
        bh_in = Membership(
            network=mercocidades, local_entity=bh, role="member", since=date(2021, 1, 1)
        )
        old = Membership(
            network=uclg,
            local_entity=sjdr,
            role="board",
            since=date(2015, 1, 1),
            until=date(2024, 12, 31),
        )
        gov_in.participations.extend(
            [
                Participation(kind="event", title="Cúpula 2026", start_date=date(2026, 4, 2)),
                Participation(kind="event", title="Reunião técnica", start_date=date(2026, 5, 20)),
                Participation(kind="event", title="Cúpula 2025", start_date=date(2025, 11, 2)),
            ]
        )
        bh_in.participations.extend(
            [
                Participation(kind="event", title="Oficina", start_date=date(2026, 2, 2)),
                Participation(kind="position", title="Coordenação", start_date=date(2026, 1, 1)),
            ]
        )
        old.participations.append(
            Participation(kind="event", title="Congresso", start_date=date(2026, 3, 3))
        )
        session.add_all([gov_in, bh_in, old])

        p2025 = Period(
            label="2025", start_date=date(2025, 1, 1), end_date=date(2025, 12, 31), closed=True
        )
        p2026 = Period(label="2026", start_date=date(2026, 1, 1), end_date=date(2026, 12, 31))

        def indicator(
            code: str,
            dimension: str,
            direction: str = "increase",
            measure: str = "quantitative",
            per_entity: bool = False,
        ) -> Indicator:
            record = Indicator(
                code=code,
                name=f"Indicador {code}",
                dimension=dimension,
                direction=direction,
                measure=measure,
                per_local_entity=per_entity,
            )
            session.add(record)
            return record

        above = indicator("INS-1", "institutional")
        lower = indicator("POL-1", "political", direction="decrease")
        steady = indicator("TER-1", "territorial")
        text = indicator("TER-2", "territorial", measure="text")
        per_entity = indicator("TER-3", "territorial", per_entity=True)
        session.flush()
        session.add_all(
            [
                IndicatorTarget(indicator_id=above.id, period=p2025, value=10),
                Measurement(indicator=above, period=p2025, value=12),
                IndicatorTarget(indicator_id=lower.id, period=p2025, value=5),
                Measurement(indicator=lower, period=p2025, value=7),
                IndicatorTarget(indicator_id=steady.id, period=p2025, value=3),
                IndicatorTarget(indicator_id=steady.id, period=p2026, value=4),
                Measurement(indicator=steady, period=p2025, value=3),
                Measurement(indicator=text, period=p2025, text="Relatório"),
                IndicatorTarget(indicator_id=per_entity.id, period=p2025, value=2),
                Measurement(indicator=per_entity, period=p2025, local_entity=bh, value=9),
            ]
        )
        session.commit()
    return path
