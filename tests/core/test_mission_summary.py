"""The yearly report's sentence under the missions: counts said as labels, so one mission
reads as well as forty, and a year with no carbon figure says why instead of "0.0 kg CO2e
for the 0 of 1 missions"."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from intl_desk.core.carbon import CarbonEstimate, Factor, factors
from intl_desk.core.i18n import set_language
from intl_desk.core.mission_value import ExpectedLine, MissionValue, mission_summary


def _mission(title: str, carbon: CarbonEstimate, *expected: tuple[str, str]) -> MissionValue:
    return MissionValue(
        id=title, title=title, start=date(2026, 10, 27), place="Nairobi, Kenya",
        cost=Decimal("17500"), currency="EUR", carbon=carbon,
        expected=tuple(ExpectedLine(e, o, "") for e, o in expected),
    )  # fmt: skip


def _plane() -> Factor:
    return next(f for f in factors() if f.mode == "plane" and f.covers(6000))


def test_one_mission_without_a_figure_says_what_it_needs() -> None:
    lone = _mission("Mission à ONU-Habitat", CarbonEstimate(), ("Deux projets", "Trois"))
    assert mission_summary([lone]) == (
        "No mission has a carbon estimate: each needs a transport mode and the positions of "
        "its local entity and its partner. Missions with expected results: 1 of 1; expected "
        "results obtained: 1 of 1."
    )
    set_language("fr")
    assert mission_summary([lone]).startswith("Aucune mission n'a d'estimation carbone : ")


def test_figures_of_every_mission_or_of_some() -> None:
    flown = CarbonEstimate(km_one_way=6000.0, travellers=2, travellers_known=True,
                           factor=_plane())  # fmt: skip
    kg = flown.kg
    assert kg is not None
    both = [_mission("A", flown, ("x", "")), _mission("B", flown)]
    set_language("fr")
    said = mission_summary(both).replace("\u202f", " ")
    french_kg = f"{2 * kg:,.1f}".replace(",", " ").replace(".", ",")  # "7 415,9"
    assert said.startswith(f"Carbone des missions : {french_kg} kg CO2e. ")
    assert "estimées" not in said  # every mission has its figure: no "2 sur 2"
    assert said.endswith("Missions avec des résultats attendus : 1 sur 2 ; résultats attendus "
                         "obtenus : 0 sur 1.")  # fmt: skip
    set_language("en")
    some = mission_summary([*both, _mission("C", CarbonEstimate())])
    assert some.startswith(f"Carbon of the missions: {2 * kg:,} kg CO2e (2 of 3 estimated).")
