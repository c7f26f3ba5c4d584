"""``check`` finds what another tool left inconsistent and ``check --repair`` fixes what can
be fixed safely, after a backup, saying what it changed; what needs a person stays listed."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from intl_desk.cli import main
from intl_desk.core.model import Agreement, AgreementParty, ExchangeRate, Partner
from intl_desk.store.office_file import OfficeFile, check


def _office(path: Path) -> Path:
    office = OfficeFile.create(path, "Ville de Lyon", country_code="FR")
    with office, office.session() as session:
        cordoba = Partner(name="Córdoba", country_code="AR")
        for title, status, ended in (
            ("Jumelage Lyon–Córdoba", "active", None),
            ("Coopération Lyon–Łódź", "terminated", date(2022, 6, 1)),
        ):
            agreement = Agreement(title=title, type="twinning", status=status,
                                  date_signed=date(2015, 3, 1), date_ended=ended)  # fmt: skip
            agreement.parties = [AgreementParty(partner=cordoba)]
            session.add(agreement)
        session.add(ExchangeRate(currency="ARS", to_currency="EUR", year=2024, rate=0.001))
        session.commit()
    return path


def _spoil(path: Path) -> None:
    """What a spreadsheet tool or a script on the file can leave behind."""
    raw = sqlite3.connect(path)
    raw.execute("UPDATE agreement SET partner_names = 'Cordoue' WHERE title LIKE 'Jumelage%'")
    raw.execute("UPDATE partner SET search_key = 'xyz'")
    raw.execute("UPDATE agreement SET date_ended = NULL WHERE status = 'terminated'")
    raw.execute("DROP INDEX uq_exchange_rate_year")
    raw.execute(
        "INSERT INTO exchange_rate (id, currency, to_currency, year, rate, created_at, "
        "updated_at) VALUES ('older', 'ARS', 'EUR', 2024, 0.002, '2020-01-01 00:00:00', "
        "'2020-01-01 00:00:00')"
    )
    raw.execute(  # the source of the repeated rate, attached to it
        "INSERT INTO document (id, title, filename, media_type, category, size, sha256, "
        "content, record_kind, record_id, created_at, updated_at) VALUES ('banco-central', "
        "'Cotización BCRA 2024', 'bcra.txt', 'text/plain', 'other', 4, ?, ?, "
        "'exchange_rate', 'older', '2020-01-01 00:00:00', '2020-01-01 00:00:00')",
        (hashlib.sha256(b"ARS!").hexdigest(), b"ARS!"),
    )
    raw.commit()
    raw.close()


def _live(path: Path, sql: str) -> list[tuple[object, ...]]:
    raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return raw.execute(sql).fetchall()
    finally:
        raw.close()


def test_check_lists_and_repair_fixes_what_it_safely_can(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _spoil_office(tmp_path)
    assert main(["check", str(path)]) == 1
    said = capsys.readouterr().out
    assert "1 agreement(s) show partner names" in said
    assert "1 record(s) of kind “Partner” have a search key that does not match" in said
    assert (
        "1 record(s) of kind “Exchange rate” repeat another live one (This currency already "
        "has a rate for this year.)" in said
    )
    assert (
        "1 terminated, suspended or superseded agreement(s) have no end date, e.g. “Coopération "
        "Lyon–Łódź”" in said
    )
    assert f"“intl-desk check --repair {path}” fixes what it safely can" in said

    assert main(["check", str(path), "--repair"]) == 1  # the end date needs a person
    said = capsys.readouterr().out
    backups = list(tmp_path.glob("office.sqlite.before-repair.*.bak"))
    assert len(backups) == 1 and f"Backup written before repairing: {backups[0]}" in said
    assert "Repaired: 1 agreement(s) whose partner names" in said
    assert "Repaired: 1 search key(s)" in said
    assert "Repaired: 1 record(s) repeating another live one" in said
    assert "Repaired: 1 document(s) of those records moved to the record kept" in said
    assert "Repaired: 1 missing unique index(es) put back." in said
    # what is left: only what a person must enter
    assert [str(problem) for problem in check(path).problems] == [
        "1 terminated, suspended or superseded agreement(s) have no end date, e.g. “Coopération "
        "Lyon–Łódź”: a past year's figures leave them out. Enter the date each one ended "
        "(Ended on)."
    ]
    # recounted by hand: the right names and key, the rate changed last kept, the other
    # a tombstone in the history
    assert _live(path, "SELECT DISTINCT partner_names FROM agreement") == [("Córdoba",)]
    assert _live(path, "SELECT search_key FROM partner") == [("cordoba",)]
    assert _live(path, "SELECT id FROM exchange_rate WHERE deleted_at IS NULL") != [("older",)]
    assert _live(path, "SELECT action FROM change WHERE record_id = 'older'") == [("delete",)]
    kept = _live(path, "SELECT id FROM exchange_rate WHERE deleted_at IS NULL")
    assert _live(path, "SELECT record_id FROM document WHERE id = 'banco-central'") == kept
    assert _live(
        path, "SELECT old_value, new_value FROM change WHERE record_id = 'banco-central'"
    ) == [("older", kept[0][0])]  # the move is in the history
    # the backup is the file as it was
    assert _live(backups[0], "SELECT count(*) FROM exchange_rate WHERE deleted_at IS NULL") == [
        (2,)
    ]

    assert main(["check", str(path), "--repair"]) == 1
    assert "Nothing to repair." in capsys.readouterr().out
    assert len(list(tmp_path.glob("*.before-repair.*.bak"))) == 1  # no backup for nothing


def _spoil_office(tmp_path: Path) -> Path:
    path = _office(tmp_path / "office.sqlite")
    assert check(path).problems == []
    _spoil(path)
    return path
