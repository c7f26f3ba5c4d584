"""The Overview, Measurements, Today and Merge screens in Spanish and Portuguese: numbers in the
language's digits, long names that are not cut, nothing left in English."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QComboBox, QHeaderView
from pytestqt.qtbot import QtBot

from intl_desk.core import vocabularies as vocab
from intl_desk.core.evaluation.entry import DuePeriod
from intl_desk.core.evaluation.readings import PeriodInfo
from intl_desk.core.i18n import set_language
from intl_desk.core.model import Partner
from intl_desk.core.overview.figures import Bar, Drill, YearSeries
from intl_desk.store.backup import backup_copy
from intl_desk.store.merge import merge_files
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui.dashboard.charts import BarChart, YearsChart
from intl_desk.ui.measurement_grid import due_text
from intl_desk.ui.merge_dialog import KEEP_COLUMN, MergeDialog
from intl_desk.ui.today_page import _Panel

#: SDG names as the Portuguese Overview shows them, the longest kind of bar label
PORTUGUESE_SDGS = (
    "11. Cidades e comunidades sustentáveis",
    "4. Educação de qualidade",
    "17. Parcerias e meios de implementação",
    "8. Trabalho decente e crescimento econômico",
)


def test_chart_figures_use_the_languages_digits_like_the_tiles(qtbot: QtBot) -> None:
    set_language("pt")
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.set_bars([Bar("cultura", "Cultura", 1749)])
    assert chart.value_text(1749) == "1.749"  # as the tile "7.474 Acordos vigentes", not 1 749
    set_language("es")
    assert chart.value_text(24337) == "24.337"


def test_sdg_names_get_the_room_the_values_leave(qtbot: QtBot) -> None:
    set_language("pt")
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.resize(340, 100)
    chart.set_bars([Bar(str(n), label, 2296 - n) for n, label in enumerate(PORTUGUESE_SDGS)])
    metrics = QFontMetrics(chart.font())
    value_room = chart._value_room(metrics)
    label_width = chart._label_width(metrics, value_room)
    # "4. Educação de qualidade" is read whole; the bars keep room to be compared
    assert metrics.horizontalAdvance(PORTUGUESE_SDGS[1]) <= label_width - 8
    assert label_width > 170  # half the chart, as before, cut it to "4. Educação de qu…"
    assert 340 - label_width - value_room >= 50


def test_the_years_legend_goes_to_one_column_rather_than_cut_type_names(qtbot: QtBot) -> None:
    set_language("es")
    labels = tuple(vocab.AGREEMENT_TYPES.label(code) for code in vocab.AGREEMENT_TYPES.codes)
    chart = YearsChart()
    qtbot.addWidget(chart)
    chart.resize(330, 280)
    counts = tuple(1 for _label in labels)
    chart.set_series([YearSeries(2026, counts, Drill("agreements", ()))], labels)
    metrics = QFontMetrics(chart.font())
    widest = max(metrics.horizontalAdvance(label) for label in labels)
    assert widest > (330 - 10) / 2 - 16  # "Convenio de cooperación" does not fit half
    assert chart.legend_columns() == 1
    chart.set_series([YearSeries(2026, (1, 1), Drill("agreements", ()))], ("Adenda", "Otro"))
    assert chart.legend_columns() == 2


def test_measurements_due_count_in_portuguese_digits() -> None:
    set_language("pt")
    period = PeriodInfo("p", "2026", date(2026, 1, 1), date(2026, 12, 31), False)
    assert due_text(DuePeriod(period, 37, 8500, 17)) == "2026 — 8.537 a registrar"


def test_today_panel_counts_in_the_languages_digits(qtbot: QtBot) -> None:
    set_language("pt")
    panel = _Panel("Acordos a renovar", "")
    qtbot.addWidget(panel)
    panel.fill([(f"Acordo {n}", None) for n in range(1200)])
    assert panel.heading.text() == "Acordos a renovar (1.200)"


def test_merge_dialog_gives_the_values_the_room_and_fits_the_portuguese_choice(
    qtbot: QtBot, office_path: Path
) -> None:
    with OfficeFile.open(office_path) as office, office.session() as session:
        session.add(Partner(name="São João del-Rei", country_code="BR"))
        session.commit()
    theirs = backup_copy(office_path, office_path.with_name("cópia.sqlite"))
    for path, notes in ((office_path, "Geminação desde 1998"), (theirs, "Cidade-irmã, 1998")):
        with OfficeFile.open(path) as office, office.session() as session:
            session.query(Partner).one().notes = notes
            session.commit()
    set_language("pt")
    dialog = MergeDialog(None, merge_files(office_path, theirs, dry_run=True), theirs)
    qtbot.addWidget(dialog)
    dialog.resize(900, 480)
    dialog.show()
    header = dialog.table.horizontalHeader()
    assert [dialog.table.model().headerData(c, Qt.Orientation.Horizontal) for c in range(6)] == [
        "Tipo", "Registro", "Campo", "Este arquivo", "Outro arquivo", "Manter",
    ]  # fmt: skip
    assert header.sectionResizeMode(3) == QHeaderView.ResizeMode.Stretch
    assert header.sectionResizeMode(4) == QHeaderView.ResizeMode.Stretch
    other = dialog.table.item(0, 4)
    assert other is not None and other.toolTip() == "Cidade-irmã, 1998"
    keep = dialog.table.cellWidget(0, KEEP_COLUMN)
    assert isinstance(keep, QComboBox)
    assert header.sectionSize(KEEP_COLUMN) >= keep.sizeHint().width()


def test_spanish_overview_tiles_and_tables_leave_nothing_in_english(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from overview_office import TODAY, YEAR, build_overview_office

    from intl_desk.ui.main_window import MainWindow

    path = build_overview_office(tmp_path / "office.sqlite")
    set_language("es")
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    with qtbot.waitSignal(window.file_opened, timeout=10_000):
        window.open_file(path, read_only=True)
    page = window.overview.page
    page._today = lambda: TODAY
    window.overview.show_action.trigger()

    def shown() -> list[str]:
        page.refresh()
        texts = [t for tile in page.tiles for t in (tile.label.text(), tile.note.text())]
        table = page.entities
        texts += [
            str(table.model().headerData(c, Qt.Orientation.Horizontal))
            for c in range(table.columnCount())
        ]
        return [text for text in texts if text]

    spanish = shown()
    assert f"Firmados en {YEAR}" in spanish  # not "Firma", the signature date's label
    set_language("en")
    assert not set(spanish) & set(shown())


def test_project_roles_and_budget_statuses_fit_their_columns_in_every_language(
    qtbot: QtBot,
) -> None:
    from intl_desk.ui.dialogs.project import BUDGET_COLUMNS, PARTICIPANT_COLUMNS

    columns = [c for c in (*PARTICIPANT_COLUMNS, *BUDGET_COLUMNS) if c.field in ("role", "status")]
    for language in ("en", "fr", "es", "pt"):
        set_language(language)
        for column in columns:
            assert column.choices is not None
            box = QComboBox()
            qtbot.addWidget(box)
            for _code, label in column.choices():
                box.addItem(label)
            # "Responsabilidade" was cut to "Responsabilidad" in a 130-pixel column
            assert box.sizeHint().width() <= column.width, (language, column.field)


def test_entity_names_get_the_room_the_figure_headings_leave(qtbot: QtBot) -> None:
    """The Portuguese overview read "Entidade loca" and "Belo Horiz…" beside a figure
    column as wide as its heading "Assinados em 2026"."""
    from intl_desk.ui.dashboard.widgets import FigureTable

    set_language("pt")
    table = FigureTable()
    qtbot.addWidget(table)
    table.resize(335, 300)
    table.show()
    names = ["Belo Horizonte", "Uberlândia", "São João del-Rei", "Governador Valadares"]
    table.set_rows(
        ["Entidade local", "Vigente", "Assinados em 2026", "Projetos"],
        [[name, "343", "78", "54"] for name in names],
        [None] * len(names),
        numeric_from=1,
    )
    metrics = table.fontMetrics()
    name_column = table.columnWidth(0)
    for name in names:
        assert metrics.horizontalAdvance(name) + 8 <= name_column, name
    header = table.horizontalHeader()
    assert metrics.horizontalAdvance("Entidade local") <= header.sectionSize(0)
    # the long heading wraps onto two lines instead of taking the names' room
    assert header.sectionSize(2) < metrics.horizontalAdvance("Assinados em 2026")
    assert header.height() >= 2 * metrics.lineSpacing()


def test_a_figure_heading_takes_two_lines_at_most(qtbot: QtBot) -> None:
    """The French overview cut "Signés en 2026" at the top: its column, as wide as its
    figures or the heading's longest word, wrapped it on three lines in a header two lines
    high. The column now widens until its heading fits on two."""
    from intl_desk.ui.dashboard.widgets import FigureTable

    set_language("fr")
    table = FigureTable()
    qtbot.addWidget(table)
    table.resize(335, 300)
    table.show()
    names = ["Ville de Lyon", "Université Claude Bernard Lyon 1", "Université Lumière Lyon 2"]
    table.set_rows(
        ["Entité locale", "En vigueur", "Signés en 2026", "Projets"],
        [[name, "37", "9", "7"] for name in names],
        [None] * len(names),
        numeric_from=1,
    )
    header = table.horizontalHeader()
    metrics = header.fontMetrics()
    margin = header.style().pixelMetric(header.style().PixelMetric.PM_HeaderMargin)
    for column in (1, 2, 3):
        heading = str(table.model().headerData(column, Qt.Orientation.Horizontal))
        room = QRect(0, 0, header.sectionSize(column) - 2 * margin, 10_000)
        needed = metrics.boundingRect(room, int(Qt.TextFlag.TextWordWrap), heading).height()
        assert needed <= 2 * metrics.lineSpacing(), heading
        assert needed <= header.height(), heading
