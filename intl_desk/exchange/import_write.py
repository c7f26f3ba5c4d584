"""Writing an import: the rows a :class:`~intl_desk.exchange.importer.Preview` accepted,
in one transaction — all of them or, on any failure, none — saying what happened to each
row (imported, updated, skipped with the reason, rejected with its problems)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from intl_desk.core.errors import IntlDeskError, ValidationError
from intl_desk.core.gc_pause import collector_paused
from intl_desk.core.i18n import N_, Message
from intl_desk.core.memory import give_back_freed_memory
from intl_desk.exchange import importer
from intl_desk.exchange.context import ImportContext, forget_compiled_statements, name_key
from intl_desk.exchange.importer import (
    Issue,
    KindHandler,
    OnDuplicate,
    Preview,
    RowPreview,
    handler_for,
)

#: rows queued before they are written, when a kind's rows may be written as they come
WRITE_BATCH = 2000


@dataclass
class ImportResult:
    imported: int = 0
    updated: int = 0
    skipped: list[tuple[int, Message]] = field(default_factory=list)
    rejected: list[tuple[int, list[Issue]]] = field(default_factory=list)
    record_ids: list[str] = field(default_factory=list)


class ImportFailed(IntlDeskError):
    """The write was refused (a rule the preview could not check); nothing was written."""


def apply_import(
    session: Session,
    preview: Preview,
    on_duplicate: OnDuplicate = "skip",
    progress: Callable[[int, int], None] | None = None,
    *,
    release_rows: bool = False,
) -> ImportResult:
    """Write the accepted rows of ``preview`` in one transaction and commit; on any
    failure nothing is written. ``session`` may be another one than the preview's (the
    wizard checks and writes on different worker threads): the preview keeps ids only.
    ``progress(done, total)`` is told every :data:`importer.PROGRESS_STEP` rows; what it raises
    (the wizard's Cancel) rolls everything back.

    With ``release_rows`` each row is let go once written, so the write's own memory
    takes the place of the rows': the window's import of a state's 20,000 agreements
    peaked 10 MiB lower. The preview is then spent, written or not: to write it again,
    check the rows again.
    """
    if preview.spent:
        raise RuntimeError("the preview's rows were let go as they were written")
    handler = handler_for(preview.kind)
    context = preview.context
    context.session = session
    result = ImportResult()
    try:
        with session.no_autoflush, collector_paused():
            _apply_rows(handler, context, preview, on_duplicate, result, progress, release_rows)
            finish = getattr(handler, "finish", None)
            if finish is not None:  # what needs every row written first (links between rows)
                finish(context)
        context.writer.flush()
        session.commit()
    except ValidationError as error:
        session.rollback()
        raise ImportFailed(error.message) from error
    except BaseException:
        session.rollback()
        raise
    finally:
        # the register's names, kept for its preview and its write, are let go with it:
        # scattered among the heap's blocks, they kept 37 MB of a state's import in use
        name_key.cache_clear()
        forget_compiled_statements(session)
        give_back_freed_memory()  # the rows queued and written, now let go
    return result


def _apply_rows(
    handler: KindHandler,
    context: ImportContext,
    preview: Preview,
    on_duplicate: OnDuplicate,
    result: ImportResult,
    progress: Callable[[int, int], None] | None = None,
    release_rows: bool = False,
) -> None:
    # progress counts the rows written (new, and duplicates when updated), not those left out
    total = preview.count("new") + (preview.count("duplicate") if on_duplicate == "update" else 0)
    done = 0
    early = getattr(handler, "writes_early", None)
    # written batch by batch when no row changes one queued before it: the rows queued
    # never exceed one batch (a 50,000-row register held 50 MB of them until the end)
    batches = early is not None and early(context, preview.rows, on_duplicate)
    if release_rows:
        preview.spent = True
    for row in _taken_in_turn(preview.rows) if release_rows else preview.rows:
        status = row.status
        if status == "new" or (status == "duplicate" and on_duplicate == "update"):
            done += 1
            if progress is not None and done % importer.PROGRESS_STEP == 0:
                progress(done, total)
        if status == "rejected":
            result.rejected.append((row.number, list(row.errors)))
        elif status == "duplicate" and on_duplicate == "skip":
            result.skipped.append(
                (row.number, Message(N_("Already in the file (a duplicate): skipped.")))
            )
        elif status == "duplicate":
            assert row.duplicate_of is not None
            if handler.update(context, row, row.duplicate_of):
                result.updated += 1
            else:
                result.skipped.append(
                    (row.number, Message(N_("Identical to the record already in the file.")))
                )
        else:
            result.record_ids.append(handler.create(context, row))
            result.imported += 1
            if batches and result.imported % WRITE_BATCH == 0:
                context.writer.flush()


def _taken_in_turn(rows: list[RowPreview]) -> Iterator[RowPreview]:
    """Each of ``rows`` in order, taken out of the list as it is given (``rows`` ends
    empty): a row written is no longer held, except by what still needs it (a row
    waiting for the rows its links name)."""
    rows.reverse()
    while rows:
        yield rows.pop()
