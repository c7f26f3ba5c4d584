"""Importing a spreadsheet: a preview that says what each row will become, then one write.

:func:`preview_import` reads the file, finds the header row, maps the columns and checks
every row (values, required fields, validation rules, duplicates, partners and entities
to create) without writing anything. :func:`.import_write.apply_import` writes the
accepted rows in one transaction — all of them or, on any failure, none — and says what
happened to each row.
The wizard and ``intl-desk import`` both show the preview's messages, so what the user
approves is what is written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol

from sqlalchemy.orm import Session

from intl_desk.core.date_precision import has_precision, precision_key
from intl_desk.core.gc_pause import collector_paused
from intl_desk.core.i18n import N_, Message, translate
from intl_desk.core.memory import give_back_freed_memory
from intl_desk.exchange.context import ImportContext, forget_compiled_statements
from intl_desk.exchange.dates import DateUnreadable, read_date
from intl_desk.exchange.errors import UnknownKind
from intl_desk.exchange.fields import IMPORT_KINDS, ImportKind
from intl_desk.exchange.mapping import choose_sheet, header_key, saved_mapping, saved_words
from intl_desk.exchange.numbers import DecimalMark
from intl_desk.exchange.reader import Sheet, read_sheets
from intl_desk.exchange.sheet_shape import (
    SheetLayout,
    dates_day_first,
    figure_decimal_marks,
    sheet_layout,
    where_table_ends,
)
from intl_desk.exchange.unreadable_cells import UnreadableCell
from intl_desk.exchange.values import CellError, as_text, read_cell, read_date_cell, word_key

__all__ = ["SheetLayout", "sheet_layout"]  # where the wizard has always found them

Status = Literal["new", "duplicate", "rejected"]
#: how many rows are checked between two words on progress
PROGRESS_STEP = 5000
#: the table whose dates keep their precision, per kind (see intl_desk.core.date_precision)
PRECISION_TABLES = {
    "agreements": "agreement",
    "projects": "project",
    "activities": "activity",
    "networks": "membership",  # a register's "membre depuis 2011"
}
OnDuplicate = Literal["skip", "update"]


@dataclass(frozen=True)
class Issue:
    """One problem or warning of a row, with the column it comes from (if any)."""

    message: Message
    column: str | None = None

    def render(self, language: str | None = None) -> str:
        text = self.message.render(language)
        if not self.column:
            return text
        # "Date de départ : …" in French, "Start: …" in English
        return Message(N_("{label}: {value}"), {"label": self.column, "value": text}).render(
            language
        )


class _NoWords(Mapping[str, str]):
    """The shared empty default of a row's word maps below: most rows have no such word,
    and three empty dicts a row were 10 MB of a 50,000-row check. A row's own dict
    replaces it when it has one."""

    def __getitem__(self, key: str) -> str:
        raise KeyError(key)

    def get(self, key: str, default: Any = None) -> Any:  # without raising KeyError first
        return default

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0

    def __hash__(self) -> int:
        return 0


NO_WORDS: Mapping[str, str] = _NoWords()


@dataclass(slots=True)
class RowPreview:
    number: int  # the spreadsheet's row number, as the user sees it
    values: dict[str, Any]
    label: str = ""
    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    duplicate_of: str | None = None
    #: what the kind's handler worked out for writing (resolved ids, planned names…)
    plan: dict[str, Any] = field(default_factory=dict)
    #: field → the register's own word that names no known term (kept on the record)
    as_written: Mapping[str, str] = NO_WORDS
    #: field → the register's own word read as the term the user chose for it
    chosen_words: Mapping[str, str] = NO_WORDS
    #: field → a date the register gives only as a year or a month, as written there (kept
    #: as such by its precision column where it has one, else in the notes)
    partial_dates: Mapping[str, str] = NO_WORDS
    #: the fields the sheet has a column for
    mapped: frozenset[str] = frozenset()

    @property
    def status(self) -> Status:
        if self.errors:
            return "rejected"
        return "duplicate" if self.duplicate_of else "new"

    def error(self, msgid: str, column: str | None = None, **params: Any) -> None:
        self.errors.append(Issue(Message(msgid, params), column))

    def warn(self, msgid: str, column: str | None = None, **params: Any) -> None:
        self.warnings.append(Issue(Message(msgid, params), column))

    def warn_shared(self, notices: dict[tuple[Any, ...], Any], msgid: str, **params: Any) -> None:
        """:meth:`warn`, with the notice every row saying the same shares (see
        :func:`shared_issue`): ``notices`` is the import's (``ImportContext.notices``)."""
        self.warnings.append(shared_issue(notices, msgid, **params))


#: said of every row naming a partner or an entity the import will create
NEW_PARTNER = N_("New partner “{name}” ({country}) will be created.")
NEW_ENTITY = N_("New local entity “{name}” will be created.")


def shared_issue(notices: dict[tuple[Any, ...], Any], msgid: str, **params: Any) -> Issue:
    """The notice ``msgid`` with ``params``, one object for every row that says the same
    (``New partner “Łódź” (PL) will be created.`` on each of the 40 rows naming Łódź):
    a state's register imported into a new file had 40,000 of them, 15 MB of the window
    that held its preview."""
    key = (msgid, *params.items())
    issue = notices.get(key)
    if issue is None:
        issue = notices[key] = Issue(Message(msgid, params))
    return issue


def kept_as_written(spec: ImportKind, row: RowPreview, words: dict[str, str]) -> list[str]:
    """Note lines for what the register wrote and the record cannot hold as such: an
    office's own word for a type or status, a date given only as a year or a month where
    the record cannot keep its precision."""
    table = PRECISION_TABLES.get(spec.kind, "")
    partial = {k: v for k, v in row.partial_dates.items() if not has_precision(table, k)}
    return [
        Message(
            N_("{field} as written in the register: {word}"),
            {"field": translate(spec.field(key).label), "word": word},
        ).render()
        for key, word in {**words, **partial}.items()
        if word
    ]


class KindHandler(Protocol):
    """How one kind of record is checked, created and updated."""

    def load(self, context: ImportContext, rows: list[RowPreview]) -> None: ...

    def check(self, context: ImportContext, row: RowPreview) -> None: ...

    def create(self, context: ImportContext, row: RowPreview) -> str: ...

    def update(self, context: ImportContext, row: RowPreview, record_id: str) -> bool: ...


@dataclass
class Preview:
    kind: str
    path: Path
    sheet: str
    header_row: int  # spreadsheet row number of the column titles
    headers: list[str]
    mapping: dict[int, str]
    rows: list[RowPreview]
    context: ImportContext
    #: said once for the whole sheet ("no title column: titles composed…")
    notices: list[Message] = field(default_factory=list)
    #: rows left out as notes or totals under the table: (row number, its text)
    skipped_notes: list[tuple[int, str]] = field(default_factory=list)
    #: its rows were let go as they were written (``apply_import(…, release_rows=True)``):
    #: it cannot be written again
    spent: bool = False

    def count(self, status: Status) -> int:
        return sum(1 for row in self.rows if row.status == status)

    @property
    def unmapped(self) -> list[str]:
        return [h for i, h in enumerate(self.headers) if h and i not in self.mapping]

    @property
    def unknown_words(self) -> list[tuple[str, str, int]]:
        """(field, word as written, rows) for each word no known term matched, once."""
        return [(key, word, count) for key, word, count, code in self.own_words if code is None]

    @property
    def own_words(self) -> list[tuple[str, str, int, str | None]]:
        """(field, word as written, rows, the term chosen for it or None) for each word of
        the register's own, once: the ones the user may tell the import how to read."""
        counts: dict[tuple[str, str], int] = {}
        chosen: dict[tuple[str, str], str] = {}
        for row in self.rows:
            for key, word in row.as_written.items():
                counts[(key, word)] = counts.get((key, word), 0) + 1
            for key, word in row.chosen_words.items():
                counts[(key, word)] = counts.get((key, word), 0) + 1
                chosen[(key, word)] = str(row.values.get(key))
        return [
            (key, word, count, chosen.get((key, word)))
            for (key, word), count in sorted(counts.items())
        ]

    @property
    def partners_to_create(self) -> list[str]:
        return sorted(planned.name for planned in self.context.new_partners.values())

    @property
    def entities_to_create(self) -> list[str]:
        return sorted(self.context.new_entities.values())


def sheet_remarks(preview: Preview) -> list[Message]:
    """What the user must know about the sheet as a whole, each said once: composed
    titles, each unknown word with the rows it is on, the lines left out under the table."""
    from intl_desk.exchange.fields import IMPORT_KINDS

    spec = IMPORT_KINDS[preview.kind]
    remarks = list(preview.notices)
    for key, word, count, code in preview.own_words:
        field_ = spec.field(key)
        params = {"word": word, "field": Message(field_.label).render(), "count": count}
        if code is not None and field_.vocabulary is not None:
            remarks.append(
                Message(
                    N_("“{word}” ({field}, {count} row(s)) is read as “{term}”, as chosen."),
                    {**params, "term": field_.vocabulary.label(code)},
                )
            )
            continue
        remarks.append(
            Message(
                N_(
                    "“{word}” ({field}, {count} row(s)) names no known value: the usual one "
                    "is used and the word is kept in the record's notes."
                ),
                params,
            )
        )
    for number, text in preview.skipped_notes:
        remarks.append(
            Message(
                N_("Row {row} is a note or a total under the table, not imported: “{text}”."),
                {"row": number, "text": text[:80]},
            )
        )
    return remarks


def handler_for(kind: str) -> KindHandler:
    from intl_desk.exchange import (
        kinds_activities,
        kinds_agreements,
        kinds_contacts,
        kinds_indicators,
        kinds_networks,
        kinds_other,
        kinds_projects,
        kinds_terms,
    )

    handlers: dict[str, KindHandler] = {
        "agreements": kinds_agreements.AgreementHandler(),
        "projects": kinds_projects.ProjectHandler(),
        "partners": kinds_other.PartnerHandler(),
        "local_entities": kinds_other.LocalEntityHandler(),
        "indicators": kinds_indicators.IndicatorHandler(),
        "measurements": kinds_other.MeasurementHandler(),
        "activities": kinds_activities.ActivityHandler(),
        "networks": kinds_networks.NetworkHandler(),
        "terms": kinds_terms.TermHandler(),
        "contacts": kinds_contacts.ContactHandler(),
        "plan_lines": kinds_terms.PlanLineHandler(),
    }
    return handlers[kind]


def import_kind(kind: str) -> ImportKind:
    if kind not in IMPORT_KINDS:
        raise UnknownKind(kind, list(IMPORT_KINDS))
    return IMPORT_KINDS[kind]


def _read_row(
    spec: ImportKind,
    headers: list[str],
    mapping: Mapping[int, str],
    cells: list[Any],
    number: int,
    day_first: bool,
    composed: frozenset[str] = frozenset(),
    marks: Mapping[int, DecimalMark] | None = None,
    words: Mapping[str, Mapping[str, str]] | None = None,
    mapped: frozenset[str] | None = None,
) -> RowPreview:
    """``mapped``: ``mapping``'s fields, made once for all the rows (each row's own set
    took 10 MB of a 50,000-row preview)."""
    if mapped is None:
        mapped = frozenset(mapping.values())
    row = RowPreview(number=number, values={}, mapped=mapped)
    table = PRECISION_TABLES.get(spec.kind, "")
    for index, key in mapping.items():
        field_ = spec.field(key)
        cell = cells[index] if index < len(cells) else None
        if isinstance(cell, UnreadableCell):  # never read as a blank: the value is unknown
            row.errors.append(Issue(cell.message, headers[index]))
            continue
        try:
            if field_.kind == "date":
                kept = has_precision(table, key)
                value, precision, warnings = read_date_cell(
                    field_, cell, day_first=day_first, kept=kept
                )
                if value is not None and kept:
                    row.values[precision_key(key)] = precision
            else:
                mark = (marks or {}).get(index)
                value, warnings = read_cell(field_, cell, day_first=day_first, mark=mark)
        except CellError as error:
            if field_.kind == "code" and not field_.required and as_text(cell):
                # an office's own word ("Convenio marco") never rejects the row: it is read
                # as the user said, else the handler chooses the usual value and the word
                # is kept on the record
                word = str(as_text(cell))
                chosen = (words or {}).get(key, {}).get(word_key(word))
                if chosen is not None:
                    row.values[key] = chosen
                    row.chosen_words = {**row.chosen_words, key: word}
                else:
                    row.as_written = {**row.as_written, key: word}
                continue
            row.errors.append(Issue(error.message, headers[index]))
            continue
        row.warnings.extend(Issue(warning, headers[index]) for warning in warnings)
        if field_.kind == "date" and warnings:
            row.partial_dates = {**row.partial_dates, key: str(as_text(cell))}
        row.values[key] = value
    for field_ in spec.fields:
        if (
            field_.required
            and field_.key not in composed
            and row.values.get(field_.key) in (None, "", [])
            and not any(
                issue.column == headers[i]
                for i, k in mapping.items()
                if k == field_.key
                for issue in row.errors
            )
        ):
            row.error(N_("{field} is missing."), field=Message(field_.label).render())
    return row


def preview_import(
    session: Session,
    path: Path | str,
    kind: str,
    *,
    worksheet: str | None = None,
    mapping: Mapping[int, str] | None = None,
    mappings_folder: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
    words: Mapping[str, Mapping[str, str]] | None = None,
    check: Callable[[], None] | None = None,
) -> Preview:
    """What importing ``path`` as ``kind`` would do; nothing is written.

    Without ``worksheet`` the worksheet whose titles name the most fields is used. The
    mapping is ``mapping`` if given, else one saved for these titles, else the automatic one.
    ``progress(done, total)`` is told every :data:`PROGRESS_STEP` rows checked, so a
    long register says how far it has got. ``words`` (field → word key → code) says how
    to read the office's own words; by default the ones remembered from earlier imports.
    ``check()`` is called while the file is read: what it raises stops the read there.
    """
    with collector_paused():
        preview = _preview(
            session, path, kind, worksheet, mapping, mappings_folder, progress, words, check
        )
    forget_compiled_statements(session)  # the register's texts, kept with the preview only
    give_back_freed_memory()  # the workbook as read, now let go
    return preview


def _preview(
    session: Session,
    path: Path | str,
    kind: str,
    worksheet: str | None,
    mapping: Mapping[int, str] | None,
    mappings_folder: Path | None,
    progress: Callable[[int, int], None] | None,
    words: Mapping[str, Mapping[str, str]] | None,
    check: Callable[[], None] | None,
) -> Preview:
    spec = import_kind(kind)
    target = Path(path)
    from intl_desk.exchange.detail_import import attach_details, sheets_beside

    read = read_sheets(target, worksheet, check)
    sheets, details = sheets_beside(kind, target, read, worksheet, check)
    sheet, header = choose_sheet(sheets, kind, target)
    # the list itself is never one of its detail sheets ("adhesions.csv", a workbook whose
    # only sheet is named "Transactions")
    details = [(detail, found) for detail, found in details if found is not sheet]
    chosen = (
        dict(mapping)
        if mapping is not None
        else (saved_mapping(kind, header.headers, mappings_folder) or header.mapping)
    )
    if words is None:
        words = saved_words(kind, mappings_folder)
    context = ImportContext.load(session)
    handler = handler_for(kind)
    date_columns = [i for i, key in chosen.items() if spec.field(key).kind == "date"]
    day_first = dates_day_first(sheet, header.index + 1, date_columns)
    marks = figure_decimal_marks(sheet, header.index + 1, chosen, spec)
    titles = [header_key(h) for h in header.headers]
    first_title = next(i for i, title in enumerate(titles) if title)
    titled = [i for i, title in enumerate(titles) if title]
    composed = frozenset(COMPOSABLE.get(kind, ()))
    mapped = frozenset(chosen.values())
    notices = (
        [
            Message(
                N_(
                    "No column holds the title: each title is composed from the row (type, "
                    "local party and partners); choose a column for it if the register has one."
                )
            )
        ]
        if "title" in composed and "title" not in chosen.values()
        else []
    )
    notices.extend(_merged_notices(sheet, header.index + 1, header.headers, chosen))
    rows: list[RowPreview] = []
    skipped_notes: list[tuple[int, str]] = []
    body = sheet.rows[header.index + 1 :]
    del sheet.rows[header.index + 1 :]  # read once, below, and let go row by row
    table_end = where_table_ends(body, len(chosen))
    for offset, cells in enumerate(_let_go(body)):
        if all(cell is None for cell in cells):
            continue  # blank separator rows
        if offset >= table_end:
            text = " ".join(str(as_text(c)) for c in cells if as_text(c))
            skipped_notes.append((header.index + offset + 2, text))
            continue
        first = cells[first_title] if first_title < len(cells) else None
        if (
            isinstance(first, str)
            and len(cells) == len(titles)
            and all(cells[i] is not None for i in titled)  # a title in every titled column
            and header_key(first) == titles[first_title]
            and [header_key(c) if c is not None else "" for c in cells] == titles
        ):
            continue  # the titles repeated (a register printed page by page)
        rows.append(
            _read_row(
                spec,
                header.headers,
                chosen,
                cells,
                header.index + offset + 2,
                day_first,
                composed,
                marks,
                words,
                mapped,
            )
        )
    handler.load(context, rows)  # what is already in the file, for the rows read
    notices.extend(attach_details(details, rows, context))
    for done, row in enumerate(rows, 1):
        if progress is not None and done % PROGRESS_STEP == 0:
            progress(done, len(rows))
        if not row.errors:
            handler.check(context, row)
        if not row.label:
            row.label = str(row.values.get("title") or row.values.get("name") or "")
        if row.duplicate_of and row.duplicate_of.startswith("row:"):
            row.warn(N_("The same as row {row}."), row=row.duplicate_of[4:])
        elif row.duplicate_of:
            row.warn(N_("Already in the file."))
    checked = getattr(handler, "checked", None)
    if checked is not None:  # what only the check needed (duplicate keys) is let go
        checked(context)
    context.plan_values.clear()  # the plans keep the values they share
    return Preview(
        kind,
        target,
        sheet.name,
        header.index + 1,
        header.headers,
        chosen,
        rows,
        context,
        notices,
        skipped_notes,
    )


def _let_go(rows: list[list[Any]]) -> Iterator[list[Any]]:
    """Each of ``rows`` in turn, dropped from ``rows`` once given: the cells a row does not
    keep (country names, dates as written, the lists themselves) are freed as the check
    goes instead of at its end (15 MB of a 50,000-row register's peak)."""
    for index, cells in enumerate(rows):
        rows[index] = _NO_CELLS
        yield cells


_NO_CELLS: list[Any] = []


def _merged_notices(
    sheet: Sheet, header_row: int, headers: list[str], mapping: Mapping[int, str]
) -> list[Message]:
    """One sentence per imported column whose merged cells were carried down the rows."""
    spans: dict[int, list[str]] = {}
    for run in sheet.carried:
        if run.first_row > header_row and run.column in mapping:
            spans.setdefault(run.column, []).append(f"{run.first_row}–{run.last_row}")
    return [
        Message(
            N_(
                "Column “{column}” has cells merged over several rows: each value applies "
                "to every row it spans (rows {rows})."
            ),
            {"column": headers[column], "rows": ", ".join(rows)},
        )
        for column, rows in sorted(spans.items())
    ]


#: fields a row can do without because the handler composes them from the row
COMPOSABLE: dict[str, tuple[str, ...]] = {"agreements": ("title",)}


def year_of(value: Any) -> int | None:
    """A year from a date, a number or a text such as "2019" (None when there is none)."""
    try:
        reading = read_date(value)
    except DateUnreadable:
        return None
    return reading.value.year if reading else None
