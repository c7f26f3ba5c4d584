"""The activity form driven through its real widgets."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

from form_helpers import refused_save
from sqlalchemy import select
from user_input import choose, retype

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from intl_desk.core import queries
from intl_desk.core.i18n import set_language
from intl_desk.core.model import Activity, Agreement, LocalEntity, Network, Partner, Project
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui.dialogs.activity import ActivityDialog

TypeText = Callable[[QWidget, str], None]


def _linked_records(office: OfficeFile) -> dict[str, str]:
    with office.session() as session:
        records = {
            "entity": LocalEntity(name="Direction des affaires culturelles", kind="department"),
            "partner": Partner(name="Łódź", kind="city", country_code="PL"),
            "agreement": Agreement(title="Accord de coopération Lyon–Łódź", type="cooperation"),
            "project": Project(title="Festival des lumières à Łódź"),
            "network": Network(name="Eurocities", acronym="EC"),
        }
        session.add_all(records.values())
        session.commit()
        return {key: record.id for key, record in records.items()}


def test_record_a_mission_and_find_it_after_reopening(
    qtbot: QtBot, office: OfficeFile, office_path: Path, typist: TypeText
) -> None:
    ids = _linked_records(office)
    dialog = ActivityDialog(office)
    qtbot.addWidget(dialog)
    ui = dialog.ui
    assert "This field is required." in refused_save(qtbot, dialog)
    typist(ui.title, "Mission à Łódź — Festival des lumières")
    choose(qtbot, ui.kind, data="mission")
    choose(qtbot, ui.status, data="planned")
    retype(qtbot, ui.start_date, "02/10/2025")
    retype(qtbot, ui.end_date, "05/10/2025")
    typist(ui.location, "Łódź, Manufaktura")
    choose(qtbot, ui.country_code, data="PL")
    typist(ui.participants, "Adjointe à la culture, chargée de mission Pologne")
    retype(qtbot, ui.participant_count, "2")
    retype(qtbot, ui.cost, "3200.5")
    choose(qtbot, ui.currency, "USD")
    typist(ui.purpose, "Préparer l'édition polonaise du festival.")
    typist(ui.justification, "Prévue par le programme d'action 2025.")
    typist(ui.outcomes, "Calendrier commun adopté.")
    typist(ui.lessons_learned, "Prévoir un interprète.")
    choose(qtbot, ui.local_entity_id, "Direction des affaires culturelles")
    choose(qtbot, ui.partner_id, "Łódź (Poland)")
    choose(qtbot, ui.agreement_id, "Accord de coopération Lyon–Łódź")
    choose(qtbot, ui.project_id, "Festival des lumières à Łódź")
    choose(qtbot, ui.network_id, "Eurocities (EC)")
    assert not dialog.current_errors()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.has_changes
    dialog.close()

    with OfficeFile.open(office_path, read_only=True) as reopened, reopened.session() as session:
        saved = session.scalars(select(Activity)).one()
        assert saved.title == "Mission à Łódź — Festival des lumières"
        assert (saved.kind, saved.status) == ("mission", "planned")
        assert (saved.start_date, saved.end_date) == (date(2025, 10, 2), date(2025, 10, 5))
        assert (saved.location, saved.country_code) == ("Łódź, Manufaktura", "PL")
        assert saved.participants == "Adjointe à la culture, chargée de mission Pologne"
        assert saved.participant_count == 2
        assert (saved.cost, saved.currency) == (Decimal("3200.50"), "USD")
        assert saved.purpose == "Préparer l'édition polonaise du festival."
        assert saved.justification == "Prévue par le programme d'action 2025."
        assert saved.outcomes == "Calendrier commun adopté."
        assert saved.lessons_learned == "Prévoir un interprète."
        assert (
            saved.local_entity_id,
            saved.partner_id,
            saved.agreement_id,
            saved.project_id,
            saved.network_id,
        ) == (ids["entity"], ids["partner"], ids["agreement"], ids["project"], ids["network"])


def test_an_end_before_the_start_is_shown_under_the_end_date(
    qtbot: QtBot, office: OfficeFile, typist: TypeText
) -> None:
    dialog = ActivityDialog(office)
    qtbot.addWidget(dialog)
    typist(dialog.ui.title, "Délégation de Córdoba")
    retype(qtbot, dialog.ui.start_date, "10/03/2025")
    assert not dialog.current_errors()
    retype(qtbot, dialog.ui.end_date, "08/03/2025")
    assert "The end date is before the start date." in refused_save(qtbot, dialog)
    label = dialog.findChild(QLabel, "end_date_error")
    assert label is not None and label.isVisibleTo(dialog)
    assert label.text() == "The end date is before the start date."
    retype(qtbot, dialog.ui.end_date, "12/03/2025")
    assert label.isHidden()
    assert not dialog.current_errors()


def test_a_new_activity_costs_in_the_office_currency_and_empty_numbers_stay_empty(
    qtbot: QtBot, office: OfficeFile, office_path: Path, typist: TypeText
) -> None:
    with office.session() as session:
        office_row = queries.office(session)
        assert office_row is not None
        office_row.currency = "BRL"
        session.commit()
    dialog = ActivityDialog(office)
    qtbot.addWidget(dialog)
    assert dialog.ui.currency.currentText() == "BRL"
    assert dialog.ui.cost.text() == "—" and dialog.ui.participant_count.text() == "—"
    typist(dialog.ui.title, "Reunião com a delegação de São João del Rei")
    assert dialog.save()
    dialog.close()
    with OfficeFile.open(office_path, read_only=True) as reopened, reopened.session() as session:
        saved = session.scalars(select(Activity)).one()
        assert (saved.cost, saved.participant_count, saved.currency) == (None, None, "BRL")


def test_an_activity_known_to_the_month_or_year_keeps_it(
    qtbot: QtBot, office: OfficeFile, typist: TypeText
) -> None:
    """A mission an office remembers as "mars 2011" (and a programme run through "2012"):
    kept as the month and the year, the end running to 31 December 2012, and shown so
    when the form opens again."""
    set_language("fr")
    dialog = ActivityDialog(office)
    qtbot.addWidget(dialog)
    typist(dialog.ui.title, "Mission à Huế")
    retype(qtbot, dialog.ui.start_date, "mars 2011")
    retype(qtbot, dialog.ui.end_date, "2012")
    assert (dialog.ui.start_date.text(), dialog.ui.end_date.text()) == ("mars 2011", "2012")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with office.session() as session:
        saved = session.scalars(select(Activity)).one()
        assert (saved.start_date, saved.start_date_precision) == (date(2011, 3, 1), "month")
        assert (saved.end_date, saved.end_date_precision) == (date(2012, 12, 31), "year")
        saved_id = saved.id
    again = ActivityDialog(office, saved_id)
    qtbot.addWidget(again)
    assert (again.ui.start_date.text(), again.ui.end_date.text()) == ("mars 2011", "2012")
