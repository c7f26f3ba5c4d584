"""``fold`` and ``without_accents`` take quick paths (ASCII text, the usual accents by
one pattern): they must give exactly what the plain definition gives — decompose, drop
every combining mark (then casefold, one space between words)."""

from __future__ import annotations

import random
import unicodedata

from intl_desk.core.folding import _UNDECOMPOSABLE, fold, without_accents


def _accents_off(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSABLE))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _by_definition(text: str) -> str:
    return " ".join(_accents_off(text).casefold().split())


NAMES = [
    "  São João del-Rei ", "ŁÓDŹ", "Việt  Nam", "Córdoba", "Ærø og Œuvre", "Straße",
    "Þórshöfn", "İstanbul", "ﬁnance Ⅻ ①", "e\u0301\u0301 x", "\u0301accent first",
    "a\u034fb (grapheme joiner kept)", "Ｆｕｌｌ ｗｉｄｔｈ", "Ǆemal", "plain ascii\tTabs",
    "Đà Nẵng", "Χαλκίδα ΣΟΦΙΑ", "قسنطينة", "北京市", "",
]  # fmt: skip


def test_fold_gives_what_its_definition_gives() -> None:
    marks = [chr(code) for code in range(0x2F0, 0x380)] + [
        chr(code) for code in range(0x1DC0, 0x1E00)
    ]
    letters = list("ŁłØøĐđÐðĦħıÞþßÆæŒœ aAeÉçÇ\t") + marks + ["\ufb01", "\u1e9e", "\u0130", "\uff21"]
    draw = random.Random(17)
    samples = NAMES + [
        "".join(draw.choice(letters) for _ in range(draw.randint(1, 10))) for _ in range(3000)
    ]
    assert [fold(text) for text in samples] == [_by_definition(text) for text in samples]
    assert [without_accents(text) for text in samples] == [_accents_off(text) for text in samples]
    assert fold("  São João del-Rei ") == "sao joao del-rei"
    assert fold("a\u034fb") != "ab"  # the grapheme joiner is not an accent
