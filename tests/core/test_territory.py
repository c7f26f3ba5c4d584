"""The territory map's figures: one dot per placed municipality with the agreements it
signed and those active (counted here from the records, not with the overview's code), the
entities grouping them and those without coordinates named rather than dropped, and the
land around clipped to the map."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from overview_office import build_overview_office
from sqlalchemy import select
from sqlalchemy.orm import Session
from territory_office import PLACES, TODAY, UNPLACED, YEAR, build_territory_office

from intl_desk.core.i18n import language_pinned
from intl_desk.core.model import Agreement, LocalEntity
from intl_desk.core.overview import OverviewFilters, compute_overview
from intl_desk.core.overview import territory_labels as words
from intl_desk.core.overview.territory import clip_ring
from intl_desk.store.office_file import OfficeFile


@pytest.fixture(scope="module")
def office_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_territory_office(tmp_path_factory.mktemp("territory") / "state.sqlite")


@pytest.fixture
def session(office_path: Path) -> Iterator[Session]:
    with OfficeFile.open(office_path, read_only=True) as office, office.session() as session:
        yield session


def _independent(session: Session, year: int) -> dict[str, tuple[int, int]]:
    """name → (signed up to ``year`` as a party, active today), from the ORM records."""
    counts: dict[str, tuple[int, int]] = {}
    for entity in session.scalars(select(LocalEntity)):
        mine = [
            agreement
            for agreement in session.scalars(select(Agreement))
            if agreement.deleted_at is None
            and any(party.local_entity_id == entity.id for party in agreement.parties)
        ]
        counts[entity.name] = (
            sum(1 for a in mine if a.date_signed is not None and a.date_signed.year <= year),
            sum(1 for a in mine if a.status == "active"),
        )
    return counts


def test_each_placed_municipality_is_a_dot_with_its_own_counts(session: Session) -> None:
    territory = compute_overview(session, OverviewFilters(YEAR), TODAY).territory
    assert territory is not None and territory.drawn
    expected = _independent(session, YEAR)
    assert {dot.name: (dot.signed, dot.active) for dot in territory.dots} == {
        name: expected[name] for name in PLACES
    }
    assert expected["Belo Horizonte"] == (7, 6)  # the sample is not trivial
    assert expected["Ouro Preto"] == (0, 1)  # active, but signed after the year
    # the least signed first, the busiest last (drawn on top)
    assert [dot.signed for dot in territory.dots] == sorted(dot.signed for dot in territory.dots)
    assert territory.dots[-1].name == "Belo Horizonte"


def test_the_year_changes_the_sizes_not_the_places(session: Session) -> None:
    early = compute_overview(session, OverviewFilters(2012), TODAY).territory
    assert early is not None
    expected = _independent(session, 2012)
    assert {dot.name: dot.signed for dot in early.dots} == {
        name: expected[name][0] for name in PLACES
    }
    assert dict((dot.name, dot.signed) for dot in early.dots)["Belo Horizonte"] == 4


def test_entities_not_drawn_are_named(session: Session) -> None:
    territory = compute_overview(session, OverviewFilters(YEAR), TODAY).territory
    assert territory is not None
    assert territory.unplaced == (UNPLACED,)
    # the government and its region group the municipalities: the region has no
    # agreement of its own, the government two (not on any municipality's dot)
    assert territory.grouping == (("Governo de Minas", 2),)
    with language_pinned("en"):
        notes = words.notes(territory)
    assert notes[0].startswith("Not on the map, for want of coordinates (1): Conceição do Mato")
    assert "Governo de Minas (2 active)" in notes[1]


def test_a_region_filter_maps_its_municipalities_only(session: Session) -> None:
    region = session.scalar(select(LocalEntity.id).where(LocalEntity.name == "Central"))
    territory = compute_overview(session, OverviewFilters(YEAR, region), TODAY).territory
    assert territory is not None
    assert sorted(dot.name for dot in territory.dots) == sorted(PLACES)
    assert territory.unplaced == ()


def test_the_box_holds_every_dot_and_the_land_is_cut_to_it(session: Session) -> None:
    territory = compute_overview(session, OverviewFilters(YEAR), TODAY).territory
    assert territory is not None
    for dot in territory.dots:
        assert territory.left < dot.x < territory.right
        assert territory.bottom < dot.y < territory.top
    home = [shape for shape in territory.land if shape.home]
    assert home, "Brazil's outline lies under Minas Gerais"
    for shape in territory.land:
        for ring in shape.rings:
            for x, y in ring:
                assert territory.left - 1e-9 <= x <= territory.right + 1e-9
                assert territory.bottom - 1e-9 <= y <= territory.top + 1e-9


def test_one_placed_entity_makes_no_map(tmp_path: Path) -> None:
    path = build_overview_office(tmp_path / "office.sqlite")
    with OfficeFile.open(path) as office, office.session() as session:
        entity = session.scalars(
            select(LocalEntity).where(LocalEntity.name == "Belo Horizonte")
        ).one()
        entity.latitude, entity.longitude = -19.92, -43.94
        session.commit()
        territory = compute_overview(session, OverviewFilters(2026)).territory
    assert territory is not None and not territory.drawn
    assert len(territory.dots) == 1


def test_a_ring_is_clipped_to_the_box() -> None:
    square = ((-2.0, -2.0), (2.0, -2.0), (2.0, 2.0), (-2.0, 2.0))
    assert sorted(clip_ring(square, (0.0, 0.0, 1.0, 1.0))) == [
        (0.0, 0.0),
        (0.0, 1.0),
        (1.0, 0.0),
        (1.0, 1.0),
    ]
    assert clip_ring(((5.0, 5.0), (6.0, 5.0), (6.0, 6.0)), (0.0, 0.0, 1.0, 1.0)) == ()
