"""The work of opening an office file, done off the GUI thread by the main window.

Opening a state's file takes most of a second before anything can be shown: the
integrity check reads every page (0.75 s for 450 MB), an older file is first backed up
and upgraded. Meanwhile the first page of the list the window will show is read ahead
on a second, read-only connection (SQLite's ``mode=ro`` writes nothing), so the list
appears as soon as the check has passed instead of after it. What was read ahead is
used only if the file then opened without an upgrade; a file that fails to open shows
nothing of what was read.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import sessionmaker

from intl_desk.core import background
from intl_desk.core.errors import IntlDeskError
from intl_desk.core.i18n import N_, Message
from intl_desk.core.queries import office as office_record
from intl_desk.store.connection import make_engine
from intl_desk.store.office_file import SCHEMA_VERSION, OfficeFile, inspect_file
from intl_desk.ui.list_reads import FirstRead
from intl_desk.ui.operations import Progress
from intl_desk.ui.table_model import SessionFactory

#: reads the first page of a list with the sessions it is given
ReadAhead = Callable[[SessionFactory], FirstRead]


@dataclass(frozen=True)
class Opened:
    office: OfficeFile
    office_name: str
    #: what the read-ahead returned (or the same read done after opening), if asked for
    first: FirstRead | None = None


def _needs_upgrade(path: Path, read_only: bool) -> bool | None:
    """Whether opening will upgrade the file; None when it cannot be identified (opening
    then says why)."""
    try:
        return not read_only and inspect_file(path).schema_version < SCHEMA_VERSION
    except IntlDeskError:
        return None


def _read_ahead(path: Path, read: ReadAhead) -> FirstRead:
    engine = make_engine(path, read_only=True)
    try:
        return read(sessionmaker(bind=engine))
    finally:
        engine.dispose()


def open_work(
    path: Path, read_only: bool, read: ReadAhead | None = None, damaged_ok: bool = False
) -> Callable[[Progress], Opened]:
    """The work that opens ``path`` (and runs ``read`` on it), for an Operation."""

    def work(progress: Progress) -> Opened:
        upgrade = _needs_upgrade(path, read_only)
        if upgrade:
            text = N_("Upgrading {file} (a backup is made first)…")
        else:
            text = N_("Checking {file}…")
        progress.update(Message(text, {"file": path.name}).render())
        ahead: Future[FirstRead] | None = None
        hot_journal = Path(f"{path}-journal").exists()  # opening will roll it back first
        if read is not None and upgrade is False and not hot_journal:
            ahead = background.submit(_read_ahead, path, read)
        office = OfficeFile.open(
            path, read_only=read_only, damaged_ok=damaged_ok, read_only_if_unwritable=True
        )
        try:
            with office.session() as session:
                own = office_record(session)
                name = own.name if own else ""
            first: FirstRead | None = None
            if ahead is not None:
                try:
                    first = ahead.result()
                except Exception:  # e.g. the file was being written: read it again below
                    first = None
            if read is not None and first is None:
                first = read(office.session)
        except BaseException:
            office.close()
            raise
        return Opened(office, name, first)

    return work
