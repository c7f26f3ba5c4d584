"""Merging another copy of an office file into this one, without losing a record.

The rules (what is matched, what wins, what is a conflict) are in
:mod:`intl_desk.store.merge.plan`; the writing in :mod:`intl_desk.store.merge.apply`.
This module is the one entry point the command line and the window use, and it fixes the
order of the safety steps: the other file is verified (and upgraded on a temporary copy if
it is older, see :mod:`intl_desk.store.safety`), this file is opened for editing (so it is
locked) and a verified backup is written beside it (while the other file is checked and
the plan is made; it is removed again when there turns out to be nothing to merge), and
the one transaction that merges runs once both are done.
"""

from __future__ import annotations

import os
from concurrent.futures import Future, wait
from datetime import datetime
from pathlib import Path

from intl_desk.core import background
from intl_desk.core.users import current_user
from intl_desk.store.backup import copy_pages, fsync_file, publish, temporary_sibling
from intl_desk.store.connection import open_sqlite
from intl_desk.store.db_errors import translate_db_errors
from intl_desk.store.errors import (
    BackupFailed,
    DiskFull,
    FileAlreadyExists,
    OtherOffice,
    SameFile,
    SizeLimitReached,
)
from intl_desk.store.merge.apply import Progress, apply_merge, attach
from intl_desk.store.merge.plan import (
    Conflict,
    ConflictKey,
    MergePlan,
    Side,
    make_plan,
    table_specs,
)
from intl_desk.store.merge.report import MergeReport, report_lines
from intl_desk.store.office_file import OfficeFile
from intl_desk.store.probe import FileProbe, probe
from intl_desk.store.safety import current_version_of, verify_source
from intl_desk.store.schema import SCHEMA_VERSION


def _snapshot(office: OfficeFile, target: Path) -> Path:
    """A page-for-page copy of the file, checked, synced and renamed into place.

    Checked with ``quick_check`` (every page and row), not the full ``integrity_check``
    that Save a copy runs: the copy holds the very pages of the file, whose own
    ``quick_check`` passed when it was opened for editing, so the index-against-table
    comparisons only the full check adds would find what the file itself holds, and they
    are the slow half (1.6 of 2 seconds on a state's file).
    """
    temporary = temporary_sibling(target, "copy")
    try:
        copy_pages(office.engine, temporary)
        connection = open_sqlite(temporary, mode="ro")
        try:
            rows = [str(row[0]) for row in connection.execute("PRAGMA quick_check(5)")]
        finally:
            connection.close()
        if rows != ["ok"]:
            raise BackupFailed(office.path, detail="; ".join(rows))
        fsync_file(temporary)
        publish(temporary, target, overwrite=False)
    finally:
        temporary.unlink(missing_ok=True)
    return target


def backup_before_merge(office: OfficeFile) -> Path:
    """``NAME.before-merge.<local time>.bak``, verified, never overwriting another."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    with translate_db_errors(office.path):
        for attempt in range(100):
            suffix = f"-{attempt}" if attempt else ""
            name = f"{office.path.name}.before-merge.{stamp}{suffix}.bak"
            try:
                return _snapshot(office, office.path.with_name(name))
            except FileAlreadyExists:
                continue
    raise BackupFailed(office.path, detail="no free backup name")


def _read_plan(target: Path, source: Path, choices: dict[ConflictKey, Side]) -> MergePlan:
    connection = open_sqlite(target, mode="ro")
    try:
        attach(connection, source)
        return make_plan(connection, choices)
    finally:
        connection.close()


def offices_of(here: Path, there: Path) -> tuple[FileProbe, FileProbe]:
    """Both files' identities, read without the integrity check (a moment)."""
    return probe(here, quick_check=False), probe(there, quick_check=False)


def refuse_other_office(here: Path, there: Path) -> None:
    mine, theirs = offices_of(here, there)
    if mine.office_id != theirs.office_id:
        raise OtherOffice(there, other=theirs.office_name, ours=mine.office_name)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def merge_files(
    target: Path | str,
    other: Path | str,
    *,
    dry_run: bool = False,
    choices: dict[ConflictKey, Side] | None = None,
    take_over: bool = False,
    progress: Progress | None = None,
    other_office: bool = False,
) -> MergeReport:
    """Merge the office file ``other`` into ``target`` (see the module docstring).

    ``choices`` settles conflicts (``"other"`` takes their value; this file's is kept
    otherwise). A dry run needs no lock and writes nothing anywhere. A file of another
    office (another office id, not a copy of this file) is refused unless
    ``other_office`` says the user means it.
    """
    here, there = Path(target), Path(other)
    if _same_file(here, there):
        raise SameFile(there)
    if not other_office:
        refuse_other_office(here, there)
    chosen = dict(choices or {})
    if dry_run:
        with (
            current_version_of(there) as source,
            current_version_of(here) as current,
            translate_db_errors(here, read_only=True),
        ):
            return MergeReport.of(_read_plan(current, source, chosen), dry_run=True)
    # The other file's full integrity check (seconds on a state's file) runs while this
    # file is opened and backed up; the backup is removed again if nothing is merged.
    checked = background.submit(verify_source, there)
    backups: list[Path] = []
    try:
        return _merge_into(here, there, checked, chosen, take_over, progress, backups)
    except (DiskFull, SizeLimitReached):
        # Closing the file rolled the half-written merge back, so the file is what
        # the backup holds, and keeping a second copy would only fill the disk more.
        if not Path(f"{here}-journal").exists():
            for backup in backups:
                backup.unlink(missing_ok=True)
        raise
    finally:
        wait([checked])  # a merge that failed early still returns with no thread reading


def _plan_while_checked(
    here: Path, there: Path, checked: Future[FileProbe], chosen: dict[ConflictKey, Side]
) -> MergePlan | None:
    """The plan, read while the other file's full integrity check still runs, when that
    file already has this version of the schema (an older one is upgraded on a copy
    first, once checked: None then). Nothing is written before the check has passed; if
    reading fails, the check's verdict on the file (damaged, not an office file…) is what
    the person is told."""
    try:
        with translate_db_errors(there, read_only=True):
            if probe(there, quick_check=False).schema_version != SCHEMA_VERSION:
                return None
        with translate_db_errors(here):
            return _read_plan(here, there, chosen)  # locked: nobody else writes
    except BaseException:
        checked.result()
        raise


def _merge_into(
    here: Path,
    there: Path,
    checked: Future[FileProbe],
    chosen: dict[ConflictKey, Side],
    take_over: bool,
    progress: Progress | None,
    backups: list[Path],
) -> MergeReport:
    """The merge proper, ``here`` open for editing; the backup it makes goes into
    ``backups``."""
    with OfficeFile.open(here, take_over=take_over) as office:
        # the backup is written on a worker thread while the plan is read (both only
        # read this file); nothing is written to it before the backup is finished
        backing_up = background.submit(backup_before_merge, office)
        writing = False
        try:
            early = _plan_while_checked(here, there, checked, chosen)
            with current_version_of(there, checked.result()) as source:
                if early is not None and source == there:
                    plan = early
                else:
                    with translate_db_errors(here):
                        plan = _read_plan(here, source, chosen)  # locked: nobody else writes
                backup = backing_up.result()
                backups.append(backup)
                if plan.empty:
                    return MergeReport()
                writing = True
                with translate_db_errors(here):
                    apply_merge(
                        office.engine,
                        source,
                        office_id=office.office_id,
                        user=current_user(),
                        choices=chosen,
                        progress=progress,
                        plan=plan,
                    )
        finally:
            wait([backing_up])
            if not writing and backing_up.exception() is None:
                backing_up.result().unlink(missing_ok=True)
        return MergeReport.of(plan, backup=backup)


__all__ = [
    "Conflict",
    "ConflictKey",
    "MergeReport",
    "Side",
    "merge_files",
    "offices_of",
    "refuse_other_office",
    "report_lines",
    "table_specs",
]
