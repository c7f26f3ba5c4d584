"""``check``: everything that can be wrong in a file that still opens."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from store_helpers import copy_v0001, fingerprint, new_office

from intl_desk.store.office_file import check

PARTNER_COLUMNS = "id, created_at, updated_at, name, kind, country_code"


def _tamper(path: Path, *statements: str) -> None:
    """Edit the file behind the app's back, as another SQLite tool could."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA foreign_keys = OFF")
        for statement in statements:
            connection.execute(statement)
    finally:
        connection.close()


def _texts(path: Path) -> list[str]:
    report = check(path)
    assert not report.unusable
    return [problem.render() for problem in report.problems]


def test_a_new_file_is_healthy_and_checking_changes_nothing(tmp_path: Path) -> None:
    path = new_office(tmp_path)
    before = fingerprint(path)
    assert _texts(path) == []
    assert fingerprint(path) == before


def test_broken_reference(tmp_path: Path) -> None:
    path = new_office(tmp_path)
    _tamper(
        path,
        "INSERT INTO contact (id, created_at, updated_at, name, is_staff, partner_id) "
        "VALUES ('c1', '2026-01-01', '2026-01-01', 'Anna', 0, 'no-such-partner')",
    )
    assert _texts(path) == ["1 record(s) of kind “Contact” refer to a missing “Partner”."]


def test_invalid_records_are_counted_by_kind_with_examples(tmp_path: Path) -> None:
    path = new_office(tmp_path)
    rows = ", ".join(
        f"('p{n}', '2026-01-01', '2026-01-01', 'Partner {n}', 'city', 'ZZ')" for n in range(5)
    )
    _tamper(
        path,
        f"INSERT INTO partner ({PARTNER_COLUMNS}) VALUES {rows}",
        # a tombstoned record is not checked
        f"INSERT INTO partner ({PARTNER_COLUMNS}, deleted_at) "
        "VALUES ('gone', '2026-01-01', '2026-01-01', '', 'city', 'ZZ', '2026-02-01')",
    )
    problems = _texts(path)
    assert problems[0] == "5 record(s) of kind “Partner” break the validation rules."
    assert problems[1:] == [
        f"Partner “Partner {n}”, field “country_code”: “ZZ” is not an ISO 3166 country code."
        for n in range(3)
    ]


def test_unexpected_schema_objects(tmp_path: Path) -> None:
    path = new_office(tmp_path)
    _tamper(
        path,
        "CREATE TABLE extra (x INTEGER)",
        "CREATE VIEW partners AS SELECT * FROM partner",
        "CREATE TRIGGER t AFTER INSERT ON partner BEGIN SELECT 1; END",
        "DROP INDEX ix_partner_name",
    )
    problems = " | ".join(_texts(path))
    assert "contains a trigger “t”" in problems
    assert "contains a view “partners”" in problems
    assert "remove_table extra" in problems
    assert "add_index ix_partner_name" in problems


def test_office_row_count(tmp_path: Path) -> None:
    path = new_office(tmp_path)
    _tamper(
        path,
        "INSERT INTO office (id, created_at, updated_at, name, kind, language, currency, "
        "iati_org_type) VALUES ('o2', '2026-01-01', '2026-01-01', 'Twin', 'city', 'en', "
        "'EUR', '11')",
    )
    assert _texts(path) == ["“office.sqlite” should hold exactly one office but holds 2."]


def test_older_file_is_checked_for_storage_only(tmp_path: Path) -> None:
    path = copy_v0001(tmp_path)
    before = fingerprint(path)
    (problem,) = _texts(path)
    assert "older file format" in problem
    assert fingerprint(path) == before
