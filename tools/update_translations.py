"""Extract every translatable string and merge it into the catalogues.

    .venv/bin/python tools/update_translations.py

Scans ``intl_desk/`` (including the compiled forms) for ``_("…")``, ``N_("…")`` and
``Message(N_("…"))``, writes ``intl_desk/resources/translations/intl_desk.pot`` and updates
``fr.po``, ``es.po`` and ``pt.po`` in place: new strings appear untranslated, strings
no longer used are kept as obsolete (``#~``) so no translator's work is lost.
Entries carry no source locations and are sorted by text, so two branches that add
strings merge without conflicts (``.gitattributes`` merges catalogues as a union).
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = ROOT / "intl_desk" / "resources" / "translations"
LANGUAGES = ("fr", "es", "pt")
KEYWORDS = {"_": None, "N_": None}


def extract() -> Catalog:
    template = Catalog(project="Intl Desk", version="0.1",
                       creation_date=datetime(2026, 1, 1, tzinfo=UTC), fuzzy=False)
    for filename, lineno, message, comments, _context in extract_from_dir(
        str(ROOT / "intl_desk"), method_map=[("**.py", "python")], keywords=KEYWORDS,
        comment_tags=("Translators:",), strip_comment_tags=True,
    ):
        template.add(message, None, [(f"intl_desk/{filename}", lineno)],
                     auto_comments=comments)
    return template


def main() -> int:
    CATALOGUES.mkdir(parents=True, exist_ok=True)
    template = extract()
    with (CATALOGUES / "intl_desk.pot").open("wb") as handle:
        write_po(handle, template, width=100, omit_header=False, sort_output=True,
                 no_location=True)
    for language in LANGUAGES:
        path = CATALOGUES / f"{language}.po"
        if path.exists():
            with path.open("rb") as handle:
                catalog = read_po(handle, locale=language)
        else:
            catalog = Catalog(locale=language, project="Intl Desk", fuzzy=False)
        catalog.update(template, no_fuzzy_matching=True)
        with path.open("wb") as handle:
            write_po(handle, catalog, width=100, sort_output=True, include_previous=False,
                     no_location=True)
        missing = sum(1 for message in catalog if message.id and not message.string)
        print(f"{language}.po: {len(template)} strings, {missing} untranslated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
