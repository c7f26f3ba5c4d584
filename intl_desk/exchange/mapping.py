"""Which column holds which field: found from the titles, corrected by the user, remembered.

Saved mappings live in a JSON file in the user's config folder, not in the office file: a
mapping describes the shape of somebody's spreadsheet (the register they keep on their
own machine), not the office's data, so it should not travel with the office file to
colleagues or be merged between copies — and keeping it out of the file needs no schema
change. A mapping is keyed by the kind and the set of column titles, so the same register
layout is recognised next month however its rows changed.

The office's own words for a type or a status ("Irmandade", "Convenio marco") that the
user told the wizard how to read are kept in the same file, per kind and field, so the
next register using them is read the same way whatever its columns.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from intl_desk.core.folding import fold
from intl_desk.core.i18n import SUPPORTED_LANGUAGES, translate
from intl_desk.exchange.errors import NoHeaderRow
from intl_desk.exchange.fields import IMPORT_KINDS, ImportKind
from intl_desk.exchange.reader import HEADER_SEARCH_ROWS, Sheet

MAPPINGS_FILE = "import-mappings.json"


def header_key(text: object) -> str:
    """A column title reduced for matching: folded, no "(dd/mm/yyyy)", no ":" or "*"."""
    bare = re.sub(r"\(.*?\)|\[.*?\]", " ", fold(str(text)))
    bare = re.sub(r"[:*#?'’._\-/]+", " ", bare)
    return " ".join(bare.split())


@cache
def _titles(kind: str) -> dict[str, str]:
    """Every recognised title of ``kind``'s fields → field key. A field's own labels come
    before synonyms, so "Pays" means the country field even if another field lists it."""
    spec = IMPORT_KINDS[kind]
    titles: dict[str, str] = {}
    for field in spec.fields:
        for msgid in (field.label, *field.labels):
            for language in SUPPORTED_LANGUAGES:
                titles.setdefault(header_key(translate(msgid, language)), field.key)
        titles.setdefault(header_key(field.key), field.key)
    for field in spec.fields:
        for synonym in field.synonyms:
            titles.setdefault(header_key(synonym), field.key)
    return titles


def guess_field(kind: str, header: object) -> str | None:
    """The field a column title names, or None."""
    if header is None or not str(header).strip():
        return None
    key = header_key(header)
    titles = _titles(kind)
    if key in titles:
        return titles[key]
    # "Date de signature de l'accord": the longest known title the header starts with
    candidates = [title for title in titles if len(title) >= 4 and key.startswith(title + " ")]
    return titles[max(candidates, key=len)] if candidates else None


@cache
def _own_titles(kind: str) -> dict[str, str]:
    """Each field's own label in the four languages → field key (no other names)."""
    titles: dict[str, str] = {}
    for field in IMPORT_KINDS[kind].fields:
        for language in SUPPORTED_LANGUAGES:
            titles.setdefault(header_key(translate(field.label, language)), field.key)
    return titles


def auto_map(kind: str, headers: Sequence[object]) -> dict[int, str]:
    """Column index → field key; each field taken by the column titled with its own label
    ("Planned start" over a "Start" column of our own export showing the actual start when
    there is one), else by the first column that names it."""
    mapping: dict[int, str] = {}
    for index, header in enumerate(headers):
        own = _own_titles(kind).get(header_key(header)) if header is not None else None
        if own is not None and own not in mapping.values():
            mapping[index] = own
    for index, header in enumerate(headers):
        field = guess_field(kind, header)
        if index not in mapping and field is not None and field not in mapping.values():
            mapping[index] = field
    return dict(sorted(mapping.items()))


@dataclass(frozen=True)
class HeaderRow:
    index: int  # 0-based position in ``Sheet.rows``
    headers: list[str]
    mapping: dict[int, str]


def find_header_row(sheet: Sheet, kind: str) -> HeaderRow | None:
    """The row among the first ones whose cells name the most fields (titles, notes and
    blank rows above it are skipped); None when no row names any field."""
    best: HeaderRow | None = None
    for index, row in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        texts = [cell for cell in row if isinstance(cell, str) and cell.strip()]
        if not texts:
            continue
        headers = ["" if cell is None else str(cell).strip() for cell in row]
        mapping = auto_map(kind, headers)
        if len(texts) < 2 and not (len(row) == 1 and mapping):
            continue  # a merged title cell or a note, unless the sheet has one column
        if mapping and (best is None or len(mapping) > len(best.mapping)):
            best = HeaderRow(index, headers, mapping)
    return best


def choose_sheet(sheets: Sequence[Sheet], kind: str, path: Path) -> tuple[Sheet, HeaderRow]:
    """The worksheet whose header row names the most fields (the first one on a tie)."""
    found = [(sheet, find_header_row(sheet, kind)) for sheet in sheets]
    usable = [(sheet, row) for sheet, row in found if row is not None]
    if not usable:
        raise NoHeaderRow(path)
    sheet, row = max(usable, key=lambda pair: (len(pair[1].mapping), -sheets.index(pair[0])))
    return sheet, row


# --- saved mappings ------------------------------------------------------------------


def _signature(headers: Sequence[str]) -> str:
    return "|".join(sorted({header_key(header) for header in headers if header.strip()}))


def _mappings_path(folder: Path | None) -> Path:
    if folder is None:
        from intl_desk.paths import user_config_dir

        folder = user_config_dir()
    return folder / MAPPINGS_FILE


def _load_all(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def saved_mapping(
    kind: str, headers: Sequence[str], folder: Path | None = None
) -> dict[int, str] | None:
    """The mapping saved for this kind and these column titles, if any."""
    entry = _load_all(_mappings_path(folder)).get(kind, {}).get(_signature(headers))
    if not isinstance(entry, dict):
        return None
    spec: ImportKind = IMPORT_KINDS[kind]
    known = {field.key for field in spec.fields}
    mapping: dict[int, str] = {}
    for index, header in enumerate(headers):
        field = entry.get(header_key(header)) if header.strip() else None
        if field in known and field not in mapping.values():
            mapping[index] = str(field)
    return mapping


def save_mapping(
    kind: str, headers: Sequence[str], mapping: Mapping[int, str], folder: Path | None = None
) -> Path:
    """Remember ``mapping`` for spreadsheets with these titles; returns the JSON file."""
    path = _mappings_path(folder)
    data = _load_all(path)
    data.setdefault(kind, {})[_signature(headers)] = {
        header_key(headers[index]): field for index, field in mapping.items()
    }
    _write_all(path, data)
    return path


def _write_all(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    work = path.with_suffix(".tmp")
    work.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    work.replace(path)


# --- the office's own words ----------------------------------------------------------

#: the key of the words in the mappings file (no kind is called that)
_WORDS = "words"

#: field → the word's key (see :func:`intl_desk.exchange.values.word_key`) → the term's code
WordChoices = dict[str, dict[str, str]]


def saved_words(kind: str, folder: Path | None = None) -> WordChoices:
    """The words the user told an earlier import of ``kind`` how to read."""
    entry = _load_all(_mappings_path(folder)).get(_WORDS, {})
    fields = entry.get(kind, {}) if isinstance(entry, dict) else {}
    spec: ImportKind = IMPORT_KINDS[kind]
    chosen: WordChoices = {}
    for field in spec.fields:
        words = fields.get(field.key) if isinstance(fields, dict) else None
        if field.vocabulary is None or not isinstance(words, dict):
            continue
        codes = {term.code for term in field.vocabulary}
        kept = {str(word): str(code) for word, code in words.items() if code in codes}
        if kept:
            chosen[field.key] = kept
    return chosen


def save_words(
    kind: str, words: Mapping[str, Mapping[str, str | None]], folder: Path | None = None
) -> Path:
    """Remember how to read these words (field → word key → code) in every later import
    of ``kind``; a word given None is forgotten."""
    path = _mappings_path(folder)
    data = _load_all(path)
    fields = data.setdefault(_WORDS, {}).setdefault(kind, {})
    for field, chosen in words.items():
        kept = fields.setdefault(field, {})
        for word, code in chosen.items():
            if code is None:
                kept.pop(word, None)
            else:
                kept[word] = code
    _write_all(path, data)
    return path
