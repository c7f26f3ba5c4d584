"""The sheets beside a list, read for its import: a workbook's detail sheets (a
project's money lines, a mission's expected results…) or, for a csv export, the files
written beside it as “<file> – <sheet>.csv”; each detail line given to its record's row."""

from __future__ import annotations

import glob
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from intl_desk.core.i18n import N_, Message
from intl_desk.exchange.context import ImportContext
from intl_desk.exchange.detail_reading import (
    describe,
    find_detail_sheets,
    planned_values,
    read_detail_rows,
)
from intl_desk.exchange.detail_sheets import DETAILS, DetailSheet
from intl_desk.exchange.importer import Issue, RowPreview
from intl_desk.exchange.reader import Sheet, read_sheets


def sheets_beside(
    kind: str,
    target: Path,
    sheets: list[Sheet],
    worksheet: str | None,
    check: Callable[[], None] | None,
) -> tuple[list[Sheet], list[tuple[DetailSheet, Sheet]]]:
    """(the sheets the list may be on, the detail sheets of ``kind`` found beside it)."""
    if kind not in DETAILS:
        return sheets, []
    every = read_sheets(target, check=check) if worksheet is not None else sheets
    details = find_detail_sheets(kind, [*every, *companion_sheets(target, check)])
    if worksheet is None:
        beside = {id(sheet) for _detail, sheet in details}
        sheets = [sheet for sheet in sheets if id(sheet) not in beside] or sheets
    return sheets, details


def companion_sheets(target: Path, check: Callable[[], None] | None) -> list[Sheet]:
    """A csv export's detail sheets, written beside it as “<file> – <sheet>.csv”, each
    named by its sheet."""
    if target.suffix.lower() != ".csv":
        return []
    prefix = f"{target.stem} – "
    found = []
    for path in sorted(target.parent.glob(f"{glob.escape(prefix)}*{target.suffix}")):
        for sheet in read_sheets(path, check=check):
            found.append(Sheet(path.stem[len(prefix) :], sheet.rows, sheet.carried))
    return found


SHARED_KEY = N_(
    "Sheet “{sheet}”: {count} line(s) of “{title}” not imported: more than one record of "
    "the list has that name and that day, and a line cannot be given to one of them."
)


def _title(values: dict[str, Any]) -> str:
    return str(values.get("title") or values.get("name") or "")


def attach_details(
    details: list[tuple[DetailSheet, Sheet]], rows: list[RowPreview], context: ImportContext
) -> list[Message]:
    """Give each row its lines from the detail sheets (budget per year, co-financing,
    a mission's expected results…): a line that cannot be read rejects its record with
    the reason; one naming no record of the sheet is said and left out."""
    if not details:
        return []
    parent_of = details[0][0].parent
    keys = [parent_of.key(row.values) for row in rows]
    # two rows of the list under one key (two projects of one title starting the same
    # day): a line cannot say whose it is, so none is given to either
    shared = {key for key, count in Counter(keys).items() if count > 1}
    by_key: dict[tuple[Any, ...], RowPreview] = {}
    for key, row in zip(keys, rows, strict=True):
        by_key.setdefault(key, row)
        if key not in shared:
            # the kinds of line the workbook lists whole: a record without rows there
            # has none (a record whose lines cannot be told apart keeps those it has)
            row.plan["detail_kinds"] = tuple(detail.model for detail, _sheet in details)
    unmatched: list[Message] = [
        Message(detail.whole or parent_of.whole, {"sheet": sheet.name})
        for detail, sheet in details
    ]
    refused: Counter[tuple[str, str]] = Counter()  # (sheet, title) → lines, said once each
    for detail, sheet in details:
        for line in read_detail_rows(detail, sheet):
            key = parent_of.key(line.parent)
            if key in shared:
                refused[(sheet.name, _title(line.parent))] += 1
                continue
            parent = by_key.get(key)
            if parent is None:
                unmatched.append(
                    describe(
                        line,
                        Message(parent_of.unmatched, {"title": line.parent.get("title") or ""}),
                    )
                )
                continue
            planned = planned_values(line, context)
            if line.errors:
                parent.errors.extend(Issue(describe(line, error)) for error in line.errors)
            else:
                parent.plan.setdefault("details", []).append((detail.model, planned))
    unmatched += [
        Message(SHARED_KEY, {"sheet": sheet, "count": count, "title": title})
        for (sheet, title), count in refused.items()
    ]
    return unmatched
