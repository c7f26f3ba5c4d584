"""The command line as a script would use it: exit codes, one-line errors, JSON."""

from __future__ import annotations

import argparse
import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from intl_desk.cli import main
from intl_desk.cli.entry import COMMANDS, GROUPS, build_parser
from intl_desk.store.summary import COUNTED_TABLES

INFO_KEYS = {
    "local_entities",
    "partners",
    "agreements",
    "projects",
    "networks",
    "memberships",
    "activities",
    "indicators",
    "measurements",
    "contacts",
    "documents",
}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_then_info_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "medellin.sqlite"
    code, out, _ = run(capsys, "new", str(path), "--office", "ACI Medellín", "--country", "CO")
    assert code == 0 and "ACI Medellín" in out
    code, out, _ = run(capsys, "info", str(path), "--json")
    assert code == 0
    info = json.loads(out)
    assert info["office"] == "ACI Medellín"
    assert isinstance(info["schema_version"], int) and info["schema_version"] >= 1
    assert set(info["counts"]) == INFO_KEYS == set(COUNTED_TABLES)
    # the office's own government is there from the start, nothing else
    assert {kind for kind, count in info["counts"].items() if count} == {"local_entities"}
    assert info["counts"]["local_entities"] == 1


def test_a_new_offices_register_gets_its_own_government_as_local_party(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without it a city's first import has no local side and the appendix lists no entity."""
    from openpyxl import Workbook
    from sqlalchemy import select

    from intl_desk.core.model import AgreementParty, LocalEntity
    from intl_desk.store.office_file import OfficeFile

    path = tmp_path / "medellin.sqlite"
    assert run(capsys, "new", str(path), "--office", "ACI Medellín", "--country", "CO")[0] == 0
    register = tmp_path / "convenios.xlsx"
    workbook = Workbook()
    for row in (
        ["Título", "Ciudad socia", "País", "Tipo", "Fecha de firma"],
        ["Hermanamiento Medellín – Bilbao", "Bilbao", "España", "Hermanamiento", "2012"],
    ):
        workbook.active.append(row)
    workbook.save(register)
    code, out, _ = run(capsys, "import", str(path), str(register), "--kind", "agreements")
    assert code == 0, out
    with OfficeFile.open(path, read_only=True) as office, office.session() as session:
        own = session.scalars(select(LocalEntity)).one()
        assert (own.name, own.kind) == ("ACI Medellín", "government")
        parties = session.scalars(select(AgreementParty.local_entity_id)).all()
        assert [party for party in parties if party] == [own.id]


def test_new_refuses_an_existing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "office.sqlite"
    path.write_text("do not touch")
    code, _, err = run(capsys, "new", str(path), "--office", "Lyon")
    assert code == 2
    assert err.startswith("intl-desk: ") and err.count("\n") == 1
    assert path.read_text() == "do not touch"


def test_demo_info_and_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "demo.sqlite"
    code, out, _ = run(capsys, "demo", str(path), "--seed", "3", "--quiet", "--today", "2026-11-22")
    assert code == 0 and path.exists()
    assert not path.with_name("demo.sqlite.part").exists()
    code, out, _ = run(capsys, "info", str(path), "--json")
    counts = json.loads(out)["counts"]
    assert 90 <= counts["agreements"] <= 160 and counts["partners"] >= 80
    assert all(counts[key] > 0 for key in INFO_KEYS)
    before = digest(path)
    code, out, _ = run(capsys, "check", str(path))
    assert (code, digest(path)) == (0, before)
    assert "healthy" in out


def test_info_in_plain_text_lists_counts(
    office_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "info", str(office_path))
    assert code == 0
    assert "Ville de Lyon" in out and "Agreements" in out


def test_check_lists_problems_with_exit_1(
    office_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with sqlite3.connect(office_path) as connection:  # a dangling reference, as a bad tool might
        connection.execute("PRAGMA foreign_keys=OFF")
        connection.execute(
            "INSERT INTO agreement_party (id, created_at, updated_at, agreement_id, role) "
            "VALUES ('p1', '2026-01-01', '2026-01-01', 'missing-agreement', 'signatory')"
        )
    code, out, _ = run(capsys, "check", str(office_path))
    assert code == 1
    assert "problem" in out


@pytest.mark.parametrize("command", ["check", "info"])
def test_unusable_files_exit_2_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("minutes of the twinning committee\n" * 50)
    before = digest(path)
    code, out, err = run(capsys, command, str(path))
    assert code == 2
    assert err.startswith("intl-desk: ") and err.count("\n") == 1
    assert "Traceback" not in err + out
    assert digest(path) == before


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "info", str(tmp_path / "nowhere.sqlite"))
    assert code == 2 and "nowhere.sqlite" in err


def test_french_messages(office_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--language", "fr", "check", str(office_path))
    assert code == 0
    assert "est en bon état" in out


def test_language_may_follow_the_command(
    capsys: pytest.CaptureFixture[str], office_path: Path
) -> None:
    code, out, _ = run(capsys, "check", str(office_path), "--language", "pt")
    assert code == 0
    assert "está em bom estado" in out, out



def _commands(parser: argparse.ArgumentParser) -> list[str]:
    found = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return sorted(found[0].choices)


def test_each_command_is_built_alone_and_all_for_help() -> None:
    """Only the command given is built, with the others of its group (cli/entry.py
    GROUPS); a group whose module added a command it does not name would leave that
    command unknown when typed. The top-level help builds every command."""
    every: list[str] = []
    for commands, _module, _adder in GROUPS:
        for command in commands:
            assert _commands(build_parser(command)) == sorted(commands)
        every += commands
    assert _commands(build_parser()) == sorted(every) == sorted(COMMANDS)
