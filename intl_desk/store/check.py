"""A thorough, read-only health check of an office file (``intl-desk check``).

Opening only runs ``quick_check``; this runs everything that can be wrong without the file
being unreadable: the full ``integrity_check`` (indexes too), broken references, a schema
that differs from the model (tables, columns, indexes; triggers and views, which the app
never creates and a file from elsewhere could use to run code), the single office row, and
the validation rules on every live record, since a file can be edited by other tools.
"""

from __future__ import annotations

import hashlib
import sqlite3
import warnings
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from intl_desk.core.i18n import N_, Message
from intl_desk.core.model import Base, Record
from intl_desk.core.validation import errors_of
from intl_desk.store import search_index
from intl_desk.store.connection import make_engine, open_sqlite
from intl_desk.store.dangling import dangling_references
from intl_desk.store.db_errors import translate_db_errors
from intl_desk.store.errors import StoreError
from intl_desk.store.leftovers import leftover_problems
from intl_desk.store.probe import probe
from intl_desk.store.safety import SQLITE_SIDE
from intl_desk.store.schema import SCHEMA_VERSION

#: how many lines of one kind of problem are listed before the rest are only counted
EXAMPLES = 3


@dataclass
class CheckReport:
    """``unusable``: the file cannot be opened at all (the one problem says why)."""

    unusable: bool
    problems: list[Message] = field(default_factory=list)
    #: some of the problems are ones ``check --repair`` fixes (derived columns, search
    #: keys, records repeating another's natural key)
    repairable: bool = False


def _kinds() -> dict[str, type[Record]]:
    return {
        mapper.class_.__tablename__: mapper.class_
        for mapper in Base.registry.mappers
        if issubclass(mapper.class_, Record)
    }


def _kind(table: str) -> Message | str:
    """The user's name for a table's records, translated when the problem is shown."""
    model = _kinds().get(table)
    return Message(model.kind_label) if model is not None and model.kind_label else table


def _integrity(connection: sqlite3.Connection, name: str) -> Iterator[Message]:
    rows = [str(row[0]) for row in connection.execute(f"PRAGMA integrity_check({EXAMPLES})")]
    if rows != ["ok"]:
        for row in rows:
            yield Message(
                N_("SQLite reports damage in “{file}”: {detail}."), {"file": name, "detail": row}
            )


def _references(connection: sqlite3.Connection) -> Iterator[Message]:
    broken = Counter(
        (str(row[0]), str(row[2])) for row in connection.execute("PRAGMA foreign_key_check")
    )
    for (table, parent), count in sorted(broken.items()):
        yield Message(
            N_(
                "{count} record(s) of kind “{kind}” refer to a missing “{parent}”, so the "
                "file was changed outside Intl Desk: restore your latest backup copy."
            ),
            {"count": count, "kind": _kind(table), "parent": _kind(parent)},
        )


def _foreign_objects(connection: sqlite3.Connection, name: str) -> Iterator[Message]:
    rows = connection.execute(
        "SELECT type, name FROM sqlite_master WHERE type IN ('trigger', 'view') ORDER BY name"
    )
    for kind, object_name in rows:
        yield Message(
            N_("“{file}” contains a {kind} “{name}” that Intl Desk did not create."),
            {"file": name, "kind": kind, "name": object_name},
        )


def _office_rows(connection: sqlite3.Connection, name: str) -> Iterator[Message]:
    count = connection.execute("SELECT count(*) FROM office").fetchone()[0]
    if count != 1:
        yield Message(
            N_("“{file}” should hold exactly one office but holds {count}."),
            {"file": name, "count": count},
        )


def _documents(connection: sqlite3.Connection) -> Iterator[Message]:
    """Every attached document against its recorded size and SHA-256 fingerprint: a file
    edited by another tool (or crafted) can carry a fingerprint that is not the content's."""
    rows = connection.execute(
        "SELECT filename, size, sha256, content FROM document WHERE deleted_at IS NULL"
    )
    for filename, size, fingerprint, content in rows:
        data = bytes(content or b"")
        if len(data) != size or hashlib.sha256(data).hexdigest() != fingerprint:
            yield Message(
                N_(
                    "Document “{name}” does not match its recorded size or fingerprint: it "
                    "may be damaged or altered; attach the original again."
                ),
                {"name": filename},
            )


def _derived(session: Session) -> Iterator[Message]:
    from intl_desk.core.derived import stale_agreement_summaries

    stale = stale_agreement_summaries(session)
    if stale:
        yield Message(
            N_(
                "{count} agreement(s) show partner names, entity names, countries or an "
                "objective count that no longer match their records, e.g. “{title}”."
            ),
            {"count": len(stale), "title": stale[0]},
        )


def _search_keys(session: Session) -> Iterator[Message]:
    from intl_desk.core.consistency import stale_search_keys

    for stale in stale_search_keys(session):
        yield Message(
            N_(
                "{count} record(s) of kind “{kind}” have a search key that does not match "
                "their text, e.g. “{record}”: searching and sorting miss them."
            ),
            {"count": len(stale.fixes), "kind": _kind(stale.model.__tablename__),
             "record": stale.example},
        )  # fmt: skip


def _duplicates(session: Session) -> Iterator[Message]:
    from intl_desk.core.consistency import duplicates

    for found in duplicates(session):
        yield Message(
            N_(
                "{count} record(s) of kind “{kind}” repeat another live one ({reason}): "
                "figures may count either."
            ),
            {"count": len(found.extra), "kind": _kind(found.key.table),
             "reason": Message(found.key.message)},
        )  # fmt: skip


def _missing_keys(session: Session) -> bool:
    """Whether ``--repair`` can put back a natural-key index another tool dropped (the
    structure's differences list it)."""
    from intl_desk.store.repair import missing_natural_key_indexes

    return bool(missing_natural_key_indexes(session.connection()))


def _ended_without_date(session: Session) -> Iterator[Message]:
    from intl_desk.core.consistency import ended_without_date

    titles = ended_without_date(session)
    if titles:
        yield Message(
            N_(
                "{count} terminated, suspended or superseded agreement(s) have no end date, e.g. "
                "“{title}”: a past year's figures leave them out. Enter the date each one "
                "ended (Ended on)."
            ),
            {"count": len(titles), "title": titles[0]},
        )


def _without_rate(session: Session) -> Iterator[Message]:
    """Amounts that no sum in the office's currency can hold: the figures leave them out
    and say so, and this says where the rates are missing."""
    from intl_desk.core.currency_rates import amounts_without_rate, office_currency_of

    office_currency = office_currency_of(session)
    for missing in amounts_without_rate(session):
        years = ", ".join(
            str(year) if year is not None else Message(N_("undated")).render()
            for year in missing.years
        )
        yield Message(
            N_(
                "{count} amount(s) in {currency} have no exchange rate to {office} for their "
                "year ({years}): sums in {office} leave them out. Enter the rates under Office › "
                "Exchange rates."
            ),
            {
                "count": missing.count,
                "currency": missing.currency,
                "office": office_currency,
                "years": years,
            },
        )


def _describe(difference: Any) -> str:
    """Alembic's autogenerate diff tuples as one technical line."""
    if isinstance(difference, list):
        return "; ".join(_describe(item) for item in difference)
    operation, *details = difference
    names = [getattr(item, "name", item) for item in details if item is not None]
    return " ".join([operation, *(str(item) for item in names[:3])])


def _structure(session: Session, name: str) -> Iterator[Message]:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    context = MigrationContext.configure(
        session.connection(), opts={"compare_type": True, "include_name": model_objects}
    )
    with expression_indexes_unread():
        differences = compare_metadata(context, Base.metadata)
    for difference in differences:
        yield Message(
            N_("The structure of “{file}” differs from what Intl Desk expects: {difference}."),
            {"file": name, "difference": _describe(difference)},
        )


@contextmanager
def expression_indexes_unread() -> Iterator[None]:
    """SQLAlchemy cannot read back SQLite's indexes on expressions (the agreements list's
    ``lower(...)`` sort indexes) and warns each time; comparing the structure skips them."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression-based")
        warnings.filterwarnings("ignore", "autogenerate skipping metadata-specified expression")
        yield


def model_objects(name: str | None, kind: str, _parent: object) -> bool:
    """Alembic's filter for comparing a file with the model: the search index's tables
    and a saved copy's seal are SQLite's side of the store, not the model's."""
    return not (kind == "table" and name in SQLITE_SIDE)


def search_index_problems(connection: sqlite3.Connection, name: str) -> list[Message]:
    """A missing, damaged or out-of-step search index (``check --repair`` rebuilds it)."""
    if not search_index.has_index(connection):
        if not search_index.available(connection):
            return []  # this SQLite has no FTS5: searching stays the portable LIKE
        return [
            Message(
                N_(
                    "“{file}” has no search index, so searching agreements is slower: run "
                    "intl-desk check --repair to build it."
                ),
                {"file": name},
            )
        ]
    stale = search_index.stale(connection)
    if not stale:
        return []
    return [
        Message(
            N_(
                "The search index of “{file}” does not match {count} agreement(s), so a "
                "search may miss them: run intl-desk check --repair to rebuild it."
            ),
            {"file": name, "count": stale},
        )
    ]


def _label(record: Record) -> str:
    text = getattr(record, "name", None) or getattr(record, "title", None)
    return str(text) if text else record.id[:8]


def _records(session: Session) -> Iterator[Message]:
    for table, model in sorted(_kinds().items()):
        invalid = 0
        examples: list[Message] = []
        query = select(model).where(model.deleted_at.is_(None)).order_by(model.id)
        for record in session.scalars(query):
            errors = errors_of(record, session)
            if not errors:
                continue
            invalid += 1
            for error in errors[: EXAMPLES - len(examples)]:
                examples.append(
                    Message(
                        N_("{kind} “{record}”, field “{field}”: {error}"),
                        {
                            "kind": _kind(table),
                            "record": _label(record),
                            "field": error.field,
                            "error": error.message,
                        },
                    )
                )
        session.expunge_all()
        if invalid:
            yield Message(
                N_("{count} record(s) of kind “{kind}” break the validation rules."),
                {"count": invalid, "kind": _kind(table)},
            )
            yield from examples


def _problems(path: Path) -> tuple[list[Message], bool]:
    name = path.name
    found = probe(path)
    problems: list[Message] = []
    connection = open_sqlite(path, mode="ro")
    try:
        problems += _integrity(connection, name)
        problems += _references(connection)
        if found.schema_version == SCHEMA_VERSION:  # older tables differ from the model
            problems += dangling_references(connection)
        problems += _foreign_objects(connection, name)
        problems += _office_rows(connection, name)
        problems += _documents(connection)
        index_problems = []
        if found.schema_version == SCHEMA_VERSION:
            index_problems = search_index_problems(connection, name)
        problems += index_problems
    finally:
        connection.close()
    if found.schema_version < SCHEMA_VERSION:
        problems.append(
            Message(
                N_(
                    "“{file}” uses an older file format, so only its storage was checked: "
                    "open it for editing once to upgrade it."
                ),
                {"file": name},
            )
        )
        return problems, False
    engine = make_engine(path, read_only=True)
    try:
        with Session(engine) as session:
            problems += _structure(session, name)
            problems += _records(session)
            fixable = [*_derived(session), *_search_keys(session), *_duplicates(session)]
            problems += fixable
            repairable = bool(fixable or index_problems) or _missing_keys(session)
            problems += _ended_without_date(session)
            problems += _without_rate(session)
    finally:
        engine.dispose()
    return problems, repairable


def check(path: Path | str) -> CheckReport:
    """Check the file at ``path`` without modifying it (see the module docstring)."""
    target = Path(path)
    try:
        with translate_db_errors(target, read_only=True):
            problems, repairable = _problems(target)
            problems += leftover_problems(target)
            return CheckReport(unusable=False, problems=problems, repairable=repairable)
    except StoreError as error:
        return CheckReport(unusable=True, problems=[error.message])
