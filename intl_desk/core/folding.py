"""The one way text is compared: without case, accents or repeated spaces.

Search keys, typed filters, spreadsheet headers and vocabulary words, country and place
names all go through :func:`fold`, so "São João del-Rei", "sao joao  del-rei" and
"SÃO JOÃO DEL-REI" are the same everywhere — on screen, on import and in stored keys.

Search keys of whole registers go through it (imports, merges, the demo), so each step is
a C-speed pass over the text; character-by-character Python runs only on what is left that
is not ASCII once the usual accents are gone.
"""

from __future__ import annotations

import re
import unicodedata

# Letters that Unicode does not decompose into a base letter plus an accent.
_UNDECOMPOSABLE = str.maketrans("ŁłØøĐđÐðĦħı", "LlOoDdDdHhi") | str.maketrans(
    {"Þ": "Th", "þ": "th", "ß": "ss", "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe"}
)
_HAS_UNDECOMPOSABLE = re.compile("[" + re.escape("".join(map(chr, _UNDECOMPOSABLE))) + "]")
#: the combining diacritical marks (U+0300–U+036F) that are combining characters (not
#: U+034F, the grapheme joiner): the accents of Latin and Vietnamese letters
_USUAL_MARKS = re.compile(
    "["
    + "".join(chr(code) for code in range(0x300, 0x370) if unicodedata.combining(chr(code)))
    + "]+"
)
_NOT_ASCII = re.compile("[^\\x00-\\x7f]+")


def without_accents(text: str) -> str:
    """``text`` with its letters' accents taken off, case and spacing kept — for file
    names and fonts that have only plain letters ("Łódź" → "Lodz")."""
    if text.isascii():  # nothing to decompose, no accent
        return text
    if _HAS_UNDECOMPOSABLE.search(text):
        text = text.translate(_UNDECOMPOSABLE)
    bare = _USUAL_MARKS.sub("", unicodedata.normalize("NFKD", text))
    if bare.isascii():
        return bare
    return _NOT_ASCII.sub(_without_marks, bare)  # ASCII has no combining marks


def _without_marks(run: re.Match[str]) -> str:
    """A run of non-ASCII characters without its combining marks."""
    return "".join(char for char in run.group() if not unicodedata.combining(char))


def fold(text: str) -> str:
    """``text`` without case, accents or repeated spaces, for matching typed input.

    >>> fold("  Łódź ") == fold("LODZ")
    True
    >>> fold("Việt  Nam")
    'viet nam'
    """
    return " ".join(without_accents(text).casefold().split())
