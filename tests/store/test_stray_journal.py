"""A journal left by another file beside the office file is never rolled into it.

SQLite copies the pages of a hot ``NAME-journal`` back into ``NAME`` without asking
whose journal it is: a file restored from a backup copy beside the journal of a crash,
or a journal copied along with another office's file, would be overwritten with pages of
another database. The journals here are real: a second program writing an office file
is killed mid-transaction.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from merge_helpers import copy_of
from store_helpers import fingerprint, is_one_sentence_naming, new_office
from test_lock import kill, start_child, wait_for

from intl_desk.cli import main
from intl_desk.store import errors
from intl_desk.store.office_file import OfficeFile, check


@pytest.fixture
def crashed(tmp_path: Path) -> tuple[Path, Path]:
    """Dakar's file killed in the middle of a write (its hot journal beside it), and the
    backup copy made of it before."""
    (tmp_path / "dakar").mkdir()
    dakar = new_office(tmp_path / "dakar", "Dakar.sqlite")
    backup = copy_of(dakar, tmp_path / "Dakar (sauvegarde).sqlite")
    child = start_child("write", str(dakar))
    wait_for(child, "committed 2")
    wait_for(child, "writing")
    kill(child)
    assert Path(f"{dakar}-journal").stat().st_size > 0
    return dakar, backup


def _refused_everywhere(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = fingerprint(path)
    said = (
        f"The journal “{path.name}-journal” beside “{path.name}” was left by another file, "
        f"and using it would damage “{path.name}”: move “{path.name}-journal” to another "
        f"folder, then open “{path.name}” again."
    )
    for read_only in (False, True):
        with pytest.raises(errors.ForeignJournal) as caught:
            OfficeFile.open(path, read_only=read_only)
        assert caught.value.message.render() == said
        assert is_one_sentence_naming(caught.value.message, path)
    for command in ("info", "check"):
        assert main([command, str(path)]) == 2
        assert capsys.readouterr().err == f"intl-desk: {said}\n"
    assert fingerprint(path) == before


def test_another_offices_journal_copied_beside_a_file_is_refused(
    crashed: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dakar, _backup = crashed
    lyon = new_office(tmp_path, "Lyon.sqlite")
    shutil.copyfile(f"{dakar}-journal", f"{lyon}-journal")
    _refused_everywhere(lyon, capsys)
    Path(f"{lyon}-journal").rename(tmp_path / "dakar" / "moved-journal")  # as advised
    assert check(lyon).problems == []
    # Dakar's own journal still repairs Dakar: opening it for editing rolls it back
    OfficeFile.open(dakar).close()
    assert check(dakar).problems == []


def test_a_backup_restored_beside_the_journal_of_a_crash_is_refused(
    crashed: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    dakar, backup = crashed
    shutil.copyfile(backup, dakar)  # the user puts the backup copy back under the name
    _refused_everywhere(dakar, capsys)
