"""Every record kind survives a save, close and reopen with every field intact."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import inspect, select

from intl_desk.core import model as m
from intl_desk.core.model import Record
from intl_desk.store.office_file import OfficeFile


def full_office(session: Any) -> list[Record]:
    """One record of every kind, every column filled, names with accents."""
    government = m.LocalEntity(
        name="Ville de Lyon",
        kind="government",
        code="69123",
        latitude=45.764,
        longitude=4.8357,
        population=522250,
        notes="Délégation aux relations internationales",
    )
    university = m.LocalEntity(name="Université Lumière", kind="university", parent=government)
    lodz = m.Partner(
        name="Łódź",
        kind="city",
        country_code="PL",
        region="Łódź Voivodeship",
        latitude=51.7592,
        longitude=19.456,
        population=664860,
        geonames_id=3093133,
        iati_org_ref="PL-LODZ",
        iati_org_type="11",
        website="https://uml.lodz.pl",
        notes="Jumelée depuis 1991",
    )
    afd = m.Partner(
        name="Agence française de développement",
        kind="national_agency",
        country_code="FR",
        iati_org_type="10",
    )
    officer = m.Contact(
        name="Élodie Martin",
        position="Chargée de mission",
        is_staff=True,
        local_entity=government,
        email="e.martin@example.org",
        phone="+33 4 72 10 30 30",
        languages="fr,en,pl",
        notes="Référente Pologne",
        organisation="Direction des relations internationales",
    )
    counterpart = m.Contact(name="Katarzyna Wójcik", partner=lodz, email="k.wojcik@example.pl")
    counterpart.positions.append(
        m.ContactPosition(
            position="Dyrektor", organisation="Urząd Miasta Łodzi",
            since=date(2015, 3, 1), until=date(2022, 6, 30),
        )
    )  # fmt: skip
    term = m.PoliticalTerm(
        leader="Grégory Doucet",
        leader_title="Maire",
        start_date=date(2020, 7, 4),
        end_date=date(2026, 3, 22),
        plan_title="Plan de mandat 2020-2026",
        plan_adopted_on=date(2021, 1, 25),
        commitments="Poursuivre le jumelage avec Łódź",
        notes="…",
    )
    old_line = m.StrategicLine(code="0", title="Lyon ouverte", term=term)
    line = m.StrategicLine(
        code="A", title="Attractivité internationale", description="Axe 1", continues=old_line
    )
    objective = m.StrategicObjective(
        title="Accueillir 5 congrès par an", domain="tourism", year=2025, description="…"
    )
    line.objectives.append(objective)
    period = m.Period(
        label="2025", start_date=date(2025, 1, 1), end_date=date(2025, 12, 31), closed=False
    )
    indicator = m.Indicator(
        code="T1",
        name="Emplois créés par les investissements étrangers",
        description="Source : agence de développement",
        dimension="territorial",
        measure="quantitative",
        unit="emplois",
        direction="increase",
        cumulative=True,
        baseline_value=120.0,
        baseline_year=2020,
        formula=None,
        formula_filter=None,
        per_local_entity=False,
        objective=objective,
        source="Aderly",
    )
    scale = m.Indicator(
        name="Perception de la politique internationale",
        dimension="political",
        measure="qualitative",
        continues=indicator,
    )
    scale.scale_levels.append(m.ScaleLevel(level=1, label="Faible"))
    indicator.sdgs.append(m.IndicatorSdg(sdg=8))
    indicator.targets.append(m.IndicatorTarget(period=period, value=150.0, local_entity=None))
    measurement = m.Measurement(
        indicator=indicator,
        period=period,
        local_entity=government,
        value=163.0,
        scale_level=None,
        text="Hausse nette",
        measured_on=date(2026, 1, 15),
        source="Aderly",
        evidence="Rapport annuel",
        comment="Chiffre provisoire",
    )
    project = m.Project(
        title="Eau potable à Hué",
        description="Réseau d'eau",
        status="2",
        iati_identifier="FR-LYON-2024-01",
        planned_start=date(2024, 1, 1),
        planned_end=date(2026, 12, 31),
        actual_start=date(2024, 2, 1),
        actual_end=None,
        currency="EUR",
        location_name="Huế",
        country_code="VN",
        latitude=16.4637,
        longitude=107.5909,
        lead_entity=government,
        results="2 000 foyers raccordés",
        lessons_learned="Associer les habitants dès le début",
        notes="—",
    )
    project.participants.append(
        m.ProjectParticipant(partner=afd, role="1", organisation_type="10", organisation_name="AFD")
    )
    project.sectors.append(m.ProjectSector(code="14020", percentage=100.0))
    project.sdgs.append(m.ProjectSdg(sdg=6))
    project.budget_lines.append(
        m.BudgetLine(
            year=2025, amount=Decimal("120000.50"), type="1", status="2", description="Travaux"
        )
    )
    project.cofinancing.append(
        m.CofinancingLine(
            funder_partner=afd,
            funder_name="AFD",
            instrument="FICOL",
            status="granted",
            amount_requested=Decimal("200000"),
            amount_granted=Decimal("150000"),
            date_requested=date(2023, 9, 1),
            date_decided=date(2023, 12, 1),
        )
    )
    project.transactions.append(
        m.ProjectTransaction(
            type="4", date=date(2025, 3, 1), amount=Decimal("4500.00"), description="Études"
        )
    )
    project.reports.append(
        m.ProjectReport(
            title="Rapport intermédiaire",
            due_date=date(2026, 6, 30),
            submitted_date=None,
            recipient="AFD",
            status="due",
        )
    )
    agreement = m.Agreement(
        title="Accord de jumelage Lyon – Łódź",
        type="twinning",
        status="active",
        reference="DEL-1991-17",
        summary="Jumelage",
        date_proposed=date(1990, 6, 1),
        date_signed=date(1991, 5, 3),
        date_in_force=date(1991, 6, 1),
        date_expires=None,
        perpetual=True,
        renewal_decision="automatic",
        renewal_reminder_days=120,
        legal_authorisation="Délibération n° 1991-123",
        legal_authorisation_date=date(1991, 4, 2),
        languages="fr,pl",
        responsible=officer,
        lessons_learned="Garder des objectifs précis",
        notes="Texte scanné joint",
    )
    amendment = m.Agreement(
        title="Avenant culture",
        type="amendment",
        status="draft",
        amends=agreement,
        renews=agreement,
    )
    agreement.parties.append(m.AgreementParty(local_entity=government, role="signatory"))
    agreement.parties.append(m.AgreementParty(partner=lodz, role="signatory"))
    agreement.objectives.append(
        m.AgreementObjective(position=1, text="Échanger 20 étudiants par an")
    )
    agreement.themes.append(m.AgreementTheme(theme="education"))
    agreement.sdgs.append(m.AgreementSdg(sdg=4))
    agreement.signatories.append(
        m.AgreementSignatory(name="Michel Noir", position="Maire", side="ours")
    )
    agreement.project_links.append(m.AgreementProject(project=project))
    network = m.Network(
        name="Cités Unies France",
        acronym="CUF",
        scope="national",
        themes="governance",
        website="https://cites-unies-france.org",
        description="Réseau des collectivités",
    )
    group = m.Network(name="Groupe-pays Pologne", scope="country_group", parent=network)
    membership = m.Membership(
        network=group,
        local_entity=government,
        since=date(2010, 1, 1),
        until=None,
        role="vice_president",
        annual_fee=Decimal("2500"),
        currency="EUR",
        focal_contact=officer,
        notes="Présidence 2024",
    )
    membership.participations.append(
        m.Participation(
            kind="event",
            title="Assises",
            start_date=date(2025, 6, 10),
            end_date=date(2025, 6, 11),
            location="Paris",
            country_code="FR",
            description="Atelier",
            outcome="Motion",
        )
    )
    mission = m.Activity(
        kind="mission",
        status="done",
        title="Mission à Łódź",
        purpose="Renouveler les échanges",
        justification="Feuille de route",
        start_date=date(2025, 9, 1),
        end_date=date(2025, 9, 4),
        location="Łódź",
        country_code="PL",
        participants="Adjointe, 2 agents",
        participant_count=3,
        cost=Decimal("3120.40"),
        currency="EUR",
        outcomes="Plan d'action 2026",
        lessons_learned="Prévoir un interprète",
        local_entity=government,
        partner=lodz,
        agreement=agreement,
        project=project,
        network=network,
        transport_mode="high_speed_train",
    )
    mission.expected_results.append(
        m.ExpectedResult(
            position=0,
            expected="Deux échanges d'étudiants",
            obtained="Un échange signé",
            objective=objective,
            indicator=indicator,
        )
    )
    mission.follow_ups.append(m.FollowUp(months=3, done_on=date(2025, 12, 4), notes="Appel"))
    content = "Délibération n° 1991-123".encode()
    document = m.Document(
        title="Délibération",
        filename="délibération.txt",
        media_type="text/plain",
        category="council_decision",
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        content=content,
        record_kind="agreement",
        description="Scan",
    )
    records: list[Record] = [
        government,
        university,
        lodz,
        afd,
        officer,
        counterpart,
        line,
        objective,
        period,
        indicator,
        scale,
        measurement,
        project,
        agreement,
        amendment,
        network,
        group,
        membership,
        mission,
        m.CollectionRound(
            title="Chiffres 2025", period=period, deadline=date(2026, 1, 31),
            instructions="Les chiffres de l’année, avant la fin janvier",
            indicators=[m.RoundIndicator(indicator=indicator)],
            submissions=[
                m.RoundSubmission(
                    local_entity=university, status="returned",
                    submitted_at=datetime(2026, 1, 20, 9, 30, tzinfo=UTC),
                    reviewed_at=datetime(2026, 1, 22, 14, 0, tzinfo=UTC),
                    review_comment="Le nombre d’étudiants manque",
                )
            ],
        ),
        m.ExchangeRate(
            currency="PLN", to_currency="EUR", year=2025, rate=Decimal("0.2345678901"),
            source="Banque de France, moyenne annuelle",
        ),
    ]  # fmt: skip
    session.add_all(records)
    session.flush()
    document.record_id = agreement.id
    session.add(document)
    own = session.scalar(select(m.Office))
    own.kind, own.country_code, own.language, own.currency = "city", "FR", "fr", "EUR"
    own.iati_org_ref, own.logo, own.logo_media_type = "FR-LYON", b"\x89PNG", "image/png"
    session.flush()
    return list(session.new) + [
        obj for obj in session.identity_map.values() if isinstance(obj, Record)
    ]


def snapshot(record: Record) -> dict[str, Any]:
    return {attr.key: getattr(record, attr.key) for attr in inspect(type(record)).column_attrs}


def test_every_record_kind_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "lyon.sqlite"
    OfficeFile.create(path, "Ville de Lyon").close()
    with OfficeFile.open(path) as office, office.session() as session:
        records = full_office(session)
        session.commit()
        expected = {(type(r), r.id): snapshot(r) for r in records}

    kinds = {kind for kind, _ in expected}
    every_kind = {
        mapper.class_ for mapper in m.Base.registry.mappers if issubclass(mapper.class_, Record)
    }
    assert every_kind - kinds == set(), "a record kind is missing from the round trip"

    with OfficeFile.open(path) as office, office.session() as session:
        for (kind, record_id), values in expected.items():
            loaded = session.get(kind, record_id)
            assert loaded is not None, (kind, record_id)
            assert snapshot(loaded) == values, kind.__name__
            assert loaded.created_at.tzinfo is UTC
            assert loaded.origin_office == office.office_id
        history = session.scalars(select(m.Change).where(m.Change.action == "create")).all()
        assert {change.record_kind for change in history} >= {k.__tablename__ for k in kinds}


def test_edit_and_delete_leave_history_and_tombstone(office: OfficeFile) -> None:
    with office.session() as session:
        partner = m.Partner(name="Cordoba", kind="city", country_code="AR")
        session.add(partner)
        session.commit()
        created = partner.updated_at
        partner.name = "Córdoba"
        session.commit()
        assert partner.updated_at > created
        session.delete(partner)
        session.commit()
    with office.session() as session:
        stored = session.get(m.Partner, partner.id)
        assert stored is not None and stored.deleted_at is not None  # a tombstone, not a gap
        changes = session.scalars(
            select(m.Change).where(m.Change.record_id == partner.id).order_by(m.Change.changed_at)
        ).all()
        assert [(c.action, c.field, c.old_value, c.new_value) for c in changes] == [
            ("create", None, None, None),
            ("update", "name", "Cordoba", "Córdoba"),
            ("delete", None, None, None),
        ]
        assert all(change.changed_by for change in changes)


def test_deleting_an_agreement_tombstones_its_parties(office: OfficeFile) -> None:
    with office.session() as session:
        agreement = m.Agreement(title="MoU Medellín", type="mou", status="draft")
        agreement.parties.append(
            m.AgreementParty(partner=m.Partner(name="Medellín", kind="city", country_code="CO"))
        )
        session.add(agreement)
        session.commit()
        session.delete(agreement)
        session.commit()
        parties = session.scalars(select(m.AgreementParty)).all()
        assert [party.deleted_at is not None for party in parties] == [True]
        assert session.get(m.Partner, parties[0].partner_id) is not None  # partner kept


def test_timestamps_are_utc(office: OfficeFile) -> None:
    before = datetime.now(UTC)
    with office.session() as session:
        network = m.Network(name="Mercociudades", scope="regional")
        session.add(network)
        session.commit()
    assert before <= network.created_at <= datetime.now(UTC)
