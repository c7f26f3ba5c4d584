"""A reading trusts the last healthy integrity check of a file unchanged since, and only
then (intl_desk.store.verified): printing the overview, then the yearly report, of the same
file does not read every page twice, and no change to the file slips past the check."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from store_helpers import fingerprint, new_office
from whole_checks import watch_whole_checks

from intl_desk.cli import main
from intl_desk.core.model import Partner
from intl_desk.store import early_check, probe, verified
from intl_desk.store.errors import CorruptFile
from intl_desk.store.office_file import OfficeFile


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The files whose every page SQLite read for ``quick_check``, in order."""
    yield watch_whole_checks(monkeypatch, probe, entry=lambda file, _check: file)


def _healthy_and_checked(tmp_path: Path, checks: list[str]) -> Path:
    """A new file, checked by one reading (``checks`` then names it once)."""
    path = new_office(tmp_path)
    verified.forget(path)  # creating it checked it: start from a file never checked
    checks.clear()
    with OfficeFile.open(path, read_only=True):
        pass
    return path


def test_reading_an_unchanged_file_again_does_not_check_it_again(
    tmp_path: Path, checks: list[str]
) -> None:
    path = _healthy_and_checked(tmp_path, checks)
    assert checks == [path.name]
    before = fingerprint(path)
    for _ in range(3):
        with OfficeFile.open(path, read_only=True) as office, office.session() as session:
            assert session.query(Partner).count() == 0
    assert checks == [path.name]
    assert fingerprint(path) == before  # remembering it wrote nothing into the file


def test_a_file_written_since_is_checked_again(tmp_path: Path, checks: list[str]) -> None:
    path = _healthy_and_checked(tmp_path, checks)
    with OfficeFile.open(path) as office, office.session() as session:
        session.add(Partner(name="São João del-Rei", country_code="BR", kind="city"))
        session.commit()
    checks.clear()
    with OfficeFile.open(path, read_only=True):
        pass
    assert checks == [path.name]


def test_damage_with_its_modification_time_put_back_is_still_found(
    tmp_path: Path, checks: list[str]
) -> None:
    """The stamp holds the status-change time and the inode, which no writer can put back."""
    path = _healthy_and_checked(tmp_path, checks)
    status = path.stat()
    page_size = 4096
    with path.open("r+b") as handle:  # a whole b-tree page overwritten, size unchanged
        handle.seek(page_size * 3)
        handle.write(bytes(range(256)) * (page_size // 256))
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (status.st_size, status.st_mtime_ns)
    with pytest.raises(CorruptFile):
        OfficeFile.open(path, read_only=True)


def test_opening_for_editing_always_checks(tmp_path: Path, checks: list[str]) -> None:
    path = _healthy_and_checked(tmp_path, checks)
    OfficeFile.open(path).close()
    assert checks == [path.name, path.name]


def test_a_copy_of_a_checked_file_is_checked(tmp_path: Path, checks: list[str]) -> None:
    """A file received by e-mail, even byte for byte one checked before, is a new file."""
    path = _healthy_and_checked(tmp_path, checks)
    copy = tmp_path / "received.sqlite"
    copy.write_bytes(path.read_bytes())
    os.utime(copy, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns))
    with OfficeFile.open(copy, read_only=True):
        pass
    assert checks == [path.name, copy.name]


def test_an_unreadable_record_only_means_checking(tmp_path: Path, checks: list[str]) -> None:
    path = _healthy_and_checked(tmp_path, checks)
    verified.record_path().write_text("{not json", encoding="utf-8")
    with OfficeFile.open(path, read_only=True):
        pass
    assert checks == [path.name, path.name]
    with OfficeFile.open(path, read_only=True):  # the record was written anew
        pass
    assert checks == [path.name, path.name]


def test_the_record_keeps_the_most_recently_checked_files(tmp_path: Path) -> None:
    paths = [new_office(tmp_path, f"{n}.sqlite") for n in range(verified.REMEMBERED + 3)]
    stamps = [verified.file_stamp(path) for path in paths]
    assert not verified.was_verified(paths[0], stamps[0])  # the oldest were let go
    assert all(verified.was_verified(p, s) for p, s in zip(paths[3:], stamps[3:], strict=True))


def test_info_and_reports_do_not_start_a_check_for_a_file_checked_unchanged(
    tmp_path: Path, checks: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _healthy_and_checked(tmp_path, checks)
    monkeypatch.setattr(early_check, "_threads", {})  # other tests' refused files leave theirs
    assert main(["info", str(path), "--json"]) == 0
    assert main(["report", "overview", str(path), "-o", str(tmp_path / "overview.pdf")]) == 0
    assert checks == [path.name]
    assert early_check._threads == {}
