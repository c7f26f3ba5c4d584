"""Terms of office in the handover report: it opens with what the outgoing team commits the
next one to, and each agreement's "survives a change of team" reading is recounted here
from what the test gave it."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import event

from intl_desk.core.evaluation.handover import compute_handover
from intl_desk.core.i18n import language_pinned, set_language
from intl_desk.core.model import (
    Activity,
    Agreement,
    AgreementObjective,
    AgreementParty,
    AgreementProject,
    Contact,
    Partner,
    PoliticalTerm,
    Project,
)
from intl_desk.core.terms import SurvivalReading, survival_readings
from intl_desk.reports import handover_opening
from intl_desk.reports.handover import write_handover_pdf
from intl_desk.reports.handover_workbook import write_handover_workbook
from intl_desk.store.office_file import OfficeFile

TODAY = date(2026, 12, 4)


def _agreement(title: str, partner: Partner, **facts: object) -> Agreement:
    agreement = Agreement(title=title, type="cooperation", status="active",
                          date_signed=date(2019, 5, 1))  # fmt: skip
    agreement.parties.append(AgreementParty(partner=partner, role="signatory"))
    if facts.get("decision"):
        agreement.legal_authorisation = "Délibération n° 2019/112"
    if facts.get("objectives"):
        agreement.objectives.append(AgreementObjective(text="Former 40 enseignants à Huế"))
    if facts.get("officer"):
        agreement.responsible = Contact(name="Claire Dubois", is_staff=True)
    if facts.get("their_officer"):  # a contact at the partner is no officer of ours
        agreement.responsible = Contact(name="Nguyễn Văn An", partner=partner)
    return agreement


def test_readings_recounted_and_the_opening_of_the_handover(
    office: OfficeFile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with office.session() as session:
        hue = Partner(name="Huế", country_code="VN")
        lodz = Partner(name="Łódź", country_code="PL")
        cordoba = Partner(name="Córdoba", country_code="AR")
        session.add(Contact(name="Trần Thị Bình", partner=hue))
        everything = _agreement("Coopération Lyon–Huế", hue, decision=True, objectives=True,
                                officer=True)  # fmt: skip
        two = _agreement("Jumelage Lyon–Łódź", lodz, decision=True, their_officer=True)
        nothing = _agreement("Amitié Lyon–Córdoba", cordoba)
        session.add_all([everything, two, nothing])
        session.flush()
        session.add_all([
            Activity(kind="mission", title="Mission à Huế", agreement_id=everything.id,
                     start_date=date(2025, 6, 1)),
            # three years ago and a cancelled one: no sign of life
            Activity(kind="mission", title="Mission à Córdoba", agreement_id=nothing.id,
                     start_date=date(2023, 10, 1)),
            Activity(kind="meeting", title="Réunion annulée", agreement_id=nothing.id,
                     status="cancelled", start_date=date(2026, 5, 1)),
        ])  # fmt: skip
        session.add_all([
            PoliticalTerm(leader="Gérard Collomb", start_date=date(2014, 4, 4),
                          end_date=date(2020, 7, 3), commitments="Un engagement ancien"),
            PoliticalTerm(leader="Grégory Doucet", leader_title="Maire de Lyon",
                          start_date=date(2020, 7, 4), end_date=date(2026, 3, 27),
                          plan_title="Plan de mandat 2020-2026", plan_adopted_on=date(2021, 1, 25),
                          commitments="Renouveler l'accord avec Huế avant son échéance\n"
                                      "Honorer la cotisation à Eurocities"),
            PoliticalTerm(leader="Nouvelle équipe", start_date=date(2026, 3, 28)),
        ])  # fmt: skip
        session.commit()
        readings = survival_readings(session, [everything.id, two.id, nothing.id], TODAY)
        report = compute_handover(session, TODAY)

    assert readings[everything.id].met == {
        "council_decision", "objectives", "officer", "partner_contact", "recent_activity"
    }  # fmt: skip
    assert readings[everything.id].level == "likely"
    # Łódź: its responsible is a person at the partner — a partner contact, no officer of ours
    assert readings[two.id].met == {"council_decision", "partner_contact"}
    assert readings[two.id].level == "uncertain"
    assert readings[nothing.id].met == set()
    assert readings[two.id].sentence() == (
        "Survives a change of team: 2 of 5, uncertain; it lacks specific objectives, a "
        "responsible officer in the services and activity in the last two years."
    )
    set_language("fr")  # the level agrees with « survie », the list ends with « et »
    assert readings[two.id].sentence() == (
        "Survie à un changement d'équipe : 2 sur 5, incertaine ; il lui manque des objectifs "
        "précis, un agent responsable dans les services et une activité dans les deux "
        "dernières années."
    )
    set_language("en")
    assert report.survival_counts() == {"likely": 1, "uncertain": 1, "at_risk": 1}
    assert report.term is not None and report.term.leader == "Grégory Doucet"

    buffer = io.BytesIO()
    write_handover_pdf(report, buffer)
    first = " ".join(PdfReader(buffer).pages[0].extract_text().split())
    opening = first.index("What the outgoing team commits the incoming one to")
    assert opening < first.index("Active agreements")  # before the figures
    assert (
        "Term of Grégory Doucet (Maire de Lyon), 4 Jul 2020 – 27 Mar 2026; plan “Plan de "
        "mandat 2020-2026” adopted on 25 Jan 2021." in first
    )
    assert "• Renouveler l'accord avec Huế avant son échéance" in first
    assert "• Honorer la cotisation à Eurocities" in first
    assert "Un engagement ancien" not in first
    assert "Would the 3 active agreements survive the change of team? Likely: 1; uncertain: 1; " \
        "at risk: 1" in first  # fmt: skip
    assert "At risk: • Amitié Lyon–Córdoba" in first
    # a state names the first few at risk, one per line, and says where the rest are read
    monkeypatch.setattr(handover_opening, "AT_RISK_NAMED", 0)
    buffer = io.BytesIO()
    write_handover_pdf(report, buffer)
    first = " ".join(PdfReader(buffer).pages[0].extract_text().split())
    assert "Amitié Lyon–Córdoba" not in first
    assert "At risk: and 1 more: the Agreements sheet of the workbook gives every agreement's " \
        "reading and what it lacks." in first  # fmt: skip

    # the workbook beside it: each agreement's reading and what it lacks, to sort and filter
    write_handover_workbook(report, str(tmp_path / "Passation.xlsx"))
    rows = list(load_workbook(tmp_path / "Passation.xlsx", read_only=True)["Agreements"].values)
    header = list(rows[0])
    assert header[-2:] == ["Survives a change of team", "It lacks"]
    by_title = {row[0]: row[-2:] for row in rows[1:]}
    assert by_title == {
        "Coopération Lyon–Huế": ("5 of 5, likely to survive a change of team", None),
        "Jumelage Lyon–Łódź": (
            "2 of 5, uncertain through a change of team",
            "specific objectives, a responsible officer in the services, activity in the "
            "last two years",
        ),
        "Amitié Lyon–Córdoba": (
            "0 of 5, at risk in a change of team",
            "a council decision, specific objectives, a responsible officer in the services, "
            "a contact at the partner, activity in the last two years",
        ),
    }


def test_objectives_copied_from_another_agreement_are_not_specific(office: OfficeFile) -> None:
    """The drawer of identical twinning texts: the same objectives pasted into every
    agreement are none of them specific; one written for the agreement is."""
    copied = "Favoriser les échanges entre nos deux villes"
    with office.session() as session:
        agreements = []
        for name, country in (("Łódź", "PL"), ("Córdoba", "AR"), ("Huế", "VN")):
            agreement = _agreement(f"Jumelage Lyon–{name}", Partner(name=name,
                                   country_code=country))  # fmt: skip
            agreement.objectives.append(AgreementObjective(text=copied))
            agreements.append(agreement)
        agreements[2].objectives.append(AgreementObjective(text="Former 40 enseignants à Huế"))
        session.add_all(agreements)
        session.commit()
        readings = survival_readings(session, [a.id for a in agreements], TODAY)
        lodz, cordoba, hue = (readings[a.id] for a in agreements)
    assert "objectives" not in lodz.met and "objectives" not in cordoba.met
    assert "specific objectives" in lodz.sentence()  # said as lacking
    assert "objectives" in hue.met


def test_the_handover_reads_every_check_of_every_agreement_in_one_statement(
    office: OfficeFile,
) -> None:
    """A state's handover reads 7,500 readings: one row per agreement with its five checks,
    not six tables read whole. A running project is a sign of life, a closed one is not; a
    contact deleted since is no contact; an agreement ended is read but not the handover's."""
    with office.session() as session:
        hue, lodz = Partner(name="Huế", country_code="VN"), Partner(name="Łódź", country_code="PL")
        gone = Contact(name="Ancien contact", partner=lodz)
        session.add_all([Contact(name="Trần Thị Bình", partner=hue), gone])
        tram = _agreement("Tramways Lyon–Huế", hue)
        tram.project_links.append(AgreementProject(project=Project(title="Tramway", status="2")))
        closed = _agreement("Eau potable Lyon–Łódź", lodz, decision=True)
        closed.project_links.append(AgreementProject(project=Project(title="Eau", status="4")))
        ended = _agreement("Jumelage Lyon–Huế", hue, decision=True)
        ended.status = "expired"
        session.add_all([tram, closed, ended])
        session.flush()
        gone.deleted_at = closed.created_at  # a contact deleted since
        session.commit()
        statements: list[str] = []

        def seen(*args: object) -> None:
            if str(args[2]).startswith("SELECT"):
                statements.append(str(args[2]))

        bind = session.get_bind()
        event.listen(bind, "before_cursor_execute", seen)
        try:
            readings = survival_readings(session, [tram.id, closed.id, ended.id], TODAY)
        finally:
            event.remove(bind, "before_cursor_execute", seen)
        report = compute_handover(session, TODAY)
    assert len(statements) == 1
    assert {key: set(one.met) for key, one in readings.items()} == {
        tram.id: {"partner_contact", "recent_activity"},
        closed.id: {"council_decision"},
        ended.id: {"council_decision", "partner_contact"},
    }
    assert dict(report.survival) == {key: readings[key] for key in (tram.id, closed.id)}


def test_the_workbook_words_each_kind_of_reading_once(
    office: OfficeFile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A state's 7,500 agreements have 32 possible readings: the workbook words each kind
    once, in the language it is written in."""
    with office.session() as session:
        hue = Partner(name="Huế", country_code="VN")
        agreements = [_agreement(f"Amitié Lyon–Huế n° {n}", hue) for n in range(3)]
        agreements.append(_agreement("Jumelage Lyon–Łódź", Partner(name="Łódź",
                                     country_code="PL"), decision=True))  # fmt: skip
        session.add_all(agreements)
        session.commit()
        report = compute_handover(session, TODAY)
    worded: list[frozenset[str]] = []
    score_text = SurvivalReading.score_text

    def counted(reading: SurvivalReading) -> str:
        worded.append(reading.met)
        return score_text(reading)

    monkeypatch.setattr(SurvivalReading, "score_text", counted)
    with language_pinned("pt"):
        write_handover_workbook(report, str(tmp_path / "Transição.xlsx"))
    assert sorted(worded, key=len) == [frozenset(), frozenset({"council_decision"})]
    rows = list(load_workbook(tmp_path / "Transição.xlsx", read_only=True)["Acordos"].values)
    by_title = {row[0]: row[-2] for row in rows[1:]}
    assert by_title["Jumelage Lyon–Łódź"] == "1 de 5, em risco numa troca de equipe"
    assert {by_title[f"Amitié Lyon–Huế n° {n}"] for n in range(3)} == {
        "0 de 5, em risco numa troca de equipe"
    }
