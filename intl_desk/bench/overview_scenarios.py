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
