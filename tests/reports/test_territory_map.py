"""The territory map in the overview PDF: one dot per placed municipality, sized in the
order of the agreements each signed (counted here from the records), on the first page
beside the world map, with the entities not drawn named under it — in English and
Portuguese; an office without a territory keeps its first page as it was."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from overview_office import build_overview_office
from pypdf import PdfReader
from sqlalchemy import select
from territory_office import PLACES, TODAY, UNPLACED, YEAR, build_territory_office

from intl_desk.core.i18n import language_pinned
from intl_desk.core.model import Agreement, LocalEntity
from intl_desk.core.overview import OverviewFilters, compute_overview
from intl_desk.reports.fonts import register_fonts
from intl_desk.reports.overview import write_overview_pdf
from intl_desk.reports.territory_map import territory_drawing
from intl_desk.store.office_file import OfficeFile


@pytest.fixture(scope="module")
def office_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_territory_office(tmp_path_factory.mktemp("territory_pdf") / "state.sqlite")


def _signed_per_municipality(path: Path) -> dict[str, int]:
    with OfficeFile.open(path, read_only=True) as office, office.session() as session:
        agreements = [a for a in session.scalars(select(Agreement)) if a.deleted_at is None]
        names = {e.id: e.name for e in session.scalars(select(LocalEntity))}
        counts = dict.fromkeys(PLACES, 0)
        for agreement in agreements:
            if agreement.date_signed is None or agreement.date_signed.year > YEAR:
                continue
            for party in agreement.parties:
                name = names.get(party.local_entity_id or "")
                if name in counts:
                    counts[name] += 1
        return counts


def _pdf_text(path: Path, language: str) -> list[str]:
    with language_pinned(language):
        with OfficeFile.open(path, read_only=True) as office, office.session() as session:
            overview = compute_overview(session, OverviewFilters(YEAR), TODAY)
        buffer = io.BytesIO()
        write_overview_pdf(overview, buffer)
    reader = PdfReader(io.BytesIO(buffer.getvalue()))
    return [page.extract_text() for page in reader.pages]


def test_the_dots_are_the_municipalities_sized_by_agreements_signed(office_path: Path) -> None:
    register_fonts()
    with OfficeFile.open(office_path, read_only=True) as office, office.session() as session:
        territory = compute_overview(session, OverviewFilters(YEAR), TODAY).territory
    assert territory is not None
    drawing = territory_drawing(territory, YEAR, 300, 180)
    circles = drawing.dots.dots  # drawn as a layer (intl_desk.reports.layers)
    assert len(circles) == len(PLACES)
    signed = _signed_per_municipality(office_path)
    # the dots in drawing order against the counts, smallest first: a larger count never
    # gets a smaller dot, and the most signed (Belo Horizonte, 7) the largest of all
    radii = [circle.r for circle in circles]
    assert radii == sorted(radii)
    assert sorted(signed.values()) == [dot.signed for dot in territory.dots]
    assert radii[-1] > radii[-2] > radii[0]
    assert max(signed, key=lambda name: signed[name]) == "Belo Horizonte"
    # every dot inside the map, left of the legend
    for circle in circles:
        assert 0 <= circle.cx <= 300 - 92 and 0 <= circle.cy <= 180


@pytest.mark.parametrize(
    ("language", "title", "unplaced", "years"),
    [
        (
            "en",
            "Agreements of each local entity, on the map",
            "Not on the map, for want of coordinates (1)",
            "Agreements signed per year, by type",
        ),
        (
            "pt",
            "Acordos de cada entidade local, no mapa",
            "Fora do mapa, por falta de coordenadas (1)",
            "Acordos assinados por ano, por tipo",
        ),
    ],
)
def test_the_first_page_shows_the_territory_beside_the_world(
    office_path: Path, language: str, title: str, unplaced: str, years: str
) -> None:
    pages = _pdf_text(office_path, language)
    first = " ".join(pages[0].split())
    assert title in first
    assert unplaced in first and UNPLACED in first
    assert "Governo de Minas (2" in first
    assert "Belo Horizonte" in first  # the busiest dot is named on the map
    # the signatures per year moved to the second page
    assert years not in first
    assert years in " ".join(pages[1].split())


def test_an_office_without_a_territory_keeps_its_first_page(tmp_path: Path) -> None:
    path = build_overview_office(tmp_path / "office.sqlite")
    with OfficeFile.open(path, read_only=True) as office, office.session() as session:
        overview = compute_overview(session, OverviewFilters(2026))
    buffer = io.BytesIO()
    with language_pinned("en"):
        write_overview_pdf(overview, buffer)
    first = " ".join(PdfReader(io.BytesIO(buffer.getvalue())).pages[0].extract_text().split())
    assert "Agreements signed per year, by type" in first
    assert "on the map" not in first
