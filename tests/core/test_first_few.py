"""A long list is cut to its first names and "and N more", N written as the language
writes numbers."""

from __future__ import annotations

from intl_desk.core.display import first_few
from intl_desk.core.i18n import language_pinned


def test_the_rest_is_counted_with_the_languages_thousands_separator() -> None:
    names = [f"Colonne {number}" for number in range(1, 3001)]
    with language_pinned("en"):
        assert first_few(names, 2) == "Colonne 1, Colonne 2, and 2,998 more"
    with language_pinned("fr"):
        assert first_few(names, 2) == "Colonne 1, Colonne 2, et 2\u202f998 de plus"
    with language_pinned("pt"):
        assert first_few(names, 2) == "Colonne 1, Colonne 2, e mais 2.998"


def test_a_short_list_is_named_whole() -> None:
    assert first_few(["Lyon", "Porto"], 12) == "Lyon, Porto"
