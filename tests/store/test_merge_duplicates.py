"""A merge that makes an existing record the same thing as another one — an edit moving a
measurement to a period another copy recorded, a rate given another copy's year, a
deleted record brought back by a later edit — keeps one of them, lists the other's
differing values as conflicts, and moves the other's documents to the one kept.
Each case is merged both ways between real files."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from merge_helpers import copy_of, make_base
from sqlalchemy import select

from intl_desk.core.model import (
    Document,
    ExchangeRate,
    Indicator,
    LocalEntity,
    Measurement,
    Period,
)
from intl_desk.store.merge import merge_files, report_lines
from intl_desk.store.office_file import OfficeFile, check


def _rows(path: Path, sql: str, *args: object) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return connection.execute(sql, args).fetchall()
    finally:
        connection.close()


def _live_measurements(path: Path) -> list[tuple[object, ...]]:
    return _rows(
        path,
        "SELECT m.id, p.label, m.value FROM measurement m JOIN period p ON p.id = m.period_id "
        "WHERE m.deleted_at IS NULL ORDER BY p.label",
    )


def _live_rates(path: Path) -> list[tuple[object, ...]]:
    return _rows(
        path,
        "SELECT id, year, rate FROM exchange_rate WHERE deleted_at IS NULL ORDER BY year",
    )


def _period(session: object, label: str) -> Period:
    return session.scalars(select(Period).where(Period.label == label)).one()  # type: ignore[attr-defined]


def _evidence(name: str, measurement: Measurement) -> Document:
    content = f"Liste des étudiants — {name}".encode()
    return Document(
        title=name,
        filename=f"{name}.txt",
        media_type="text/plain",
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        content=content,
        record_kind="measurement",
        record_id=measurement.id,
    )


@pytest.fixture
def base(tmp_path: Path) -> Path:
    """2023's value for Lyon (150) and the XOF rate of 2023, in the file both copies
    come from."""
    path = make_base(tmp_path / "base.sqlite")
    with OfficeFile.open(path) as office, office.session() as session:
        lyon = session.scalars(select(LocalEntity).where(LocalEntity.name == "Lyon")).one()
        indicator = Indicator(name="Étudiants échangés", dimension="territorial")
        periods = [
            Period(label=str(year), start_date=date(year, 1, 1), end_date=date(year, 12, 31))
            for year in (2023, 2024)
        ]
        session.add_all([indicator, *periods])
        session.add(
            Measurement(indicator=indicator, period=periods[0], local_entity=lyon, value=150)
        )
        session.add(
            ExchangeRate(currency="XOF", to_currency="EUR", year=2023, rate=Decimal("0.0015"))
        )
        session.commit()
    return path


def _record_2024(path: Path) -> str:
    """This copy records 2024's value (180) with its evidence, and the rate of 2024."""
    with OfficeFile.open(path) as office, office.session() as session:
        measurement = Measurement(
            indicator=session.scalars(select(Indicator)).one(),
            period=_period(session, "2024"),
            local_entity=session.scalars(
                select(LocalEntity).where(LocalEntity.name == "Lyon")
            ).one(),
            value=180,
        )
        session.add(measurement)
        session.add(
            ExchangeRate(currency="XOF", to_currency="EUR", year=2024, rate=Decimal("0.0016"))
        )
        session.flush()
        session.add(_evidence("liste-2024", measurement))
        session.commit()
        return measurement.id


def _move_to_2024(path: Path) -> None:
    """That copy finds that the value typed for 2023 was 2024's (175), and so was the rate."""
    with OfficeFile.open(path) as office, office.session() as session:
        measurement = session.scalars(select(Measurement)).one()
        measurement.period = _period(session, "2024")
        measurement.value = 175
        session.scalars(select(ExchangeRate)).one().year = 2024
        session.commit()


@pytest.mark.parametrize("into", ["recorder", "mover"])
def test_an_edit_that_repeats_a_record_of_the_other_copy_keeps_one(
    base: Path, tmp_path: Path, into: str
) -> None:
    recorder = copy_of(base, tmp_path / "recorder.sqlite")
    mover = copy_of(base, tmp_path / "mover.sqlite")
    first_id = _rows(base, "SELECT id FROM measurement")[0][0]
    first_rate = _rows(base, "SELECT id FROM exchange_rate")[0][0]
    second_id = _record_2024(recorder)
    _move_to_2024(mover)
    here, there = (recorder, mover) if into == "recorder" else (mover, recorder)

    report = merge_files(here, there)

    # the record created first stays, with this file's values by default
    this_value, other_value = (180, 175) if into == "recorder" else (175, 180)
    assert _live_measurements(here) == [(first_id, "2024", this_value)]
    this_rate, other_rate = ("0.0016", "0.0015") if into == "recorder" else ("0.0015", "0.0016")
    assert _live_rates(here) == [(first_rate, 2024, float(this_rate))]
    assert sorted((c.table, c.field, c.this_value, c.other_value) for c in report.conflicts) == [
        ("exchange_rate", "rate", float(this_rate), float(other_rate)),
        ("measurement", "value", this_value, other_value),
    ]
    assert report.duplicates == {"measurement": 1, "exchange_rate": 1}
    text = " ".join(line.render() for line in report_lines(report))
    assert "Recorded in both files, kept once: Exchange rate 1, Measurement 1." in text
    # the repeated measurement's evidence now belongs to the one kept
    assert _rows(
        here, "SELECT title, record_id FROM document WHERE record_kind = 'measurement'"
    ) == [("liste-2024", first_id)]
    assert _rows(
        here,
        "SELECT old_value, new_value FROM change WHERE record_kind = 'document' "
        "AND field = 'record_id'",
    ) == [(second_id, first_id)]  # the move is in the history
    assert _rows(
        here, "SELECT deleted_at IS NOT NULL FROM measurement WHERE id = ?", second_id
    ) == [(1,)]
    assert check(here).problems == []

    back = merge_files(there, here)  # the settlement travels back without a new conflict
    assert not back.conflicts
    assert _live_measurements(there) == _live_measurements(here)
    assert _live_rates(there) == _live_rates(here)
    assert _rows(there, "SELECT record_id FROM document WHERE record_kind = 'measurement'") == [
        (first_id,)
    ]
    assert check(there).problems == []


@pytest.mark.parametrize("into", ["replacer", "editor"])
def test_a_deleted_record_brought_back_by_a_later_edit_is_kept_once(
    base: Path, tmp_path: Path, into: str
) -> None:
    replacer = copy_of(base, tmp_path / "replacer.sqlite")
    editor = copy_of(base, tmp_path / "editor.sqlite")
    first_id = _rows(base, "SELECT id FROM measurement")[0][0]
    with OfficeFile.open(replacer) as office, office.session() as session:
        old = session.scalars(select(Measurement)).one()  # deleted and typed again
        session.delete(old)
        session.flush()
        again = Measurement(
            indicator=old.indicator, period=old.period, local_entity=old.local_entity, value=160
        )
        session.add(again)
        session.flush()
        session.add(_evidence("liste-2023", again))
        session.commit()
        second_id = again.id
    with OfficeFile.open(editor) as office, office.session() as session:
        session.scalars(select(Measurement)).one().comment = "Chiffre du lycée ajouté"
        session.commit()  # after the deletion: the merge brings the record back
    here, there = (replacer, editor) if into == "replacer" else (editor, replacer)

    report = merge_files(here, there)

    [(kept_id, label, value)] = _live_measurements(here)
    assert (kept_id, label) == (first_id, "2023")  # created first
    this_value, other_value = (160, 150) if into == "replacer" else (150, 160)
    assert value == this_value
    assert sorted((c.field, c.this_value, c.other_value) for c in report.conflicts) == [
        ("comment", *((None, "Chiffre du lycée ajouté") if into == "replacer"
                      else ("Chiffre du lycée ajouté", None))),
        ("value", this_value, other_value),
    ]  # fmt: skip
    assert _rows(here, "SELECT record_id FROM document WHERE record_kind = 'measurement'") == [
        (first_id,)
    ]
    assert second_id != first_id
    assert check(here).problems == []

    back = merge_files(there, here)
    assert not back.conflicts
    assert _live_measurements(there) == _live_measurements(here)
    assert check(there).problems == []


def test_values_swapped_between_periods_merge_beside_a_commented_one(
    base: Path, tmp_path: Path
) -> None:
    """Rows whose key moves are set aside while the merge writes (each unique index is
    checked row by row); one only commented keeps its key and needs no setting aside."""
    with OfficeFile.open(base) as office, office.session() as session:
        lyon = session.scalars(select(LocalEntity).where(LocalEntity.name == "Lyon")).one()
        session.add(Period(label="2025", start_date=date(2025, 1, 1), end_date=date(2025, 12, 31)))
        session.add(
            Measurement(
                indicator=session.scalars(select(Indicator)).one(),
                period=_period(session, "2024"),
                local_entity=lyon,
                value=180,
            )
        )
        session.commit()
    ours, theirs = copy_of(base, tmp_path / "ours.sqlite"), copy_of(base, tmp_path / "t.sqlite")
    for moves in (("2023", "2025"), ("2024", "2023"), ("2025", "2024")):  # a swap, saved thrice
        with OfficeFile.open(theirs) as office, office.session() as session:
            moved = session.scalars(
                select(Measurement).join(Period).where(Period.label == moves[0])
            ).one()
            moved.period_id = _period(session, moves[1]).id  # as the form sets it
            session.commit()
    with OfficeFile.open(ours) as office, office.session() as session:
        session.scalars(select(Measurement).where(Measurement.value == 180)).one().comment = "ok"
        session.commit()

    merge_files(ours, theirs)

    assert [row[1:] for row in _live_measurements(ours)] == [("2023", 180.0), ("2024", 150.0)]
    assert _rows(ours, "SELECT comment FROM measurement WHERE value = 180") == [("ok",)]
    assert check(ours).problems == []
