"""An office file with partners and a mixed history, shared by the partner-story tests
(core figures, the partner form's Story tab, the printed sheet)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from intl_desk.core.model import (
    Activity,
    Agreement,
    AgreementObjective,
    AgreementParty,
    AgreementProject,
    BudgetLine,
    CofinancingLine,
    Contact,
    Document,
    Network,
    Partner,
    Project,
    ProjectParticipant,
    ProjectTransaction,
    utc_now,
)
from intl_desk.store.office_file import OfficeFile


def build_story_office(office: OfficeFile) -> dict[str, str]:
    """Łódź and Kraków in Poland, Córdoba in Argentina, with a mixed history."""
    with office.session() as s:
        lodz = Partner(name="Łódź", kind="city", country_code="PL")
        krakow = Partner(name="Kraków", kind="city", country_code="PL")
        cordoba = Partner(name="Córdoba", kind="city", country_code="AR")
        gone = Partner(name="Gdańsk", kind="city", country_code="PL", deleted_at=utc_now())
        s.add_all([lodz, krakow, cordoba, gone])
        s.flush()
        twinning = Agreement(
            title="Jumelage Lyon – Łódź", type="twinning", status="active",
            date_signed=date(2005, 6, 1),
        )
        twinning.parties = [AgreementParty(partner_id=lodz.id, role="signatory")]
        twinning.objectives = [
            AgreementObjective(position=0, text="Échanges scolaires"),
            AgreementObjective(position=1, text="Culture"),
        ]
        trio = Agreement(
            title="Coopération Łódź – Kraków", type="cooperation", status="expired",
            date_signed=date(2015, 3, 2), date_expires=date(2020, 3, 1),
        )
        trio.parties = [
            AgreementParty(partner_id=lodz.id, role="signatory"),
            AgreementParty(partner_id=krakow.id, role="signatory"),
        ]
        argentine = Agreement(
            title="Córdoba MoU", type="mou", status="active", date_signed=date(2010, 1, 1)
        )
        argentine.parties = [AgreementParty(partner_id=cordoba.id, role="signatory")]
        deleted = Agreement(title="Deleted", type="mou", status="active", deleted_at=utc_now())
        deleted.parties = [AgreementParty(partner_id=lodz.id, role="signatory")]
        party_removed = Agreement(title="Party removed", type="mou", status="draft")
        party_removed.parties = [
            AgreementParty(partner_id=lodz.id, role="signatory", deleted_at=utc_now())
        ]
        s.add_all([twinning, trio, argentine, deleted, party_removed])
        s.flush()

        shared = Project(title="Tramways", status="2", currency="EUR",
                         planned_start=date(2020, 1, 1))
        shared.participants = [ProjectParticipant(partner_id=lodz.id, role="2")]
        shared.budget_lines = [
            BudgetLine(year=2020, amount=Decimal("1000")),
            BudgetLine(year=2021, amount=Decimal("500")),
            BudgetLine(year=2022, amount=Decimal("9999"), deleted_at=utc_now()),
        ]
        shared.transactions = [
            ProjectTransaction(type="4", date=date(2020, 5, 1), amount=Decimal("300")),
            ProjectTransaction(type="3", date=date(2021, 5, 1), amount=Decimal("25")),
            ProjectTransaction(type="1", date=date(2020, 2, 1), amount=Decimal("999")),
        ]
        shared.cofinancing = [
            CofinancingLine(funder_partner_id=lodz.id, status="granted",
                            amount_granted=Decimal("200")),
            CofinancingLine(funder_partner_id=lodz.id, status="requested",
                            amount_requested=Decimal("50")),
            CofinancingLine(funder_partner_id=cordoba.id, status="granted",
                            amount_granted=Decimal("70")),
        ]
        under_agreement = Project(title="Eau potable", status="3", currency="XOF")
        under_agreement.budget_lines = [BudgetLine(year=2016, amount=Decimal("10000"))]
        elsewhere = Project(title="Córdoba only", status="2", currency="EUR")
        elsewhere.participants = [ProjectParticipant(partner_id=cordoba.id, role="2")]
        elsewhere.budget_lines = [BudgetLine(year=2020, amount=Decimal("777"))]
        s.add_all([shared, under_agreement, elsewhere])
        s.flush()
        s.add(AgreementProject(agreement_id=trio.id, project_id=under_agreement.id))

        network = Network(name="Eurocities")
        s.add(network)
        s.flush()
        s.add_all([
            Activity(kind="mission", status="done", title="Mission à Łódź",
                     start_date=date(2019, 9, 10), cost=Decimal("1200"), currency="EUR",
                     partner_id=lodz.id, outcomes="Deux projets lancés", network_id=network.id),
            Activity(kind="delegation", status="cancelled", title="Délégation annulée",
                     start_date=date(2021, 4, 1), cost=Decimal("500"), currency="EUR",
                     agreement_id=twinning.id),
            Activity(kind="delegation", status="done", title="Délégation de Łódź",
                     start_date=date(2022, 4, 1), cost=Decimal("40000"), currency="XOF",
                     agreement_id=twinning.id),
            Activity(kind="meeting", status="done", title="Rencontre à Kraków",
                     start_date=date(2023, 1, 5), partner_id=krakow.id),
        ])
        s.add_all([
            Contact(name="Anna Nowak", position="Directrice", partner_id=lodz.id),
            Contact(name="Jan Kowalski", partner_id=krakow.id),
            Contact(name="Retired", partner_id=lodz.id, deleted_at=utc_now()),
        ])
        s.add(Document(title="Charte signée", record_kind="agreement", record_id=twinning.id,
                       filename="charte.pdf", media_type="application/pdf", size=3,
                       sha256="0" * 64, content=b"pdf"))
        s.commit()
        return {"lodz": lodz.id, "krakow": krakow.id, "cordoba": cordoba.id}
