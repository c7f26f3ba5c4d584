"""Every overview figure recomputed straight from the records with plain ORM and Python,
never with the overview code, and compared with what the dashboard and PDF are given."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from overview_office import TODAY, YEAR, build_overview_office
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from intl_desk.core.evaluation.yearly import compute_yearly
from intl_desk.core.i18n import set_language
from intl_desk.core.listing import LISTS, ListQuery, fetch_ids
from intl_desk.core.model import (
    Agreement,
    LocalEntity,
    Membership,
    Project,
)
from intl_desk.core.overview import (
    Overview,
    OverviewFilters,
    UnknownEntityError,
    compute_overview,
    entity_by_name,
)
from intl_desk.core.overview.labels import headline_tiles
from intl_desk.store.office_file import OfficeFile


@pytest.fixture(scope="module")
def office_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_overview_office(tmp_path_factory.mktemp("overview") / "office.sqlite")


@pytest.fixture
def session(office_file: Path) -> Iterator[Session]:
    with OfficeFile.open(office_file, read_only=True) as office, office.session() as opened:
        yield opened


# --- the independent counts --------------------------------------------------------------


def _entity_id(session: Session, name: str) -> str:
    return next(e.id for e in session.scalars(select(LocalEntity)) if e.name == name)


def _subtree(session: Session, root: str | None) -> set[str] | None:
    if root is None:
        return None
    entities = [e for e in session.scalars(select(LocalEntity)) if e.deleted_at is None]
    found, grew = {root}, True
    while grew:
        grew = False
        for entity in entities:
            if entity.parent_id in found and entity.id not in found:
                found.add(entity.id)
                grew = True
    return found


def _agreements(session: Session, filters: OverviewFilters) -> list[Agreement]:
    tree = _subtree(session, filters.entity_id)
    chosen = []
    for agreement in session.scalars(select(Agreement)):
        if agreement.deleted_at is not None:
            continue
        entities = {party.local_entity_id for party in agreement.parties if party.local_entity_id}
        countries = {party.partner.country_code for party in agreement.parties if party.partner}
        if tree is not None and not entities & tree:
            continue
        if filters.country and filters.country not in countries:
            continue
        chosen.append(agreement)
    return chosen


def _projects(session: Session, filters: OverviewFilters) -> list[Project]:
    tree = _subtree(session, filters.entity_id)
    return [
        project
        for project in session.scalars(select(Project))
        if project.deleted_at is None
        and (tree is None or project.lead_entity_id in tree)
        and (not filters.country or project.country_code == filters.country)
    ]


def _active_at(agreement: Agreement, day: date) -> bool:
    """Recounted by hand: signed by ``day``, not expired before it, not ended early by it."""
    a = agreement
    return (
        a.status in ("active", "expired", "terminated", "superseded")
        and a.date_signed is not None
        and a.date_signed <= day
        and (
            a.perpetual
            or (a.date_expires is None and a.status != "expired")
            or (a.date_expires is not None and a.date_expires >= day)
        )
        and (
            a.status not in ("terminated", "superseded")
            or (a.date_ended is not None and a.date_ended > day)
        )
    )


def _standing_day(filters: OverviewFilters) -> date:
    """The day standing figures are of: today, or the end of a past year."""
    return date(filters.year, 12, 31) if filters.year < TODAY.year else TODAY


def _active_of(agreements: list[Agreement], filters: OverviewFilters) -> list[Agreement]:
    if filters.year < TODAY.year:  # a past year: active at its end, from the dates
        return [a for a in agreements if _active_at(a, _standing_day(filters))]
    return [a for a in agreements if a.status == "active"]


def _expected_headline(session: Session, filters: OverviewFilters) -> dict[str, object]:
    agreements = _agreements(session, filters)
    active = _active_of(agreements, filters)
    running = [p for p in _projects(session, filters) if p.status in ("2", "3")]
    tree = _subtree(session, filters.entity_id)
    memberships = [
        m
        for m in session.scalars(select(Membership))
        if m.deleted_at is None
        and (tree is None or m.local_entity_id in tree)
        and (m.since is None or m.since.year <= filters.year)
        and (m.until is None or m.until.year >= filters.year)
    ]
    return {
        "active_agreements": len(active),
        "signed_in_year": sum(
            1 for a in agreements if a.date_signed and a.date_signed.year == filters.year
        ),
        "signed_to_date": sum(
            1 for a in agreements if a.date_signed and a.date_signed.year <= filters.year
        ),
        "partner_countries": len(
            {party.partner.country_code for a in active for party in a.parties if party.partner}
        ),
        "active_projects": len(running),
        "budget": sum((line.amount for p in running for line in p.budget_lines), Decimal(0)),
        "cofinancing": sum(
            (
                line.amount_granted or Decimal(0)
                for p in running
                for line in p.cofinancing
                if line.status == "granted"
            ),
            Decimal(0),
        ),
        "memberships": len(memberships),
        "roles_held": sum(1 for m in memberships if m.role not in ("member", "observer")),
        "events_attended": sum(
            1
            for m in memberships
            for event in m.participations
            if event.kind == "event" and event.start_date and event.start_date.year == filters.year
        ),
    }


FILTERS = {
    "everything": {},
    "region and below": {"entity": "Campo das Vertentes"},
    "one municipality": {"entity": "Belo Horizonte"},
    "Vietnam": {"country": "VN"},
    "Portugal": {"country": "PT"},
    "last year": {"year": 2025},
}


def _filters(session: Session, chosen: dict[str, object]) -> OverviewFilters:
    entity = chosen.get("entity")
    return OverviewFilters(
        int(chosen.get("year", YEAR)),  # type: ignore[call-overload]
        _entity_id(session, str(entity)) if entity else None,
        str(chosen["country"]) if "country" in chosen else None,
    )


@pytest.mark.parametrize("case", FILTERS)
def test_headline_figures_match_the_records(session: Session, case: str) -> None:
    filters = _filters(session, FILTERS[case])
    overview = compute_overview(session, filters, TODAY)
    expected = _expected_headline(session, filters)
    shown = {key: getattr(overview.headline, key) for key in expected}
    assert shown == expected


def test_the_sample_is_not_trivial(session: Session) -> None:
    """Guards the other tests: the file holds what they are meant to exercise."""
    head = compute_overview(session, OverviewFilters(YEAR), TODAY).headline
    assert (head.active_agreements, head.signed_in_year, head.partner_countries) == (4, 3, 3)
    assert (head.active_projects, head.budget, head.cofinancing) == (2, 170_000, 65_000)
    assert (head.memberships, head.roles_held, head.events_attended) == (2, 1, 3)


@pytest.mark.parametrize("case", FILTERS)
def test_charts_match_the_records(session: Session, case: str) -> None:
    filters = _filters(session, FILTERS[case])
    overview = compute_overview(session, filters, TODAY)
    agreements = _agreements(session, filters)
    active = _active_of(agreements, filters)

    themes = Counter(
        theme.theme for a in active for theme in {t.theme: t for t in a.themes}.values()
    )
    assert {bar.key: bar.value for bar in overview.themes} == dict(themes)
    sdgs = Counter(sdg for a in active for sdg in {s.sdg for s in a.sdgs})
    assert {int(bar.key): bar.value for bar in overview.sdgs} == dict(sdgs)

    by_year = Counter((a.date_signed.year, a.type) for a in agreements if a.date_signed is not None)
    for series in overview.signed_by_year:
        for type_code, count in zip(overview.type_keys, series.counts, strict=True):
            assert count == by_year.get((series.year, type_code), 0)
    assert [s.year for s in overview.signed_by_year] == list(
        range(filters.year - 14, filters.year + 1)
    )

    projects = _projects(session, filters)
    assert {bar.key: bar.value for bar in overview.project_statuses} == dict(
        Counter(p.status for p in projects)
    )
    funders: Counter[str] = Counter()
    for project in projects:
        if project.status in ("2", "3"):
            for line in project.cofinancing:
                if line.status == "granted" and line.amount_granted:
                    name = line.funder_partner.name if line.funder_partner else line.funder_name
                    funders[str(name)] += float(line.amount_granted)
    assert {bar.label: bar.value for bar in overview.funders} == dict(funders)
    assert sum(bar.value for bar in overview.funders) == float(overview.headline.cofinancing)

    countries: dict[str, set[str]] = {}
    for agreement in active:
        for party in agreement.parties:
            if party.partner:
                countries.setdefault(party.partner.country_code, set()).add(agreement.id)
    assert {c.code: c.active for c in overview.countries if c.active} == {
        code: len(ids) for code, ids in countries.items()
    }

    soon = [
        a
        for a in active
        if not a.perpetual
        and a.date_expires
        and _standing_day(filters) <= a.date_expires <= _standing_day(filters) + timedelta(days=365)
    ]
    assert overview.expiring_count == len(soon)
    assert sorted(item.title for item in overview.expiring) == sorted(a.title for a in soon)


def test_appendix_of_entities_sums_to_the_headline(session: Session) -> None:
    overview = compute_overview(session, OverviewFilters(YEAR), TODAY)
    head = overview.headline
    assert len(overview.entities) == 4  # every entity, those with nothing too
    assert sum(e.active for e in overview.entities) == head.active_agreements
    assert sum(e.signed_in_year for e in overview.entities) == head.signed_in_year
    assert sum(e.projects for e in overview.entities) == head.active_projects
    expired = sum(1 for a in _agreements(session, overview.filters) if a.status == "expired")
    assert sum(e.expired for e in overview.entities) == expired
    by_name = {e.name: e for e in overview.entities}
    assert (by_name["São João del-Rei"].active, by_name["São João del-Rei"].parent) == (
        2,
        "Campo das Vertentes",
    )


def test_indicators_compare_the_latest_measurement_with_its_target(session: Session) -> None:
    overview = compute_overview(session, OverviewFilters(YEAR), TODAY)
    shown = {i.code: (i.target, i.value, i.period, i.on_track) for i in overview.indicators}
    # 2026 has no measurement yet, so 2025 counts; text indicators are not judged; the
    # one measured per entity is judged on its entities' median (9, Belo Horizonte's)
    assert shown == {
        "INS-1": (10, 12, "2025", True),
        "POL-1": (5, 7, "2025", False),  # lower is better
        "TER-1": (3, 3, "2025", True),
        "TER-3": (2, 9, "2025", True),
    }
    # the same judgements as the yearly report of 2025 (one evaluation engine)
    yearly = compute_yearly(session, 2025, TODAY)
    judged = {
        line.assessment.indicator.code: line.assessment.status
        for section in yearly.dimensions
        for line in section.indicators
    }
    assert {i.code: i.status for i in overview.indicators} == {
        code: judged[code] for code in shown
    }
    assert [i.dimension for i in overview.indicators] == [
        "institutional",
        "political",
        "territorial",
        "territorial",
    ]
    assert (overview.headline.indicators_on_track, overview.headline.indicators_assessed) == (3, 4)


def test_networks_add_up_per_network(session: Session) -> None:
    overview = compute_overview(session, OverviewFilters(YEAR), TODAY)
    assert [(n.name, n.memberships, n.roles_held, n.events) for n in overview.networks] == [
        ("Mercocidades (MC)", 2, 1, 3)
    ]  # the CGLU membership ended in 2024


def _drill_count(session: Session, overview_drill: object) -> int:
    drill = overview_drill
    query = ListQuery(facets=drill.facet_dict())  # type: ignore[attr-defined]
    return len(fetch_ids(session, LISTS[drill.kind], query))  # type: ignore[attr-defined]


@pytest.mark.parametrize("case", ["everything", "region and below", "Vietnam"])
def test_each_figure_opens_exactly_the_records_it_counts(session: Session, case: str) -> None:
    overview: Overview = compute_overview(session, _filters(session, FILTERS[case]), TODAY)
    head = overview.headline
    assert _drill_count(session, overview.headline_drills["active"]) == head.active_agreements
    assert _drill_count(session, overview.headline_drills["signed"]) == head.signed_to_date
    signed_in_year = overview.headline_drills["signed_in_year"]
    assert _drill_count(session, signed_in_year) == head.signed_in_year
    for bar in (*overview.themes, *overview.sdgs, *overview.project_statuses):
        assert _drill_count(session, bar.drill) == bar.value, bar.label
    for year in overview.signed_by_year:
        assert _drill_count(session, year.drill) == year.total, year.year
    for country in overview.countries:
        assert _drill_count(session, country.drill) == country.active, country.code
    parents = {e.parent for e in overview.entities if e.parent}
    for entity in overview.entities:
        if entity.name in parents:
            # the list's entity facet takes everything under the entity, as the overview's
            # entity filter does; the row counts the entity's own agreements
            below = compute_overview(
                session, OverviewFilters(YEAR, entity.id, overview.filters.country), TODAY
            )
            assert _drill_count(session, entity.drill) == below.headline.active_agreements
        else:
            assert _drill_count(session, entity.drill) == entity.active, entity.name
    for item in overview.expiring:
        assert item.drill.record_id is not None


def test_a_new_office_file_is_empty_and_says_so(office_path: Path) -> None:
    with OfficeFile.open(office_path, read_only=True) as office, office.session() as session:
        overview = compute_overview(session, OverviewFilters(YEAR), TODAY)
    assert overview.is_empty
    assert overview.headline.active_agreements == 0
    assert overview.headline.share_on_track is None
    assert overview.entities == () and overview.countries == ()


def test_entities_are_found_by_name_whatever_the_accents(session: Session) -> None:
    assert entity_by_name(session, "sao joao del-rei") == _entity_id(session, "São João del-Rei")
    with pytest.raises(UnknownEntityError, match="Nowhere"):
        entity_by_name(session, "Nowhere")


def test_filters_do_not_leak_today(session: Session) -> None:
    """The year filter moves signatures and events; this year's expiry window follows
    ``today`` (a past year's is of its end)."""
    later = compute_overview(session, OverviewFilters(2027), date(2027, 2, 1))
    assert later.expiring_count == 1  # only the friendship agreement (1 March 2027)


@pytest.mark.parametrize("case", ["everything", "region and below", "Vietnam"])
def test_an_overview_built_on_another_years_is_the_same_as_a_fresh_one(
    session: Session, case: str
) -> None:
    """The dashboard reuses the standing figures when only the year changes."""
    base = _filters(session, FILTERS[case])
    for year in (2025, 2024, 2012):
        previous = compute_overview(session, base, TODAY)
        wanted = OverviewFilters(year, base.entity_id, base.country)
        assert compute_overview(session, wanted, TODAY, previous=previous) == compute_overview(
            session, wanted, TODAY
        )
    other_country = OverviewFilters(YEAR, base.entity_id, "AR")
    reused = compute_overview(session, other_country, TODAY, previous=previous)
    assert reused == compute_overview(session, other_country, TODAY)  # not reused: new scope


@pytest.mark.parametrize("year", [2020, 2025, YEAR])
def test_each_entity_counts_what_it_signed_up_to_the_year_and_with_its_subtree(
    session: Session, year: int
) -> None:
    """The Minas Gerais question, recounted from the records: every agreement an entity
    signed by the end of the year, whatever its status now; for a parent, each agreement
    of it or any entity under it once."""
    overview = compute_overview(session, OverviewFilters(year), TODAY)
    agreements = [
        a
        for a in session.scalars(select(Agreement))
        if a.deleted_at is None and a.date_signed and a.date_signed.year <= year
    ]
    for entity in overview.entities:
        tree = _subtree(session, entity.id) or set()
        own = {
            a.id
            for a in agreements
            for party in a.parties
            if party.deleted_at is None and party.local_entity_id == entity.id
        }
        under = {
            a.id
            for a in agreements
            for party in a.parties
            if party.deleted_at is None and party.local_entity_id in tree
        }
        assert (entity.signed_to_date, entity.signed_with_subtree) == (len(own), len(under)), (
            entity.name
        )
    assert overview.headline.signed_to_date == len(agreements)
    if year == YEAR:
        by_name = {e.name: e for e in overview.entities}
        governo = by_name["Governo de Minas"]
        assert governo.signed_with_subtree > governo.signed_to_date  # the tree adds up


def test_partners_in_the_offices_own_country_are_counted_apart(office_path: Path) -> None:
    """Lyon's partners in France are domestic: not a "partner country", not on the map."""
    from intl_desk.core.model import AgreementParty, Partner

    with OfficeFile.open(office_path) as office, office.session() as s:
        paris = Partner(name="Paris", kind="city", country_code="FR", latitude=48.9, longitude=2.3)
        lodz = Partner(name="Łódź", kind="city", country_code="PL", latitude=51.8, longitude=19.5)
        s.add_all([paris, lodz])
        s.flush()
        for partner in (paris, lodz):
            s.add(
                Agreement(
                    title=f"Lyon – {partner.name}", type="cooperation", status="active",
                    date_signed=date(2020, 1, 1),
                    parties=[AgreementParty(partner_id=partner.id)],
                )
            )
        s.commit()
        overview = compute_overview(s, OverviewFilters(2026), date(2026, 6, 1))
    assert overview.headline.partner_countries == 1
    assert [c.code for c in overview.international_countries] == ["PL"]
    assert overview.domestic_country is not None and overview.domestic_country.active == 1
    assert [city.name for city in overview.international_cities] == ["Łódź"]
    tiles = {tile.key: tile for tile in headline_tiles(overview)}
    assert tiles["countries"].value == "1"
    assert tiles["countries"].note == "abroad, with an active agreement · and 1 in France"
    # French and Portuguese take an article before most country names ("au Brésil",
    # "no Brasil"), never "en France"-style by default: the note avoids the preposition
    for language, note in (("fr", "et 1 sur le territoire national (France)"),
                           ("pt", "e 1 em território nacional (France)")):  # fmt: skip
        set_language(language)
        tiles = {tile.key: tile for tile in headline_tiles(overview)}
        assert tiles["countries"].note.endswith(note), tiles["countries"].note


def test_an_agreement_of_two_partners_in_one_country_counts_once(office_path: Path) -> None:
    """Lyon and the region above it sign one agreement with two Polish cities: one
    agreement for Poland (two partners there), and once for the region, counted with
    everything under it."""
    from intl_desk.core.model import AgreementParty, Partner

    with OfficeFile.open(office_path) as office, office.session() as s:
        region = LocalEntity(name="Auvergne-Rhône-Alpes")
        lyon = LocalEntity(name="Lyon", parent=region)
        lodz = Partner(name="Łódź", kind="city", country_code="PL", latitude=51.8, longitude=19.5)
        krakow = Partner(name="Kraków", kind="city", country_code="PL", latitude=50.1, longitude=20)
        s.add_all([region, lyon, lodz, krakow])
        s.flush()
        s.add(
            Agreement(
                title="Lyon – Łódź – Kraków", type="cooperation", status="active",
                date_signed=date(2026, 3, 1),
                parties=[
                    AgreementParty(local_entity_id=lyon.id),
                    AgreementParty(local_entity_id=region.id),
                    AgreementParty(partner_id=lodz.id),
                    AgreementParty(partner_id=krakow.id),
                ],
            )
        )  # fmt: skip
        s.commit()
        overview = compute_overview(s, OverviewFilters(2026), date(2026, 6, 1))
    entities = {entity.name: entity for entity in overview.entities}
    assert (entities["Lyon"].active, entities["Lyon"].signed_in_year) == (1, 1)
    assert (entities["Lyon"].signed_to_date, entities["Lyon"].signed_with_subtree) == (1, 1)
    region_figures = entities["Auvergne-Rhône-Alpes"]
    assert (region_figures.signed_to_date, region_figures.signed_with_subtree) == (1, 1)
    [poland] = overview.countries
    assert (poland.code, poland.active, poland.signed_in_year, poland.partners) == ("PL", 1, 1, 2)
    assert {city.name: city.active for city in overview.cities} == {"Kraków": 1, "Łódź": 1}


def test_amounts_in_another_currency_are_never_added_in(office_path: Path) -> None:
    """Lyon keeps its budgets in euros; one project in CFA francs is counted apart, not
    added to the euros (no exchange rate is recorded): each tile says so."""
    from intl_desk.core.model import BudgetLine, CofinancingLine, Project

    with OfficeFile.open(office_path) as office, office.session() as s:
        s.add_all(
            [
                Project(
                    title="Tramways", status="2", currency="EUR",
                    budget_lines=[BudgetLine(year=2026, amount=Decimal("3200000"))],
                    cofinancing=[
                        CofinancingLine(
                            funder_name="Agence française de développement",
                            status="granted",
                            amount_granted=Decimal("800000"),
                        )
                    ],
                ),
                Project(
                    title="Eau potable à Ouagadougou", status="2", currency="XOF",
                    budget_lines=[
                        BudgetLine(year=2026, amount=Decimal("373000000")),
                        BudgetLine(year=2027, amount=Decimal("200000000")),
                    ],
                    cofinancing=[
                        CofinancingLine(
                            funder_name="Union européenne",
                            status="granted",
                            amount_granted=Decimal("90000000"),
                        )
                    ],
                ),
            ]
        )
        s.commit()
        overview = compute_overview(s, OverviewFilters(2026), date(2026, 6, 1))
    head = overview.headline
    assert (head.active_projects, head.budget, head.cofinancing) == (2, 3_200_000, 800_000)
    assert head.budget_sum.left_out == (("XOF", 2),)
    assert head.cofinancing_sum.left_out == (("XOF", 1),)
    tiles = {tile.key: tile for tile in headline_tiles(overview)}
    assert tiles["budget"].value == "€3.2m"
    assert tiles["budget"].note == "plus 2 amounts in XOF without a rate"
    assert tiles["cofinancing"].note == (
        "25% of that budget · plus 1 amount in XOF without a rate"
    )
    assert [bar.value for bar in overview.funders] == [800_000]


def test_the_headline_counts_take_no_scan_of_their_own(session: Session) -> None:
    """Active agreements, signed in the year and signed to date are counted in the one
    read of the agreements in scope that counts them per entity and country
    (core/overview/parties.py); three more scans of a state's 20,000 agreements were
    0.04 s of its overview. The scans of the agreement table alone that remain: that read,
    the expiring ones (a count and the first rows), signatures per year and type, the
    gaps of the active ones and the agreements per country of the territory map."""
    statements: list[str] = []

    def note(*arguments: object) -> None:
        statements.append(str(arguments[2]))

    bind = session.get_bind()
    event.listen(bind, "before_cursor_execute", note)
    try:
        overview = compute_overview(session, OverviewFilters(YEAR), TODAY)
    finally:
        event.remove(bind, "before_cursor_execute", note)
    assert overview.headline.active_agreements > 0 and overview.headline.signed_to_date > 0
    alone = [sql for sql in statements if "\nFROM agreement \nWHERE" in sql]
    assert len(alone) <= 6, "\n".join(sql.split("\n")[0] for sql in alone)
