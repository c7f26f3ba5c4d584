"""A write that runs out of room half-way: the office file is left exactly as it was, no
journal or temporary file stays beside it, and the message says what to do.

The room is really taken away: the command runs in a child process whose largest file
is limited (``RLIMIT_FSIZE``, as ``ulimit -f`` or a FAT32 drive's 4 GB do), so SQLite's
writes fail in the middle of the transaction, as on a full disk.
"""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

from merge_helpers import copy_of
from platforms import needs_file_size_limit
from store_helpers import new_office

from intl_desk.cli import main
from intl_desk.store.office_file import check

pytestmark = needs_file_size_limit

LIMITED = """
import resource, signal, sys
limit = int(sys.argv[1])
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a refused write, not a killed program
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
from intl_desk.cli import main
sys.exit(main(sys.argv[2:]))
"""
ROOM = 200_000  # bytes the file may still grow: less than the import needs
SAID = (
    "intl-desk: “Lyon.sqlite” could not be saved because it would grow beyond the largest "
    "file this drive or account allows: move it to another drive or ask your administrator "
    "(what was saved before is kept).\n"
)


def _with_little_room(office: Path, *arguments: str) -> tuple[int, str]:
    limit = office.stat().st_size + ROOM
    done = subprocess.run(
        [sys.executable, "-c", LIMITED, str(limit), *arguments],
        capture_output=True,
        text=True,
        timeout=120,
    )
    return done.returncode, done.stderr


def _register(path: Path, rows: int) -> Path:
    """Partners as an office keeps them: their own column titles, long notes."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["Nom", "Pays", "Remarques"])
        for n in range(rows):
            writer.writerow([f"Ville {n} de Łódź", "Pologne", "Échanges scolaires. " * 20])
    return path


def _state(folder: Path) -> dict[str, bytes]:
    return {child.name: child.read_bytes() for child in folder.iterdir() if child.is_file()}


def test_an_import_that_runs_out_of_room_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    office = new_office(tmp_path, "Lyon.sqlite")
    sheets = tmp_path / "sheets"
    sheets.mkdir()
    register = _register(sheets / "partenaires.csv", 1000)
    before = _state(tmp_path)
    code, said = _with_little_room(
        office, "import", str(office), str(register), "--kind", "partners"
    )
    assert (code, said) == (2, SAID)
    assert _state(tmp_path) == before  # the same bytes, no journal, no temporary file
    assert check(office).problems == []


def test_a_merge_that_runs_out_of_room_leaves_the_file_and_no_second_copy(
    tmp_path: Path,
) -> None:
    (tmp_path / "office").mkdir()
    (tmp_path / "received").mkdir()
    office = new_office(tmp_path / "office", "Lyon.sqlite")
    colleague = copy_of(office, tmp_path / "received" / "Lyon (Anne).sqlite")
    register = _register(tmp_path / "received" / "partenaires.csv", 1000)
    assert main(["import", str(colleague), str(register), "--kind", "partners"]) == 0
    before = _state(office.parent)
    code, said = _with_little_room(office, "merge", str(office), str(colleague))
    assert (code, said) == (2, SAID)
    # the backup made before merging held the file as it still is: removed, not piled up
    assert _state(office.parent) == before
    assert check(office).problems == []
