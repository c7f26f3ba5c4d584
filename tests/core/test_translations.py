"""Every string a user can see has a French, Spanish and Portuguese translation.

The strings are extracted from the source exactly as ``tools/update_translations.py``
does, so a string added without updating the catalogues fails here, as does a
translation that loses or renames a placeholder.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = ROOT / "intl_desk" / "resources" / "translations"
LANGUAGES = ("fr", "es", "pt")
PLACEHOLDER = re.compile(r"\{[a-z_][a-z0-9_]*(?::[^}]*)?\}")


@cache
def source_strings() -> dict[str, str]:
    """msgid → where it is first used."""
    found: dict[str, str] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(ROOT / "intl_desk"),
        method_map=[("**.py", "python")],
        keywords={"_": None, "N_": None},
    ):
        if isinstance(message, str) and message:
            found.setdefault(message, f"intl_desk/{filename}:{lineno}")
    return found


@cache
def catalogue(language: str) -> Catalog:
    with (CATALOGUES / f"{language}.po").open("rb") as handle:
        return read_po(handle, locale=language)


def test_strings_are_found() -> None:
    strings = source_strings()
    assert "Today" in strings and "Save a co&py…" in strings


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_is_translated(language: str) -> None:
    translations = catalogue(language)
    missing = [
        f"{where}: {msgid!r}"
        for msgid, where in source_strings().items()
        if not (translations.get(msgid) and translations.get(msgid).string)
    ]
    assert not missing, (
        f"{len(missing)} strings lack a {language} translation "
        "(run tools/update_translations.py, then translate):\n" + "\n".join(missing[:40])
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_their_placeholders(language: str) -> None:
    broken = []
    for message in catalogue(language):
        if not message.id or not message.string or not isinstance(message.id, str):
            continue
        expected = sorted(PLACEHOLDER.findall(message.id))
        found = sorted(PLACEHOLDER.findall(str(message.string)))
        if expected != found:
            broken.append(f"{message.id!r} → {message.string!r}")
    assert not broken, f"{language}: placeholders changed in:\n" + "\n".join(broken)


def test_no_translated_string_hides_inside_an_f_string() -> None:
    """Babel's extractor does not look inside f-strings (Python 3.11 tokenises them as one
    string), so ``f"{_('budget')} …"`` is never offered to translators and stays English
    unless the same text is also marked outside an f-string."""
    import ast

    extracted = source_strings()
    hidden = []
    for path in sorted((ROOT / "intl_desk").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.JoinedStr):
                continue
            for inner in ast.walk(node):
                if (
                    isinstance(inner, ast.Call)
                    and isinstance(inner.func, ast.Name)
                    and inner.func.id in ("_", "N_")
                    and inner.args
                    and isinstance(inner.args[0], ast.Constant)
                    and inner.args[0].value not in extracted
                ):
                    hidden.append(
                        f"{path.relative_to(ROOT)}:{inner.lineno} {inner.args[0].value!r}"
                    )
    assert not hidden, "translated strings inside f-strings:\n" + "\n".join(hidden)
