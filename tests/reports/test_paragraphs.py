"""Shared paragraphs draw exactly what ReportLab's own Paragraph draws."""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

from intl_desk.reports.fonts import register_fonts
from intl_desk.reports.paragraphs import SharedParagraph
from intl_desk.reports.styles import BODY, SMALL

TEXTS = [
    "Agreements in force",
    "Agreements in force",  # the same again: parsed and broken once, drawn twice
    "São João del-Rei — Córdoba, Łódź &amp; Việt Nam",
    "Accords signés par année, avec leurs partenaires de coopération décentralisée",
    "<b>Bold</b> and <i>marked</i> text is parsed each time",
    "3",
]


def _pdf(make: type[Paragraph]) -> bytes:
    register_fonts()
    right = ParagraphStyle("right", parent=SMALL, alignment=TA_RIGHT)
    story = []
    for width in (60, 200):  # narrow columns break the longer texts over lines
        rows = [[make(text, BODY), make(text, right)] for text in TEXTS]
        story.append(Table(rows, colWidths=[width, width]))
        story += [make(text, BODY) for text in TEXTS]
    long = " ".join(["Lessons learned from the twinning, written at length."] * 300)
    story += [make(long, BODY), make(long, BODY)]  # each split over pages
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, invariant=1).build(story)
    return buffer.getvalue()


def test_shared_paragraphs_draw_the_same_pdf_as_reportlab() -> None:
    assert _pdf(SharedParagraph) == _pdf(Paragraph)


def test_a_plain_text_is_parsed_once_and_marked_up_text_each_time() -> None:
    register_fonts()
    first, second = (
        SharedParagraph("Partner countries", BODY),
        SharedParagraph("Partner countries", BODY),
    )
    assert second.frags is first.frags
    assert SharedParagraph("Partner countries", SMALL).frags is not first.frags
    marked = "<b>Partner</b> countries"
    assert SharedParagraph(marked, BODY).frags is not SharedParagraph(marked, BODY).frags


def test_a_plain_text_is_drawn_once_per_document_and_box(monkeypatch: Any) -> None:
    """The same text, style and box drawn again writes what the first wrote (the PDF
    above is ReportLab's, byte for byte); a new document draws it afresh, its fonts'
    subsets being its own."""
    register_fonts()
    drawn: list[str] = []
    draw_para = Paragraph.drawPara

    def noted(paragraph: Paragraph, *args: Any) -> None:
        drawn.append(paragraph.getPlainText())
        draw_para(paragraph, *args)

    monkeypatch.setattr(Paragraph, "drawPara", noted)
    texts = ["Agreements in force", "Łódź", "Agreements in force", "<b>Bold</b> twice"] * 3
    for _document in range(2):
        buffer = io.BytesIO()
        story = [SharedParagraph(text, BODY) for text in texts]
        story.append(Table([[SharedParagraph("Łódź", BODY)] for _ in range(3)], colWidths=[80]))
        SimpleDocTemplate(buffer).build(story)
    # per document: each plain text once in the frame and once in the table's narrower
    # column, the marked-up one every time
    once = ["Agreements in force", "Łódź", *["Bold twice"] * 3, "Łódź"]
    assert sorted(drawn) == sorted(once * 2)
