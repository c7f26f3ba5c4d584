"""The reports' cheap tables (intl_desk.reports.ledger) print exactly what ReportLab's own
Table printed with the same style: the same words, at the same places, on the same pages,
read back in the same order."""

from __future__ import annotations

import io
from typing import Any

from pypdf import PdfReader
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle

from intl_desk.core.overview import style
from intl_desk.reports.charts import progress_bar
from intl_desk.reports.fonts import BOLD, REGULAR, register_fonts
from intl_desk.reports.ledger import LedgerTable
from intl_desk.reports.styles import PADDING, SMALL, _header, data_table, fitted_widths

WIDTHS = [300.0, 120.0, 70.0, 70.0, 80.0, 90.0]
NAMES = ["São João del-Rei", "Łódź", "Việt Trì", "Córdoba", "Zürich & <Genève>", ""]


def _rows() -> list[list[Any]]:
    register_fonts()  # before the first Paragraph
    rows: list[list[Any]] = [
        ["Local entity", "Part of", "Signed up to 2026", "Active agreements", "Status", "Note"]
    ]
    for number in range(260):  # several pages
        name = NAMES[number % len(NAMES)]
        rows.append(
            [
                f"{name} {number}",
                "Zona da Mata" if number % 3 else "",
                f"{number * 7:,}",
                str(number % 11),
                "Renew" if number % 2 else "Not decided",
                Paragraph("A paragraph cell that wraps over two lines at this width", SMALL)
                if number % 37 == 0
                else ("two\nlines" if number % 41 == 0 else ""),
            ]
        )
    rows.append(["Total (260 local entities)", "", "237,510", "1,300", "", ""])
    return rows


def _reference(rows: list[list[Any]]) -> Table:
    """What data_table built before: a plain Table styled by commands, cell by cell."""
    numeric_from, font_size, left = 2, 7.0, (4, 5)
    widths = fitted_widths(rows, WIDTHS, numeric_from, font_size)
    rows = [_header(rows[0], numeric_from, font_size, left), *rows[1:]]
    table = Table(rows, colWidths=widths, repeatRows=1, splitInRow=1)
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), REGULAR, font_size),
        ("FONT", (0, 0), (-1, 0), BOLD, font_size),
        ("TEXTCOLOR", (0, 0), (-1, -1), HexColor(style.INK)),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, HexColor(style.INK)),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, HexColor(style.RULE)),
        ("ALIGN", (numeric_from, 0), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
    ]
    for column in left:
        commands += [
            ("ALIGN", (column, 0), (column, -1), "LEFT"),
            ("LEFTPADDING", (column, 0), (column, -1), 2 * PADDING),
        ]
    commands += [
        ("FONT", (0, -1), (-1, -1), BOLD, font_size),
        ("LINEABOVE", (0, -1), (-1, -1), 0.6, HexColor(style.INK)),
    ]
    table.setStyle(TableStyle(commands))
    return table


def _with_group_rows(table: Table) -> Table:
    """As the overview's indicator table does: some rows restyled after the fact."""
    for row in (5, 90):
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, row), (-1, row), BOLD, 7.5),
                    ("TEXTCOLOR", (0, row), (2, row), HexColor("#8a1c1c")),
                    ("BACKGROUND", (0, row), (-1, row), HexColor("#f3f6fa")),
                ]
            )
        )
    return table


def _pdf(flowable: Flowable) -> PdfReader:
    register_fonts()
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=landscape(A4)).build([flowable])
    return PdfReader(buffer)


def _placed_words(reader: PdfReader) -> list[list[tuple[str, float, float]]]:
    return [sorted(_words_on(page)) for page in reader.pages]


def _words_on(page: Any) -> list[tuple[str, float, float]]:
    words: list[tuple[str, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: Any) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            words.append((text.strip(), round(x, 2), round(y, 2)))

    page.extract_text(visitor_text=visit)
    return words


def _compare(ours: PdfReader, theirs: PdfReader) -> None:
    assert len(ours.pages) == len(theirs.pages) > 3
    for page, (mine, reference) in enumerate(
        zip(_placed_words(ours), _placed_words(theirs), strict=True)
    ):
        assert mine == reference, f"page {page + 1}"
    for mine, reference in zip(ours.pages, theirs.pages, strict=True):
        assert mine.extract_text() == reference.extract_text()


def test_a_long_table_prints_as_reportlab_printed_it() -> None:
    ours = _pdf(data_table(_rows(), WIDTHS, 2, total_row=True, font_size=7, left=(4, 5)))
    _compare(ours, _pdf(_reference(_rows())))
    text = "\n".join(page.extract_text() for page in ours.pages)
    assert "São João del-Rei 0" in text and "Łódź 1" in text and "Việt Trì 2" in text
    assert "Zürich & <Genève> 4" in text and "Total (260 local entities)" in text


def test_rows_restyled_afterwards_and_drawings_in_cells_print_the_same() -> None:
    rows = _rows()
    rows[3][5] = progress_bar(3.0, 4.0, False)  # a drawing among the strings
    ours = _with_group_rows(data_table(rows, WIDTHS, 2, total_row=True, font_size=7, left=(4, 5)))
    rows = _rows()
    rows[3][5] = progress_bar(3.0, 4.0, False)
    _compare(_pdf(ours), _pdf(_with_group_rows(_reference(rows))))


def test_each_row_of_strings_is_measured_once_however_many_pages(monkeypatch: Any) -> None:
    """The ledger works out the heights of its rows of strings itself, each once, where
    ReportLab measured them cell by cell on every page the table was split over; the
    rows holding a paragraph or a drawing are left to ReportLab (the tests above compare
    the pages with ReportLab's own)."""
    measured: list[int] = []
    plain_row_height = LedgerTable._plain_row_height

    def noted(table: LedgerTable, row: int) -> float | None:
        height = plain_row_height(table, row)
        if height is not None:
            measured.append(row)
        return height

    monkeypatch.setattr(LedgerTable, "_plain_row_height", noted)
    rows = _rows()
    reader = _pdf(data_table(rows, WIDTHS, 2, total_row=True, font_size=7, left=(4, 5)))
    assert len(reader.pages) > 3
    # the header's words become paragraphs (they wrap), as do the cells given as paragraphs
    strings = [number for number, row in enumerate(rows) if number and not any(map(_drawn, row))]
    assert len(strings) > 250 and measured == strings


def _drawn(cell: Any) -> bool:
    return isinstance(cell, Flowable)


def _many_letters() -> list[list[Any]]:
    """The rows of _rows() with names in more letters than one subset of the embedded
    font holds (Latin Extended-A, Greek, Cyrillic): the later ones go to a second."""
    letters = [
        chr(code) for code in [*range(0x100, 0x17F), *range(0x391, 0x3A2), *range(0x410, 0x450)]
    ]
    rows = _rows()
    for number, row in enumerate(rows[1:-1]):
        start = (number * 7) % len(letters)
        row[0] = "".join(letters[start : start + 12]) + f" {number}"
    return rows


def test_strings_over_two_subsets_of_the_font_print_as_reportlab_printed_them() -> None:
    """The ledger shows each string as ReportLab would, worked out once per document:
    a string naming the font's second subset, then the first again, reads whole and in
    place, in this document and in the next one (whose subsets start afresh)."""
    table = data_table(_many_letters(), WIDTHS, 2, total_row=True, font_size=7, left=(4, 5))
    ours = _pdf(table)
    _compare(ours, _pdf(_reference(_many_letters())))
    text = "\n".join(page.extract_text() for page in ours.pages)
    assert "ĀāĂăĄąĆćĈĉĊċ 0" in text and "Ѐ" not in text and "АБВ" in text
    again = _pdf(data_table(_many_letters(), WIDTHS, 2, total_row=True, font_size=7, left=(4, 5)))
    assert [page.extract_text() for page in again.pages] == [
        page.extract_text() for page in ours.pages
    ]
