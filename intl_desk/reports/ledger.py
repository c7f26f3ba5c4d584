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
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Flowable, Table
from reportlab.platypus.tables import CellStyle

#: what ReportLab's "FONT" command sets the leading to when it is not given
LEADING_FACTOR = 1.2


class _DocumentMemo:
    """What the tables of one document worked out about their strings, kept on its
    canvas: the subsets of an embedded font are the document's."""

    def __init__(self) -> None:
        self.widths: dict[tuple[str, str, float], float] = {}
        self.shown: dict[tuple[str, str], tuple[tuple[int, str], ...] | None] = {}


def _document_memo(canvas: Canvas) -> _DocumentMemo:
    memo: _DocumentMemo | None = getattr(canvas, "_ledger_memo", None)
    if memo is None:  # a canvas writes one document
        memo = canvas._ledger_memo = _DocumentMemo()
    return memo


def _show_line(text: PDFTextObject, shown: tuple[tuple[int, str], ...], font: str) -> None:
    """What ``text.textLine`` writes for a string shown as ``shown``: the font's subset
    named again where it changes, the runs, the move to the next line."""
    parts: list[str] = []
    for subset, run in shown:
        if subset != text._curSubset:
            name = getFont(font).getSubsetInternalName(subset, text._canvas._doc)
            parts.append(f"{name} {fp_str(text._fontsize)} Tf {fp_str(text._leading)} TL")
            text._curSubset = subset
        parts.append(run)
    text._code.append(" ".join(parts) + " T*")


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

    def normalizeData(self, data: Any) -> list[list[Any]]:
        """As Table's (None becomes "", bytes text), in one comprehension: Table calls
        three functions a cell (8,000 of them in a state's appendix)."""
        return [
            [
                "" if cell is None else cell.decode("utf8") if isinstance(cell, bytes) else cell
                for cell in row
            ]
            for row in data
        ]

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
                - self._ledger_width(cellval, font, font_size)
            )
        text = self._ledger_text
        shown = self._ledger_shown(cellval, font)
        if text is None:
            text = self._ledger_text = self.canv.beginText(x, y)
            self._ledger_look = None
            self._ledger_color = cellstyle.color  # set before the text object, as the canvas does
        elif shown is not None:  # "ET BT" and text.setTextOrigin(x, y), bottom up
            text._code.append(f"ET BT 1 0 0 1 {fp_str(x, y)} Tm")
        else:
            # each string its own text object, as drawString makes it: text extraction
            # (pypdf, screen readers) keeps reading cells apart; font and colour carry on
            text._code.append("ET BT")
            text.setTextOrigin(x, y)
        self._ledger_set_look(text, cellstyle)
        # as drawString: its line break tells readers the cell ends
        if shown is None:
            text.textLine(cellval)
        else:
            _show_line(text, shown, font)

    def _ledger_set_look(self, text: PDFTextObject, cellstyle: CellStyle) -> None:
        """Font and colour set again only when they change (colours compared by identity
        first: the cells share them, and Color's own comparison is slow)."""
        last = self._ledger_look
        color = cellstyle.color
        if (
            last is not None
            and cellstyle.fontname == last[0]
            and cellstyle.fontsize == last[1]
            and (color is last[2] or color == last[2])
        ):
            return
        text.setFont(cellstyle.fontname, cellstyle.fontsize, cellstyle.leading)
        if last is not None and color != last[2]:
            text.setFillColor(color)
        self._ledger_look = (cellstyle.fontname, cellstyle.fontsize, color)

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

    def _ledger_width(self, value: str, font: str, size: float) -> float:
        """``stringWidth``, once per string, font and size of the document: an appendix
        repeats its figures ("0", "1", "12") thousands of times."""
        widths = _document_memo(self.canv).widths
        key = (value, font, size)
        width = widths.get(key)
        if width is None:
            width = widths[key] = self.canv.stringWidth(value, font, size)
        return width

    def _ledger_shown(self, value: str, font: str) -> tuple[tuple[int, str], ...] | None:
        """The string as ``PDFTextObject._formatText`` shows it in an embedded font: its
        runs of one subset of the font, each with its "(…) Tj", worked out once per
        document (a character keeps the code it got first, so a string shows the same
        every time); None for a font that is not embedded, or text drawn top down."""
        memo = _document_memo(self.canv)
        key = (value, font)
        shown = memo.shown.get(key)
        if shown is None and key not in memo.shown:
            face = getFont(font)
            if not face._dynamicFont or not self.canv.bottomup:
                memo.shown[key] = None
                return None
            escape = self.canv._escape
            shown = memo.shown[key] = tuple(
                (subset, f"({escape(run)}) Tj")
                for subset, run in face.splitString(value, self.canv._doc)
            )
        return shown

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
