"""A ReportLab table that costs little per cell: the appendix of a state runs to 8,000.

Platypus's :class:`~reportlab.platypus.Table` is general, and pays for it twice per cell.
Styling: every command of a :class:`TableStyle` is applied cell by cell (12 commands over
8,000 cells: 60,000 calls). Drawing: every string is its own PDF text object, with the
canvas state saved and restored around it. Our tables use a handful of cell looks, so

* the looks are classes (:func:`cell_look`) whose attributes are the style; each cell gets
  its own instance (ReportLab changes a cell's style in place when it splits a row across
  pages) carrying nothing but its name, and only the rules go through ``setStyle``;
* :class:`LedgerTable` draws the plain strings of one table in a single text object, in
  the same places, before the rules, as ReportLab would; anything else (paragraphs,
  multi-line strings, links) is drawn by ReportLab itself; and it works out the heights
  of its rows of strings once, where ReportLab measured them again on every page.

The page looks the same and reads the same: a test compares every word's page and
position with the plain Table's.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from reportlab.lib.colors import Color
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Flowable, Table
from reportlab.platypus.tables import CellStyle

#: what ReportLab's "FONT" command sets the leading to when it is not given
LEADING_FACTOR = 1.2


@cache
def cell_look(
    font: str,
    size: float,
    color: Color,
    alignment: str,
    valign: str,
    padding: tuple[float, float, float, float],  # left, right, top, bottom
) -> type[CellStyle]:
    """The class of cells that look alike; instantiate one per cell."""
    left, right, top, bottom = padding
    return type(
        "LedgerCell",
        (CellStyle,),
        {
            "fontname": font,
            "fontsize": size,
            "leading": size * LEADING_FACTOR,
            "color": color,
            "alignment": alignment,
            "valign": valign,
            "leftPadding": left,
            "rightPadding": right,
            "topPadding": top,
            "bottomPadding": bottom,
        },
    )


class LedgerTable(Table):
    """A Table drawing its one-line string cells in one text object (see the module)."""

    _argH: list[float | None]  # ReportLab's row heights as given, None: to be measured
    _ledger_text: PDFTextObject | None = None
    _ledger_look: tuple[str, float, Color] | None = None
    _ledger_color: Color | str = "black"

    def _drawCell(self, cellval: Any, cellstyle: CellStyle, pos: Any, size: Any) -> None:
        if (
            type(cellval) is not str
            or "\n" in cellval
            or cellstyle.alignment not in ("LEFT", "RIGHT")
            or cellstyle.valign != "MIDDLE"
            or cellstyle.href
            or cellstyle.destination
            or cellstyle.direction
            or cellstyle.shaping
        ):
            self._ledger_flush()  # keep the drawing order of everything else
            super()._drawCell(cellval, cellstyle, pos, size)
            return
        colpos, rowpos = pos
        colwidth, rowheight = size
        font, font_size = cellstyle.fontname, cellstyle.fontsize
        # where Table._drawCell puts a one-line string (valign MIDDLE)
        y = (
            rowpos
            + (cellstyle.bottomPadding + rowheight - cellstyle.topPadding + cellstyle.leading) / 2.0
            - font_size
        )
        if cellstyle.alignment == "LEFT":
            x = colpos + cellstyle.leftPadding
        else:
            x = (
                colpos
                + colwidth
                - cellstyle.rightPadding
                - self.canv.stringWidth(cellval, font, font_size)
            )
        text = self._ledger_text
        if text is None:
            text = self._ledger_text = self.canv.beginText(x, y)
            self._ledger_look = None
            self._ledger_color = cellstyle.color  # set before the text object, as the canvas does
        else:
            # each string its own text object, as drawString makes it: text extraction
            # (pypdf, screen readers) keeps reading cells apart; font and colour carry on
            text._code.append("ET BT")
            text.setTextOrigin(x, y)
        look = (font, font_size, cellstyle.color)
        if look != self._ledger_look:
            text.setFont(font, font_size, cellstyle.leading)
            if self._ledger_look is not None and cellstyle.color != self._ledger_look[2]:
                text.setFillColor(cellstyle.color)
            self._ledger_look = look
        text.textLine(cellval)  # as drawString: its line break tells readers the cell ends

    def _calc_height(
        self, availHeight: float, availWidth: float, H: Any = None, W: Any = None
    ) -> None:
        """Rows of plain strings get their heights first, each once: ReportLab measured
        them cell by cell, the rows of each page again as the table was split over pages
        (0.03 s of a state overview's appendix). Rows holding a paragraph or a drawing,
        and tables with spans, are measured by ReportLab as before."""
        if not self._spanCmds and None in self._argH:
            self._argH = [
                self._plain_row_height(row) if height is None else height
                for row, height in enumerate(self._argH)
            ]
        super()._calc_height(availHeight, availWidth, H, W)

    def _plain_row_height(self, row: int) -> float | None:
        """The height Table._calc_height gives a row of strings: its lines times the
        leading, with the padding above and below, the tallest cell's; None when the row
        holds anything else."""
        height = 0.0
        for value, look in zip(self._cellvalues[row], self._cellStyles[row], strict=True):
            if isinstance(value, tuple | list | Flowable):
                return None
            lines = ("" if value is None else str(value)).split("\n")
            leading = look.leading or LEADING_FACTOR * look.fontsize
            height = max(height, leading * len(lines) + look.bottomPadding + look.topPadding)
        minimum = self._minRowHeights
        return max(minimum[row], height) if minimum else height

    def _ledger_flush(self) -> None:
        """Put the gathered strings on the page, in a saved graphics state, so that the
        font and colour set inside the text object do not outlive it."""
        text, self._ledger_text = self._ledger_text, None
        if text is not None:
            self.canv.saveState()
            self.canv.setFillColor(self._ledger_color)
            self.canv.drawText(text)
            self.canv.restoreState()

    def _drawLines(self) -> None:
        self._ledger_flush()  # the strings under the rules, as Table draws them
        super()._drawLines()
