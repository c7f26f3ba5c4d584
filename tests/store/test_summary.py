"""``intl-desk info`` reads a file with the standard library alone: the same refusals as a
read-only opening, live records only, nothing written."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from store_helpers import V0003, fingerprint, new_office

from intl_desk.cli import main
from intl_desk.core.model import Base, Partner, Record
from intl_desk.core.tracking import soft_delete
from intl_desk.store import safety
from intl_desk.store.office_file import OfficeFile
from intl_desk.store.schema import SCHEMA_VERSION, TABLES
from intl_desk.store.summary import COUNTED_TABLES, summarise


def info(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, object], str]:
    code = main(["info", str(path), "--json"])
    out, err = capsys.readouterr()
    return code, (json.loads(out) if code == 0 else {}), err


def test_tombstoned_records_are_not_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = new_office(tmp_path)
    with OfficeFile.open(path) as office, office.session() as session:
        partners = [Partner(name=name, country_code="DE") for name in ("Köln", "Leipzig", "Bonn")]
        session.add_all(partners)
        session.flush()
        soft_delete(session, partners[2])  # deleted in the app: a tombstone stays
        session.commit()
    before = fingerprint(path)
    code, shown, _ = info(path, capsys)
    assert code == 0
    assert shown["office"] == "Ville de Lyon" and shown["schema_version"] == SCHEMA_VERSION
    assert shown["counts"] == {**dict.fromkeys(COUNTED_TABLES, 0), "local_entities": 0,
                               "partners": 2}
    assert fingerprint(path) == before


@pytest.mark.parametrize(
    ("statement", "named"),
    [
        ("CREATE VIEW everything AS SELECT * FROM partner", "everything"),
        ("CREATE TRIGGER wipe AFTER INSERT ON partner BEGIN DELETE FROM agreement; END", "wipe"),
        ("CREATE TABLE spy (x)", "spy"),
    ],
)
def test_a_file_another_tool_changed_is_refused_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], statement: str, named: str
) -> None:
    path = new_office(tmp_path)
    with sqlite3.connect(path) as connection:
        connection.execute(statement)
    connection.close()
    before = fingerprint(path)
    code, _, err = info(path, capsys)
    assert code == 2
    assert "“office.sqlite”" in err and err.count("\n") == 1 and "Traceback" not in err
    assert fingerprint(path) == before


def test_an_older_file_the_model_can_read_is_shown_as_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = new_office(tmp_path)
    with sqlite3.connect(path) as connection:  # as version 3 wrote it, plus what 4 added
        connection.execute("UPDATE alembic_version SET version_num = '0003'")
        connection.execute("PRAGMA user_version = 3")
    connection.close()
    before = fingerprint(path)
    code, shown, _ = info(path, capsys)
    assert (code, shown["schema_version"]) == (0, 3)
    assert fingerprint(path) == before  # neither upgraded nor backed up


def test_an_older_file_that_needs_upgrading_says_so_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "lyon-2024.sqlite"
    shutil.copyfile(V0003, path)
    before = fingerprint(path)
    code, _, err = info(path, capsys)
    assert code == 2 and "must be upgraded" in err and "“lyon-2024.sqlite”" in err
    assert fingerprint(path) == before


def test_the_table_list_is_the_models() -> None:
    """schema.TABLES spares ``info`` the model's import; a new table goes in both."""
    model_tables = {table.name for table in Base.metadata.sorted_tables}
    assert model_tables == TABLES, "add the new table to intl_desk.store.schema.TABLES"
    counted = {model.__tablename__ for model in _record_models()}
    assert set(COUNTED_TABLES.values()) <= counted


def test_a_table_missing_from_the_list_is_still_known_through_the_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = new_office(tmp_path)
    monkeypatch.setattr(safety, "TABLES", TABLES - {"contact_position"})
    connection = sqlite3.connect(path)
    try:
        assert safety.unexpected_objects(connection) == []
    finally:
        connection.close()
    assert summarise(path).counts["contacts"] == 0


def _record_models() -> list[type[Record]]:
    pending, found = list(Record.__subclasses__()), []
    while pending:
        model = pending.pop()
        pending.extend(model.__subclasses__())
        if hasattr(model, "__tablename__"):
            found.append(model)
    return found
