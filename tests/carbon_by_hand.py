"""Great-circle distances computed by hand for the carbon tests, another way than the app's
haversine, and the places they use."""

from __future__ import annotations

import math

LYON = (45.7640, 4.8357)
LEIPZIG = (51.3397, 12.3731)
MONTREAL = (45.5017, -73.5673)
BARCELONA = (41.3874, 2.1686)


def by_hand(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Spherical law of cosines (not the haversine the app uses), radius 6,371 km."""
    (lat1, lon1), (lat2, lon2) = [(math.radians(x), math.radians(y)) for x, y in (a, b)]
    cosine = math.sin(lat1) * math.sin(lat2) + math.cos(lat1) * math.cos(lat2) * math.cos(
        lon2 - lon1
    )
    return 6371.0 * math.acos(cosine)


def round_trip_kg(
    a: tuple[float, float], b: tuple[float, float], factor: float, people: int
) -> float:
    """kg CO2e there and back: the distance to the tenth of a km × 2 × factor × people."""
    return round(round(by_hand(a, b), 1) * 2 * factor * people, 1)
