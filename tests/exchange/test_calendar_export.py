"""The calendar export read back as a calendar program reads it (the icalendar package):
one event per renewal decision, report due, network event, mission and delegation, with
stable UIDs, so a second export after an edit changes that one event only."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar
from sqlalchemy import select

from intl_desk.cli import main
from intl_desk.core.model import (
    Activity,
    Agreement,
    AgreementParty,
    LocalEntity,
    Membership,
    Network,
    Participation,
    Project,
    ProjectParticipant,
    ProjectReport,
)
from intl_desk.store.office_file import OfficeFile

SOON = date.today() + timedelta(days=200)


@pytest.fixture
def office_with_dates(office_path: Path) -> Path:
    with OfficeFile.open(office_path) as office, office.session() as session:
        lyon = LocalEntity(name="Ville de Lyon", kind="government")
        vaise = LocalEntity(name="Mairie du 9e", kind="municipality", parent=lyon)
        renewing = Agreement(title="Jumelage Lyon – Łódź", type="twinning", status="active",
                             date_signed=date(2006, 5, 1), date_expires=SOON,
                             renewal_reminder_days=90)  # fmt: skip
        renewing.parties.append(AgreementParty(local_entity=vaise))
        forever = Agreement(title="Pacte d'amitié Córdoba", type="friendship", status="active",
                            date_signed=date(1990, 1, 1), perpetual=True)  # fmt: skip
        project = Project(title="Eau potable à Huế", status="2")
        project.participants.append(ProjectParticipant(local_entity=lyon, role="2"))
        network = Network(name="Cités Unies France")
        session.add_all([lyon, vaise, renewing, forever, project, network])
        session.flush()
        session.add(ProjectReport(project_id=project.id, title="Rapport intermédiaire",
                                  due_date=SOON, recipient="AFD"))  # fmt: skip
        membership = Membership(network_id=network.id, local_entity_id=lyon.id)
        session.add(membership)
        session.flush()
        session.add(Participation(membership_id=membership.id, title="Congrès de Dakar",
                                  start_date=SOON, end_date=SOON + timedelta(days=2),
                                  location="Dakar"))  # fmt: skip
        session.add_all([
            Activity(kind="mission", status="planned", title="Mission à São João del-Rei",
                     start_date=SOON, end_date=SOON + timedelta(days=4),
                     location="São João del-Rei", local_entity_id=vaise.id),
            Activity(kind="delegation", status="planned", title="Délégation de Việt Nam",
                     start_date=SOON, local_entity_id=lyon.id),
            Activity(kind="mission", status="cancelled", title="Mission annulée",
                     start_date=SOON, local_entity_id=lyon.id),
        ])  # fmt: skip
        session.commit()
    return office_path


def _events(path: Path) -> dict[str, dict[str, object]]:
    calendar = Calendar.from_ical(path.read_bytes())
    return {
        str(event["UID"]): {
            "summary": str(event["SUMMARY"]),
            "start": event.decoded("DTSTART"),
            "end": event.decoded("DTEND"),
            "raw": event.to_ical(),
        }
        for event in calendar.walk("VEVENT")
    }


def test_every_dated_item_becomes_one_event(
    office_with_dates: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "lyon.ics"
    assert main(["calendar", str(office_with_dates), "-o", str(out)]) == 0
    assert "Wrote the calendar to lyon.ics: 5 event(s)." in capsys.readouterr().out
    events = {e["summary"]: e for e in _events(out).values()}
    assert sorted(events) == [
        "Congrès de Dakar · Cités Unies France",
        "Decide on renewing: Jumelage Lyon – Łódź",
        "Délégation de Việt Nam",
        "Mission à São João del-Rei",
        "Report due: Rapport intermédiaire (Eau potable à Huế)",
    ]
    renewal = events["Decide on renewing: Jumelage Lyon – Łódź"]
    assert renewal["start"] == SOON - timedelta(days=90)
    assert renewal["end"] == SOON - timedelta(days=89)  # a whole day
    mission = events["Mission à São João del-Rei"]
    assert (mission["start"], mission["end"]) == (SOON, SOON + timedelta(days=5))


def test_a_second_export_after_an_edit_changes_that_event_only(
    office_with_dates: Path, tmp_path: Path
) -> None:
    first, second = tmp_path / "first.ics", tmp_path / "second.ics"
    assert main(["calendar", str(office_with_dates), "-o", str(first)]) == 0
    with OfficeFile.open(office_with_dates) as office, office.session() as session:
        mission = session.scalars(select(Activity).where(Activity.kind == "mission")).first()
        assert mission is not None
        mission.title = "Mission à São João del-Rei et Belo Horizonte"
        session.commit()
    assert main(["calendar", str(office_with_dates), "-o", str(second)]) == 0
    before, after = _events(first), _events(second)
    assert before.keys() == after.keys()  # same UIDs: the calendar updates, never doubles
    changed = [uid for uid in before if before[uid]["raw"] != after[uid]["raw"]]
    assert [after[uid]["summary"] for uid in changed] == [
        "Mission à São João del-Rei et Belo Horizonte"
    ]


def test_one_entitys_calendar_and_a_refused_target(
    office_with_dates: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "9e.ics"
    command = ["calendar", str(office_with_dates), "-o", str(out), "--entity", "mairie du 9E"]
    assert main(command) == 0
    assert sorted(e["summary"] for e in _events(out).values()) == [
        "Decide on renewing: Jumelage Lyon – Łódź",
        "Mission à São João del-Rei",
    ]
    before = office_with_dates.read_bytes()
    assert main(["calendar", str(office_with_dates), "-o", str(office_with_dates)]) == 2
    assert "Traceback" not in capsys.readouterr().err
    assert office_with_dates.read_bytes() == before
