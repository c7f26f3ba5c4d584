"""The one way text is compared: without case, accents or repeated spaces.

Search keys, typed filters, spreadsheet headers and vocabulary words, country and place
names all go through :func:`fold`, so "São João del-Rei", "sao joao  del-rei" and
"SÃO JOÃO DEL-REI" are the same everywhere — on screen, on import and in stored keys.
"""

from __future__ import annotations

import unicodedata

# Letters that Unicode does not decompose into a base letter plus an accent.
_UNDECOMPOSABLE = str.maketrans("ŁłØøĐđÐðĦħı", "LlOoDdDdHhi") | str.maketrans(
    {"Þ": "Th", "þ": "th", "ß": "ss", "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe"}
)


def without_accents(text: str) -> str:
    """``text`` with its letters' accents taken off, case and spacing kept — for file
    names and fonts that have only plain letters ("Łódź" → "Lodz")."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSABLE))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def fold(text: str) -> str:
    """``text`` without case, accents or repeated spaces, for matching typed input.

    >>> fold("  Łódź ") == fold("LODZ")
    True
    >>> fold("Việt  Nam")
    'viet nam'
    """
    return " ".join(without_accents(text).casefold().split())
