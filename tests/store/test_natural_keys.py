"""One live record per natural key: duplicates refused on save, settled by the upgrade to
version 11, and settled (and reported) when two copies that each recorded the same thing
are merged."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from merge_helpers import copy_of, make_base
from sqlalchemy import select
from store_helpers import FIXTURES

from intl_desk.core.errors import ValidationError
from intl_desk.core.model import (
    Agreement,
    AgreementParty,
    ExchangeRate,
    Indicator,
    LocalEntity,
    Measurement,
    Partner,
    Period,
)
from intl_desk.store.merge import merge_files, report_lines
from intl_desk.store.office_file import SCHEMA_VERSION, OfficeFile, check

V0010 = FIXTURES / "office_v0010.sqlite"


def _rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def test_the_upgrade_keeps_the_record_changed_last_and_notes_the_other(tmp_path: Path) -> None:
    path = tmp_path / "office_v0010.sqlite"
    shutil.copyfile(V0010, path)
    raw = sqlite3.connect(path)
    agreement_id, partner_id = raw.execute(
        "SELECT agreement_id, partner_id FROM agreement_party WHERE partner_id IS NOT NULL"
    ).fetchone()
    raw.execute(  # the same partner a second time, written later: a merge of old copies
        "INSERT INTO agreement_party (id, agreement_id, partner_id, role, created_at, "
        "updated_at) VALUES ('p2', ?, ?, 'witness', '2026-11-30 10:00:00', "
        "'2026-11-30 10:00:00')",
        (agreement_id, partner_id),
    )
    for row_id, rate, updated in (
        ("r1", "0.0015", "2026-01-05 09:00:00"),
        ("r2", "0.00152449", "2026-02-01 09:00:00"),
        ("r3", "0.0016", "2025-12-01 09:00:00"),
    ):
        raw.execute(
            "INSERT INTO exchange_rate (id, currency, to_currency, year, rate, created_at, "
            "updated_at) VALUES (?, 'XOF', 'EUR', 2024, ?, ?, ?)",
            (row_id, rate, updated, updated),
        )
    raw.commit()
    raw.close()

    with OfficeFile.open(path) as office, office.session() as session:
        assert office.schema_version == SCHEMA_VERSION
        rates = session.scalars(select(ExchangeRate).where(ExchangeRate.deleted_at.is_(None)))
        assert [(rate.id, rate.rate) for rate in rates] == [("r2", Decimal("0.00152449"))]
        parties = session.scalars(
            select(AgreementParty).where(
                AgreementParty.partner_id == partner_id, AgreementParty.deleted_at.is_(None)
            )
        ).all()
        assert [party.id for party in parties] == ["p2"]

    noted = _rows(
        path,
        "SELECT record_kind, record_id, action, changed_by FROM change "
        "WHERE changed_by = 'upgrade to version 11' ORDER BY record_kind, record_id",
    )
    assert [row[:3] for row in noted] == [
        ("agreement_party", parties_other(path, partner_id, "p2"), "delete"),
        ("exchange_rate", "r1", "delete"),
        ("exchange_rate", "r3", "delete"),
    ]
    assert check(path).problems == []


def parties_other(path: Path, partner_id: str, kept: str) -> str:
    rows = _rows(
        path, f"SELECT id FROM agreement_party WHERE partner_id = '{partner_id}' AND id != '{kept}'"
    )
    return str(rows[0][0])


def test_a_second_rate_for_the_same_currency_and_year_is_refused(tmp_path: Path) -> None:
    office = OfficeFile.create(tmp_path / "o.sqlite", "Ville de Lyon", country_code="FR")
    with office, office.session() as session:
        session.add(ExchangeRate(currency="XOF", to_currency="EUR", year=2024, rate=0.0015))
        session.commit()
        session.add(ExchangeRate(currency="XOF", to_currency="EUR", year=2024, rate=0.0016))
        with pytest.raises(ValidationError) as refused:
            session.commit()
        assert str(refused.value) == "This currency already has a rate for this year."
        session.rollback()
        session.add(ExchangeRate(currency="XOF", to_currency="EUR", year=2025, rate=0.0016))
        session.commit()  # another year is another rate


def test_the_same_partner_twice_on_one_agreement_is_refused(tmp_path: Path) -> None:
    office = OfficeFile.create(tmp_path / "o.sqlite", "Ville de Lyon", country_code="FR")
    with office, office.session() as session:
        partner = Partner(name="Córdoba", country_code="AR")
        agreement = Agreement(title="Jumelage", type="twinning", status="draft")
        agreement.parties = [
            AgreementParty(partner=partner, role="signatory"),
            AgreementParty(partner=partner, role="witness"),
        ]
        session.add(agreement)
        with pytest.raises(ValidationError) as refused:
            session.commit()
        assert str(refused.value) == "This partner is already a party to the agreement."
        session.rollback()
        agreement = Agreement(title="Jumelage", type="twinning", status="draft")
        agreement.parties = [AgreementParty(partner=partner, role="signatory")]
        session.add(agreement)
        session.commit()
        first = agreement.parties[0]
        session.delete(first)  # removed and added again in one save: allowed
        agreement.parties.append(AgreementParty(partner=partner, role="witness"))
        session.commit()


def _measure(path: Path, value: float, rate: str) -> None:
    """Record 2024's value for Lyon and the XOF rate of 2024 in one copy."""
    with OfficeFile.open(path) as office, office.session() as session:
        indicator = session.scalars(select(Indicator)).one()
        period = session.scalars(select(Period)).one()
        lyon = session.scalars(select(LocalEntity).where(LocalEntity.name == "Lyon")).one()
        session.add(Measurement(indicator=indicator, period=period, local_entity=lyon, value=value))
        session.add(ExchangeRate(currency="XOF", to_currency="EUR", year=2024, rate=Decimal(rate)))
        session.commit()


@pytest.fixture
def measured_pair(tmp_path: Path) -> tuple[Path, Path]:
    base = make_base(tmp_path / "base.sqlite")
    with OfficeFile.open(base) as office, office.session() as session:
        session.add(Indicator(name="Students exchanged", dimension="territorial"))
        session.add(Period(label="2024", start_date=date(2024, 1, 1), end_date=date(2024, 12, 31)))
        session.commit()
    ours, theirs = (
        copy_of(base, tmp_path / "ours.sqlite"),
        copy_of(base, tmp_path / "theirs.sqlite"),
    )
    _measure(ours, 180, "0.0015")
    _measure(theirs, 175, "0.0015")  # the same rate typed in both copies
    return ours, theirs


def _live(path: Path, table: str, column: str) -> list[tuple[object, ...]]:
    return _rows(path, f"SELECT id, {column} FROM {table} WHERE deleted_at IS NULL")


def test_two_copies_recording_the_same_value_merge_into_one_with_a_conflict(
    measured_pair: tuple[Path, Path],
) -> None:
    ours, theirs = measured_pair
    our_value = _live(ours, "measurement", "value")
    their_value = _live(theirs, "measurement", "value")

    report = merge_files(ours, theirs)

    assert _live(ours, "measurement", "value") == our_value  # ours kept by default
    assert len(_live(ours, "exchange_rate", "rate")) == 1
    assert _rows(ours, "SELECT count(*) FROM measurement")[0] == (2,)  # theirs kept, deleted
    assert [(c.table, c.field, c.this_value, c.other_value) for c in report.conflicts] == [
        ("measurement", "value", 180, 175)
    ]  # an equal rate is no conflict
    assert report.duplicates == {"measurement": 1, "exchange_rate": 1}
    text = " ".join(line.render() for line in report_lines(report))
    assert "Recorded in both files, kept once: Exchange rate 1, Measurement 1." in text
    assert "Added" not in text
    kept = _rows(ours, "SELECT old_value, new_value FROM change WHERE action = 'conflict'")
    assert kept == [("175.0", "180.0")]  # their value is not lost
    assert check(ours).problems == []

    back = merge_files(theirs, ours)  # and back: the settlement travels, no new conflict
    assert _live(theirs, "measurement", "value") == our_value != their_value
    assert not back.conflicts and back.deleted == {"measurement": 1, "exchange_rate": 1}
    assert check(theirs).problems == []


def test_merging_either_way_keeps_the_record_created_first(
    measured_pair: tuple[Path, Path],
) -> None:
    ours, theirs = measured_pair
    first_id = _live(ours, "measurement", "value")[0][0]  # ours was recorded first
    report = merge_files(theirs, ours)
    assert _live(theirs, "measurement", "value") == [(first_id, 175)]  # this file's value
    assert [(c.record_id, c.this_value, c.other_value) for c in report.conflicts] == [
        (first_id, 175, 180)
    ]


def test_taking_the_other_copys_value_of_a_collision(measured_pair: tuple[Path, Path]) -> None:
    ours, theirs = measured_pair
    dry = merge_files(ours, theirs, dry_run=True)
    [conflict] = dry.conflicts
    merge_files(ours, theirs, choices={conflict.key: "other"})
    assert [value for _id, value in _live(ours, "measurement", "value")] == [175]
