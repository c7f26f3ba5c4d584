"""The dashboard in the main window: the "Overview" page (declared in
:mod:`intl_desk.ui.window_features`) with its toolbar button, and the click-through from a
figure to the list of records behind it.

The lists are driven through their existing facet boxes, so no list page needed a new hook.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolBar

from intl_desk.core.i18n import N_, Message, _
from intl_desk.core.overview import Drill
from intl_desk.ui.dashboard.page import DashboardPage

if TYPE_CHECKING:
    from intl_desk.ui.list_page import ListPage
    from intl_desk.ui.main_window import MainWindow

PAGE_KEY = "overview"


@dataclass(frozen=True)
class Overview:
    """What the dashboard adds to the window, for the window (and tests) to reach."""

    page: DashboardPage
    #: Overview in the toolbar (Ctrl+Shift+O): shows the page read afresh
    show_action: QAction


def make_dashboard(window: MainWindow) -> DashboardPage:
    """The page (the office's front page) and a toolbar with Overview and Print / PDF."""
    page = DashboardPage(window.session)
    page.setObjectName("dashboardPage")
    page.drill_requested.connect(lambda drill: open_drill(window, drill))
    page.pdf_written.connect(
        lambda path: window.statusBar().showMessage(
            Message(N_("Overview saved as {file}."), {"file": path}).render(), 5000
        )
    )

    toolbar = QToolBar(_("Overview"), window)
    toolbar.setObjectName("overviewToolbar")
    toolbar.setMovable(False)
    toolbar.setIconSize(QSize(18, 18))
    overview_action = QAction(_("Overview"), window)
    overview_action.setObjectName("overviewAction")
    overview_action.setShortcut(QKeySequence("Ctrl+Shift+O"))
    overview_action.setToolTip(_("The dashboard of the office's international action"))
    overview_action.triggered.connect(lambda: show_dashboard(window, page))
    print_action = QAction(_("Print / Save as PDF…"), window)
    print_action.setObjectName("overviewPdfAction")
    print_action.setShortcut(QKeySequence.StandardKey.Print)
    print_action.triggered.connect(lambda: _print(window, page))
    toolbar.addAction(overview_action)
    toolbar.addAction(print_action)
    window.addToolBar(toolbar)

    def follow_changes() -> None:  # the figures on screen change with every record saved
        if window.office is not None and window.pages.currentWidget() is page:
            page.load()

    window.reloaded.connect(follow_changes)
    return page


def overview_of(window: MainWindow) -> Overview:
    """The dashboard's page and its toolbar action in ``window``."""
    page = window.feature_page(PAGE_KEY)
    action = window.findChild(QAction, "overviewAction")
    assert isinstance(page, DashboardPage) and action is not None
    return Overview(page, action)


def show_dashboard(window: MainWindow, page: DashboardPage) -> None:
    """Show the dashboard at once, read afresh (figures change with every record saved)."""
    if window.office is None:
        window.statusBar().showMessage(_("Open an office file first."), 5000)
        return
    window.navigation.blockSignals(True)
    window.navigation.setCurrentRow(window.pages.indexOf(page))
    window.navigation.blockSignals(False)
    already_shown = page.isVisible()
    window.pages.setCurrentWidget(page)
    if already_shown or not page.isVisible():  # otherwise showEvent has just read it
        page.load()


def _print(window: MainWindow, page: DashboardPage) -> None:
    if window.office is None:
        window.statusBar().showMessage(_("Open an office file first."), 5000)
        return
    if window.pages.currentWidget() is not page or page.overview is None:
        show_dashboard(window, page)
    page.save_pdf()  # says "saved" through pdf_written once the file is there


def open_drill(window: MainWindow, drill: Drill) -> None:
    """Open the record, or the list with the drill's facets chosen and nothing else."""
    if drill.record_id is not None:
        window.open_record(drill.kind, drill.record_id)
        return
    page = window.show_list(drill.kind)
    facets = drill.facet_dict()

    def apply() -> None:
        if apply_facets(page, facets):
            window.statusBar().showMessage(
                _("Some of the figure's filters are not offered by this list."), 5000
            )
        elif facets.get("entity") and _has_sub_entities(window, facets["entity"]):
            # rows count an entity's own agreements; the list's facet takes its subtree
            window.statusBar().showMessage(
                _("The list includes the agreements of every local entity under this one."),
                8000,
            )

    # A list read in the background fills its facet boxes when the read is done: choose
    # the facets then, or the read would put back the choices made before.
    if getattr(page, "reading", False) and hasattr(page, "refreshed"):
        page.refreshed.connect(apply, Qt.ConnectionType.SingleShotConnection)
    else:
        apply()


def _has_sub_entities(window: MainWindow, entity_id: str) -> bool:
    from sqlalchemy import select

    from intl_desk.core.model import LocalEntity

    with window.session() as session:
        child = session.scalar(
            select(LocalEntity.id)
            .where(LocalEntity.parent_id == entity_id, LocalEntity.deleted_at.is_(None))
            .limit(1)
        )
    return child is not None


def apply_facets(page: ListPage, facets: dict[str, str]) -> list[str]:
    """Choose ``facets`` in the list's boxes (all others cleared); returns those not found."""
    missing = []
    page.search_box.blockSignals(True)
    page.search_box.clear()
    page.search_box.blockSignals(False)
    for key, box in page.facet_boxes.items():
        wanted = facets.get(key, "")
        index = box.findData(wanted) if wanted else 0
        if index < 0:
            missing.append(key)
            index = 0
        box.blockSignals(True)
        box.setCurrentIndex(index)
        box.blockSignals(False)
    missing += [key for key in facets if key not in page.facet_boxes]
    page.apply_filters()
    return missing
