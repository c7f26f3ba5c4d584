"""Exporting a list, with its current search and filters, to xlsx or csv.

The columns, their order and the rows are the list page's own (the same
:class:`~intl_desk.core.listing.ListSpec` and :class:`~intl_desk.core.listing.ListQuery`),
the titles are in the user's language and values are what the user reads on screen
(labels, country names), so the file makes sense to whoever opens it — and imports back,
since the import recognises those titles and labels in every language.

Safety: a user's text is always written as text. In xlsx every string cell has the
string type, and one that starts like a formula (``= + - @``, tab, carriage return) also
gets Excel's quote prefix, so it stays text even when someone edits the cell. In csv such a
cell is prefixed with an apostrophe (the usual defence; the importer removes it again).
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, datetime
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from intl_desk.core.date_precision import precise_date_text, precision_of
from intl_desk.core.display import country_name
from intl_desk.core.folding import fold
from intl_desk.core.i18n import N_, current_language, translate
from intl_desk.core.listing import Column, ListQuery, ListSpec, fetch_ids, fetch_rows
from intl_desk.core.listing.definitions import contact_organisation
from intl_desk.core.listing.register_lists import ordered_lines
from intl_desk.core.memory import give_back_freed_memory
from intl_desk.core.model import Activity, Contact, Network, Project, StrategicLine
from intl_desk.exchange.detail_sheets import DETAILS, detail_rows
from intl_desk.exchange.errors import ExportFailed, UnknownKind
from intl_desk.exchange.reader import QUOTE
from intl_desk.files.output_guard import guard_output, session_file
from intl_desk.files.xlsx_writer import FORMULA_STARTS, SheetRows, write_workbook

Format = Literal["xlsx", "csv"]
CHUNK = 2000


def export_format(path: Path, explicit: str | None = None) -> str:
    """``xlsx``, ``csv`` or ``iati`` from ``explicit`` or the file's extension."""
    if explicit:
        return explicit
    suffix = path.suffix.lower()
    return {".csv": "csv", ".xml": "iati"}.get(suffix, "xlsx")


def list_spec(kind: str) -> ListSpec:
    from intl_desk.core.listing.terms_list import EXPORTABLE

    if kind not in EXPORTABLE:
        raise UnknownKind(kind, list(EXPORTABLE))
    return EXPORTABLE[kind]


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def cell_value(column: Column, value: Any, language: str) -> Any:
    """A list value as the export writes it: labels and names as text, numbers as numbers,
    dates as dates — a date known only to the year as that year (2011), one known to the
    month as the month in words ("July 2003"), so the import reads them back as such."""
    if value is None:
        return None
    if column.kind == "codes" and column.vocabulary is not None:
        labels = (column.vocabulary.label(code, language) for code in str(value).split(","))
        return ", ".join(sorted(labels))
    if column.kind == "sdgs":
        return ", ".join(str(number) for number in sorted(int(n) for n in str(value).split(",")))
    if column.kind == "lines":  # one per line in the cell, as offices list objectives
        return "\n".join(ordered_lines(value))
    if column.vocabulary is not None:
        return column.vocabulary.label(str(value), language)
    if column.kind == "country":
        return ", ".join(country_name(code, language) for code in str(value).split(",") if code)
    if column.kind == "date":
        return date_cell(value, precision_of(value), language)
    if column.kind == "money":
        return Decimal(str(value))
    if column.kind == "number":
        return float(value)
    if column.kind in ("integer", "sdg"):
        return int(value)
    if column.kind == "bool":
        return translate(N_("Yes") if value else N_("No"), language)
    return str(value)


def date_cell(value: Any, precision: str, language: str) -> Any:
    """A date as exported: a year as that year (2011, never 1 January), a month in words
    ("July 2003"), a day as a date — so the import reads each back with its precision."""
    if precision == "year":
        return value.year
    if precision == "month":
        return precise_date_text(value, "month", language)
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def export_rows(
    session: Session,
    spec: ListSpec,
    query: ListQuery,
    language: str,
    ids: Sequence[str] | None = None,
) -> Iterator[list[Any]]:
    """The header row, then one row per record, in the list's order (or the rows of
    ``ids``, in their order: a selection). Rows the list's order leaves tied (two
    agreements signed the same day) follow their own text, so exporting the same records
    twice — from this file or from one they were imported into — gives the same file."""
    columns = list(spec.columns)
    yield [translate(column.label, language) for column in columns]
    if ids is None:
        ids = fetch_ids(session, spec, query)
    sort_key = query.sort_key or spec.default_sort
    keys = [column.key for column in columns]
    sort_index = keys.index(sort_key) if sort_key in keys else None
    tied: list[list[Any]] = []
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        rows = fetch_rows(session, spec, chunk)
        for record_id in chunk:
            values = rows.get(record_id)
            if values is None:  # deleted since it was selected
                continue
            row = [
                cell_value(column, value, language)
                for column, value in zip(columns, values, strict=True)
            ]
            if sort_index is None:
                yield row
                continue
            # tied as the list sorts them: names alike but for accents or case as well
            if tied and _tie_key(tied[0][sort_index]) != _tie_key(row[sort_index]):
                yield from sorted(tied, key=_row_text)
                tied.clear()
            tied.append(row)
    yield from sorted(tied, key=_row_text)


def _tie_key(value: Any) -> str:
    return fold(str(value)) if isinstance(value, str) else str(value)


def _row_text(row: list[Any]) -> list[str]:
    return ["" if value is None else str(value) for value in row]


def _write_xlsx(
    path: Path,
    spec: ListSpec,
    rows: Iterator[list[Any]],
    language: str,
    details: Sequence[SheetRows] = (),
) -> int:
    widths = [max(10, column.width // 7) for column in spec.columns]
    return write_workbook(path, [(translate(spec.label, language), rows, widths), *details])


def _detail_sheets(
    session: Session, kind: str, ids: Sequence[str], language: str
) -> list[SheetRows]:
    """The sheets beside the list for what one row per record cannot hold (see
    :mod:`intl_desk.exchange.detail_sheets`), for the records of ``ids``."""
    details = DETAILS.get(kind, ())
    if not details:
        return []
    parents: dict[str, list[Any]] = {}
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        if kind == "plan_lines":
            lines = select(StrategicLine.id, StrategicLine.code, StrategicLine.title).where(
                StrategicLine.id.in_(chunk)
            )
            for record_id, code, title in session.execute(lines):
                parents[record_id] = [code, title]
            continue
        if kind == "contacts":
            contacts = select(Contact.id, Contact.name, contact_organisation()).where(
                Contact.id.in_(chunk)
            )
            for record_id, name, organisation in session.execute(contacts):
                parents[record_id] = [name, organisation]
            continue
        if kind == "networks":
            networks = select(Network.id, Network.name).where(Network.id.in_(chunk))
            for record_id, name in session.execute(networks):
                parents[record_id] = [name]
            continue
        if kind == "activities":
            activities = select(
                Activity.id, Activity.title, Activity.start_date, Activity.start_date_precision
            ).where(Activity.id.in_(chunk))
            for record_id, title, start_day, precision in session.execute(activities):
                day = None if start_day is None else date_cell(start_day, precision, language)
                parents[record_id] = [title, day]
            continue
        statement = select(
            Project.id,
            Project.title,
            Project.iati_identifier,
            Project.planned_start,
            Project.planned_start_precision,
        ).where(Project.id.in_(chunk))
        for record_id, title, identifier, start_day, precision in session.execute(statement):
            planned = None if start_day is None else date_cell(start_day, precision, language)
            parents[record_id] = [title, identifier, planned]
    return [
        (
            translate(detail.label, language),
            detail_rows(session, detail, ids, parents, language),
            [40 if field.key == "title" else 14 for field in detail.parent.fields]
            + [18] * len(detail.fields),
        )
        for detail in details
    ]


def _csv_text(value: Any, decimal_comma: bool = False) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal | float) and decimal_comma:
        return str(value).replace(".", ",")  # what a French or Brazilian Excel reads as money
    if isinstance(value, str) and (
        is_formula_like(value) or (value.startswith(QUOTE) and is_formula_like(value[1:]))
    ):
        return QUOTE + value
    return str(value)


def _write_csv(path: Path, rows: Iterable[Sequence[Any]], language: str) -> int:
    # Excel opens UTF-8 with a BOM correctly; it expects ";" where the decimal mark is ","
    delimiter = "," if language == "en" else ";"
    count = -1
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        for row in rows:
            writer.writerow([_csv_text(value, delimiter == ";") for value in row])
            count += 1
    return count


def export_list(
    session: Session,
    kind: str,
    path: Path | str,
    query: ListQuery | None = None,
    *,
    file_format: str | None = None,
    language: str | None = None,
    ids: Sequence[str] | None = None,
    beside: list[Path] | None = None,
) -> int:
    """Write the list ``kind`` as filtered by ``query`` (or only the records of ``ids``,
    a selection) to ``path``; returns the row count.

    What one row per record cannot hold (a project's money lines, a mission's expected
    results…) goes on sheets beside the list in xlsx; in csv, which has one sheet, on
    files beside it named “<file> – <sheet>.csv”, which the import of the list reads
    back. ``beside`` is given the paths of those files.

    Each file is written under a temporary name and renamed, so a failed export never
    leaves half a file where the user expects one.
    """
    count = _export_list(session, kind, path, query, file_format, language, ids, beside)
    give_back_freed_memory()  # the rows and sheets written, now let go
    return count


def _export_list(
    session: Session,
    kind: str,
    path: Path | str,
    query: ListQuery | None,
    file_format: str | None,
    language: str | None,
    ids: Sequence[str] | None,
    beside: list[Path] | None,
) -> int:
    spec = list_spec(kind)
    office_path = session_file(session)
    target = guard_output(path, office_path)
    chosen = export_format(target, file_format)
    lang = language or current_language()
    if ids is None and kind in DETAILS:
        ids = fetch_ids(session, spec, query or ListQuery())
    rows = export_rows(session, spec, query or ListQuery(), lang, ids)
    details = _detail_sheets(session, kind, ids or [], lang)
    if chosen == "csv":
        count = _written(target, lambda work: _write_csv(work, rows, lang))
        for name, detail, _widths in details:
            companion = guard_output(companion_path(target, name), office_path)
            _written(companion, partial(_write_csv, rows=detail, language=lang))
            if beside is not None:
                beside.append(companion)
        return count
    return _written(target, lambda work: _write_xlsx(work, spec, rows, lang, details))


def companion_path(target: Path, sheet: str) -> Path:
    """The csv file beside ``target`` holding its detail sheet ``sheet``."""
    return target.with_name(f"{target.stem} – {sheet}{target.suffix}")


def _written(target: Path, write: Callable[[Path], int]) -> int:
    work = target.with_name(f".{target.name}.part")
    try:
        count = write(work)
        work.replace(target)
    except OSError as error:
        work.unlink(missing_ok=True)
        raise ExportFailed(target) from error
    return count
