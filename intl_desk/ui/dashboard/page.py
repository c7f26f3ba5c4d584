"""The overview dashboard page: filters, headline tiles, map, charts and tables.

Figures come from :func:`intl_desk.core.overview.compute_overview`, the same object the PDF
draws, so "Print / Save as PDF" hands out exactly what is on screen. Every bar, country,
tile and row emits ``drill_requested(Drill)``; the main window opens the list behind it.
"""

from __future__ import annotations

import contextlib
import html
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from intl_desk.core import vocabularies as vocab
from intl_desk.core.display import date_text, number_text
from intl_desk.core.evaluation.status import STATUS_LABELS
from intl_desk.core.i18n import N_, Message, _
from intl_desk.core.listing.options import (
    entity_options,
    partner_country_options,
    signed_year_options,
)
from intl_desk.core.overview import (
    Overview,
    OverviewFilters,
    compute_overview,
    labels,
    style,
    territory_labels,
)
from intl_desk.core.overview.figures import Bar
from intl_desk.core.queries import office as office_record
from intl_desk.ui.dashboard.charts import BarChart, YearsChart
from intl_desk.ui.dashboard.territory_map import TerritoryMap
from intl_desk.ui.dashboard.widgets import FigureTable, TileWidget, empty_note, section
from intl_desk.ui.dashboard.world_map import WorldMap
from intl_desk.ui.pdf_output import write_pdf

SessionFactory = Callable[[], Session]
TOP = 8


class DashboardPage(QWidget):
    drill_requested = Signal(object)
    #: the PDF of what is on screen has been written (it is written in the background)
    pdf_written = Signal(str)

    def __init__(
        self,
        session_factory: SessionFactory,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session_factory = session_factory
        self._today = today
        self.overview: Overview | None = None
        self._logo: bytes | None = None
        #: overviews already computed since the last load, by filters: going back to a
        #: view seen a moment ago is instant (records cannot change without a reload)
        self._seen: dict[OverviewFilters, Overview] = {}

        title = QLabel(_("Overview"))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        self.year_box = QComboBox()
        self.year_box.setObjectName("overviewYear")
        self.entity_box = QComboBox()
        self.entity_box.setObjectName("overviewEntity")
        self.entity_box.setMinimumContentsLength(22)
        self.entity_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.country_box = QComboBox()
        self.country_box.setObjectName("overviewCountry")
        self.country_box.setMinimumContentsLength(16)
        self.country_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        for box in (self.year_box, self.entity_box, self.country_box):
            box.currentIndexChanged.connect(self.refresh)
        self.print_button = QPushButton(_("Print / Save as PDF…"))
        self.print_button.clicked.connect(self.save_pdf)
        self.scope_label = QLabel()
        self.scope_label.setStyleSheet(f"color: {style.MUTED};")
        # a file cloned from an office server: the territory as of its last sync
        self.as_of_label = QLabel()
        self.as_of_label.setObjectName("overviewAsOfSync")
        self.as_of_label.setStyleSheet(f"color: {style.MUTED};")
        self.as_of_label.hide()
        #: the line under the overview of a cloned file (None for other files)
        self.as_of: str | None = None
        top_row = QHBoxLayout()
        top_row.addWidget(title)
        top_row.addSpacing(12)
        top_row.addWidget(self.year_box)
        top_row.addWidget(self.entity_box)
        top_row.addWidget(self.country_box)
        top_row.addStretch(1)
        top_row.addWidget(self.print_button)

        self.tiles = [TileWidget() for _index in range(8)]
        self.map = WorldMap()
        self.territory_map = TerritoryMap()
        self.territory_map.setObjectName("territoryMap")
        self.territory_notes = empty_note()
        self.territory_notes.setObjectName("territoryNotes")
        self.years = YearsChart()
        self.themes = BarChart()
        self.sdgs = BarChart()
        self.statuses = BarChart()
        self.funders = BarChart(colour=style.MONEY)
        self.entities = FigureTable(max_rows=10)
        self.networks = FigureTable(max_rows=15)
        self.indicators = FigureTable(max_rows=40)
        self.expiring = FigureTable(max_rows=12)
        self.notes = {key: empty_note() for key in ("themes", "sdgs", "projects", "funders")}
        self.expiring_more = QLabel()
        self.expiring_more.linkActivated.connect(self._more_expiring)
        # what the active agreements lack (no objective, nobody in charge…), each clickable
        self.health = QLabel()
        self.health.setObjectName("agreementHealth")
        self.health.setWordWrap(True)
        self.health.linkActivated.connect(self._health_drill)
        clickable: list[
            TileWidget | WorldMap | TerritoryMap | YearsChart | BarChart | FigureTable
        ] = [
            *self.tiles,
            self.map,
            self.territory_map,
            self.years,
            self.themes,
            self.sdgs,
            self.statuses,
            self.funders,
            self.entities,
            self.networks,
            self.indicators,
            self.expiring,
        ]
        for widget in clickable:
            widget.drill_requested.connect(self.drill_requested)

        content = QWidget()
        grid = QGridLayout(content)
        grid.setContentsMargins(0, 0, 12, 0)
        grid.setHorizontalSpacing(16)
        tiles_row = QHBoxLayout()
        tiles_row.setSpacing(6)
        for tile in self.tiles:
            tiles_row.addWidget(tile)
        tiles_and_health = QVBoxLayout()
        tiles_and_health.setSpacing(4)
        tiles_and_health.addLayout(tiles_row)
        tiles_and_health.addWidget(self.health)
        grid.addLayout(tiles_and_health, 0, 0, 1, 6)
        # row 1, for an office with a territory: its map, and the busiest entities beside it
        self.territory_section = section(
            territory_labels.title(), self.territory_map, self.territory_notes
        )
        grid.addWidget(self.territory_section, 1, 0, 1, 4)
        grid.addWidget(section(labels.section_title("map"), self.map), 2, 0, 1, 4)
        grid.addWidget(section(labels.section_title("years"), self.years), 2, 4, 1, 2)
        self.themes_section = section(
            labels.section_title("themes"), self.themes, self.notes["themes"]
        )
        self.sdgs_section = section(labels.section_title("sdgs"), self.sdgs, self.notes["sdgs"])
        self.entities_section = section(labels.section_title("entities"), self.entities)
        self.grid = grid
        self._arrange(territory=False)
        grid.addWidget(
            section(labels.section_title("projects"), self.statuses, self.notes["projects"]),
            4, 0, 1, 2,
        )  # fmt: skip
        grid.addWidget(
            section(labels.section_title("funders"), self.funders, self.notes["funders"]),
            4, 2, 1, 4,
        )  # fmt: skip
        grid.addWidget(section(labels.section_title("networks"), self.networks), 5, 0, 1, 6)
        grid.addWidget(section(labels.section_title("indicators"), self.indicators), 6, 0, 1, 6)
        grid.addWidget(
            section(labels.section_title("expiring"), self.expiring, self.expiring_more),
            7, 0, 1, 6,
        )  # fmt: skip
        grid.setRowStretch(8, 1)
        for column in range(6):
            grid.setColumnStretch(column, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)

        self.empty_label = QLabel()
        self.empty_label.setObjectName("emptyState")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setMargin(40)
        self.stack = QStackedWidget()
        self.stack.addWidget(scroll)
        self.stack.addWidget(self.empty_label)

        layout = QVBoxLayout(self)
        layout.addLayout(top_row)
        layout.addWidget(self.scope_label)
        layout.addWidget(self.as_of_label)
        layout.addWidget(self.stack, 1)

    def show_as_of(self, text: str | None) -> None:
        """Say when the figures were last synchronised (None: not a cloned file); the
        PDF saved says it too."""
        self.as_of = text
        self.as_of_label.setText(text or "")
        self.as_of_label.setVisible(bool(text))

    def showEvent(self, event: QShowEvent) -> None:
        """Read afresh whenever shown: records may have changed since."""
        super().showEvent(event)
        with contextlib.suppress(RuntimeError):  # no office file open
            self.load()

    # --- filters ----------------------------------------------------------------------

    def load(self) -> None:
        """Re-read the filter choices (keeping the chosen ones) and the figures."""
        this_year = self._today().year
        self._seen.clear()
        with self._session_factory() as session:
            years = {int(option.value) for option in signed_year_options(session)}
            entities = entity_options(session)
            countries = partner_country_options(session)
        first = min(years | {this_year - 14})  # every year, not only those with signatures
        _fill(self.year_box, [(str(y), y) for y in range(this_year, first - 1, -1)], this_year)
        _fill(
            self.entity_box,
            [(_("All local entities"), ""), *((o.label, o.value) for o in entities)],
            "",
        )
        _fill(
            self.country_box,
            [(_("All partner countries"), ""), *((o.label, o.value) for o in countries)],
            "",
        )
        self.refresh()

    def current_filters(self) -> OverviewFilters:
        year = self.year_box.currentData()
        return OverviewFilters(
            int(year) if year else self._today().year,
            self.entity_box.currentData() or None,
            self.country_box.currentData() or None,
        )

    # --- figures ----------------------------------------------------------------------

    def refresh(self) -> None:
        filters = self.current_filters()
        overview = self._seen.get(filters)
        if overview is None:
            # an overview read since the last load for the same entity and country: its
            # standing figures (what is active today) serve again, only the year changed
            previous = next(
                (
                    seen
                    for key, seen in self._seen.items()
                    if (key.entity_id, key.country) == (filters.entity_id, filters.country)
                ),
                None,
            )
            with self._session_factory() as session:
                overview = compute_overview(session, filters, self._today(), previous=previous)
                own = office_record(session)
                self._logo = own.logo if own else None
            self._seen[filters] = overview
        self.show_overview(overview)

    def show_overview(self, overview: Overview) -> None:
        self.overview = overview
        self.scope_label.setText(f"{overview.office_name} · {overview.scope_text}")
        if overview.is_empty:
            self.empty_label.setText(labels.empty_advice(overview))
            self.stack.setCurrentWidget(self.empty_label)
            return
        self.stack.setCurrentIndex(0)
        for widget, tile in zip(self.tiles, labels.headline_tiles(overview), strict=True):
            widget.set_tile(tile)
        items = labels.health_items(overview)
        links = " · ".join(
            f"<a href='{index}'>{html.escape(text)}</a>"
            for index, (text, _drill) in enumerate(items)
        )
        self.health.setText(
            f"<b>{html.escape(labels.health_title())}</b> — {links}" if items else ""
        )
        self.health.setVisible(bool(items))
        self.map.set_figures(overview.international_countries, overview.international_cities)
        self._show_territory(overview)
        self.years.set_series(overview.signed_by_year, overview.type_labels)
        money = overview.currency
        _bars(self.themes, overview.themes[:TOP], self.notes["themes"])
        _bars(
            self.sdgs, sorted(overview.sdgs, key=lambda bar: -bar.value)[:TOP], self.notes["sdgs"]
        )
        _bars(self.statuses, overview.project_statuses, self.notes["projects"])
        _bars(
            self.funders,
            overview.funders[:10],
            self.notes["funders"],
            lambda value: labels.money_short(value, money),
        )
        self._fill_tables(overview)

    def _show_territory(self, overview: Overview) -> None:
        territory = overview.territory
        drawn = territory is not None and territory.drawn
        self.territory_map.set_territory(territory if drawn else None, overview.filters.year)
        notes = territory_labels.notes(territory) if territory is not None and drawn else ()
        self.territory_notes.setText(" ".join(notes))
        self.territory_notes.setVisible(bool(notes))
        self._arrange(drawn)

    def _arrange(self, territory: bool) -> None:
        """With a territory map, the busiest entities sit beside it and themes and SDGs
        share the row below; without, the three share that row as before."""
        grid = self.grid
        for widget in (self.themes_section, self.sdgs_section, self.entities_section):
            grid.removeWidget(widget)
        self.territory_section.setVisible(territory)
        if territory:
            grid.addWidget(self.entities_section, 1, 4, 1, 2)
            grid.addWidget(self.themes_section, 3, 0, 1, 3)
            grid.addWidget(self.sdgs_section, 3, 3, 1, 3)
        else:
            grid.addWidget(self.themes_section, 3, 0, 1, 2)
            grid.addWidget(self.sdgs_section, 3, 2, 1, 2)
            grid.addWidget(self.entities_section, 3, 4, 1, 2)

    def _fill_tables(self, overview: Overview) -> None:
        count = labels.count_text
        year = overview.filters.year
        top = overview.top_entities(10)
        signed = Message(N_("Signed in {year}"), {"year": year}).render()
        self.entities.set_rows(
            # "Signed" alone reads as the signature date ("Firma", "Assinatura"): say the year
            [_("Local entity"), _("Active"), signed, _("Projects")],
            [[e.name, count(e.active), count(e.signed_in_year), count(e.projects)] for e in top],
            [e.drill for e in top],
            1,
        )
        events = Message(N_("Events in {year}"), {"year": year}).render()
        self.networks.set_rows(
            [_("Network"), _("Roles held"), _("Memberships"), events],
            [[n.name, n.roles, count(n.memberships), count(n.events)] for n in overview.networks],
            [n.drill for n in overview.networks],
            2,
        )
        self.indicators.set_rows(
            [
                _("Indicator"),
                _("Dimension"),
                _("Period"),
                _("Target"),
                _("Measured"),
                _("Assessment"),
            ],
            [
                [
                    f"{i.code}  {i.name}".strip(),
                    vocab.DIMENSIONS.label(i.dimension),
                    i.period,
                    _with_unit(i.target, i.unit),
                    _with_unit(i.value, i.unit),
                    _(STATUS_LABELS[i.status]),
                ]
                for i in overview.indicators
            ],
            [i.drill for i in overview.indicators],
            3,
        )
        self.expiring.set_rows(
            [_("Agreement"), _("Partners"), _("Expires"), _("Renewal")],
            [[a.title, a.partners, date_text(a.expires), a.renewal] for a in overview.expiring],
            [a.drill for a in overview.expiring],
            99,
        )
        more = overview.expiring_count - len(overview.expiring)
        self.expiring_more.setText(
            "<a href='more'>"
            + Message(N_("… and {count} more"), {"count": count(more)}).render()
            + "</a>"
            if more > 0
            else ""
        )

    def _health_drill(self, link: str) -> None:
        if self.overview is not None:
            drill = labels.health_items(self.overview)[int(link)][1]
            if drill is not None:
                self.drill_requested.emit(drill)

    def _more_expiring(self, _link: str = "") -> None:
        if self.overview is not None:
            self.drill_requested.emit(self.overview.expiring_drill)

    # --- paper ------------------------------------------------------------------------

    def save_pdf(self) -> Path | None:
        """Ask where, write the PDF of what is on screen, open it."""
        from intl_desk.reports.overview import write_overview_pdf
        from intl_desk.reports.saving import write_atomically

        overview = self.overview
        if overview is None:
            return None
        suggested = Message(N_("Overview {year}.pdf"), {"year": overview.filters.year}).render()
        chosen, _filter = QFileDialog.getSaveFileName(
            self, _("Save the overview as PDF"), suggested, _("PDF documents (*.pdf)")
        )
        if not chosen:
            return None
        path = Path(chosen if chosen.lower().endswith(".pdf") else f"{chosen}.pdf")
        logo, as_of = self._logo, self.as_of
        from intl_desk.files.output_guard import session_file

        with self._session_factory() as session:
            sources = session_file(session)

        def write(target: Path) -> None:
            write_atomically(
                target, lambda stream: write_overview_pdf(overview, stream, logo, as_of), sources
            )

        write_pdf(self, path, write, self._pdf_written)
        return path

    def _pdf_written(self, path: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        self.pdf_written.emit(str(path))


def _fill(box: QComboBox, items: list[tuple[str, object]], default: object) -> None:
    chosen = box.currentData() if box.count() else default
    box.blockSignals(True)
    box.clear()
    for label, value in items:
        box.addItem(label, value)
    index = box.findData(chosen)
    box.setCurrentIndex(index if index >= 0 else max(box.findData(default), 0))
    box.blockSignals(False)


def _bars(
    chart: BarChart,
    bars: Sequence[Bar],
    note: QLabel,
    value_text: Callable[[float], str] | None = None,
) -> None:
    chart.set_bars(bars, value_text)
    chart.setVisible(bool(chart.bars))
    note.setText(_("Nothing recorded yet."))
    note.setVisible(not chart.bars)


def _with_unit(value: float, unit: str) -> str:
    return f"{number_text(value)} {unit}".strip()
