"""One writer at a time: a second program is told who edits the file and may read it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from merge_helpers import copy_of, make_base
from platforms import symlink_or_skip
from store_helpers import is_one_sentence_naming

from intl_desk.cli import main
from intl_desk.core.users import current_user
from intl_desk.store import errors
from intl_desk.store.lock import lock_path, read_lock, this_machine
from intl_desk.store.office_file import OfficeFile

CHILD = Path(__file__).with_name("child_process.py")


def start_child(*args: str) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, str(CHILD), *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=CHILD.parent,
    )
    return child


def wait_for(child: subprocess.Popen[str], line: str) -> None:
    assert child.stdout is not None
    for text in child.stdout:
        if text.strip() == line:
            return
    raise AssertionError(f"the child ended before printing {line!r}")


def kill(child: subprocess.Popen[str]) -> None:
    """End the child as a crash would: SIGKILL on POSIX, TerminateProcess on Windows."""
    child.kill()
    child.wait()


@pytest.fixture
def held(office_path: Path) -> Iterator[subprocess.Popen[str]]:
    child = start_child("hold", str(office_path))
    wait_for(child, "locked")
    yield child
    if child.poll() is None:
        kill(child)


def test_a_second_program_is_told_who_holds_the_file(
    office_path: Path, held: subprocess.Popen[str]
) -> None:
    with pytest.raises(errors.FileLocked) as caught:
        OfficeFile.open(office_path)
    error = caught.value
    assert type(error) is errors.FileLocked  # same machine: cannot be taken over
    assert (error.user, error.machine, error.pid) == (current_user(), this_machine(), held.pid)
    text = error.message.render()
    assert is_one_sentence_naming(error.message, office_path)
    assert current_user() in text and "read-only" in text
    with pytest.raises(errors.FileLocked):
        OfficeFile.open(office_path, take_over=True)  # a live process is never overridden

    with OfficeFile.open(office_path, read_only=True) as office, office.session() as session:
        assert session.office_id  # reading needs no lock


def test_read_only_commands_do_not_need_the_lock(
    office_path: Path, held: subprocess.Popen[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(office_path)]) == 0
    assert main(["info", str(office_path)]) == 0
    other = copy_of(office_path, office_path.with_name("other.sqlite"))
    assert main(["merge", str(office_path), str(other), "--dry-run"]) == 0
    capsys.readouterr()
    assert main(["merge", str(office_path), str(other)]) == 2
    assert "is being edited by" in capsys.readouterr().err


def test_the_lock_goes_when_the_holder_closes(
    office_path: Path, held: subprocess.Popen[str]
) -> None:
    assert held.stdin is not None
    held.stdin.write("close\n")
    held.stdin.flush()
    assert held.wait() == 0
    assert not lock_path(office_path).exists()
    with OfficeFile.open(office_path):
        assert read_lock(office_path) is not None
    assert not lock_path(office_path).exists()


def test_a_lock_left_by_a_killed_program_is_taken_over(
    office_path: Path, held: subprocess.Popen[str]
) -> None:
    kill(held)
    assert read_lock(office_path) is not None  # left behind
    with OfficeFile.open(office_path):
        holder = read_lock(office_path)
        assert holder is not None and holder.pid == os.getpid()


def _foreign_lock(path: Path, content: str | None = None) -> None:
    lock_path(path).write_text(
        content
        or json.dumps(
            {
                "user": "ana",
                "machine": "PC-RELINT-02",
                "pid": 4242,
                "since": "2026-05-09T07:14:00+00:00",
                "token": "x",
            }
        ),
        encoding="utf-8",
    )


def test_a_lock_from_another_machine_needs_confirmation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = make_base(tmp_path / "base.sqlite")
    other = copy_of(base, tmp_path / "other.sqlite")
    _foreign_lock(base)
    with pytest.raises(errors.FileLockedElsewhere) as caught:
        OfficeFile.open(base)
    assert "ana on PC-RELINT-02" in caught.value.message.render()
    assert main(["merge", str(base), str(other)]) == 2
    assert "PC-RELINT-02" in capsys.readouterr().err
    assert main(["merge", str(base), str(other), "--force"]) == 0
    assert not lock_path(base).exists()  # ours was released; theirs was taken over


def test_an_unreadable_lock_counts_as_someone_elses(office_path: Path) -> None:
    _foreign_lock(office_path, "garbage")
    with pytest.raises(errors.FileLockedElsewhere) as caught:
        OfficeFile.open(office_path)
    assert "an unknown user" in caught.value.message.render()
    OfficeFile.open(office_path, take_over=True).close()


def test_one_program_may_open_its_file_twice(office_path: Path) -> None:
    first = OfficeFile.open(office_path)
    second = OfficeFile.open(office_path)
    first.close()
    assert lock_path(office_path).exists()
    second.close()
    assert not lock_path(office_path).exists()


def test_a_refused_opening_leaves_no_lock(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("not a database", encoding="utf-8")
    with pytest.raises(errors.NotSQLite):
        OfficeFile.open(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.sqlite"]


def test_the_same_file_through_a_symbolic_link_finds_the_lock(
    office_path: Path, held: subprocess.Popen[str], tmp_path: Path
) -> None:
    link = tmp_path / "shared" / "registre.sqlite"
    link.parent.mkdir()
    symlink_or_skip(link, office_path)
    with pytest.raises(errors.FileLocked) as caught:
        OfficeFile.open(link)
    assert caught.value.pid == held.pid  # told who holds it, under its real name


def test_the_same_file_through_a_hard_link_is_refused_and_left_as_it_was(
    office_path: Path, held: subprocess.Popen[str], tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    alias = tmp_path / "alias" / "registre.sqlite"
    alias.parent.mkdir()
    os.link(office_path, alias)
    register = tmp_path / "parceiros.csv"
    register.write_text("Nome;País\nSão João del-Rei;Brasil\n", "utf-8")
    before = office_path.read_bytes()
    assert main(["import", str(alias), str(register), "--kind", "partners"]) == 2
    err = capsys.readouterr().err
    assert (
        "“registre.sqlite” is being edited in another program on this computer, opened "
        "under another name or through a link: close it there, or open it read-only."
    ) in err
    assert "Traceback" not in err
    assert office_path.read_bytes() == before
    assert not lock_path(alias).exists()  # the refused opening left no lock of its own


def test_a_lock_whose_process_id_was_reused_is_taken_over(office_path: Path) -> None:
    """The program that wrote the lock crashed and its process id now belongs to an
    unrelated live program (here: this test's parent process)."""
    lock_path(office_path).write_text(
        json.dumps({"user": "ana", "machine": this_machine(), "pid": os.getppid(),
                    "since": "2026-05-09T07:14:00+00:00", "token": "old"}),
        encoding="utf-8",
    )  # fmt: skip
    with OfficeFile.open(office_path):
        holder = read_lock(office_path)
        assert holder is not None and holder.pid == os.getpid()
