"""Benchmark scenarios of the overview (run by ``intl-desk bench``).

Each returns the seconds of the work a user waits for: the state-scale overview PDF from
the open file to the last byte written, and the dashboard's refresh after a filter change
up to the repainted page (Qt's start-up and the first load are not counted).
"""

from __future__ import annotations

import io
import os
import statistics
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
    """Median time from choosing a filter on the dashboard to the page repainted."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from intl_desk.store.office_file import OfficeFile
    from intl_desk.ui.dashboard.page import DashboardPage

    app = QApplication.instance() or QApplication([])
    with OfficeFile.open(file, read_only=True) as office:
        page = DashboardPage(office.session)
        page.resize(1100, 740)
        page.show()
        page.load()
        app.processEvents()
        changes = [
            (page.country_box, page.country_box.findData("PT")),
            (page.entity_box, 2),  # a region: everything under it
            (page.country_box, 0),
            (page.year_box, 1),
            (page.entity_box, 0),
            (page.year_box, 2),
        ]  # every combination new: none is answered from the dashboard's memory
        timings = []
        for box, index in changes:
            started = time.perf_counter()
            box.setCurrentIndex(max(index, 0))
            page.repaint()
            app.processEvents()
            timings.append(time.perf_counter() - started)
        page.close()
    return statistics.median(timings)
