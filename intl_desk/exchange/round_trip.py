"""A round trip through spreadsheets: every list an office keeps exported from one file
and imported into a new one, then compared record by record and field by field
(:mod:`.round_trip_records`). The lossless round-trip test runs it on the city demo and
``intl-desk bench --only round_trip_state`` on the state demo; both say what was lost.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from intl_desk.core.i18n import N_, translate
from intl_desk.exchange.export import export_list, list_spec
from intl_desk.exchange.import_write import ImportResult, apply_import
from intl_desk.exchange.importer import OnDuplicate, preview_import
from intl_desk.exchange.reader import sheet_rows, worksheet_names
from intl_desk.exchange.round_trip_records import Records

#: the kinds in the order an office imports them (what a record links to comes first)
KINDS = (
    "local_entities",
    "partners",
    "agreements",
    "projects",
    "terms",
    "plan_lines",
    "indicators",
    # a network's membership names its focal contact
    "contacts",
    "networks",
    "activities",
)
#: the columns a list computes from other records (counts, sums, the last change): the
#: import has nothing to store them in
DERIVED = frozenset(
    {
        "agreements",
        "objectives",
        "updated_at",
        "gaps",
        "granted",
        "budget_converted",
        "granted_converted",
        # the list's start and end (actual, else planned): the planned and actual ones follow
        "start",
        "end",
        # a mission's carbon estimate, computed from its places and transport
        "carbon",
    }
)


@dataclass
class ImportReport:
    """What the import of the exported files did, kind by kind."""

    results: dict[str, ImportResult] = field(default_factory=dict)
    #: per kind, the columns of the export the import did not recognise
    unmapped: dict[str, list[str]] = field(default_factory=dict)

    def problems(self) -> list[str]:
        """One line per refused or skipped row and per column left out, kind by kind."""
        lines = [
            f"{kind}: column “{title}” not imported"
            for kind, titles in self.unmapped.items()
            for title in titles
        ]
        for kind, result in self.results.items():
            lines += [
                f"{kind} row {number}: {'; '.join(str(issue.message) for issue in issues)}"
                for number, issues in result.rejected
            ]
            lines += [f"{kind} row {number} skipped: {why}" for number, why in result.skipped]
        return lines


def export_all(session: Session, folder: Path, suffix: str) -> None:
    """Every kind of :data:`KINDS` exported to ``folder/<kind><suffix>`` (xlsx or csv)."""
    for kind in KINDS:
        export_list(session, kind, folder / f"{kind}{suffix}")


def derived_titles(kind: str, language: str) -> set[str]:
    return {
        translate(column.label, language)
        for column in list_spec(kind).columns
        if column.key in DERIVED
    }


def import_all(
    session: Session, folder: Path, suffix: str, language: str, mappings_folder: Path | None = None
) -> ImportReport:
    """The files of :func:`export_all` (written in ``language``) imported into
    ``session``'s file, kind by kind. The new file's own entity takes the values of the
    register's row of that name (its coordinates among them: missions' carbon is
    computed from them); a row that repeats a record is skipped, and said to be."""
    report = ImportReport()
    for kind in KINDS:
        preview = preview_import(
            session, folder / f"{kind}{suffix}", kind, mappings_folder=mappings_folder
        )
        left_out = set(preview.unmapped) - derived_titles(kind, language)
        if left_out:
            report.unmapped[kind] = sorted(left_out)
        mode: OnDuplicate = "update" if kind == "local_entities" else "skip"
        # written once: each row let go as it is written, and the preview before the
        # next kind is read (the state's agreements were otherwise still held while its
        # projects were read and checked)
        report.results[kind] = apply_import(session, preview, mode, release_rows=True)
        del preview
    return report


def differences(
    before: Mapping[str, Records], after: Mapping[str, Records], limit: int = 20
) -> list[str]:
    """The first ``limit`` differences between two snapshots, one line each: a record
    missing, one more, or a field whose value changed (old → new)."""
    found: list[str] = []
    for section, old in before.items():
        new = after.get(section, {})
        for key, fields in old.items():
            if key not in new:
                found.append(f"{section} {key!r}: missing")
                continue
            found += [
                f"{section} {key!r} {name}: {value!r} → {new[key].get(name)!r}"
                for name, value in fields.items()
                if new[key].get(name) != value
            ]
        found += [f"{section} {key!r}: not in the original" for key in new if key not in old]
        if len(found) >= limit:
            break
    return found[:limit]


#: what a new file cannot repeat in a list exported again: when each record was last
#: changed, and the gaps ("nothing done for two years" counts the missions and projects
#: under an agreement, which the agreements' sheets do not carry)
UNREPEATABLE = (N_("Last changed"), N_("Gaps"))


def file_differences(first: Path, again: Path, suffix: str, language: str) -> list[str]:
    """The sheets of the files in ``first`` whose copy in ``again`` (the same lists
    exported from the new file) differs, with the first differing row of each; the
    columns of :data:`UNREPEATABLE` are left out.

    Each sheet is read a row at a time into a digest, one file after the other: a
    state's agreements sheet held whole from both files took 130 MiB. Only a sheet
    whose digests differ is read again, both files side by side, for its first change."""
    left_out = [translate(title, language) for title in UNREPEATABLE]
    found = []
    for path in sorted(first.glob(f"*{suffix}")):
        names, again_names = worksheet_names(path), worksheet_names(again / path.name)
        if names != again_names:
            found.append(f"{path.name}: sheets {again_names}")
            continue
        for name in names:  # one sheet of one file at a time: a state's are big
            rows, again_rows = _kept(path, name, left_out), _kept(again / path.name, name, left_out)
            if _digest(rows) == _digest(again_rows):
                continue
            rows, again_rows = _kept(path, name, left_out), _kept(again / path.name, name, left_out)
            first_change: tuple[Any, Any] | None = next(
                (pair for pair in zip(rows, again_rows, strict=False) if pair[0] != pair[1]),
                None,
            )
            if first_change is None:  # one file has more rows: how many each has
                first_change = (
                    _count(_kept(path, name, left_out)),
                    _count(_kept(again / path.name, name, left_out)),
                )
            found.append(f"{path.name} › {name}: {first_change!r}")
    return found


def _kept(path: Path, sheet: str, titles: list[str]) -> Iterator[list[Any]]:
    """The rows of ``sheet`` without the columns titled ``titles`` (in its first row),
    and without the empty rows it ends with."""
    rows = sheet_rows(path, sheet)
    header = next(rows, None)
    if header is None:
        return
    dropped = {index for index, title in enumerate(header) if title in titles}
    blank: list[list[Any]] = []  # empty rows are kept back until a row follows them
    for row in chain([header], rows):
        kept = [value for index, value in enumerate(row) if index not in dropped]
        if all(value in (None, "") for value in kept):
            blank.append(kept)
            continue
        yield from blank
        blank.clear()
        yield kept


def _digest(rows: Iterable[list[Any]]) -> bytes:
    digest = hashlib.blake2b(digest_size=16)
    for row in rows:
        digest.update(repr(row).encode())
    return digest.digest()


def _count(rows: Iterable[list[Any]]) -> int:
    return sum(1 for _ in rows)
