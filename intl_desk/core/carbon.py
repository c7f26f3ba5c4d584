"""A mission's carbon estimate: the great-circle distance between the stored coordinates
of its origin (its local entity) and destination (its partner), by transport mode, with
the factor of a published table and its source — never a figure without them.

The factors are ADEME's Base Carbone (Licence Ouverte 2.0), bundled in
``intl_desk/resources/data/carbon/transport_factors.csv``; its README says where each was read, for
which year, and why no uplift is applied to flights' distances and no car factor exists.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

from intl_desk.core.display import number_text, tenths_text
from intl_desk.core.i18n import N_, Message, _, current_language
from intl_desk.core.vocabularies import TRANSPORT_MODES
from intl_desk.paths import data_dir

FACTORS_FILE = ("carbon", "transport_factors.csv")
EARTH_RADIUS_KM = 6371.0
#: the table's publisher and licence, as shown beside every figure
SOURCE_NAME = "ADEME, Base Carbone®"
SOURCE_LICENCE = "Licence Ouverte 2.0"
#: the licence's own text, bundled beside the table: Etalab's French text (the one that
#: binds) and its English version, as published at github.com/etalab/licence-ouverte
LICENCE_TEXTS = {"fr": "licence-ouverte-2.0.md", "en": "open-licence-2.0.md"}


def licence_text_path(language: str | None = None) -> Path:
    """The bundled text of the factors' licence: in French for French, else in English."""
    language = language or current_language()
    name = LICENCE_TEXTS.get(language, LICENCE_TEXTS["en"])
    return data_dir() / FACTORS_FILE[0] / name


@dataclass(frozen=True)
class Factor:
    mode: str
    band: str  # "" unless the mode's factor depends on the distance (planes)
    from_km: float
    to_km: float | None
    kg_per_passenger_km: Decimal
    source_name: str
    source_year: int

    def covers(self, km: float) -> bool:
        return km >= self.from_km and (self.to_km is None or km < self.to_km)

    @property
    def source(self) -> str:
        """The factor's source as printed: publisher, factor's own name, licence."""
        return Message(
            N_("{publisher}: “{name}” ({licence})"),
            {"publisher": SOURCE_NAME, "name": self.source_name, "licence": SOURCE_LICENCE},
        ).render()


@cache
def factors() -> tuple[Factor, ...]:
    path = data_dir().joinpath(*FACTORS_FILE)
    with path.open(encoding="utf-8", newline="") as handle:
        return tuple(
            Factor(
                mode=row["mode"],
                band=row["band"],
                from_km=float(row["from_km"] or 0),
                to_km=float(row["to_km"]) if row["to_km"] else None,
                kg_per_passenger_km=Decimal(row["kg_co2e_per_passenger_km"]),
                source_name=row["source_name"],
                source_year=int(row["source_year"]),
            )
            for row in csv.DictReader(handle)
        )


def factor_for(mode: str, km: float) -> Factor | None:
    return next((f for f in factors() if f.mode == mode and f.covers(km)), None)


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance on a sphere of the Earth's mean radius."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi, d_lambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


@dataclass(frozen=True)
class Place:
    name: str
    latitude: float | None
    longitude: float | None

    @property
    def located(self) -> bool:
        return self.latitude is not None and self.longitude is not None


@dataclass(frozen=True)
class CarbonEstimate:
    """A round trip's estimate, or why there is none (``missing`` says it in words)."""

    km_one_way: float | None = None
    travellers: int = 1
    #: False when the mission gives no number of participants (1 traveller counted)
    travellers_known: bool = False
    factor: Factor | None = None
    missing: Message | None = None

    @property
    def kg(self) -> Decimal | None:
        if self.factor is None or self.km_one_way is None:
            return None
        km = Decimal(str(round(self.km_one_way, 1)))
        return (km * 2 * self.factor.kg_per_passenger_km * self.travellers).quantize(Decimal("0.1"))


NO_MODE = N_("No transport mode: choose how the mission travelled to estimate its carbon.")
NO_ORIGIN = N_(
    "No origin: place the mission's local entity, or an entity above it, on the map."
)
NO_DESTINATION = N_("No destination: give the mission a partner with a position on the map.")
NO_FACTOR = N_(
    "The bundled factor table (ADEME Base Carbone) has no factor for this transport mode "
    "({mode}): no estimate."
)


def estimate(
    mode: str | None,
    origin: Place | None,
    destination: Place | None,
    participant_count: int | None,
) -> CarbonEstimate:
    """The round trip's estimate from ``origin`` to ``destination`` for the mission's
    travellers, or a :class:`CarbonEstimate` whose ``missing`` says what is lacking."""
    if not mode:
        return CarbonEstimate(missing=Message(NO_MODE))
    if origin is None or not origin.located:
        return CarbonEstimate(missing=Message(NO_ORIGIN))
    if destination is None or not destination.located:
        return CarbonEstimate(missing=Message(NO_DESTINATION))
    assert origin.latitude is not None and origin.longitude is not None
    assert destination.latitude is not None and destination.longitude is not None
    km = great_circle_km(origin.latitude, origin.longitude, destination.latitude,
                         destination.longitude)  # fmt: skip
    travellers = participant_count if participant_count and participant_count > 0 else 1
    factor = factor_for(mode, km)
    if factor is None:
        return CarbonEstimate(
            km_one_way=km,
            travellers=travellers,
            travellers_known=bool(participant_count),
            missing=Message(NO_FACTOR, {"mode": TRANSPORT_MODES.label(mode)}),
        )
    return CarbonEstimate(
        km_one_way=km,
        travellers=travellers,
        travellers_known=bool(participant_count),
        factor=factor,
    )


def kg_text(kg: Decimal | None) -> str:
    """“1,286.5 kg CO2e” in the language's numbers, "" without an estimate."""
    if kg is None:
        return ""
    return Message(N_("{kg} kg CO2e"), {"kg": tenths_text(kg)}).render()


def explanation(carbon: CarbonEstimate) -> str:
    """How the figure was reached, with its factor and source, or why there is none."""
    if carbon.missing is not None:
        return carbon.missing.render()
    assert carbon.factor is not None and carbon.km_one_way is not None
    if not carbon.travellers_known:
        travellers = _("1 traveller (the number of people is not given)")
    elif carbon.travellers == 1:
        travellers = _("1 traveller")
    else:
        travellers = Message(N_("{count} travellers"), {"count": carbon.travellers}).render()
    return Message(
        N_(
            "{kg}: round trip, {km} km each way (great-circle distance) × 2 × {travellers} × "
            "{factor} kg CO2e per passenger-km. Factor: {source}, {year}."
        ),
        {
            "kg": kg_text(carbon.kg),
            "km": number_text(Decimal(str(round(carbon.km_one_way, 1)))),
            "travellers": travellers,
            "factor": number_text(carbon.factor.kg_per_passenger_km),
            "source": carbon.factor.source,
            "year": carbon.factor.source_year,
        },
    ).render()
