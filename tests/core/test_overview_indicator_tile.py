"""The "Indicators on track" tile never reads as a contradiction: with targets set but
nothing measured it says "no indicator assessed yet" (not "0 %"); once one indicator is
measured behind its target it says 0 % with "0 of 1 assessed"."""

from __future__ import annotations

from datetime import date

from intl_desk.core.i18n import set_language
from intl_desk.core.model import Indicator, IndicatorTarget, Measurement, Period
from intl_desk.core.overview import OverviewFilters, compute_overview, labels
from intl_desk.store.office_file import OfficeFile

TODAY = date(2026, 6, 15)


def _tile(office: OfficeFile) -> tuple[str, str]:
    with office.session() as session:
        overview = compute_overview(session, OverviewFilters(2025), today=TODAY)
    [tile] = [tile for tile in labels.headline_tiles(overview) if tile.key == "indicators"]
    return tile.value, tile.note


def test_nothing_measured_is_not_zero_percent(office: OfficeFile) -> None:
    set_language("en")
    with office.session() as session:
        period = Period(label="2025", start_date=date(2025, 1, 1), end_date=date(2025, 12, 31))
        indicator = Indicator(code="TER-1", name="Étudiants échangés", dimension="territorial")
        session.add_all([period, indicator])
        session.flush()
        session.add(IndicatorTarget(indicator_id=indicator.id, period=period, value=40))
        session.commit()
    assert _tile(office) == ("–", "no indicator assessed yet")

    with office.session() as session:
        session.add(Measurement(indicator_id=indicator.id, period_id=period.id, value=12))
        session.commit()
    assert _tile(office) == ("0%", "0 of 1 assessed")
