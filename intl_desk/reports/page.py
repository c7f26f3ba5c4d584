"""The page every report shares: A4 landscape, office name and logo, period, generation
date and "page x of y".

"Page x of y" needs the page count before the first page is finished, so the canvas keeps
each page's state and draws the footers once the document is complete (the usual ReportLab
"numbered canvas").
"""

from __future__ import annotations

import io
import zlib
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from intl_desk.core.display import date_text
from intl_desk.core.i18n import N_, Message
from intl_desk.core.overview import style
from intl_desk.reports.fonts import BOLD, REGULAR


class QuickFlate(pdfdoc.PDFStreamFilterZCompress):
    """Flate at zlib's fastest level rather than its default (6): a state's overview is
    compressed in 7 ms instead of 33, a sixth of the time spent writing it."""

    def encode(self, text: str | bytes) -> bytes:
        return zlib.compress(text.encode("utf8") if isinstance(text, str) else text, 1)


# the pages' and the fonts' streams take ReportLab's filter from here when they are
# written, and the pages' are no longer spelt out in ASCII (base 85, a quarter longer):
# with both, the state's overview is 349 KB where it was 370
pdfdoc.PDFZCompress = QuickFlate()
rl_config.useA85 = 0

PAGE = landscape(A4)
MARGIN = 28.0
HEADER = 44.0
FOOTER = 22.0


@dataclass(frozen=True)
class Letterhead:
    office_name: str
    title: str
    period: str
    generated: date
    logo: bytes | None = None
    #: a file cloned from an office server: "As of the last sync, <date> at <time>"
    as_of: str | None = None


def _logo_reader(logo: bytes | None) -> ImageReader | None:
    if not logo:
        return None
    try:
        return ImageReader(io.BytesIO(logo))
    except Exception:  # an unreadable logo must not stop the report
        return None


class NumberedCanvas(Canvas):
    """Draws header and footer on every page once the total is known."""

    letterhead: Letterhead

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["initialFontName"] = kwargs.get("initialFontName") or REGULAR  # not Helvetica
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self._logo = _logo_reader(self.letterhead.logo)

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._draw_frame(total)
            super().showPage()
        super().save()

    def _draw_frame(self, total: int) -> None:
        width, height = PAGE
        head = self.letterhead
        top = height - MARGIN
        self.saveState()
        left = MARGIN
        if self._logo is not None:
            image_width, image_height = self._logo.getSize()
            box = 30.0
            scale = min(box / image_height, 90.0 / image_width)
            self.drawImage(
                self._logo,
                MARGIN,
                top - box,
                image_width * scale,
                image_height * scale,
                mask="auto",
            )
            left += image_width * scale + 10
        self.setFillColor(style.INK)
        self.setFont(BOLD, 13)
        self.drawString(left, top - 12, head.title)
        self.setFont(REGULAR, 9)
        self.setFillColor(style.MUTED)
        self.drawString(left, top - 26, head.office_name)
        self.drawRightString(width - MARGIN, top - 12, head.period)
        if head.as_of:
            self.drawRightString(width - MARGIN, top - 26, head.as_of)
        self.setStrokeColor(style.RULE)
        self.setLineWidth(0.6)
        self.line(MARGIN, top - HEADER + 8, width - MARGIN, top - HEADER + 8)
        self.line(MARGIN, MARGIN + FOOTER - 8, width - MARGIN, MARGIN + FOOTER - 8)
        self.setFont(REGULAR, 7.5)
        generated = Message(
            N_("Generated on {date} by Intl Desk"), {"date": date_text(head.generated)}
        ).render()
        self.drawString(MARGIN, MARGIN + 2, generated)
        page_text = Message(
            N_("Page {page} of {total}"), {"page": self._pageNumber, "total": total}
        ).render()
        self.drawRightString(width - MARGIN, MARGIN + 2, page_text)
        self.restoreState()


def document(target: Any, letterhead: Letterhead) -> tuple[BaseDocTemplate, type[Canvas]]:
    """A landscape A4 document and the canvas class that frames its pages."""
    width, height = PAGE
    doc = BaseDocTemplate(
        target,
        pagesize=PAGE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + HEADER,
        bottomMargin=MARGIN + FOOTER,
        title=f"{letterhead.title} — {letterhead.office_name}",
        author=letterhead.office_name,
        creator="Intl Desk",
    )
    frame = Frame(
        MARGIN,
        MARGIN + FOOTER,
        width - 2 * MARGIN,
        height - 2 * MARGIN - HEADER - FOOTER,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    canvas_class = type("LetterheadCanvas", (NumberedCanvas,), {"letterhead": letterhead})
    return doc, canvas_class
