"""Puts the Measurements page into the main window (a navigation entry after the lists),
and the Reports menu with the yearly and handover reports.

Kept out of ``main_window.py`` so the window makes one call. The page reads the file
each time it is shown (once a file is open), so it needs no place in the window's
stale-page bookkeeping.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from intl_desk.core.i18n import _
from intl_desk.ui.evaluation_reports import install_report_menu
from intl_desk.ui.measurement_page import MeasurementPage

if TYPE_CHECKING:
    from intl_desk.ui.main_window import MainWindow

PAGE_KEY = "measurements"


def install_measurements(window: MainWindow) -> MeasurementPage:
    def session() -> Session:
        return window.session()

    page = MeasurementPage(
        session,
        read_only=lambda: window.office is None or window.office.read_only,
        reload_on_show=lambda: window.office is not None,
    )
    page.setObjectName("measurementPage")
    window.add_page(PAGE_KEY, _("Measurements"), page)
    install_report_menu(window)  # the yearly and handover reports
    return page
