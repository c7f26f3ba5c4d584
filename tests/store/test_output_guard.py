"""No writer lands on the office file, the files beside it or another office file — whatever
the spelling of the target (symbolic link, hard link, another folder path), from the
command line and from the app's writers."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest
from platforms import symlink_or_skip

from intl_desk.cli import main
from intl_desk.files.output_guard import guard_output, write_guarded
from intl_desk.store.lock import lock_path
from intl_desk.store.office_file import OfficeFile

OFFICE_FILE = (
    "is the office file or one of the files kept beside it (lock, journal, backup), and writing "
    "there would destroy the office's records: choose another name."
)


def fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().err


def test_export_onto_the_office_file_is_refused_and_the_file_kept(
    office_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = fingerprint(office_path)
    code, err = run(
        capsys, "export", str(office_path), "--kind", "agreements", "-o", str(office_path)
    )
    assert code == 2
    assert err.strip() == f"intl-desk: “office.sqlite” {OFFICE_FILE}"
    assert fingerprint(office_path) == before
    assert OfficeFile.open(office_path, read_only=True).schema_version > 0


@pytest.mark.parametrize(
    "alias",
    ["symlink", "hardlink", "dotted", "lock", "journal", "wal", "backup"],
)
def test_every_spelling_of_the_office_file_and_its_companions_is_refused(
    office_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], alias: str
) -> None:
    other = tmp_path / "elsewhere"
    other.mkdir()
    target = {
        "symlink": other / "link.csv",
        "hardlink": other / "hard.csv",
        "dotted": other / ".." / "office.sqlite",
        "lock": lock_path(office_path),
        "journal": tmp_path / "office.sqlite-journal",
        "wal": tmp_path / "office.sqlite-wal",
        "backup": tmp_path / "office.sqlite.before-v3.20261203-101500.bak",
    }[alias]
    if alias == "symlink":
        symlink_or_skip(target, office_path)
    elif alias == "hardlink":
        os.link(office_path, target)
    elif alias == "backup":
        shutil.copy(office_path, target)
    before = fingerprint(office_path)
    code, err = run(capsys, "export", str(office_path), "--kind", "partners", "-o", str(target))
    assert code == 2
    assert OFFICE_FILE in err
    assert fingerprint(office_path) == before
    if alias in ("lock", "journal", "wal"):
        assert not target.exists()  # a stray journal would be rolled into the file on open


def test_reports_copies_and_extracts_refuse_the_office_file(
    office_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = fingerprint(office_path)
    journal = tmp_path / "office.sqlite-journal"
    for argv in (
        ("report", "overview", str(office_path), "-o", str(office_path)),
        ("report", "yearly", str(office_path), "-o", str(lock_path(office_path))),
        ("report", "handover", str(office_path), "-o", str(journal)),
        ("copy", str(office_path), str(journal)),
        ("extract", str(office_path), "-o", str(journal)),
    ):
        code, err = run(capsys, *argv)
        assert code == 2, argv
        assert OFFICE_FILE in err, argv
    assert fingerprint(office_path) == before
    assert not journal.exists() and not lock_path(office_path).exists()


def test_another_office_file_is_not_overwritten_by_an_export(
    office_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "cordoba.sqlite"
    OfficeFile.create(other, "Municipalidad de Córdoba", kind="city", country_code="AR").close()
    before = fingerprint(other)
    code, err = run(capsys, "export", str(office_path), "--kind", "agreements", "-o", str(other))
    assert code == 2
    assert "“cordoba.sqlite” is an Intl Desk office file, and writing there would destroy" in err
    assert fingerprint(other) == before


def test_a_folder_or_a_missing_folder_gets_a_sentence(
    office_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = run(capsys, "export", str(office_path), "--kind", "agreements", "-o", str(tmp_path))
    assert code == 2
    assert f"“{tmp_path.name}” is a folder: give the name of the file to write in it." in err
    missing = tmp_path / "nowhere" / "list.xlsx"
    code, err = run(capsys, "export", str(office_path), "--kind", "agreements", "-o", str(missing))
    assert code == 2
    assert "The folder of “list.xlsx” does not exist: choose an existing folder." in err


def test_a_failed_write_leaves_the_target_as_it_was_and_no_temporary_file(
    tmp_path: Path,
) -> None:
    target = tmp_path / "list.csv"
    target.write_text("yesterday's export")

    def fail(stream: object) -> None:
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        write_guarded(target, fail)
    assert target.read_text() == "yesterday's export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["list.csv"]


def test_a_plain_new_file_is_allowed(office_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "agreements.xlsx"
    assert guard_output(target, [office_path]) == target
    write_guarded(target, lambda stream: stream.write(b"ok"), [office_path])
    assert target.read_bytes() == b"ok"


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_a_report_gets_the_permissions_of_a_new_file_or_of_the_one_it_replaces(
    office_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A report saved to a shared folder is readable as any new file there is (0644 with
    the usual umask), not by its owner only; one saved over another keeps its mode."""
    shared = tmp_path / "Relatórios partilhados"
    shared.mkdir()
    old_mask = os.umask(0o022)
    try:
        pdf = shared / "Visão geral.pdf"
        code, _err = run(capsys, "report", "overview", str(office_path), "-o", str(pdf))
        assert code == 0 and (pdf.stat().st_mode & 0o777) == 0o644
        os.chmod(pdf, 0o640)  # the office's group only
        code, _err = run(capsys, "report", "overview", str(office_path), "-o", str(pdf))
        assert code == 0 and (pdf.stat().st_mode & 0o777) == 0o640
        sheet = shared / "acordos.xlsx"
        code, _err = run(
            capsys, "export", str(office_path), "--kind", "agreements", "-o", str(sheet)
        )
        assert code == 0 and (sheet.stat().st_mode & 0o777) == 0o644
    finally:
        os.umask(old_mask)
