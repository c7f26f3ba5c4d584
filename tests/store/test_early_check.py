"""The integrity check started early (``intl-desk info``) gives the same answers."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from store_helpers import fingerprint, make_refused, new_office

from intl_desk.cli import main
from intl_desk.store import early_check, probe, verified
from intl_desk.store.errors import CorruptFile


def test_a_healthy_file_checked_early_is_not_checked_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = new_office(tmp_path)
    verified.forget(path)  # a file checked unchanged is trusted (test_verified.py)
    early_check.start(path)
    assert early_check.result_for(path) == ["ok"]
    assert early_check.result_for(path) is None  # used once

    early_check.start(path)
    ran: list[str] = []
    monkeypatch.setattr(early_check, "_results", _Spy(early_check._results, ran))
    probe.probe(path)
    assert ran == ["taken"]


def test_a_file_changed_since_the_early_check_is_checked_again(tmp_path: Path) -> None:
    path = new_office(tmp_path)
    verified.forget(path)
    early_check.start(path)
    status = path.stat()
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns + 1_000_000_000))
    assert early_check.result_for(path) is None


def test_a_damaged_file_is_still_refused_and_left_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = make_refused("corrupt", tmp_path)
    before = fingerprint(path)
    early_check.start(path)
    rows = early_check.result_for(path)
    assert rows is None or rows != ["ok"]
    with pytest.raises(CorruptFile):
        early_check.start(path)
        probe.probe(path)
    assert main(["info", str(path), "--json"]) == 2
    assert str(path.name) in capsys.readouterr().err
    assert fingerprint(path) == before


def test_files_that_are_not_sqlite_are_not_touched(tmp_path: Path) -> None:
    path = make_refused("text", tmp_path)
    early_check.start(path)
    assert early_check.result_for(path) is None


class _Spy(dict):  # type: ignore[type-arg]
    """Notes when the opening takes the early result instead of checking itself."""

    def __init__(self, results: dict, ran: list[str]) -> None:  # type: ignore[type-arg]
        super().__init__(results)
        self.ran = ran

    def pop(self, *args: object) -> object:
        self.ran.append("taken")
        return super().pop(*args)


def test_info_takes_the_check_started_as_it_loads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``info`` starts the integrity check before loading SQLAlchemy, and the opening uses
    its answer instead of reading every page again."""
    path = new_office(tmp_path)
    verified.forget(path)  # a file checked unchanged is trusted (test_verified.py)
    taken: list[str] = []
    monkeypatch.setattr(early_check, "_results", _Spy({}, taken))
    assert main(["info", str(path)]) == 0
    assert taken == ["taken"]


def test_a_report_checks_the_file_when_it_opens_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A report checks a file just received once it has loaded, not on a thread beside
    the loading (see ``EARLY_CHECKED``): the file is checked all the same, and remembered
    as checked."""
    path = new_office(tmp_path)
    verified.forget(path)
    taken: list[str] = []
    monkeypatch.setattr(early_check, "_results", _Spy({}, taken))
    assert main(["report", "overview", str(path), "-o", str(tmp_path / "overview.pdf")]) == 0
    assert taken == []
    assert verified.was_verified(path, verified.file_stamp(path))
