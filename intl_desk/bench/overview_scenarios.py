"""Benchmark scenarios of the overview (run by ``intl-desk bench``).

Each returns the seconds of the work a user waits for: the state-scale overview PDF from
the open file to the last byte written, and the dashboard's refresh after a filter change
up to the repainted page (Qt's start-up and the first load are not counted).
"""

from __future__ import annotations

import io
import time
from pathlib import Path


def overview_pdf(file: Path) -> float:
    """Compute the overview of the state file and write its PDF (appendix of 853+)."""
    from intl_desk.core.overview import OverviewFilters, compute_overview
    from intl_desk.reports.fonts import register_fonts
    from intl_desk.reports.overview import write_overview_pdf
    from intl_desk.store.office_file import OfficeFile

    register_fonts()
    with OfficeFile.open(file, read_only=True) as office, office.session() as session:
        started = time.perf_counter()
        overview = compute_overview(session, OverviewFilters(time.localtime().tm_year))
        buffer = io.BytesIO()
        write_overview_pdf(overview, buffer)
        elapsed = time.perf_counter() - started
    if len(overview.entities) < 853 or buffer.tell() < 10_000:
        raise RuntimeError("the overview should list every municipality")
    return elapsed


def dashboard_filter_refresh(file: Path) -> float:
    """Median time from choosing a filter on the dashboard to the page repainted (the
    window part lives in the ui layer, the only one that imports Qt)."""
    from intl_desk.ui.bench_scenarios import dashboard_filter_refresh as measure

    return measure(file)


def figures_agree(file: Path) -> float:
    """The state-scale check of one rule for "active": for three past years, the
    overview's active agreements (as of each year's end), the yearly report's and the
    ``agreements_active`` formula's are the same number, and so are the agreements signed
    in the year; a difference stops the bench with the three figures."""
    from datetime import date

    from intl_desk.core.evaluation.formula_filters import Window
    from intl_desk.core.evaluation.formulas import compute
    from intl_desk.core.evaluation.yearly import compute_yearly
    from intl_desk.core.overview import OverviewFilters, compute_overview
    from intl_desk.store.office_file import OfficeFile

    today = date.today()
    with OfficeFile.open(file, read_only=True) as office, office.session() as session:
        started = time.perf_counter()
        for year in (today.year - 6, today.year - 3, today.year - 1):
            window = Window(date(year, 1, 1), date(year, 12, 31), {}, today=today)
            headline = compute_overview(session, OverviewFilters(year), today).headline
            yearly = compute_yearly(session, year, today).headline
            active = (
                headline.active_agreements,
                yearly.active,
                int(compute(session, "agreements_active", None, window)),
            )
            signed = (
                headline.signed_in_year,
                yearly.signed,
                int(compute(session, "agreements_signed", None, window)),
            )
            if len(set(active)) != 1 or len(set(signed)) != 1:
                raise RuntimeError(
                    f"{year}: active (overview, yearly, formula) {active}, signed {signed}"
                )
        return time.perf_counter() - started
