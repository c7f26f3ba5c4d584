"""An office file the user may read but not write (permissions, a read-only share):
readers work, the app opens it read-only and says why, writers refuse in one sentence and
leave it as it was."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from permissions import without_write_access
from sqlalchemy import select
from store_helpers import V0001, fingerprint, is_one_sentence_naming

from intl_desk.cli import main
from intl_desk.core.i18n import set_language
from intl_desk.core.model import Office
from intl_desk.store import db_errors, errors
from intl_desk.store.office_file import OfficeFile

REASON = (
    "You are not allowed to change “Relations internationales.sqlite” or its folder, so it "
    "is open read-only: to make changes, ask for write access or save a copy in a folder of "
    "your own (File › Save a copy…) and open that copy."
)
REFUSAL = (
    "intl-desk: You are not allowed to change “Relations internationales.sqlite” or its "
    "folder: ask for write access or copy it to a folder of your own.\n"
)


def test_the_app_opens_it_read_only_and_says_why(unwritable_office: Path) -> None:
    before = fingerprint(unwritable_office)
    with OfficeFile.open(unwritable_office, read_only_if_unwritable=True) as office:
        assert office.read_only
        assert office.read_only_reason is not None
        assert office.read_only_reason.render() == REASON
        assert is_one_sentence_naming(office.read_only_reason, unwritable_office)
        with office.session() as session:
            assert session.scalars(select(Office)).one().name == "Ville de Lyon"
            session.get_one(Office, office.office_id).name = "Lyon"
            with pytest.raises(errors.OpenedReadOnly):
                session.commit()
        set_language("pt")
        assert office.read_only_reason.render().startswith(
            "Você não tem permissão para alterar “Relations internationales.sqlite”"
        )
    assert fingerprint(unwritable_office) == before


def test_opening_for_editing_is_refused_with_the_reason(unwritable_office: Path) -> None:
    before = fingerprint(unwritable_office)
    with pytest.raises(errors.PermissionDenied) as caught:
        OfficeFile.open(unwritable_office)
    assert is_one_sentence_naming(caught.value.message, unwritable_office)
    assert fingerprint(unwritable_office) == before


@pytest.fixture
def unwritable_old_office() -> Iterator[Path]:
    """A file of the first schema version, which only a writer can upgrade."""
    folder = Path(tempfile.mkdtemp(prefix="intl-desk-read-only-"))
    path = folder / "Relations internationales.sqlite"
    shutil.copyfile(V0001, path)
    try:
        with without_write_access(folder):
            yield path
    finally:
        shutil.rmtree(folder)


def test_an_older_file_that_needs_an_upgrade_says_write_access_is_needed(
    unwritable_old_office: Path,
) -> None:
    """“Open it for editing once” would be no help to someone who may not write it."""
    before = fingerprint(unwritable_old_office)
    with pytest.raises(errors.PermissionDenied):
        OfficeFile.open(unwritable_old_office, read_only_if_unwritable=True).close()
    assert fingerprint(unwritable_old_office) == before


def test_command_line_readers_work_and_writers_refuse_in_one_sentence(
    unwritable_office: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = fingerprint(unwritable_office)
    out = Path(tempfile.mkdtemp(prefix="intl-desk-out-"))  # the user's own folder
    sheet = out / "partenaires.csv"
    sheet.write_text("Nom;Pays\nCórdoba;Argentine\n", "utf-8")
    other = out / "copie.sqlite"
    try:
        assert main(["info", str(unwritable_office)]) == 0
        assert "Office: Ville de Lyon" in capsys.readouterr().out
        assert main(["check", str(unwritable_office)]) == 0
        assert main(["export", str(unwritable_office), "--kind", "partners",
                     "-o", str(out / "partenaires.xlsx")]) == 0  # fmt: skip
        assert main(["copy", str(unwritable_office), str(other)]) == 0
        capsys.readouterr()
        for command in (
            ["import", str(unwritable_office), str(sheet), "--kind", "partners"],
            ["merge", str(unwritable_office), str(other)],
        ):
            assert main(command) == 2
            assert capsys.readouterr().err == REFUSAL
        assert fingerprint(unwritable_office) == before
    finally:
        shutil.rmtree(out, ignore_errors=True)


def test_on_a_read_only_drive_the_reason_names_the_drive(
    unwritable_office: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read-only mount is told from a permission by the file system's flags; mounting
    one needs privileges tests do not have, so only that flag is simulated here."""
    monkeypatch.setattr(db_errors, "_on_read_only_storage", lambda _path: True)
    with OfficeFile.open(unwritable_office, read_only_if_unwritable=True) as office:
        assert office.read_only and office.read_only_reason is not None
        assert office.read_only_reason.render() == (
            "“Relations internationales.sqlite” is on a read-only drive or share, so it is "
            "open read-only: to make changes, save a copy in a writable folder (File › Save "
            "a copy…) and open that copy."
        )
    with pytest.raises(errors.ReadOnlyMedium):
        OfficeFile.open(unwritable_office)
