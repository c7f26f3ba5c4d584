"""The fonts every report embeds: DejaVu Sans, bundled in ``intl_desk/resources/fonts``.

The 14 standard PDF fonts only cover Latin-1, so "Łódź" or "Việt Nam" would print as
boxes; a bundled TTF (not one found on the machine) prints the same everywhere.
"""

from __future__ import annotations

from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from intl_desk.core.errors import IntlDeskError
from intl_desk.core.i18n import N_, Message
from intl_desk.paths import fonts_dir

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}


class FontMissingError(IntlDeskError):
    def __init__(self, name: str) -> None:
        super().__init__(
            Message(N_("The report font {file} is missing from this installation."), {"file": name})
        )


@cache
def register_fonts() -> None:
    """Register the family once per process (ReportLab keeps fonts globally)."""
    for name, file in _FILES.items():
        path = fonts_dir() / file
        try:
            pdfmetrics.registerFont(TTFont(name, str(path)))
        except (OSError, TTFError) as error:
            raise FontMissingError(file) from error
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)
