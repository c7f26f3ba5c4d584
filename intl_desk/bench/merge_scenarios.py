"""Bench: merging two state-scale office files that differ in 10% of their records.

The pair is made once from the state demo and kept beside it (``--keep``): "ours" and
"theirs" each edit a different 4% of the rows of every table with a text field (as the
app would: the row's ``updated_at`` and one history row per edit), and "theirs" also
deletes 1% and adds 1% of partners: about 41,000 of the 400,000 records differ. Each run merges
"theirs" into a fresh copy of "ours": the time measured is the merge, verified backup
included, as ``intl-desk merge`` does it.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from intl_desk.core.model import utc_now
from intl_desk.store import search_index
from intl_desk.store.backup import backup_copy
from intl_desk.store.connection import open_sqlite
from intl_desk.store.merge.plan import quoted, table_specs

TEXT_FIELDS = ("notes", "description", "comment", "summary", "outcome", "text", "title", "name")


def _stamp() -> str:
    return utc_now().strftime("%Y-%m-%d %H:%M:%S.%f")


def _edit(path: Path, side: str, remainder: int) -> None:
    """Edit rows whose rowid is ``remainder`` modulo 11 (9%), with history."""
    connection = open_sqlite(path, mode="rw")
    try:
        connection.execute("BEGIN")
        stamp = _stamp()
        for spec in table_specs():
            field = next((name for name in TEXT_FIELDS if name in spec.fields), None)
            if field is None:
                continue
            table, column = quoted(spec.name), quoted(field)
            chosen = f"rowid % 11 = {remainder}"
            connection.execute(
                "INSERT INTO change (id, changed_at, changed_by, record_kind, record_id, action, "
                f"field) SELECT lower(hex(randomblob(16))), ?, ?, ?, id, 'update', ? FROM {table} "
                f"WHERE {chosen}",
                (stamp, side, spec.name, field),
            )
            connection.execute(
                f"UPDATE {table} SET {column} = coalesce({column}, '') || ' ({side})', "
                f"updated_at = ? WHERE {chosen}",
                (stamp,),
            )
        if side == "theirs":
            connection.execute(
                "UPDATE partner SET deleted_at = ?, updated_at = ? WHERE rowid % 100 = 7",
                (stamp, stamp),
            )
            connection.execute(
                "INSERT INTO partner (id, created_at, updated_at, name, kind, country_code) "
                "SELECT lower(hex(randomblob(16))), ?, ?, name || ' bis', kind, country_code "
                "FROM partner WHERE rowid % 100 = 3",
                (stamp, stamp),
            )
        search_index.catch_up(connection)  # as the app's own commits do
        connection.execute("COMMIT")
    finally:
        connection.close()


def prepare_pair(state_file: Path) -> tuple[Path, Path]:
    """The two templates beside ``state_file``, built once (atomically) and kept."""
    ours = state_file.with_name("merge-ours.sqlite")
    theirs = state_file.with_name("merge-theirs.sqlite")
    for target, side, remainder in ((ours, "ours", 1), (theirs, "theirs", 6)):
        if not target.exists():
            work = target.with_name(target.name + ".part")
            work.unlink(missing_ok=True)
            backup_copy(state_file, work)
            _edit(work, side, remainder)
            work.replace(target)
    return ours, theirs


def merge_ten_percent(state_file: Path) -> float:
    from intl_desk.store.merge import merge_files

    ours, theirs = prepare_pair(state_file)
    with tempfile.TemporaryDirectory(prefix="intl-desk-merge-bench-") as folder:
        work = Path(folder) / "ours.sqlite"
        shutil.copyfile(ours, work)  # a plain copy is fine for a throw-away bench file
        started = time.perf_counter()
        report = merge_files(work, theirs)
        elapsed = time.perf_counter() - started
    if not (report.updated and report.deleted and report.added):
        raise RuntimeError(f"the merge found too little to do: {report}")
    return elapsed
