"""The translation mechanism shared by every layer, Qt-free.

Catalogues are gettext ``.po`` files in ``intl_desk/resources/translations/<lang>.po``, read with
Babel at first use (no compile step, so a translator's edit shows on the next start).
``_`` translates now; ``N_`` marks a string for extraction whose translation happens at
display time (vocabulary labels, error messages built before the language is known);
:class:`Message` carries a msgid plus its placeholders so a typed error can be shown in
whichever language the user has when it is displayed.

The language is the process's (the user's choice), except where a piece of work pinned
its own with :func:`language_pinned`: a PDF written on a worker thread keeps the language
it was started in even if the user switches language on screen meanwhile. The pin is a
context variable, so it holds for the thread (or task) that set it and nowhere else.
"""

from __future__ import annotations

import locale
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from intl_desk.core.po_reader import read_catalogue

SUPPORTED_LANGUAGES: tuple[str, ...] = ("en", "fr", "es", "pt")
DEFAULT_LANGUAGE = "en"
#: the locale each language's dates and numbers are written in (Babel's and Qt's names)
LOCALE_NAMES = {"en": "en_GB", "fr": "fr_FR", "es": "es_ES", "pt": "pt_BR"}

_TRANSLATIONS_DIR: Path | None = None  # None: the bundled catalogues (intl_desk.paths)
_current_language = DEFAULT_LANGUAGE
#: a language pinned by the running work (None: the process's language)
_pinned_language: ContextVar[str | None] = ContextVar("intl_desk_language", default=None)


def normalise_language(code: str | None) -> str:
    """Map ``pt_BR``, ``fr-CA``, ``es_419.UTF-8`` … to one of the supported languages."""
    if not code:
        return DEFAULT_LANGUAGE
    base = code.replace("-", "_").split(".")[0].split("_")[0].lower()
    return base if base in SUPPORTED_LANGUAGES else DEFAULT_LANGUAGE


def system_language() -> str:
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value and value not in ("C", "POSIX", "C.UTF-8"):
            return normalise_language(value)
    try:
        code = locale.getlocale()[0]
    except ValueError:
        code = None
    return normalise_language(code)


def set_language(code: str | None) -> str:
    """Switch the language used from now on; returns the language actually chosen."""
    global _current_language
    _current_language = normalise_language(code)
    return _current_language


def current_language() -> str:
    return _pinned_language.get() or _current_language


@contextmanager
def language_pinned(code: str | None) -> Iterator[str]:
    """Within the block, this thread translates and formats in ``code`` whatever
    :func:`set_language` does elsewhere; yields the language actually pinned."""
    language = normalise_language(code)
    token = _pinned_language.set(language)
    try:
        yield language
    finally:
        _pinned_language.reset(token)


@cache
def _catalogue(language: str) -> Mapping[str, str]:
    from intl_desk.paths import translations_dir

    path = (_TRANSLATIONS_DIR or translations_dir()) / f"{language}.po"
    if language == DEFAULT_LANGUAGE or not path.exists():
        return {}
    return read_catalogue(path)  # the standard library: Babel's reader costs 70 ms a start


def translate(message: str, language: str | None = None) -> str:
    return _catalogue(language or current_language()).get(message, message)


def _(message: str) -> str:
    """Translate ``message`` into the current language."""
    return translate(message)


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it yet."""
    return message


@dataclass(frozen=True)
class Message:
    """A translatable message with named placeholders, rendered when shown."""

    msgid: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def render(self, language: str | None = None) -> str:
        text = translate(self.msgid, language)
        return text.format(**self.params) if self.params else text

    def __str__(self) -> str:
        return self.render()


#: countries whose administration writes one of our languages although CLDR lists a
#: national language first (Senegal, Haiti, Timor-Leste)
_ADMINISTRATION_LANGUAGE = {"SN": "fr", "HT": "fr", "TL": "pt"}


def language_of_country(country_code: str | None) -> str | None:
    """The report language to propose for an office in ``country_code``: the one of our
    languages that the country writes officially, or None when there is no single one
    (Canada: English and French; Switzerland: German first; Viet Nam: none of ours)."""
    if not country_code:
        return None
    code = country_code.upper()
    if code in _ADMINISTRATION_LANGUAGE:
        return _ADMINISTRATION_LANGUAGE[code]
    from babel.languages import get_official_languages

    official = get_official_languages(code, de_facto=True)
    ours = [language for language in official if language in SUPPORTED_LANGUAGES]
    if len(ours) == 1 and official[0] == ours[0]:
        return ours[0]
    return None
