"""The demo office generator: deterministic, realistic, valid.

The city demo is built once per module (it takes under a second); the state demo is far
too big for tests, so it is built with ``_size_factor`` (every municipality, a hundredth of
everything else), which exercises the bulk-insert path and the municipal hierarchy.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from hashlib import sha256
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from intl_desk.core.model import (
    Agreement,
    AgreementObjective,
    AgreementParty,
    Base,
    Change,
    Document,
    Indicator,
    LocalEntity,
    Measurement,
    Membership,
    Network,
    Office,
    Partner,
    Project,
)
from intl_desk.core.reference import minas_gerais_municipalities, world_cities
from intl_desk.core.validation import RULES, SESSION_RULES, errors_of
from intl_desk.demo import DemoSummary, NotEmpty, Scale, populate_demo
from intl_desk.demo.documents import simple_pdf
from intl_desk.demo.state import REGION_NAMES
from intl_desk.store.office_file import OfficeFile

TODAY = date(2025, 6, 15)


@dataclass
class Built:
    path: Path
    summary: DemoSummary


def _build(folder: Path, *, seed: int = 1, scale: Scale = "city", factor: float = 1.0) -> Built:
    path = folder / f"demo-{scale}-{seed}.sqlite"
    with OfficeFile.create(path, "Demo office") as office, office.session() as session:
        summary = populate_demo(
            session,
            scale=scale,
            seed=seed,
            today=TODAY,
            _size_factor=factor,
        )
        session.commit()
    return Built(path, summary)


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return _build(tmp_path_factory.mktemp("city"))


@pytest.fixture(scope="module")
def small_state(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return _build(tmp_path_factory.mktemp("state"), scale="state", factor=0.01)


def _session(built: Built) -> Iterator[Session]:
    with OfficeFile.open(built.path, read_only=True) as office, office.session() as session:
        yield session


@pytest.fixture
def s(city: Built) -> Iterator[Session]:
    yield from _session(city)


@pytest.fixture
def state_session(small_state: Built) -> Iterator[Session]:
    yield from _session(small_state)


def _agreements(path: Path) -> list[tuple[str, str]]:
    with OfficeFile.open(path, read_only=True) as office, office.session() as session:
        rows = session.execute(select(Agreement.id, Agreement.title).order_by(Agreement.id))
        return [(row.id, row.title) for row in rows]


def _all_errors(session: Session) -> list[str]:
    problems = []
    for model in (*RULES, *SESSION_RULES):
        for record in session.scalars(select(model)):
            problems += [
                f"{record!r} {error.field}: {error}" for error in errors_of(record, session)
            ]
    return problems


# --- determinism ------------------------------------------------------------------------------


def test_the_same_seed_gives_the_same_records(city: Built, tmp_path: Path) -> None:
    again = _build(tmp_path, seed=1)
    assert _agreements(again.path) == _agreements(city.path)
    assert again.summary == city.summary


def test_another_seed_gives_other_records(city: Built, tmp_path: Path) -> None:
    other = _agreements(_build(tmp_path, seed=2).path)
    first = _agreements(city.path)
    assert {i for i, _ in other}.isdisjoint({i for i, _ in first})
    assert sorted(t for _, t in other) != sorted(t for _, t in first)


# --- the city office --------------------------------------------------------------------------


def test_the_office_row_becomes_the_demo_office(s: Session, city: Built) -> None:
    office = s.scalar(select(Office))
    assert office is not None
    assert (
        office.name
        == city.summary.office_name
        == ("Ville de Lyon — Direction des relations internationales")
    )
    assert (office.kind, office.country_code, office.language, office.currency) == (
        "city", "FR", "fr", "EUR",
    )  # fmt: skip


def test_city_volumes_are_within_the_expected_ranges(s: Session, city: Built) -> None:
    counts = city.summary
    assert 80 <= counts["partner"] <= 130
    assert 90 <= counts["agreement"] <= 160
    assert 20 <= counts["project"] <= 45
    assert 8 <= counts["network"] <= 16
    assert 30 <= counts["activity"] <= 55
    assert 3 <= counts["strategic_line"] <= 6
    assert counts["period"] == 7
    assert 20 <= counts["indicator"] <= 32
    assert 20 <= counts["contact"] <= 45
    assert counts["document"] >= 3
    assert counts["measurement"] >= 100
    countries = s.scalar(select(func.count(func.distinct(Partner.country_code))))
    assert countries is not None and 30 <= countries <= 50
    entities = Counter(s.scalars(select(LocalEntity.kind)))
    assert entities["government"] == 1 and 7 <= sum(entities.values()) - 1 <= 12
    for kind, count in counts.counts.items():  # the summary tells the truth
        table = Base.metadata.tables[kind]
        assert count == s.scalar(select(func.count()).select_from(table)), kind


def test_every_city_record_passes_validation(s: Session) -> None:
    assert _all_errors(s) == []


def test_partners_are_real_places_with_their_accents(s: Session) -> None:
    gazetteer = {city.geonameid: city for city in world_cities()}
    places = s.scalars(select(Partner).where(Partner.kind == "city")).all()
    assert len(places) >= 80
    for partner in places:
        city = gazetteer[partner.geonames_id or 0]
        assert (partner.name, partner.country_code) == (city.name, city.country_code)
        assert (partner.latitude, partner.longitude) == (city.latitude, city.longitude)
    names = {partner.name for partner in places}
    assert {"Łódź", "Córdoba", "Huế", "Bogotá", "Sétif", "Montréal"} <= names
    assert {p.country_code for p in places if p.name == "Córdoba"} >= {"AR"}
    others = s.scalars(select(Partner.name).where(Partner.kind != "city")).all()
    assert "Agence française de développement (AFD)" in others


def test_some_agreements_are_up_for_renewal_with_reminders_due(s: Session) -> None:
    horizon = TODAY + timedelta(days=365)
    soon = s.scalars(
        select(Agreement).where(
            Agreement.status == "active",
            Agreement.date_expires >= TODAY,
            Agreement.date_expires <= horizon,
        )
    ).all()
    assert len(soon) >= 2
    due = [
        a
        for a in soon
        if a.date_expires and a.date_expires - timedelta(days=a.renewal_reminder_days) <= TODAY
    ]
    assert due


@pytest.mark.parametrize("today", [TODAY, date(2026, 12, 4)])
def test_todays_page_of_the_demo_asks_for_a_mission_follow_up(
    tmp_path: Path, today: date
) -> None:
    """The demo's missions with expected results leave the follow-up fallen due last
    unmade, so the Today panel of mission follow-ups is never empty on the demo (on
    4 Dec 2026 it was: the random draws had made every recent one); one forgotten longer
    than four months ago was made late, so Today does not fill with old ones (the state
    demo's listed 130)."""
    from intl_desk.core.mission_value import follow_ups_due

    path = tmp_path / "demo.sqlite"
    with OfficeFile.create(path, "Demo") as office, office.session() as session:
        populate_demo(session, scale="city", today=today)
        session.commit()
        due = follow_ups_due(session, today)
    assert due and all(-120 <= item.days_left <= 30 for item in due)


def test_every_city_mission_to_a_placed_partner_has_its_carbon(s: Session) -> None:
    """The city's departments and universities have no position of their own: their
    missions leave from the city (the yearly report's only 2026 mission had no figure)."""
    from intl_desk.core.mission_value import mission_values
    from intl_desk.core.model import Activity

    missions = s.execute(
        select(Activity.id, Activity.title)
        .join(Partner, Partner.id == Activity.partner_id)
        .where(
            Activity.kind == "mission",
            Activity.status != "cancelled",
            Partner.latitude.is_not(None),
        )
    ).all()
    unplaced = s.scalars(
        select(func.count()).where(LocalEntity.latitude.is_(None)).select_from(LocalEntity)
    ).one()
    assert missions and unplaced > 0
    values = mission_values(s, [m.id for m in missions])
    assert [v.title for v in values if v.carbon.kg is None] == []


def test_statuses_agree_with_dates(s: Session) -> None:
    agreements = s.scalars(select(Agreement)).all()
    statuses = Counter(a.status for a in agreements)
    assert {"active", "expired", "superseded", "negotiation"} <= set(statuses)
    renewed = {a.renews_id for a in agreements if a.renews_id}
    for a in agreements:
        if a.status in ("draft", "negotiation"):
            assert a.date_signed is None and a.date_proposed is not None
            assert a.date_proposed <= TODAY
            continue
        assert a.date_signed is not None and a.date_signed <= TODAY, a.title
        assert a.date_in_force is None or a.date_signed <= a.date_in_force <= TODAY
        if a.perpetual:
            assert a.date_expires is None
        if a.status == "expired":
            assert a.date_expires is not None and a.date_expires < TODAY, a.title
        if a.status == "active":
            assert a.date_expires is None or a.date_expires >= TODAY, a.title
        if a.status == "superseded":
            assert a.id in renewed, a.title
    assert any(
        a.type == "twinning" and a.date_signed and a.date_signed.year < 1990 for a in agreements
    )


def test_every_party_references_an_existing_entity(s: Session) -> None:
    entities = set(s.scalars(select(LocalEntity.id)))
    partners = set(s.scalars(select(Partner.id)))
    sides: dict[str, set[str]] = {}
    for party in s.scalars(select(AgreementParty)):
        assert (party.local_entity_id is None) != (party.partner_id is None)
        if party.local_entity_id is not None:
            assert party.local_entity_id in entities
            sides.setdefault(party.agreement_id, set()).add("ours")
        else:
            assert party.partner_id in partners
            sides.setdefault(party.agreement_id, set()).add("theirs")
    assert len(sides) == s.scalar(select(func.count()).select_from(Agreement))
    assert all(both == {"ours", "theirs"} for both in sides.values())


def test_most_agreements_have_specific_objectives(s: Session) -> None:
    total = s.scalar(select(func.count()).select_from(Agreement)) or 1
    with_objectives = s.scalar(select(func.count(func.distinct(AgreementObjective.agreement_id))))
    assert 0.6 <= (with_objectives or 0) / total <= 0.92
    texts = s.scalars(select(AgreementObjective.text)).all()
    assert all("{" not in text and "lorem" not in text.lower() for text in texts)
    assert len(set(texts)) > len(texts) / 2


def test_projects_and_networks_look_real(s: Session) -> None:
    statuses = Counter(s.scalars(select(Project.status)))
    assert {"2", "4"} <= set(statuses)
    networks = {n.acronym or n.name: n for n in s.scalars(select(Network))}
    assert {"CGLU", "Eurocities", "CUF", "AIMF"} <= set(networks)
    groups = [n for n in networks.values() if n.scope == "country_group"]
    assert groups and all(n.parent_id == networks["CUF"].id for n in groups)
    roles = set(s.scalars(select(Membership.role)))
    assert roles & {"board", "vice_president"}
    computed = s.scalars(select(Indicator).where(Indicator.formula.is_not(None))).all()
    assert {i.formula for i in computed} >= {"agreements_signed", "partner_countries"}
    measured = set(s.scalars(select(Measurement.indicator_id)))
    assert not measured & {i.id for i in computed}


def test_documents_carry_their_bytes(s: Session) -> None:
    agreements = set(s.scalars(select(Agreement.id)))
    documents = s.scalars(select(Document)).all()
    assert {d.category for d in documents} >= {"council_decision", "signed_text"}
    for document in documents:
        assert document.size == len(document.content)
        assert document.sha256 == sha256(document.content).hexdigest()
        if document.record_kind == "agreement":
            assert document.record_id in agreements
        if document.media_type == "application/pdf":
            assert document.content.startswith(b"%PDF-") and b"%%EOF" in document.content


def test_no_history_is_written_for_the_demo(s: Session) -> None:
    assert not s.scalar(
        select(func.count()).select_from(Change).where(Change.record_kind == "agreement")
    )


def test_a_file_with_records_is_refused(city: Built) -> None:
    with (
        OfficeFile.open(city.path) as office,
        office.session() as session,
        pytest.raises(NotEmpty),
    ):
        populate_demo(session, today=TODAY)


def test_the_generated_pdf_is_readable() -> None:
    pypdf = pytest.importorskip("pypdf")
    content = simple_pdf(["Accord de coopération Lyon – Łódź (2024–2028)", "Article 1"])
    reader = pypdf.PdfReader(io.BytesIO(content))
    text = reader.pages[0].extract_text()
    assert "Accord de coopération Lyon" in text
    assert "Lódz" in text  # Ł has no standard-font glyph: its base letter stands in


# --- the state office (reduced) ---------------------------------------------------------------


def test_state_hierarchy_covers_all_853_municipalities(state_session: Session) -> None:
    office = state_session.scalar(select(Office))
    assert office is not None and (office.kind, office.currency) == ("state", "BRL")
    entities = state_session.scalars(select(LocalEntity)).all()
    by_id = {e.id: e for e in entities}
    (government,) = [e for e in entities if e.kind == "government"]
    regions = [e for e in entities if e.kind == "region"]
    municipalities = [e for e in entities if e.kind == "municipality"]
    assert government.parent_id is None
    assert len(regions) == 12 and all(r.parent_id == government.id for r in regions)
    assert len(municipalities) == 853
    assert len({e.name for e in entities}) == len(entities)
    assert all(by_id[m.parent_id or ""].kind == "region" for m in municipalities)
    reference = {m.ibge_code: m for m in minas_gerais_municipalities()}
    for municipality in municipalities:
        source = reference[municipality.code or ""]
        assert municipality.name == source.name
        # the region as the office calls it ("Vale do Jequitinhonha": no two entities alike)
        region = REGION_NAMES.get(source.region, source.region)
        assert by_id[municipality.parent_id or ""].name == region
        assert (municipality.latitude, municipality.longitude) == (
            source.latitude, source.longitude,
        )  # fmt: skip


def test_every_reduced_state_record_passes_validation(state_session: Session) -> None:
    assert _all_errors(state_session) == []


def test_state_bulk_rows_carry_their_bookkeeping(state_session: Session) -> None:
    office_id = state_session.scalar(select(Office.id))
    for model in (Agreement, Partner, Measurement):
        rows = state_session.scalars(select(model).limit(50)).all()
        assert rows
        for row in rows:
            assert row.origin_office == office_id
            assert row.created_at.tzinfo is not None and row.updated_at is not None
    keys = state_session.scalars(select(Partner.search_key).limit(50)).all()
    assert all(keys)


def test_state_agreements_concentrate_in_the_big_cities(state_session: Session) -> None:
    counts = Counter(
        state_session.scalars(
            select(LocalEntity.name)
            .join(AgreementParty, AgreementParty.local_entity_id == LocalEntity.id)
            .where(LocalEntity.kind == "municipality")
        )
    )
    assert counts.most_common(1)[0][0] == "Belo Horizonte"
    measured = state_session.scalar(
        select(func.count(func.distinct(Measurement.local_entity_id))).where(
            Measurement.local_entity_id.is_not(None)
        )
    )
    assert measured and measured >= 5
