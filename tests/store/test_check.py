"""``check``: everything that can be wrong in a file that still opens."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from merge_helpers import copy_of, delete, make_base
from sqlalchemy import select
from store_helpers import copy_v0001, fingerprint, new_office

from intl_desk.cli import main
from intl_desk.core.model import Agreement, AgreementParty, LocalEntity, Partner
from intl_desk.store.office_file import OfficeFile, check

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
        "INSERT INTO contact (id, created_at, updated_at, name, is_staff, partner_id, "
        "search_key) VALUES ('c1', '2026-01-01', '2026-01-01', 'Anna', 0, 'no-such-partner', "
        "'anna')",
    )
    assert _texts(path) == [
        "1 record(s) of kind “Contact” refer to a missing “Partner”, so the file was changed "
        "outside Intl Desk: restore your latest backup copy."
    ]


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
    assert problems[1:4] == [
        f"Partner “Partner {n}”, field “country_code”: “ZZ” is not an ISO 3166 country code."
        for n in range(3)
    ]
    # written without the app, they have no search key: search would not find them
    assert problems[4:] == [
        "5 record(s) of kind “Partner” have a search key that does not match their text, "
        "e.g. “Partner 0”: searching and sorting miss them."
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


def test_a_party_left_without_its_partner_after_a_merge_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Québec deleted in our copy while a colleague's copy signed an agreement with it:
    merged, the agreement has a party nobody can open; the foreign keys still hold."""
    base = make_base(tmp_path / "base.sqlite")
    ours = copy_of(base, tmp_path / "Lyon.sqlite")
    theirs = copy_of(base, tmp_path / "Lyon (Anne).sqlite")
    delete(ours, Partner, "Québec")
    with OfficeFile.open(theirs) as office, office.session() as session:
        quebec = session.scalars(select(Partner).where(Partner.name == "Québec")).one()
        lyon = session.scalars(select(LocalEntity).where(LocalEntity.name == "Lyon")).one()
        agreement = Agreement(title="Jumelage Lyon–Québec", type="twinning", status="draft")
        agreement.parties = [
            AgreementParty(local_entity=lyon, role="signatory"),
            AgreementParty(partner=quebec, role="signatory"),
        ]
        session.add(agreement)
        session.commit()
    assert main(["merge", str(ours), str(theirs)]) == 0
    capsys.readouterr()
    assert main(["check", str(ours)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{ours}: 1 problem(s) found.",
        "- 1 record(s) of kind “Party” refer to a deleted “Partner”, e.g. “Jumelage "
        "Lyon–Québec” (“Québec”): open it and choose another one or remove it.",
    ]
    assert _texts(theirs) == []  # the colleague's own copy is sound
