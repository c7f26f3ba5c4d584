"""The reports in French, Spanish and Portuguese: no English left on the page, figures and
dates written the language's way, and layouts that hold the longer words (headers that
wrap instead of running into each other, headline figures kept on one line)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from evaluation_office import TODAY as YEARLY_TODAY
from evaluation_office import YEAR as YEARLY_YEAR
from evaluation_office import build_office_file
from overview_office import TODAY, YEAR, build_overview_office
from pypdf import PdfReader
from reportlab.graphics.shapes import String
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

from intl_desk.core.evaluation.yearly import compute_yearly
from intl_desk.core.i18n import set_language
from intl_desk.core.overview import OverviewFilters, compute_overview, labels
from intl_desk.core.overview.figures import Bar
from intl_desk.reports import charts
from intl_desk.reports.fonts import BOLD, REGULAR, register_fonts
from intl_desk.reports.handover import _titled
from intl_desk.reports.overview import write_overview_pdf
from intl_desk.reports.styles import PADDING, data_table, tile_value
from intl_desk.reports.yearly import write_yearly_pdf
from intl_desk.store.office_file import OfficeFile

NARROW_NBSP = "\u202f"  # CLDR's French grouping separator


@pytest.fixture(scope="module")
def overview_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_overview_office(tmp_path_factory.mktemp("lang") / "overview.sqlite")


def _overview_text(path: Path, language: str) -> tuple[str, list[str]]:
    """The first page's text and the tile labels, both in ``language``."""
    set_language(language)
    with OfficeFile.open(path, read_only=True) as office, office.session() as session:
        overview = compute_overview(session, OverviewFilters(YEAR), TODAY)
    buffer = io.BytesIO()
    write_overview_pdf(overview, buffer)
    first = PdfReader(io.BytesIO(buffer.getvalue())).pages[0].extract_text()
    return " ".join(first.split()), [tile.label for tile in labels.headline_tiles(overview)]


def test_french_overview_has_no_english_tile_label_and_french_dates(overview_file: Path) -> None:
    _, english_tiles = _overview_text(overview_file, "en")
    page, french_tiles = _overview_text(overview_file, "fr")
    for english, french in zip(english_tiles, french_tiles, strict=True):
        assert english != french, f"tile {english!r} is not translated"
        assert english not in page
        assert " ".join(french.split()) in page
    assert "Page 1 sur" in page and "Page 1 of" not in page
    assert "15 juin 2026" in page  # the generation date, day first, French month
    assert "Jun" not in page
    assert "Villes et communautés durables" in page  # SDG 11, in French
    assert "Sustainable cities" not in page


def test_portuguese_overview_uses_portuguese_sdg_theme_and_country_words(
    overview_file: Path,
) -> None:
    page, _ = _overview_text(overview_file, "pt")
    assert "Cidades e comunidades sustentáveis" in page
    assert "Educação de qualidade" in page
    assert "Quality education" not in page
    assert "Acordos vigentes por país parceiro" in page
    assert "Página 1 de" in page


def test_portuguese_yearly_report_writes_dates_the_brazilian_way(tmp_path: Path) -> None:
    path = tmp_path / "yearly.sqlite"
    build_office_file(path)
    set_language("pt")
    with OfficeFile.open(path, read_only=True) as office, office.session() as session:
        report = compute_yearly(session, YEARLY_YEAR, YEARLY_TODAY)
    buffer = io.BytesIO()
    write_yearly_pdf(report, buffer)
    reader = PdfReader(io.BytesIO(buffer.getvalue()))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert f"Relatório anual {YEARLY_YEAR}" in text
    assert "2 de jul. de 2026" in text  # the generation date
    assert "Jul 2" not in text and "Page " not in text
    assert "Página 1 de" in text


@pytest.mark.parametrize(
    ("language", "expected"), [("fr", f"1{NARROW_NBSP}749"), ("pt", "1.749"), ("en", "1,749")]
)
def test_chart_figures_are_grouped_the_languages_way(language: str, expected: str) -> None:
    set_language(language)
    drawing = charts.bar_chart([Bar("culture", "Culture", 1749)], 250, 40)
    written = [item.text for item in drawing.contents if isinstance(item, String)]
    assert expected in written


def test_section_counts_are_grouped_the_languages_way() -> None:
    set_language("pt")
    assert _titled("Active agreements ({count})", range(7474)) == "Acordos vigentes (7.474)"


def test_long_french_headers_wrap_in_columns_wide_enough_for_their_words() -> None:
    register_fonts()
    set_language("fr")
    header = ["Réseau", "Rôles occupés", "Adhésions", "Événements en 2026"]
    table = data_table([header, ["Eurocities", "Vice-présidence", "1", "2"]], [300, 200, 38, 38], 2)
    widths = table._colWidths
    assert sum(widths) == pytest.approx(576)  # the table keeps its place on the page
    for word_column, words in ((2, ["Adhésions"]), (3, ["Événements", "2026"])):
        for word in words:
            assert widths[word_column] >= stringWidth(word, BOLD, 7.5) + 2 * PADDING
    cells = table._cellvalues[0]
    assert all(isinstance(cell, Paragraph) for cell in cells)  # headers wrap in their cell
    height = cells[3].wrap(widths[3] - 2 * PADDING, 100)[1]
    assert height > cells[0].wrap(widths[0] - 2 * PADDING, 100)[1]  # on two lines


def test_headline_figure_stays_on_one_line_in_its_tile() -> None:
    register_fonts()
    paragraph = tile_value("R$ 510,4 mi", 86)
    _, height = paragraph.wrap(86, 100)
    assert height == paragraph.style.leading
    assert paragraph.style.fontSize < 15  # shrunk rather than broken in two


def test_a_french_amount_stays_on_one_line_in_a_partner_sheet_tile() -> None:
    """ "2 141 001 EUR" in one of the partner sheet's six tiles: measured with its narrow
    spaces it seemed to fit, but the paragraph lays its words out with plain spaces and put
    "EUR" on a second line (Viêt Nam's sheet of the city demo, in French)."""
    register_fonts()
    value, room = f"2{NARROW_NBSP}141{NARROW_NBSP}001 EUR", 118.98
    paragraph = tile_value(value, room)
    _, height = paragraph.wrap(room, 100)
    assert height == paragraph.style.leading


def test_measured_cut_keeps_whole_words_and_fits() -> None:
    register_fonts()
    label = "17. Partenariats pour la réalisation des objectifs"
    cut = charts.fit_text(label, 120)
    assert cut.endswith("…") and stringWidth(cut, REGULAR, 7) <= 120
    assert charts.fit_text("Culture", 120) == "Culture"


def test_long_bar_label_breaks_onto_two_lines_instead_of_losing_words() -> None:
    register_fonts()
    label = "Gouvernance et renforcement institutionnel"
    lines = charts.two_lines(label, 120).split("\n")
    assert len(lines) == 2 and " ".join(lines) == label
    assert all(stringWidth(line, REGULAR, 7) <= 120 for line in lines)
