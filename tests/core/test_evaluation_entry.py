"""Entering measurements in bulk: typed values read in the user's language, what is due,
and saving, updating and clearing values as ordinary measurement records."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from evaluation_office import TODAY, Written, add_indicator, build_office_file, measure
from sqlalchemy import select

from intl_desk.core import model as m
from intl_desk.core.errors import ValidationError
from intl_desk.core.evaluation import Evaluation
from intl_desk.core.evaluation.engine import IndicatorInfo
from intl_desk.core.evaluation.entry import (
    Entry,
    EntryError,
    due_periods,
    load_entries,
    parse_value,
    save_entries,
)
from intl_desk.core.i18n import set_language
from intl_desk.store.office_file import OfficeFile


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Written]:
    path = tmp_path_factory.mktemp("entry") / "office.sqlite"
    return path, build_office_file(path)


@pytest.fixture
def records(template: tuple[Path, Written], tmp_path: Path) -> Iterator[tuple[Any, Written]]:
    copy = tmp_path / "office.sqlite"
    shutil.copyfile(template[0], copy)
    with OfficeFile.open(copy) as office, office.session() as session:
        yield session, template[1]


def info(session: Any, indicator_id: str) -> IndicatorInfo:
    return next(i for i in Evaluation(session, TODAY).indicators if i.id == indicator_id)


def test_numbers_are_read_as_the_user_writes_them(records: tuple[Any, Written]) -> None:
    session, written = records
    plain = info(session, add_indicator(session, written, code="N"))
    assert parse_value(plain, "1234.5") == 1234.5
    assert parse_value(plain, "  ") is None
    set_language("fr")
    assert parse_value(plain, "1 234,5") == 1234.5
    assert parse_value(plain, "12,5") == 12.5
    set_language("pt")
    assert parse_value(plain, "1.234,5") == 1234.5
    set_language("en")
    with pytest.raises(EntryError, match="not a number"):
        parse_value(plain, "beaucoup")


def test_scale_levels_must_be_levels_of_the_scale(records: tuple[Any, Written]) -> None:
    session, written = records
    indicator_id = add_indicator(session, written, code="Q", measure="qualitative")
    for level in (1, 2, 3):
        session.add(m.ScaleLevel(indicator_id=indicator_id, level=level, label=f"Niveau {level}"))
    session.flush()
    scale = info(session, indicator_id)
    assert parse_value(scale, "2") == 2.0
    assert parse_value(scale, "3 — Niveau 3") == 3.0
    with pytest.raises(EntryError, match="level of the scale"):
        parse_value(scale, "4")


def test_what_is_due_counts_office_values_and_entity_values(records: tuple[Any, Written]) -> None:
    session, written = records
    office_wide = add_indicator(session, written, code="O")
    per_entity = add_indicator(session, written, code="E", per_local_entity=True)
    add_indicator(session, written, code="C", formula="agreements_signed")  # never due
    measure(session, written, office_wide, 2025, 3)
    measure(session, written, per_entity, 2025, 1, entity="m1")
    evaluation = Evaluation(session, TODAY)
    due = {
        d.period.label: d
        for d in due_periods(session, evaluation.periods, evaluation.indicators, TODAY)
    }
    assert "2027" not in due  # not started
    # two entities are measured one by one (Tiradentes and Córrego Fundo)
    assert (due["2025"].indicators_missing, due["2025"].entity_values_missing) == (0, 1)
    assert (due["2024"].indicators_missing, due["2024"].entity_values_missing) == (1, 2)
    assert due["2025"].indicators == 2


def test_saving_creates_updates_and_clears_measurements(records: tuple[Any, Written]) -> None:
    session, written = records
    indicator_id = add_indicator(session, written, code="S", source="Observatoire")
    indicators = {i.id: i for i in Evaluation(session, TODAY).indicators}
    period = written.periods[2025]
    save_entries(
        session, period, [Entry(indicator_id, None, value=7, evidence="PV")], indicators, TODAY
    )
    (entry,) = load_entries(session, period).values()
    assert (entry.value, entry.evidence) == (7, "PV")
    saved = session.get(m.Measurement, entry.measurement_id)
    assert (saved.source, saved.measured_on) == ("Observatoire", TODAY)
    entry.value = 8
    save_entries(session, period, [entry], indicators, TODAY)
    assert load_entries(session, period)[(indicator_id, None)].value == 8
    entry.value, entry.evidence = None, None
    save_entries(session, period, [entry], indicators, TODAY)
    assert load_entries(session, period) == {}
    live = select(m.Measurement).where(m.Measurement.deleted_at.is_(None))
    assert session.scalars(live).all() == []


def test_a_value_missing_from_a_kept_measurement_is_refused(records: tuple[Any, Written]) -> None:
    session, written = records
    indicator_id = add_indicator(session, written, code="V")
    indicators = {i.id: i for i in Evaluation(session, TODAY).indicators}
    with pytest.raises(ValidationError, match="measured value"):
        save_entries(
            session,
            written.periods[2025],
            [Entry(indicator_id, None, comment="?")],
            indicators,
            TODAY,
        )
