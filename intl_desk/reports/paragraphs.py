"""Paragraphs that share their parsing and line breaking with earlier ones alike.

A state's 855 entity sheets draw about 24,000 paragraphs, most of them the same few
words ("Agreements", "Country", a tile's "3") in the same style: ReportLab parses each
one's markup (an HTML parser per paragraph) and breaks it into lines up to three times
(the table measuring its row, the frame, the drawing). A :class:`SharedParagraph` of
plain text (one fragment, no markup) takes the fragments parsed for the first paragraph
of that text and style, and the lines broken for the first at that width. The lines
are the same objects ReportLab would have built, so the page is drawn exactly as before.

Drawn, such a paragraph writes the same operators wherever it is (the frame or the table
moves the canvas to it first): the second of the same text, style and box in a document
writes again what the first wrote. A state overview's appendix repeats its 8 column
titles on each of its 25 pages.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

#: beyond this many texts a cache starts again: a long-running app prints many reports,
#: and the 855 entity sheets of a state repeat fewer than 3,000 texts and widths
LIMIT = 5_000

_fragments: dict[tuple[str | None, ParagraphStyle], list[Any]] = {}
_lines: dict[tuple[str | None, ParagraphStyle, float], tuple[Any, float, list[float]]] = {}


class SharedParagraph(Paragraph):
    """A Paragraph of ``text`` (markup already escaped) in ``style``."""

    def __init__(
        self,
        text: str | None,
        style: ParagraphStyle,
        bulletText: str | None = None,  # ReportLab's names: its split() passes them
        frags: list[Any] | None = None,
        **options: Any,
    ) -> None:
        self._key = (text, style)
        self._shared = False
        if frags is not None or bulletText is not None or text is None:  # split() halves
            super().__init__(text, style, bulletText, frags, **options)
            return
        known = _fragments.get(self._key)
        super().__init__(text, style, frags=known, **options)
        self._shared = known is not None or _plain(self)
        if known is None and self._shared:
            if len(_fragments) >= LIMIT:
                _fragments.clear()
            _fragments[(text, style)] = self.frags

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if not self._shared or self.style.alignment == TA_JUSTIFY or availWidth < 1:
            result: tuple[float, float] = super().wrap(availWidth, availHeight)
            return result
        key = (*self._key, availWidth)
        known = _lines.get(key)
        if known is None:
            width, height = super().wrap(availWidth, availHeight)
            if len(_lines) >= LIMIT:
                _lines.clear()
            _lines[key] = (self.blPara, height, self._wrapWidths)
            return width, height
        self.width = availWidth
        self.blPara: Any
        self._wrapWidths: list[float]
        self.blPara, self.height, self._wrapWidths = known
        return availWidth, self.height

    def draw(self) -> None:
        if not self._shared or self.style.alignment == TA_JUSTIFY or self.debug:
            super().draw()
            return
        canvas = self.canv
        drawn: dict[tuple[Any, ...], list[str]] | None = getattr(canvas, "_shared_drawn", None)
        if drawn is None:  # a canvas writes one document, its fonts' subsets its own
            drawn = canvas._shared_drawn = {}
        key = (*self._key, self.width, self.height)
        code = drawn.get(key)
        if code is None:
            before = len(canvas._code)
            super().draw()
            drawn[key] = canvas._code[before:]
            return
        canvas._code.extend(code)


def _plain(paragraph: Paragraph) -> bool:
    """One fragment of plain text: nothing in it that line breaking or drawing changes."""
    frags = paragraph.frags
    if len(frags) != 1 or paragraph.bulletText:
        return False
    frag = frags[0]
    return not any(getattr(frag, name, None) for name in _MARKED)


#: what a fragment of marked-up text carries (a plain one has them empty or not at all)
_MARKED = ("cbDefn", "backColor", "link", "lineBreak", "us_lines", "greek", "rise")
