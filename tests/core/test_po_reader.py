"""The catalogues are read without Babel, to the same messages Babel reads."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from intl_desk.core.po_reader import read_catalogue
from intl_desk.paths import translations_dir

TRICKY = r'''# Translators' comment
msgid ""
msgstr ""
"Content-Type: text/plain; charset=utf-8\n"
"Language: fr\n"

#: somewhere.py:10
msgid "Agreements"
msgstr "Accords"

#, python-brace-format
msgid "Signed in {year}"
msgstr "Signés en {year}"

#, fuzzy
msgid "Partners"
msgstr "Partenaires (à revoir)"

#, fuzzy, python-brace-format
msgid "{count} problem(s) found."
msgstr "{count} problème(s)."

msgid ""
"A long message split "
"over lines, with \"quotes\", a tab\there and a line\n"
"break."
msgstr ""
"Un long message coupé "
"sur plusieurs lignes, avec « guillemets », une tabulation\tici et un saut\n"
"de ligne."

msgid "Untranslated"
msgstr ""

msgctxt "menu"
msgid "Open"
msgstr "Ouvrir"

msgid "One file"
msgid_plural "{n} files"
msgstr[0] "Un fichier"
msgstr[1] "{n} fichiers"

msgid "Back\\slash"
msgstr "Barre\\oblique"
msgid "Right after"
msgstr "Juste après"

#~ msgid "Gone"
#~ msgstr "Parti"
'''


def _babel(path: Path, language: str) -> dict[str, str]:
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=language)
    return {
        str(message.id): str(message.string)
        for message in catalog
        if message.id and isinstance(message.id, str) and message.string and not message.fuzzy
    }


@pytest.mark.parametrize("language", ["fr", "es", "pt"])
def test_every_shipped_catalogue_reads_as_babel_reads_it(language: str) -> None:
    path = translations_dir() / f"{language}.po"
    messages = read_catalogue(path)
    assert len(messages) > 1000
    assert messages == _babel(path, language)


def test_fuzzy_untranslated_obsolete_and_plural_entries_are_left_out(
    tmp_path: Path,
) -> None:
    path = tmp_path / "fr.po"
    path.write_text(TRICKY, encoding="utf-8")
    messages = read_catalogue(path)
    assert messages == _babel(path, "fr")
    assert messages == {
        "Agreements": "Accords",
        "Signed in {year}": "Signés en {year}",
        'A long message split over lines, with "quotes", a tab\there and a line\nbreak.': (
            "Un long message coupé sur plusieurs lignes, avec « guillemets », "
            "une tabulation\tici et un saut\nde ligne."
        ),
        "Open": "Ouvrir",  # a context does not change the key, as with Babel
        "Back\\slash": "Barre\\oblique",
        "Right after": "Juste après",
    }
