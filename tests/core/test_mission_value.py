"""A mission's value: carbon against a hand computation, follow-ups due on Today."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import select

from intl_desk.core.carbon import explanation
from intl_desk.core.mission_value import add_months, follow_ups_due, mission_values
from intl_desk.core.model import Activity, ExpectedResult, FollowUp, LocalEntity, Partner
from intl_desk.store.office_file import OfficeFile

from carbon_by_hand import BARCELONA, LEIPZIG, LYON, MONTREAL, by_hand  # isort: skip

def test_three_trips_match_a_hand_computation(office: OfficeFile) -> None:
    with office.session() as session:
        lyon = LocalEntity(name="Ville de Lyon", latitude=LYON[0], longitude=LYON[1])
        places = {
            name: Partner(name=name, country_code=cc, latitude=at[0], longitude=at[1])
            for name, cc, at in (
                ("Leipzig", "DE", LEIPZIG),
                ("Montréal", "CA", MONTREAL),
                ("Barcelona", "ES", BARCELONA),
            )
        }
        trips = [
            ("Leipzig", "plane", 3),
            ("Montréal", "plane", 2),
            ("Barcelona", "high_speed_train", 4),
            ("Leipzig", "car", 1),
        ]
        for partner, mode, people in trips:
            session.add(
                Activity(
                    kind="mission",
                    title=f"Mission {partner} by {mode}",
                    local_entity=lyon,
                    partner=places[partner],
                    transport_mode=mode,
                    participant_count=people,
                )
            )
        session.commit()
        ids = list(session.scalars(select(Activity.id)))
        values = {v.title: v for v in mission_values(session, ids)}

    # the published factors (ADEME Base Carbone), typed here from the bundled README's table
    leipzig_km = by_hand(LYON, LEIPZIG)  # ≈ 831 km: short haul, under 1,000 km
    montreal_km = by_hand(LYON, MONTREAL)  # ≈ 5,833 km: long haul, over 3,500 km
    barcelona_km = by_hand(LYON, BARCELONA)  # ≈ 535 km
    assert 830 < leipzig_km < 832 and 5832 < montreal_km < 5834 and 530 < barcelona_km < 540
    expected = {
        "Mission Leipzig by plane": round(round(leipzig_km, 1) * 2 * 0.258 * 3, 1),
        "Mission Montréal by plane": round(round(montreal_km, 1) * 2 * 0.152 * 2, 1),
        "Mission Barcelona by high_speed_train": round(round(barcelona_km, 1) * 2 * 0.00293 * 4, 1),
    }
    for title, kg in expected.items():
        carbon = values[title].carbon
        assert carbon.kg is not None
        assert abs(float(carbon.kg) - kg) <= 0.1, title
    plane = values["Mission Leipzig by plane"].carbon
    assert plane.factor is not None
    assert plane.factor.kg_per_passenger_km == Decimal("0.258")
    text = explanation(plane)
    assert "Avion passagers - Court courrier, 2018 - AVEC trainées" in text
    assert "ADEME, Base Carbone" in text and "Licence Ouverte 2.0" in text
    assert "× 2 × 3 travellers × 0.258 kg CO2e per passenger-km" in text
    car = values["Mission Leipzig by car"].carbon
    assert car.kg is None
    assert "has no factor for this transport mode (Car)" in explanation(car)


def test_a_mission_without_coordinates_says_what_is_missing(office: OfficeFile) -> None:
    with office.session() as session:
        mission = Activity(kind="mission", title="Mission", transport_mode="plane",
                           partner=Partner(name="Somewhere", country_code="SN"))  # fmt: skip
        session.add(mission)
        session.commit()
        (value,) = mission_values(session, [mission.id])
    assert value.carbon.kg is None
    assert explanation(value.carbon).startswith("No origin")


def test_follow_ups_come_due_and_go_once_made(office: OfficeFile) -> None:
    with office.session() as session:
        valued = Activity(kind="mission", status="done", title="Mission à Łódź",
                          start_date=date(2026, 3, 2), end_date=date(2026, 3, 10))  # fmt: skip
        valued.expected_results.append(ExpectedResult(expected="Un accord culturel"))
        unvalued = Activity(kind="mission", status="done", title="Mission sans attentes",
                            end_date=date(2026, 3, 10))  # fmt: skip
        session.add_all([valued, unvalued])
        session.commit()
        assert follow_ups_due(session, date(2026, 5, 20)) == []  # 3 months: 10 June
        (due,) = follow_ups_due(session, date(2026, 6, 1))
        assert (due.title, due.months, due.due, due.days_left) == (
            "Mission à Łódź", 3, date(2026, 6, 10), 9)  # fmt: skip
        late = follow_ups_due(session, date(2026, 9, 1))
        assert [(d.months, d.days_left) for d in late] == [(3, -83), (6, 9)]
        valued.follow_ups.append(FollowUp(months=3, done_on=date(2026, 6, 12)))
        session.commit()
        assert [d.months for d in follow_ups_due(session, date(2026, 9, 1))] == [6]
        # the 6-month one missed, the 12-month one made: nothing is asked any more
        valued.follow_ups.append(FollowUp(months=12, done_on=date(2027, 3, 15)))
        session.commit()
        assert follow_ups_due(session, date(2027, 4, 1)) == []


def test_months_are_added_as_a_calendar_does() -> None:
    assert add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)
    assert add_months(date(2026, 3, 10), 12) == date(2027, 3, 10)
