"""Files that must be refused: the refusal names the file, says what to do in one sentence,
and leaves the file (bytes, modification time, its folder) exactly as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from store_helpers import fingerprint, is_one_sentence_naming, make_refused, new_office

from intl_desk.cli import main
from intl_desk.store import errors
from intl_desk.store.office_file import OfficeFile, check, inspect_file

REFUSED: dict[str, type[errors.StoreError]] = {
    "text": errors.NotSQLite,
    "png": errors.NotSQLite,
    "empty": errors.EmptyFile,
    "fifo": errors.NotARegularFile,
    "header_only": errors.CorruptFile,
    "truncated": errors.CorruptFile,
    "corrupt": errors.CorruptFile,
    "foreign": errors.ForeignDatabase,
    "foreign_alembic": errors.ForeignDatabase,
    "newer": errors.NewerVersion,
    "unknown_revision": errors.NewerVersion,
    "no_office": errors.CorruptFile,
}


@pytest.fixture(params=sorted(REFUSED))
def refused(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, type[Exception]]:
    return make_refused(request.param, tmp_path), REFUSED[request.param]


@pytest.mark.parametrize("read_only", [False, True])
def test_open_refuses_and_changes_nothing(
    refused: tuple[Path, type[errors.StoreError]], read_only: bool
) -> None:
    path, expected = refused
    before = fingerprint(path)
    with pytest.raises(expected) as caught:
        OfficeFile.open(path, read_only=read_only)
    assert type(caught.value) is expected
    assert is_one_sentence_naming(caught.value.message, path), caught.value.message.render()
    assert fingerprint(path) == before


def test_inspect_refuses_and_changes_nothing(
    refused: tuple[Path, type[errors.StoreError]],
) -> None:
    path, expected = refused
    before = fingerprint(path)
    try:
        inspect_file(path)
    except errors.StoreError as error:
        assert isinstance(error, expected) or expected is errors.CorruptFile
    else:  # inspect skips quick_check: garbage in pages it does not read goes unseen
        assert expected is errors.CorruptFile
    assert fingerprint(path) == before


def test_info_refuses_in_one_line_and_changes_nothing(
    refused: tuple[Path, type[errors.StoreError]], capsys: pytest.CaptureFixture[str]
) -> None:
    """``info`` reads without SQLAlchemy (intl_desk.store.summary) yet refuses the same
    files with the same message as a read-only opening."""
    path, expected = refused
    before = fingerprint(path)
    assert main(["info", str(path), "--json"]) == 2
    out, err = capsys.readouterr()
    assert (out, err) == ("", f"intl-desk: {expected(path).message.render()}\n")
    assert fingerprint(path) == before


def test_check_reports_unusable(refused: tuple[Path, type[errors.StoreError]]) -> None:
    path, expected = refused
    before = fingerprint(path)
    report = check(path)
    assert report.unusable
    assert len(report.problems) == 1
    assert report.problems[0].msgid == expected.msgid
    assert fingerprint(path) == before


def test_sharing_commands_refuse_and_change_nothing(
    refused: tuple[Path, type[errors.StoreError]], capsys: pytest.CaptureFixture[str]
) -> None:
    """A file received from someone else is refused as the other side of a merge, as the
    source of a copy or of an extract, with one line and its bytes left as they were."""
    path, expected = refused
    ours = new_office(path.parent, "ours.sqlite")
    before, ours_before = fingerprint(path).sha256, fingerprint(ours).sha256
    for arguments in (
        ["merge", str(ours), str(path)],
        ["copy", str(path), str(path.with_name("copy.sqlite"))],
        ["extract", str(path), "-o", str(path.with_name("extract.sqlite"))],
    ):
        assert main(arguments) == 2, arguments
        error = capsys.readouterr().err.strip()
        assert error == f"intl-desk: {expected(path).message.render()}"
        assert fingerprint(path).sha256 == before
        assert fingerprint(ours).sha256 == ours_before
        assert {p.name for p in path.parent.iterdir()} == {path.name, "ours.sqlite"}


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "gone.sqlite"
    with pytest.raises(errors.FileMissing) as caught:
        OfficeFile.open(path)
    assert is_one_sentence_naming(caught.value.message, path)
    assert not path.exists()  # the rw URI mode never creates a missing file
    assert check(path).unusable


def test_a_folder_or_a_device_is_not_an_office_file(tmp_path: Path) -> None:
    for path in (tmp_path, Path("/dev/zero")):
        with pytest.raises(errors.NotARegularFile) as caught:
            OfficeFile.open(path)
        assert is_one_sentence_naming(caught.value.message, path)


def test_every_store_error_message_is_one_sentence_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "Lyon 2026.sqlite"
    classes: set[type[errors.StoreError]] = set()
    pending: list[type[errors.StoreError]] = [errors.StoreError]
    while pending:
        cls = pending.pop()
        classes.add(cls)
        pending.extend(cls.__subclasses__())
    assert len(classes) == len(errors.__all__)
    for cls in classes:
        error = (
            errors.MigrationFailed(path, backup=tmp_path / "x.bak")
            if cls is errors.MigrationFailed
            else cls(path)
        )
        assert is_one_sentence_naming(error.message, path), error.message.render()
        assert str(error) == error.message.render()
