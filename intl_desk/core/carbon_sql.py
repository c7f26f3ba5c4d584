"""A mission's carbon estimate as an SQL function of the office file, so the activities
list shows it as a column that sorts like any other and exports with the list.

The figure is :func:`intl_desk.core.carbon.estimate`'s, to the tenth of a kilogram — the
one the activity form and the yearly report show — computed in Python for each row the
query reads: the great-circle distance needs trigonometry, which not every SQLite build
has. :func:`intl_desk.store.connection.harden` registers it on every connection to an
office file; lists only run on office files, never on the server's PostgreSQL.

Kept free of imports, so opening a connection costs nothing until a query uses it.
"""

from __future__ import annotations

from typing import Any

#: the function's name in SQL: (transport mode, origin latitude, origin longitude,
#: destination latitude, destination longitude, participants) → kg CO2e, or NULL
CARBON_KG = "intl_desk_carbon_kg"


def carbon_kg(
    mode: str | None,
    origin_latitude: float | None,
    origin_longitude: float | None,
    destination_latitude: float | None,
    destination_longitude: float | None,
    participants: int | None,
) -> float | None:
    """The round trip's kg CO2e for one row, NULL when the form would give no figure."""
    if not mode or None in (
        origin_latitude,
        origin_longitude,
        destination_latitude,
        destination_longitude,
    ):
        return None
    from intl_desk.core.carbon import Place, estimate

    kg: Any = estimate(
        mode,
        Place("", origin_latitude, origin_longitude),
        Place("", destination_latitude, destination_longitude),
        participants,
    ).kg
    return None if kg is None else float(kg)
