"""Extracting one entity's records, saving a verified copy, and where files should not live."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from merge_helpers import edit, live_value, make_base, records
from store_helpers import fingerprint, make_refused

from intl_desk.cli import main
from intl_desk.core.model import Agreement
from intl_desk.store import errors
from intl_desk.store.extract import extract
from intl_desk.store.merge import merge_files
from intl_desk.store.office_file import check
from intl_desk.store.safety import location_warning


def _titles(path: Path) -> set[str]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {row[0] for row in connection.execute("SELECT title FROM agreement")}
    finally:
        connection.close()


def test_extract_holds_one_entity_and_what_it_refers_to(tmp_path: Path) -> None:
    base = make_base(tmp_path / "state.sqlite")
    before = fingerprint(base).sha256
    report = extract(base, tmp_path / "vaise.sqlite", entity="vaise")
    assert fingerprint(base).sha256 == before
    assert _titles(report.path) == {"Accord 0"}  # Vaise signed Accord 0 only
    assert live_value(report.path, "partner", "São João del-Rei", "country_code") == "BR"
    assert live_value(report.path, "partner", "Córdoba", "country_code") is None  # not theirs
    assert live_value(report.path, "local_entity", "Lyon", "kind") == "government"  # its parent
    assert check(report.path).problems == []
    assert not merge_files(base, report.path).changed  # merges back cleanly


def test_an_edited_extract_merges_back(tmp_path: Path) -> None:
    base = make_base(tmp_path / "state.sqlite")
    out = extract(base, tmp_path / "vaise.sqlite", entity="Vaise").path
    edit(out, Agreement, "Accord 0", notes="Signed again in Łódź")
    report = merge_files(base, out)
    assert report.updated == {"agreement": 1} and not report.added
    assert live_value(base, "agreement", "Accord 0", "notes") == "Signed again in Łódź"
    assert _titles(base) == {"Accord 0", "Accord 1", "Accord 2"}


def test_extract_since_a_date_and_refusals(tmp_path: Path) -> None:
    base = make_base(tmp_path / "state.sqlite")
    assert (
        extract(base, tmp_path / "none.sqlite", since=date(2999, 1, 1)).counts.get("agreement")
        is None
    )
    assert main(["extract", str(base), "-o", str(tmp_path / "x.sqlite"), "--entity", "Nantes"]) == 2
    assert not (tmp_path / "x.sqlite").exists()
    assert main(["extract", str(base), "-o", str(base)]) == 2  # never overwrites


def test_copy_command_makes_a_verified_copy(tmp_path: Path) -> None:
    base = make_base(tmp_path / "Relations Łódź.sqlite")
    copy = tmp_path / "copie.sqlite"
    assert main(["copy", str(base), str(copy)]) == 0
    assert records(copy) == records(base)
    assert main(["copy", str(base), str(copy)]) == 2  # the existing copy is kept
    refused = make_refused("truncated", tmp_path)
    before = fingerprint(refused).sha256
    assert main(["copy", str(refused), str(tmp_path / "c2.sqlite")]) == 2
    assert fingerprint(refused).sha256 == before
    assert not (tmp_path / "c2.sqlite").exists()


@pytest.mark.parametrize(
    "path",
    [
        "/home/ana/OneDrive - Prefeitura/relint.sqlite",
        "/Users/ana/Dropbox/relint.sqlite",
        "/Users/ana/Library/Mobile Documents/com~apple~CloudDocs/relint.sqlite",
        "/Users/ana/Google Drive/My Drive/relint.sqlite",
        "\\\\fileserver\\relint\\relint.sqlite",
    ],
)
def test_risky_places_are_warned_about(path: str) -> None:
    warning = location_warning(path)
    assert warning is not None and "“relint.sqlite”" in warning.render()


def test_network_mounts_are_warned_about_and_local_folders_are_not(tmp_path: Path) -> None:
    mounts = tmp_path / "mounts"
    mounts.write_text(
        "/dev/sda1 / ext4 rw 0 0\n//srv/relint /mnt/relint cifs rw 0 0\n", encoding="utf-8"
    )
    assert location_warning("/mnt/relint/office.sqlite", mounts=mounts) is not None
    assert location_warning("/home/ana/office.sqlite", mounts=mounts) is None


def test_copy_refuses_a_foreign_database(tmp_path: Path) -> None:
    foreign = make_refused("foreign", tmp_path)
    with pytest.raises(errors.ForeignDatabase):
        extract(foreign, tmp_path / "out.sqlite")
