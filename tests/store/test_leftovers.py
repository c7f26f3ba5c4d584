"""Temporary files left by a program killed in the middle of a save: ``check`` names
them, and the next opening for editing removes the office file's own.

The program is really killed mid-write: it runs in a child process whose largest file
is limited (``RLIMIT_FSIZE``) with the default action of the limit, which kills it the
moment a file it writes outgrows the limit, as a crash or a pulled plug would.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest
from merge_helpers import copy_of, edit
from platforms import needs_file_size_limit
from store_helpers import new_office

from intl_desk.cli import main
from intl_desk.core.model import Office, Partner
from intl_desk.store.office_file import OfficeFile, check

pytestmark = needs_file_size_limit

KILLED_AT_LIMIT = """
import resource, signal, sys
limit = int(sys.argv[1])
signal.signal(signal.SIGXFSZ, signal.SIG_DFL)  # Python ignores it; the system kills
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
from intl_desk.cli import main
sys.exit(main(sys.argv[2:]))
"""


def _killed_mid_write(limit: int, *arguments: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", KILLED_AT_LIMIT, str(limit), *arguments],
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == -signal.SIGXFSZ, done.stderr


@pytest.fixture
def office(tmp_path: Path) -> Path:
    """An office file of about 1 MB, alone in its folder."""
    (tmp_path / "office").mkdir()
    path = new_office(tmp_path / "office", "Lyon.sqlite")
    with OfficeFile.open(path) as opened, opened.session() as session:
        session.add_all(
            Partner(name=f"Ville {n} de Łódź", country_code="PL", notes="Échanges. " * 40)
            for n in range(400)
        )
        session.commit()
    return path


def test_a_merge_killed_while_backing_up_leaves_a_temporary_that_is_cleaned(
    office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    colleague = copy_of(office, tmp_path / "Lyon (Anne).sqlite")
    edit(colleague, Office, "Ville de Lyon", name="Ville de Lyon — DRI")
    # killed while the backup made before merging is written under its temporary name
    _killed_mid_write(office.stat().st_size // 2, "merge", str(office), str(colleague))
    left = sorted(p.name for p in office.parent.iterdir() if p.name.startswith(".~Lyon."))
    assert len(left) == 2  # the unfinished backup and its SQLite journal
    assert left[0].startswith(".~Lyon.sqlite.before-merge.") and left[0].endswith(".copy")
    assert left[1] == left[0] + "-journal"

    assert main(["check", str(office)]) == 1
    assert capsys.readouterr().out.splitlines()[1:] == [
        f"- “{name}” is a temporary file left beside “Lyon.sqlite” by an interrupted save (a "
        "crash or a full disk): it is removed the next time “Lyon.sqlite” is opened for "
        "editing."
        for name in left
    ]

    assert main(["merge", str(office), str(colleague)]) == 0  # opens it for editing
    names = sorted(p.name for p in office.parent.iterdir())
    assert len(names) == 2 and names[0] == "Lyon.sqlite"
    assert names[1].startswith("Lyon.sqlite.before-merge.")  # this merge's own backup
    assert check(office).problems == []


@pytest.mark.parametrize(
    ("command", "output"),
    [
        (["export", "OFFICE", "--kind", "partners", "-o", "OUT"], "partenaires.csv"),
        (["report", "overview", "OFFICE", "-o", "OUT"], "Bilan 2026.pdf"),
    ],
)
def test_an_export_killed_mid_write_leaves_a_temporary_that_check_names(
    office: Path, capsys: pytest.CaptureFixture[str], command: list[str], output: str
) -> None:
    target = office.parent / output
    paths = {"OFFICE": str(office), "OUT": str(target)}
    _killed_mid_write(20_000, *(paths.get(argument, argument) for argument in command))
    assert not target.exists()  # never a half-written file under the name asked for
    left = [p.name for p in office.parent.iterdir() if p.name != office.name]
    assert len(left) == 1
    assert main(["check", str(office)]) == 1
    assert capsys.readouterr().out.splitlines()[1:] == [
        f"- “{left[0]}” is a temporary file left by an interrupted export: delete it once no "
        "export is running."
    ]
    OfficeFile.open(office).close()  # another program's export may be running: kept
    assert (office.parent / left[0]).exists()
