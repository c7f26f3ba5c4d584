"""A copy saved to send carries its check to whoever receives it (intl_desk.store.seal).

The copy File › Save a copy… makes (``intl-desk copy``) has passed the full integrity
check before it got its name; its seal lets the office receiving it read it without
checking every page again, for as long as its bytes are those that were checked. Any
change at all, by Intl Desk, by another tool or on the way, means a full check as for any
other file; a seal never makes a file refused.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from store_helpers import fingerprint, new_office
from whole_checks import watch_whole_checks

from intl_desk.cli import main
from intl_desk.core.model import Partner
from intl_desk.store import early_check, probe, safety, seal, verified
from intl_desk.store.errors import UnexpectedContent
from intl_desk.store.office_file import OfficeFile

ŁÓDŹ = "Łódź"


@pytest.fixture
def whole_checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """``"FILE CHECK"`` for every check that read every page of a file, in order."""
    return watch_whole_checks(monkeypatch, probe, safety)


def _office_with_partners(folder: Path) -> Path:
    path = new_office(folder, "Lyon.sqlite")
    with OfficeFile.open(path) as office, office.session() as session:
        for name, country in ((ŁÓDŹ, "PL"), ("São João del-Rei", "BR"), ("Córdoba", "AR")):
            session.add(Partner(name=name, country_code=country, kind="city"))
        session.commit()
    return path


def _sent_and_received(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], whole_checks: list[str]
) -> tuple[Path, Path]:
    """Lyon's file, and the copy it saves to send (as typed at the command line) as its
    receiver first finds it: a file this user never checked."""
    original = _office_with_partners(tmp_path)
    sent = tmp_path / "Lyon reçu.sqlite"
    assert main(["copy", str(original), str(sent)]) == 0
    capsys.readouterr()
    verified.forget(sent)
    whole_checks.clear()  # the copy's own (of the original, then of the copy) aside
    return original, sent


def _received(tmp_path: Path, capsys: pytest.CaptureFixture[str], whole_checks: list[str]) -> Path:
    return _sent_and_received(tmp_path, capsys, whole_checks)[1]


def _read(path: Path) -> list[str]:
    with OfficeFile.open(path, read_only=True) as office, office.session() as session:
        return sorted(partner.name for partner in session.query(Partner))


def test_a_saved_copy_is_read_the_first_time_without_checking_every_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], whole_checks: list[str]
) -> None:
    sent = _received(tmp_path, capsys, whole_checks)
    (tmp_path / "relatórios").mkdir()
    before = fingerprint(sent)
    pdf = tmp_path / "relatórios" / "Visão geral.pdf"
    assert main(["--language", "pt", "report", "overview", str(sent), "-o", str(pdf)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    assert whole_checks == []
    assert verified.was_verified(sent, verified.file_stamp(sent))  # the next reading too
    assert fingerprint(sent) == before  # reading it wrote nothing into it


def test_a_byte_changed_on_the_way_breaks_the_seal_and_the_file_is_checked_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], whole_checks: list[str]
) -> None:
    """A letter of a name changed in transit leaves SQLite's structure intact, so the check
    alone would not see it; the seal does, and the file is then checked like any other."""
    sent = _received(tmp_path, capsys, whole_checks)
    data = sent.read_bytes()
    assert ŁÓDŹ.encode() in data  # in the partner's row and in the index of names
    sent.write_bytes(data.replace(ŁÓDŹ.encode(), "Łódż".encode()))
    assert _read(sent) == ["Córdoba", "São João del-Rei", "Łódż"]
    assert whole_checks == [f"{sent.name} quick_check"]


def test_damage_in_a_saved_copy_is_found(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], whole_checks: list[str]
) -> None:
    sent = _received(tmp_path, capsys, whole_checks)
    page_size = 4096
    with sent.open("r+b") as handle:  # the partners' page and those after it overwritten
        handle.seek(page_size * (sent.stat().st_size // page_size // 2))
        handle.write(bytes(range(256)) * (page_size // 256) * 2)
    before = fingerprint(sent)
    assert main(["report", "overview", str(sent), "-o", str(tmp_path / "o.pdf")]) == 2
    said = capsys.readouterr().err
    assert said.startswith(f"intl-desk: “{sent.name}” is damaged")
    assert "Traceback" not in said
    assert fingerprint(sent) == before
    assert not (tmp_path / "o.pdf").exists()


def test_a_copy_written_since_it_was_saved_is_checked_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], whole_checks: list[str]
) -> None:
    sent = _received(tmp_path, capsys, whole_checks)
    with OfficeFile.open(sent) as office, office.session() as session:  # checked: editing
        session.add(Partner(name="Việt Trì", country_code="VN", kind="city"))
        session.commit()
    verified.forget(sent)
    whole_checks.clear()
    assert "Việt Trì" in _read(sent)
    assert whole_checks == [f"{sent.name} quick_check"]


def test_a_copy_of_a_received_copy_gets_its_own_seal_and_checks_as_healthy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], whole_checks: list[str]
) -> None:
    sent = _received(tmp_path, capsys, whole_checks)
    again = tmp_path / "Lyon reçu (copie).sqlite"
    assert main(["copy", str(sent), str(again)]) == 0
    verified.forget(again)
    whole_checks.clear()
    assert _read(again) == ["Córdoba", "São João del-Rei", ŁÓDŹ]
    assert whole_checks == []
    capsys.readouterr()
    assert main(["check", str(again)]) == 0  # the seal's table is not foreign to the model
    assert "copy_seal" not in capsys.readouterr().out


def test_merging_a_saved_copy_takes_its_senders_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], whole_checks: list[str]
) -> None:
    """Lyon's file merges the copy a colleague saved from it and sent back, edited."""
    original, sent = _sent_and_received(tmp_path, capsys, whole_checks)
    with OfficeFile.open(sent) as office, office.session() as session:
        session.add(Partner(name="Việt Trì", country_code="VN", kind="city"))
        session.commit()
    returned = tmp_path / "Lyon renvoyé.sqlite"
    assert main(["copy", str(sent), str(returned)]) == 0
    verified.forget(returned)
    whole_checks.clear()
    assert main(["merge", str(original), str(returned)]) == 0
    assert not [check for check in whole_checks if check.startswith(returned.name)]
    assert "Việt Trì" in _read(original)


def test_the_check_started_while_info_loads_takes_the_seal(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    whole_checks: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sent = _received(tmp_path, capsys, whole_checks)
    statements: list[str] = []
    connect = sqlite3.connect

    def traced(*args: object, **options: object) -> sqlite3.Connection:
        connection = connect(*args, **options)  # type: ignore[arg-type]
        connection.set_trace_callback(statements.append)
        return connection

    monkeypatch.setattr(early_check.sqlite3, "connect", traced)
    early_check.start(sent)
    assert early_check.result_for(sent) == ["ok"]
    assert statements and not any("quick_check" in sql for sql in statements)


def test_a_table_named_like_the_seal_but_made_otherwise_is_no_seal(tmp_path: Path) -> None:
    path = new_office(tmp_path, "Córdoba.sqlite")
    connection = sqlite3.connect(path)
    connection.execute("DROP TABLE copy_seal")
    connection.execute("CREATE TABLE copy_seal (id INTEGER PRIMARY KEY, crc32, pages)")
    connection.execute("INSERT INTO copy_seal VALUES (1, 0, 0)")
    connection.commit()
    assert not seal.matches(connection, path)
    connection.close()
    verified.forget(path)
    with pytest.raises(UnexpectedContent):
        OfficeFile.open(path, read_only=True)
