"""The yearly report's missions section: cost, carbon and results side by side, and the
missions without expected results — every figure recounted here from what the test wrote,
the carbon by hand (spherical law of cosines, not the app's haversine)."""

from __future__ import annotations

import io
import math
from datetime import date
from decimal import Decimal
from typing import Any

from pypdf import PdfReader
from sqlalchemy import event

from intl_desk.core.evaluation.yearly import compute_yearly
from intl_desk.core.model import Activity, ExpectedResult, LocalEntity, Partner
from intl_desk.reports.yearly import write_yearly_pdf
from intl_desk.store.office_file import OfficeFile

LYON = (45.7640, 4.8357)
PLACES = {"Łódź": ("PL", (51.7592, 19.4560)), "Huế": ("VN", (16.4637, 107.5909)),
          "Córdoba": ("AR", (-31.4201, -64.1888))}  # fmt: skip
#: (partner, mode, people, cost, expected → obtained, start); the 2024 one is another year
MISSIONS = (
    ("Łódź", "high_speed_train", 2, "3200", (("Signer la feuille de route", "Signée"),),
     date(2025, 3, 10)),
    ("Huế", "plane", 3, "14500", (("Former 40 enseignants", ""), ("Ouvrir une classe", "Ouverte")),
     date(2025, 6, 2)),
    ("Córdoba", "plane", None, "9800", (), date(2025, 10, 20)),
    ("Łódź", "car", 1, "600", (), date(2025, 11, 5)),
    ("Huế", "plane", 2, "12000", (("Hors de l'année", ""),), date(2024, 5, 5)),
)  # fmt: skip


def by_hand(a: tuple[float, float], b: tuple[float, float]) -> float:
    (lat1, lon1), (lat2, lon2) = [(math.radians(x), math.radians(y)) for x, y in (a, b)]
    return 6371.0 * math.acos(
        math.sin(lat1) * math.sin(lat2) + math.cos(lat1) * math.cos(lat2) * math.cos(lon2 - lon1)
    )


def test_the_missions_section_recounted(office: OfficeFile) -> None:
    with office.session() as session:
        lyon = LocalEntity(name="Ville de Lyon", kind="government", latitude=LYON[0],
                           longitude=LYON[1])  # fmt: skip
        partners = {
            name: Partner(name=name, country_code=cc, latitude=at[0], longitude=at[1])
            for name, (cc, at) in PLACES.items()
        }
        for partner, mode, people, cost, results, start in MISSIONS:
            mission = Activity(kind="mission", status="done", title=f"Mission à {partner} ({mode})",
                               start_date=start, local_entity=lyon, partner=partners[partner],
                               transport_mode=mode, participant_count=people,
                               cost=Decimal(cost), currency="EUR")  # fmt: skip
            for position, (expected, obtained) in enumerate(results):
                mission.expected_results.append(
                    ExpectedResult(position=position, expected=expected, obtained=obtained or None)
                )
            session.add(mission)
        session.commit()
        report = compute_yearly(session, 2025, today=date(2026, 1, 15))

    factors = {"train": 0.00293, "long_haul": 0.152}  # Base Carbone, README table
    lodz_km = by_hand(LYON, PLACES["Łódź"][1])  # ≈ 1,170 km by rail
    hue_km = by_hand(LYON, PLACES["Huế"][1])  # long haul
    cordoba_km = by_hand(LYON, PLACES["Córdoba"][1])  # long haul, nobody counted: 1 traveller
    expected_kg = {
        "Mission à Łódź (high_speed_train)": round(lodz_km, 1) * 2 * factors["train"] * 2,
        "Mission à Huế (plane)": round(hue_km, 1) * 2 * factors["long_haul"] * 3,
        "Mission à Córdoba (plane)": round(cordoba_km, 1) * 2 * factors["long_haul"] * 1,
    }
    values = {v.title: v for v in report.mission_values}
    assert sorted(values) == sorted([*expected_kg, "Mission à Łódź (car)"])  # 2024 left out
    for title, kg in expected_kg.items():
        assert values[title].carbon.kg is not None
        assert abs(float(values[title].carbon.kg) - kg) <= 0.1, title
    assert values["Mission à Łódź (car)"].carbon.kg is None
    total = sum(Decimal(str(round(kg, 1))) for kg in expected_kg.values())
    recomputed = sum(v.carbon.kg for v in report.mission_values if v.carbon.kg is not None)
    assert abs(recomputed - total) <= Decimal("0.3")
    assert report.headline.mission_cost == Decimal("3200") + 14500 + 9800 + 600

    buffer = io.BytesIO()
    write_yearly_pdf(report, buffer)
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(buffer).pages)
    section = text[text.index("Missions abroad: cost, carbon and results") :]
    assert (
        f"Carbon of the missions: {recomputed:,} kg CO2e (3 of 4 estimated). Missions with "
        "expected results: 2 of 4; expected results obtained: 2 of 3." in section
    )
    assert "Signer la feuille de route → Signée" in section
    # one expected result a line, each with its outcome
    assert "• Former 40 enseignants → — • Ouvrir une classe → Ouverte" in section
    lines = [" ".join(line.split()) for page in PdfReader(buffer).pages
             for line in page.extract_text().splitlines()]  # fmt: skip
    assert "• Former 40 enseignants → —" in lines
    assert "3,200 EUR" in section and "14,500 EUR" in section
    assert (
        "Missions without expected results (2): Mission à Córdoba (plane) (20 Oct 2025); "
        "Mission à Łódź (car) (5 Nov 2025)." in section
    )
    assert "Hors de l'année" not in section


def _sizes_of(pdf: bytes, words: tuple[str, ...]) -> dict[str, set[float]]:
    """The type sizes each of ``words`` is printed in, wherever it appears."""
    sizes: dict[str, set[float]] = {word: set() for word in words}

    def visit(text: str, _cm: Any, _tm: Any, _font: Any, size: float) -> None:
        for word in words:
            if word in text:
                sizes[word].add(round(size, 2))

    for page in PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=visit)
    return sizes


def test_a_long_mission_title_is_printed_in_the_type_of_the_short_ones(office: OfficeFile) -> None:
    """A title too long for its column wraps in it, in the same type as its neighbours:
    before, wrapped cells were smaller and grey, so some missions looked less important."""
    titles = ("Mission à Łódź", "Mission technique à Córdoba : patrimoine et urbanisme durable")
    with office.session() as session:
        lyon = LocalEntity(name="Ville de Lyon", kind="government")
        for day_of_month, title in enumerate(titles, start=3):
            mission = Activity(kind="mission", status="done", title=title, local_entity=lyon,
                               start_date=date(2025, 3, day_of_month))  # fmt: skip
            # an expected result each: the titles are then printed in the table only
            mission.expected_results.append(ExpectedResult(position=0, expected="Signer"))
            session.add(mission)
        session.commit()
        report = compute_yearly(session, 2025, today=date(2026, 1, 15))
    buffer = io.BytesIO()
    write_yearly_pdf(report, buffer)
    sizes = _sizes_of(buffer.getvalue(), ("Łódź", "Córdoba"))
    assert sizes["Córdoba"] == sizes["Łódź"] == {7.5}


def test_the_missions_are_read_as_plain_rows(office: OfficeFile) -> None:
    """The report reads its missions and their results as rows: no record objects are
    built for them (a state has hundreds a year)."""
    with office.session() as session:
        mission = Activity(kind="mission", status="done", title="Mission à Łódź",
                           start_date=date(2025, 3, 10), transport_mode="car", cost=Decimal(600),
                           currency="EUR")  # fmt: skip
        mission.expected_results.append(
            ExpectedResult(position=0, expected="Signer", obtained="Signé")
        )
        session.add(mission)
        session.commit()
    built: list[str] = []

    def loaded(record: object, _context: object) -> None:
        built.append(type(record).__name__)

    for model in (Activity, ExpectedResult):
        event.listen(model, "load", loaded)
    try:
        with office.session() as session:
            report = compute_yearly(session, 2025, date(2026, 2, 1))
    finally:
        for model in (Activity, ExpectedResult):
            event.remove(model, "load", loaded)
    values = [
        (m.title, [(e.expected, e.obtained) for e in m.expected]) for m in report.mission_values
    ]
    assert values == [("Mission à Łódź", [("Signer", "Signé")])]
    assert built == []
