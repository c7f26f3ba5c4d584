"""The Measurements page of the main window (declared in
:mod:`intl_desk.ui.window_features`, after the lists).

The page reads the file each time it is shown (once a file is open), so it needs no place
in the window's stale-page bookkeeping.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from intl_desk.ui.measurement_page import MeasurementPage

if TYPE_CHECKING:
    from intl_desk.ui.main_window import MainWindow

def make_measurement_page(window: MainWindow) -> MeasurementPage:
    def session() -> Session:
        return window.session()

    page = MeasurementPage(
        session,
        read_only=lambda: window.office is None or window.office.read_only,
        reload_on_show=lambda: window.office is not None,
    )
    page.setObjectName("measurementPage")
    return page
