"""A mission of a department or a university with no position of its own leaves from the
city above it: the form, the reports and the list's carbon column give the same figure,
computed by hand from the city's position."""

from __future__ import annotations

from sqlalchemy import select

from intl_desk.core.carbon import explanation
from intl_desk.core.listing.definitions import ACTIVITIES
from intl_desk.core.mission_value import mission_values
from intl_desk.core.model import Activity, LocalEntity, Partner
from intl_desk.store.office_file import OfficeFile

from carbon_by_hand import LEIPZIG, LYON, MONTREAL, round_trip_kg  # isort: skip

PLANE_SHORT, PLANE_LONG = 0.258, 0.152  # ADEME Base Carbone, planes with contrails


def test_an_entity_without_a_position_leaves_from_the_one_above_it(office: OfficeFile) -> None:
    with office.session() as session:
        lyon = LocalEntity(name="Ville de Lyon", latitude=LYON[0], longitude=LYON[1])
        education = LocalEntity(name="Direction de l'éducation", parent=lyon)
        youth = LocalEntity(name="Service jeunesse", parent=education)
        montreal_office = LocalEntity(name="Antenne de Lyon à Montréal", parent=lyon,
                                      latitude=MONTREAL[0], longitude=MONTREAL[1])  # fmt: skip
        nowhere = LocalEntity(name="Association sans adresse")
        leipzig = Partner(name="Leipzig", country_code="DE",
                          latitude=LEIPZIG[0], longitude=LEIPZIG[1])  # fmt: skip
        for title, entity in (
            ("Classes de découverte", education),
            ("Échange de jeunes", youth),
            ("Depuis Montréal", montreal_office),
            ("Sans origine", nowhere),
        ):
            session.add(Activity(kind="mission", title=title, local_entity=entity,
                                 partner=leipzig, transport_mode="plane",
                                 participant_count=2))  # fmt: skip
        session.commit()
        ids = list(session.scalars(select(Activity.id)))
        values = {v.title: v.carbon for v in mission_values(session, ids)}
        carbon = next(c for c in ACTIVITIES.columns if c.key == "carbon")
        listed = dict(session.execute(select(Activity.title, carbon.expression())).tuples().all())

    from_lyon = round_trip_kg(LYON, LEIPZIG, PLANE_SHORT, 2)
    from_montreal = round_trip_kg(MONTREAL, LEIPZIG, PLANE_LONG, 2)
    expected = {
        "Classes de découverte": from_lyon,  # its parent's position
        "Échange de jeunes": from_lyon,  # two levels up
        "Depuis Montréal": from_montreal,  # its own position, not its parent's
    }
    for title, kg in expected.items():
        assert values[title].kg is not None, title
        assert abs(float(values[title].kg) - kg) <= 0.1, title
        assert listed[title] is not None and abs(listed[title] - float(values[title].kg)) < 0.05
    assert values["Sans origine"].kg is None and listed["Sans origine"] is None
    assert explanation(values["Sans origine"]).startswith("No origin")
