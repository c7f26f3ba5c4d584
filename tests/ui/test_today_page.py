"""The Today page: first steps in a new file, what is due in a lived-in one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from intl_desk.core.display import date_text
from intl_desk.core.model import (
    Agreement,
    AgreementParty,
    Indicator,
    LocalEntity,
    Partner,
    Period,
    Project,
)
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui.dialogs import register_all
from intl_desk.ui.dialogs.partner import PartnerDialog
from intl_desk.ui.main_window import MainWindow
from intl_desk.ui.today_page import LATE_COLOUR, TodayPage

TODAY = date(2026, 12, 2)


def page_for(qtbot: QtBot, office: OfficeFile) -> TodayPage:
    page = TodayPage(office.session, today=lambda: TODAY)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded):
        page.load()
    return page


def texts(page: TodayPage, panel: str) -> list[str]:
    widget = getattr(page, panel).list
    return [widget.item(row).text() for row in range(widget.count())]


def test_a_new_file_shows_its_first_steps(qtbot: QtBot, office: OfficeFile) -> None:
    page = page_for(qtbot, office)
    assert not page.first_steps.isHidden()
    assert texts(page, "measurements") == [
        "No indicator yet: define what the office measures in Indicators."
    ]
    asked: list[str] = []
    page.new_requested.connect(asked.append)
    qtbot.mouseClick(page.first_steps.buttons["agreements"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.first_steps.buttons["partners"], Qt.MouseButton.LeftButton)
    assert asked == ["agreements", "partners"]

    with office.session() as session:
        session.add(Partner(name="São João del-Rei", kind="city", country_code="BR"))
        session.commit()
    with qtbot.waitSignal(page.loaded):
        page.load()
    # the first partner is in: the other first steps stay offered, that one is gone
    assert not page.first_steps.isHidden()
    assert page.first_steps.heading.text() == "Next steps:"
    assert page.first_steps.buttons["partners"].isHidden()
    assert not page.first_steps.buttons["agreements"].isHidden()

    with office.session() as session:
        lyon = LocalEntity(name="Ville de Lyon", kind="government")
        session.add_all(
            [
                lyon,
                Agreement(title="Jumelage", type="twinning", status="draft"),
                Project(title="Tramways", status="1"),
                Indicator(code="POL-01", name="Accords", dimension="political"),
            ]
        )
        session.commit()
    with qtbot.waitSignal(page.loaded):
        page.load()
    assert page.first_steps.isHidden()  # every first step taken: the panels say what is due


def test_measurements_due_name_their_period_once(qtbot: QtBot, office: OfficeFile) -> None:
    with office.session() as session:
        session.add_all(
            [
                Period(label="2026", start_date=date(2026, 1, 1), end_date=date(2026, 12, 31)),
                Indicator(name="Étudiants accueillis", dimension="institutional"),
                Indicator(name="Délégations reçues à Łódź", dimension="institutional"),
            ]
        )
        session.commit()
    page = page_for(qtbot, office)
    assert page.measurements.heading.text() == "Measurements to enter for 2026 (2)"
    assert sorted(texts(page, "measurements")) == [
        "Délégations reçues à Łódź",
        "Étudiants accueillis",
    ]


def test_a_first_step_opens_an_empty_form_from_the_main_window(
    qtbot: QtBot, office_path: Path
) -> None:
    register_all()
    window = MainWindow()
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.file_opened, timeout=10_000):
        assert window.open_file(office_path)
    page = window.today_page
    qtbot.waitUntil(lambda: not page.first_steps.isHidden())  # read in the background
    qtbot.mouseClick(page.first_steps.buttons["partners"], Qt.MouseButton.LeftButton)
    forms = [d for d in window.open_dialogs if isinstance(d, PartnerDialog)]
    assert len(forms) == 1 and forms[0].is_new
    forms[0].close()


def test_what_is_past_its_date_is_in_red(qtbot: QtBot, office: OfficeFile) -> None:
    with office.session() as session:
        session.add_all(
            [
                Agreement(
                    title="Jumelage Lyon – Łódź",
                    type="twinning",
                    status="active",
                    date_signed=date(2016, 1, 1),
                    date_expires=date(2026, 11, 1),
                ),
                Agreement(
                    title="Accord Lyon – Córdoba",
                    type="cooperation",
                    status="active",
                    date_signed=date(2020, 1, 1),
                    date_expires=date(2027, 1, 15),
                    renewal_reminder_days=90,
                ),
            ]
        )
        session.commit()
    page = page_for(qtbot, office)
    lines = page.renewals.list
    shown = {
        lines.item(row).text(): lines.item(row).foreground().color().name() for row in range(2)
    }
    assert shown == {
        "Jumelage Lyon – Łódź — expired on 1 Nov 2026 (Not decided)": "#b3261e",
        "Accord Lyon – Córdoba — expires 15 Jan 2027 (Not decided)": "#000000",
    }


def test_the_page_is_read_off_the_gui_thread(
    qtbot: QtBot, office: OfficeFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from intl_desk.ui import today_page

    threads: list[str] = []
    read = today_page.read_today

    def spying(factory: Callable[[], Session], today: date) -> today_page.TodayData:
        threads.append(threading.current_thread().name)
        return read(factory, today)

    monkeypatch.setattr(today_page, "read_today", spying)
    page = TodayPage(office.session, today=lambda: TODAY)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded):
        page.load()
    assert threads and threads[0] != threading.main_thread().name
    assert not page.first_steps.isHidden()


def test_renewals_of_a_state_are_grouped_by_entity_and_filtered(
    qtbot: QtBot, office: OfficeFile
) -> None:
    """The state's own government first, then the municipalities with most renewals; a
    municipality chosen in the box shows its renewals alone."""
    soon = date.today() + timedelta(days=40)
    with office.session() as session:
        state = LocalEntity(name="Governo de Minas Gerais", kind="government")
        bh = LocalEntity(name="Belo Horizonte", kind="municipality", parent=state)
        sjdr = LocalEntity(name="São João del-Rei", kind="municipality", parent=state)
        for number, entity in enumerate([state, bh, bh, bh, sjdr, sjdr]):
            agreement = Agreement(title=f"Acordo {number} – {entity.name}", type="twinning",
                                  status="active", date_signed=date(2010, 1, 1),
                                  date_expires=soon + timedelta(days=number))  # fmt: skip
            agreement.parties.append(AgreementParty(local_entity=entity))
            session.add(agreement)
        session.commit()
    page = page_for(qtbot, office)
    assert texts(page, "renewals") == [
        "Governo de Minas Gerais (1)",
        f"Acordo 0 – Governo de Minas Gerais — expires {date_text(soon)} (Not decided)",
        "Belo Horizonte (3)",
        *[f"Acordo {n} – Belo Horizonte — expires {date_text(soon + timedelta(days=n))} "
          "(Not decided)" for n in (1, 2, 3)],
        "São João del-Rei (2)",
        *[f"Acordo {n} – São João del-Rei — expires {date_text(soon + timedelta(days=n))} "
          "(Not decided)" for n in (4, 5)],
    ]  # fmt: skip
    box = page.renewal_filter
    assert box.isVisibleTo(page)
    assert [box.itemText(i) for i in range(box.count())] == [
        "Every local entity (6)", "Governo de Minas Gerais (1)", "Belo Horizonte (3)",
        "São João del-Rei (2)",
    ]  # fmt: skip
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_End)  # the last one: São João del-Rei
    assert [t.split(" — ")[0] for t in texts(page, "renewals")] == [
        "Acordo 4 – São João del-Rei", "Acordo 5 – São João del-Rei",
    ]  # fmt: skip
    assert page.renewals.heading.text() == "Agreements to renew (2)"


def test_reports_of_a_state_are_grouped_by_lead_entity_and_filtered(
    qtbot: QtBot, office: OfficeFile
) -> None:
    """Reports due fall under the entity leading their project, the office's government
    first; a late one stays red under its heading; the box shows one entity alone."""
    from intl_desk.core.model import ProjectReport

    with office.session() as session:
        state = LocalEntity(name="Governo de Minas Gerais", kind="government")
        uberlandia = LocalEntity(name="Uberlândia", kind="municipality", parent=state)
        ouro_preto = LocalEntity(name="Ouro Preto", kind="municipality", parent=state)
        leads = [state, uberlandia, uberlandia, ouro_preto, None]
        for number, lead in enumerate(leads):
            project = Project(title=f"Projeto {number}", status="2", lead_entity=lead)
            session.add(project)
            session.flush()
            session.add(
                ProjectReport(
                    project_id=project.id,
                    title=f"Relatório {number}",
                    due_date=TODAY + timedelta(days=10 * number - 5),  # the first is late
                )
            )
        session.commit()
    page = page_for(qtbot, office)

    def due(number: int) -> str:
        return date_text(TODAY + timedelta(days=10 * number - 5))

    assert texts(page, "reports") == [
        "Governo de Minas Gerais (1)",
        f"Relatório 0 — Projeto 0, overdue since {due(0)}",
        "Uberlândia (2)",
        f"Relatório 1 — Projeto 1, due {due(1)}",
        f"Relatório 2 — Projeto 2, due {due(2)}",
        "Ouro Preto (1)",
        f"Relatório 3 — Projeto 3, due {due(3)}",
        "No lead entity (1)",
        f"Relatório 4 — Projeto 4, due {due(4)}",
    ]
    assert page.reports.list.item(1).foreground().color() == LATE_COLOUR
    assert page.reports.heading.text() == "Project reports due (5)"
    box = page.report_filter
    assert box.isVisibleTo(page)
    assert [box.itemText(i) for i in range(box.count())] == [
        "Every local entity (5)", "Governo de Minas Gerais (1)", "Uberlândia (2)",
        "Ouro Preto (1)", "No lead entity (1)",
    ]  # fmt: skip
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Home)
    qtbot.keyClick(box, Qt.Key.Key_Down)
    qtbot.keyClick(box, Qt.Key.Key_Down)  # Uberlândia
    assert texts(page, "reports") == [
        f"Relatório 1 — Projeto 1, due {due(1)}",
        f"Relatório 2 — Projeto 2, due {due(2)}",
    ]
    assert page.reports.heading.text() == "Project reports due (2)"


def test_mission_follow_ups_of_a_state_are_grouped_by_the_entity_that_went(
    qtbot: QtBot, office: OfficeFile
) -> None:
    """The state demo's Today listed 84 follow-ups in one red list: they fall under the
    local entity that went (the government first), and the box shows one entity alone."""
    from intl_desk.core.model import Activity, ExpectedResult

    with office.session() as session:
        state = LocalEntity(name="Governo de Minas Gerais", kind="government")
        uberlandia = LocalEntity(name="Uberlândia", kind="municipality", parent=state)
        for number, entity in enumerate([uberlandia, state, uberlandia, None]):
            mission = Activity(kind="mission", status="done", title=f"Missão {number}",
                               start_date=TODAY - timedelta(days=100 + number),
                               local_entity=entity)  # fmt: skip
            mission.expected_results.append(ExpectedResult(expected="Um acordo"))
            session.add(mission)
        session.commit()
    page = page_for(qtbot, office)
    lines = texts(page, "follow_ups")
    assert [line for line in lines if "—" not in line] == [
        "Governo de Minas Gerais (1)", "Uberlândia (2)", "No local entity (1)",
    ]  # fmt: skip
    assert lines[1].startswith("Missão 1 — 3-month follow-up, overdue since")
    assert page.follow_ups.heading.text() == "Mission follow-ups (4)"
    box = page.follow_up_filter
    assert box.isVisibleTo(page)
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Home)
    qtbot.keyClick(box, Qt.Key.Key_Down)
    qtbot.keyClick(box, Qt.Key.Key_Down)  # Uberlândia
    assert [line.split(" — ")[0] for line in texts(page, "follow_ups")] == ["Missão 2", "Missão 0"]
    assert page.follow_ups.heading.text() == "Mission follow-ups (2)"


def test_measurements_a_state_awaits_are_grouped_by_the_entity_that_owes_them(
    qtbot: QtBot, office: OfficeFile
) -> None:
    """An indicator measured per municipality is due from each municipality that has not
    given its value; the office-wide one once, from the state's own government, first;
    the box shows one municipality alone."""
    from intl_desk.core.model import Measurement

    with office.session() as session:
        state = LocalEntity(name="Governo de Minas Gerais", kind="government")
        municipalities = [
            LocalEntity(name=name, kind="municipality", parent=state)
            for name in ("São João del-Rei", "Uberlândia", "Ouro Preto")
        ]
        period = Period(label="2025", start_date=date(2025, 1, 1), end_date=date(2025, 12, 31))
        delegations = Indicator(
            name="Delegações recebidas", dimension="territorial", per_local_entity=True
        )
        students = Indicator(name="Estudantes acolhidos", dimension="territorial",
                             per_local_entity=True)  # fmt: skip
        network = Indicator(name="Redes com cargo", dimension="political")
        session.add_all([state, *municipalities, period, delegations, students, network])
        session.flush()
        # Uberlândia gave both values, Ouro Preto one of two
        for entity, indicator in (
            (municipalities[1], delegations),
            (municipalities[1], students),
            (municipalities[2], students),
        ):
            session.add(
                Measurement(
                    indicator_id=indicator.id, period_id=period.id,
                    local_entity_id=entity.id, value=3,
                )
            )  # fmt: skip
        session.commit()
    page = page_for(qtbot, office)
    assert page.measurements.heading.text() == "Measurements to enter for 2025 (4)"
    assert texts(page, "measurements") == [
        "Governo de Minas Gerais (1)", "Redes com cargo",
        "São João del-Rei (2)", "Delegações recebidas", "Estudantes acolhidos",
        "Ouro Preto (1)", "Delegações recebidas",
    ]  # fmt: skip
    # 2025 has ended: what is still owed for it is late
    assert page.measurements.list.item(1).foreground().color() == LATE_COLOUR
    box = page.measurement_filter
    assert box.isVisibleTo(page)
    assert [box.itemText(i) for i in range(box.count())] == [
        "Every local entity (4)", "Governo de Minas Gerais (1)", "São João del-Rei (2)",
        "Ouro Preto (1)",
    ]  # fmt: skip
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_End)  # Ouro Preto
    assert texts(page, "measurements") == ["Delegações recebidas"]
    assert page.measurements.heading.text() == "Measurements to enter for 2025 (1)"
    opened: list[tuple[str, str]] = []
    page.open_requested.connect(lambda kind, record: opened.append((kind, record)))
    page.measurements.list.setFocus()
    qtbot.keyClick(page.measurements.list, Qt.Key.Key_Home)
    qtbot.keyClick(page.measurements.list, Qt.Key.Key_Return)
    assert opened == [("indicators", delegations.id)]
