"""The indicator form driven through its real widgets."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from form_helpers import refused_save
from sqlalchemy import insert, select
from user_input import choose, click_cell, open_tab, retype, tick, type_in_cell

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QComboBox,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from intl_desk.core.i18n import set_language
from intl_desk.core.model import (
    Indicator,
    IndicatorTarget,
    LocalEntity,
    Measurement,
    Period,
    ScaleLevel,
    new_uuid,
)
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui.dialogs.indicator import IndicatorDialog

TypeText = Callable[[QWidget, str], None]


def open_dialog(qtbot: QtBot, office: OfficeFile, record_id: str | None = None) -> IndicatorDialog:
    dialog = IndicatorDialog(office, record_id)
    qtbot.addWidget(dialog)  # not shown: closing it at the end must not ask to save
    return dialog


@pytest.fixture
def qualitative(office: OfficeFile) -> dict[str, str]:
    """A qualitative indicator with a three-level scale and a 2024 period."""
    with office.session() as session:
        period = Period(label="2024", start_date=date(2024, 1, 1), end_date=date(2024, 12, 31))
        indicator = Indicator(name="Coordination interservices", dimension="institutional")
        indicator.measure = "qualitative"
        indicator.scale_levels.extend(
            ScaleLevel(level=level, label=label)
            for level, label in enumerate(["Aucune", "Ponctuelle", "Régulière"], start=1)
        )
        session.add_all([period, indicator])
        session.commit()
        return {"period": period.id, "indicator": indicator.id}


def test_create_an_indicator_with_a_target_and_a_measurement(
    qtbot: QtBot, office: OfficeFile, office_path: Path, typist: TypeText
) -> None:
    dialog = open_dialog(qtbot, office)
    ui = dialog.ui
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == [
        "General",
        "Targets",
        "Measurements",
        "History",
    ]
    typist(ui.code, "TER-02")
    typist(ui.name, "Visiteurs venus de Łódź et de Việt Nam")
    choose(qtbot, ui.dimension, data="territorial")
    typist(ui.unit, "visiteurs")
    assert not dialog.current_errors()
    # the file has no periods yet: the Targets tab offers to create them
    open_tab(qtbot, dialog.tabs, "Targets")
    assert not ui.periods_bar.isHidden()
    retype(qtbot, ui.first_year, "2023")
    retype(qtbot, ui.last_year, "2025")
    qtbot.mouseClick(ui.add_periods, Qt.MouseButton.LeftButton)
    assert ui.periods_bar.isHidden()
    qtbot.mouseClick(dialog.targets.add_button, Qt.MouseButton.LeftButton)
    period_box = dialog.targets.table.cellWidget(0, 0)
    # every period has ended: the latest is proposed
    assert isinstance(period_box, QComboBox) and period_box.currentText() == "2025"
    assert "Targets: Row 1: This field is required." in " ".join(refused_save(qtbot, dialog))
    type_in_cell(qtbot, dialog.targets.table, 0, 2, "1500")
    assert dialog.targets.table.horizontalHeaderItem(2).text() == "Target (visiteurs)"

    qtbot.mouseClick(ui.add_measurement, Qt.MouseButton.LeftButton)
    assert ui.m_period_id.currentText() == "2025"  # the latest period not yet measured
    assert dialog.current_errors()
    assert dialog.measurements.error_labels["value"].text() == "Enter the measured value."
    choose(qtbot, ui.m_period_id, data=next(p.id for p in dialog.periods if p.label == "2024"))
    retype(qtbot, ui.m_value, "1234")
    retype(qtbot, ui.m_measured_on, "15/01/2025")
    typist(ui.m_source, "Office de tourisme")
    assert ui.measurement_table.item(0, 2).text() == "1,234 visiteurs"
    assert not dialog.current_errors(), dialog.general_error.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.has_changes

    with OfficeFile.open(office_path) as reopened, reopened.session() as session:
        indicator = session.scalars(select(Indicator)).one()
        assert (indicator.code, indicator.name, indicator.dimension, indicator.unit) == (
            "TER-02",
            "Visiteurs venus de Łódź et de Việt Nam",
            "territorial",
            "visiteurs",
        )
        assert sorted(session.scalars(select(Period.label))) == ["2023", "2024", "2025"]
        [target] = indicator.targets
        assert (target.period.label, target.value) == ("2025", 1500.0)
        measurement = session.scalars(select(Measurement)).one()
        assert (measurement.indicator_id, measurement.period.label, measurement.value) == (
            indicator.id,
            "2024",
            1234.0,
        )
        assert (measurement.measured_on, measurement.source) == (
            date(2025, 1, 15),
            "Office de tourisme",
        )


def test_a_target_without_a_period_is_refused(qtbot: QtBot, office: OfficeFile) -> None:
    dialog = open_dialog(qtbot, office)
    retype(qtbot, dialog.ui.name, "Accords signés")
    qtbot.mouseClick(dialog.targets.add_button, Qt.MouseButton.LeftButton)
    assert "Targets: Row 1: Choose a period that exists." in " ".join(refused_save(qtbot, dialog))
    assert "Row 1: Choose a period that exists." in dialog.targets.error_label.text()


def test_a_level_outside_the_scale_is_refused(
    qtbot: QtBot, office: OfficeFile, qualitative: dict[str, str]
) -> None:
    dialog = open_dialog(qtbot, office, qualitative["indicator"])
    ui = dialog.ui
    assert not ui.scale_group.isHidden()
    assert ui.measurement_form.isRowVisible(ui.m_scale_level)
    assert not ui.measurement_form.isRowVisible(ui.m_value)
    qtbot.mouseClick(ui.add_measurement, Qt.MouseButton.LeftButton)
    assert dialog.measurements.error_labels["scale_level"].text() == "Choose a level of the scale."
    levels = [ui.m_scale_level.itemText(i) for i in range(ui.m_scale_level.count())]
    assert levels == ["—", "1 — Aucune", "2 — Ponctuelle", "3 — Régulière"]
    choose(qtbot, ui.m_scale_level, data=3)
    assert not dialog.current_errors()
    # the scale loses its top level: the measurement no longer fits it
    click_cell(qtbot, dialog.scale.table, 2, 0)
    qtbot.mouseClick(dialog.scale.remove_button, Qt.MouseButton.LeftButton)
    message = "Level 3 is not on this indicator's scale."
    assert dialog.measurements.error_labels["scale_level"].text() == message
    assert f"Measurement 2024: {message}" in " ".join(refused_save(qtbot, dialog))
    assert ui.m_scale_level.currentText() == "3 — not on the scale"
    assert not dialog.save()
    choose(qtbot, ui.m_scale_level, data=2)
    assert not dialog.current_errors()
    assert dialog.save()
    with office.session() as session:
        assert session.scalars(select(Measurement.scale_level)).all() == [2]
        levels_left = session.scalars(
            select(ScaleLevel.level).where(ScaleLevel.deleted_at.is_(None))
        )
        assert sorted(levels_left) == [1, 2]


def test_a_saved_measurement_off_the_scale_is_shown_and_removed_as_a_tombstone(
    qtbot: QtBot, office: OfficeFile, qualitative: dict[str, str]
) -> None:
    # as a merged copy of the file could bring it: written below core's validation
    with office.session() as session:
        now = datetime.now(UTC)
        session.execute(
            insert(Measurement.__table__).values(
                id=new_uuid(),
                created_at=now,
                updated_at=now,
                indicator_id=qualitative["indicator"],
                period_id=qualitative["period"],
                scale_level=5,
            )
        )
        session.commit()
    dialog = open_dialog(qtbot, office, qualitative["indicator"])
    assert dialog.ui.measurement_table.item(0, 2).text() == "5 — ?"
    message = "Measurement 2024: Level 5 is not on this indicator's scale."
    assert message in " ".join(refused_save(qtbot, dialog))
    qtbot.mouseClick(dialog.ui.remove_measurement, Qt.MouseButton.LeftButton)
    assert dialog.ui.measurement_table.rowCount() == 0
    assert dialog.save(), dialog.general_error.text()
    with office.session() as session:
        measurement = session.scalars(select(Measurement)).one()
        assert measurement.deleted_at is not None
        assert measurement.indicator_id == qualitative["indicator"]


def test_measured_per_local_entity(qtbot: QtBot, office: OfficeFile) -> None:
    with office.session() as session:
        session.add(LocalEntity(name="São João del Rei", kind="municipality"))
        session.add(Period(label="2025", start_date=date(2025, 1, 1), end_date=date(2025, 12, 31)))
        session.commit()
    dialog = open_dialog(qtbot, office)
    ui = dialog.ui
    retype(qtbot, dialog.ui.name, "Emplois créés par les investissements étrangers")
    entity_column = 1
    assert dialog.targets.table.isColumnHidden(entity_column)
    assert not ui.measurement_form.isRowVisible(ui.m_local_entity_id)
    tick(qtbot, ui.per_local_entity)
    assert not dialog.targets.table.isColumnHidden(entity_column)
    assert ui.measurement_form.isRowVisible(ui.m_local_entity_id)
    qtbot.mouseClick(ui.add_measurement, Qt.MouseButton.LeftButton)
    choose(qtbot, ui.m_local_entity_id, data=ui.m_local_entity_id.itemData(1))
    retype(qtbot, ui.m_value, "42")
    assert ui.measurement_table.item(0, 1).text() == "São João del Rei"
    assert dialog.save(), dialog.general_error.text()
    with office.session() as session:
        measurement = session.scalars(select(Measurement)).one()
        assert measurement.local_entity is not None
        assert measurement.local_entity.name == "São João del Rei"
        assert session.scalars(select(IndicatorTarget)).all() == []


def test_a_computed_indicator_takes_no_measurements(qtbot: QtBot, office: OfficeFile) -> None:
    with office.session() as session:
        indicator = Indicator(
            name="Accords signés dans l'année",
            dimension="political",
            formula="agreements_signed",
            formula_filter="type = twinning",
        )
        session.add(indicator)
        session.commit()
    dialog = open_dialog(qtbot, office, indicator.id)
    ui = dialog.ui
    assert not ui.computed_group.isHidden()
    assert ui.formula_name.text() == "Agreements signed in the period"  # no raw code
    assert ui.formula_name.isReadOnly()
    assert ui.filter_text.text() == "Type: Twinning / sister city"  # the filter in words
    assert ui.filter_text.toolTip() == "type = twinning"
    definition = "Counts the agreements whose signing date falls in the period."
    assert ui.computed_hint.text().startswith(definition)
    assert ui.computed_note.text().startswith("Computed from the records; no manual measurements.")
    assert definition in ui.computed_note.text()
    assert not ui.computed_note.isHidden()
    assert ui.measurement_splitter.isHidden()


def test_new_rows_propose_this_years_period(
    qtbot: QtBot, office: OfficeFile, typist: TypeText
) -> None:
    """With the periods the form offers (five years back, four ahead), a new target row
    proposes this year, then the next; a new measurement this year — not 2021 or 2030."""
    dialog = IndicatorDialog(office)
    qtbot.addWidget(dialog)
    ui = dialog.ui
    typist(ui.code, "POL-01")
    typist(ui.name, "Accords signés")
    qtbot.mouseClick(ui.add_periods, Qt.MouseButton.LeftButton)
    this_year = str(date.today().year)
    qtbot.mouseClick(dialog.targets.add_button, Qt.MouseButton.LeftButton)
    first = dialog.targets.table.cellWidget(0, 0)
    assert isinstance(first, QComboBox) and first.currentText() == this_year
    qtbot.mouseClick(dialog.targets.add_button, Qt.MouseButton.LeftButton)
    second = dialog.targets.table.cellWidget(1, 0)
    assert isinstance(second, QComboBox) and second.currentText() == str(date.today().year + 1)
    qtbot.mouseClick(ui.add_measurement, Qt.MouseButton.LeftButton)
    assert ui.m_period_id.currentText() == this_year


@pytest.mark.parametrize(
    ("language", "typed", "shown", "stored"),
    [("en", "180", "180", 180.0), ("fr", "12,5", "12,5", 12.5), ("pt", "1.250", "1.250", 1250.0)],
)
def test_a_value_is_shown_as_typed_not_with_two_decimals(
    qtbot: QtBot,
    office: OfficeFile,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
    typed: str,
    shown: str,
    stored: float,
) -> None:
    """A count of students reads 180, not "180.00"; decimals stay where they were typed."""
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Discard)
    set_language(language)
    try:
        dialog = open_dialog(qtbot, office)
        with qtbot.waitActive(dialog):
            dialog.show()
            dialog.activateWindow()
        field = dialog.ui.baseline_value
        qtbot.mouseClick(field.lineEdit(), Qt.MouseButton.LeftButton)
        QTest.keyClick(field.lineEdit(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClicks(field.lineEdit(), typed)
        QTest.keyClick(field.lineEdit(), Qt.Key.Key_Tab)
        assert field.text() == shown
        assert dialog.bindings["baseline_value"].read() == stored
    finally:
        set_language("en")
