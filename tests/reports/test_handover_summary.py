"""The handover report's summary of decisions due and its workbook of full listings.

The PDF (read back with pypdf) counts the renewals, reports and memberships due within 6
and 12 months as counted here from the records, lists the soonest with late ones marked,
the co-financing awaiting an answer, the people to call and the figures per region; the
command writes the workbook beside the PDF (read back with openpyxl) with every decision
and every active agreement, a title that looks like a formula kept as text."""

from __future__ import annotations

import io
from datetime import date, timedelta
from pathlib import Path

import pytest
from evaluation_office import TODAY, build_office_file
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import event, select

from intl_desk.cli import main
from intl_desk.core import model as m
from intl_desk.core import vocabularies as vocab
from intl_desk.core.evaluation.handover import compute_handover
from intl_desk.core.i18n import language_pinned
from intl_desk.reports.handover import write_handover_pdf
from intl_desk.store.office_file import OfficeFile

SOON = "Accord à renouveler avec Łódź"
LATER = "Coopération Córrego Fundo – Évora"
LATE = "Mémorandum São João del-Rei – Hà Nội"
FAR = "Accord lointain"
FORMULA = '=HYPERLINK("http://example.com") accord'
REPORT = "Rapport intermédiaire à l'AFD"
PERSON = "Élodie Martin"


def _days(count: int) -> date:
    return TODAY + timedelta(days=count)


@pytest.fixture(scope="module")
def office_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("handover_summary") / "office.sqlite"
    written = build_office_file(path)
    with OfficeFile.open(path) as office, office.session() as session:
        person = m.Contact(name=PERSON, position="Chargée de mission", email="e.martin@ex.org")
        session.add(person)
        session.flush()

        def agreement(title: str, expires: date, reminder: int, entity: str) -> None:
            record = m.Agreement(
                title=title,
                type="cooperation",
                status="active",
                date_signed=date(2022, 1, 1),
                date_expires=expires,
                renewal_reminder_days=reminder,
                responsible_id=person.id,
            )
            record.parties = [
                m.AgreementParty(local_entity_id=written.entities[entity]),
                m.AgreementParty(partner_id=written.partners["lodz"]),
            ]
            session.add(record)

        agreement(SOON, _days(100), 90, "m1")  # decide in 10 days
        agreement(LATER, _days(300), 30, "m2")  # in 270 days
        agreement(LATE, _days(60), 120, "gov")  # 60 days late
        agreement(FAR, _days(500), 90, "m1")  # beyond 12 months
        agreement(FORMULA, _days(900), 90, "m2")
        project = written.projects["p1"]
        session.add_all(
            [
                m.ProjectReport(project_id=project, title=REPORT, due_date=_days(40)),
                m.ProjectReport(
                    project_id=project,
                    title="Rapport déjà remis",
                    due_date=_days(20),
                    status="submitted",
                    submitted_date=_days(-5),
                ),
                m.ProjectReport(project_id=project, title="Rapport 2028", due_date=_days(400)),
            ]
        )
        network = m.Network(name="Mercociudades")
        session.add(
            m.Membership(
                network=network,
                local_entity_id=written.entities["m1"],
                since=date(2020, 1, 1),
                until=_days(200),
                annual_fee=1500,
                currency="EUR",
                focal_contact_id=person.id,
            )
        )
        session.add(
            m.Membership(
                network=m.Network(name="Cités Unies France"),
                local_entity_id=written.entities["gov"],
                since=date(2015, 1, 1),
                until=_days(100),
                annual_fee=900,
                currency="EUR",
            )
        )
        session.commit()
    return path


def _independent(path: Path, days: int, today: date = TODAY) -> dict[str, int]:
    """Decisions due within ``days`` of ``today``, counted from the ORM records."""
    limit = today + timedelta(days=days)
    with OfficeFile.open(path, read_only=True) as office, office.session() as session:
        renewals = sum(
            1
            for a in session.scalars(select(m.Agreement))
            if a.deleted_at is None
            and a.status == "active"
            and not a.perpetual
            and a.date_expires is not None
            and a.date_expires >= today
            and a.date_expires - timedelta(days=a.renewal_reminder_days) <= limit
        )
        reports = sum(
            1
            for r in session.scalars(select(m.ProjectReport))
            if r.deleted_at is None
            and r.status == "due"
            and r.due_date <= limit
            and session.get(m.Project, r.project_id).status in vocab.PROJECT_RUNNING_STATUSES
        )
        endings = sum(
            1
            for ms in session.scalars(select(m.Membership))
            if ms.deleted_at is None and ms.until is not None and today <= ms.until <= limit
        )
    return {"renewals": renewals, "reports": reports, "memberships": endings}


def _pages(path: Path, language: str = "en", workbook: str | None = "office.xlsx") -> list[str]:
    with language_pinned(language):
        with OfficeFile.open(path, read_only=True) as office, office.session() as session:
            report = compute_handover(session, TODAY)
        buffer = io.BytesIO()
        write_handover_pdf(report, buffer, workbook=workbook)
    reader = PdfReader(io.BytesIO(buffer.getvalue()))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def test_the_decisions_due_are_counted_for_6_and_12_months(office_file: Path) -> None:
    text = " ".join(_pages(office_file))
    half, year = _independent(office_file, 182), _independent(office_file, 365)
    assert (half["renewals"], year["renewals"]) == (2, 3)  # the sample is not trivial
    assert (half["reports"], year["reports"]) == (1, 1)
    assert (half["memberships"], year["memberships"]) == (1, 2)
    assert f"Agreements to renew or let lapse {half['renewals']} {year['renewals']}" in text
    assert f"Reports due to funders {half['reports']} {year['reports']}" in text
    assert f"Network memberships ending {half['memberships']} {year['memberships']}" in text
    assert "Open co-financing requests (no date) 1 1" in text


def test_the_soonest_decisions_come_first_the_late_ones_marked(office_file: Path) -> None:
    text = " ".join(_pages(office_file))
    table = text[text.index("Decisions due by") :]
    late, soon, report = table.index(LATE), table.index(SOON), table.index(REPORT)
    assert late < soon < report
    assert f"{_day(_days(-60))} (late) Renew an agreement {LATE}" in table
    assert LATER not in table[: table.index("Co-financing asked")]  # due after 6 months
    # not among the decisions (the opening may name it among the agreements at risk)
    assert FAR not in table[: table.index("Active agreements (")]
    assert "Rapport déjà remis" not in text
    # a membership ending: staying costs its fee
    assert "Membership ends Cités Unies France annual fee 900 EUR" in table


def test_money_people_and_regions(office_file: Path) -> None:
    text = " ".join(_pages(office_file))
    assert "Co-financing asked and not yet answered (1)" in text
    assert "AFD" in text[text.index("Co-financing asked") :]
    # the person responsible for three renewals and the membership's focal point
    people = text[text.index("People to call") :]
    assert f"{PERSON} Chargée de mission" in people
    assert "e.martin@ex.org 4" in people
    regions = text[text.index("Where the commitments are") :]
    # the government first, then its region (with Tiradentes) and Córrego Fundo
    assert regions.index("Prefeitura de São João del-Rei") < regions.index("Região Campo")
    assert "Tiradentes (1)" in regions  # its renewal due, beside its region's figures


def test_the_command_writes_the_full_lists_beside_the_pdf(
    office_file: Path, tmp_path: Path
) -> None:
    output = tmp_path / "Passation 2026.pdf"
    assert main(["report", "handover", str(office_file), "-o", str(output)]) == 0
    workbook = load_workbook(tmp_path / "Passation 2026.xlsx", read_only=True)
    decisions = list(workbook["Decisions"].iter_rows(values_only=True))
    year = _independent(office_file, 365, date.today())  # the command's today is the clock's
    assert len(decisions) - 1 == sum(year.values())
    due = [row[0] for row in decisions[1:]]
    assert due == sorted(due)  # the soonest first
    with OfficeFile.open(office_file, read_only=True) as office, office.session() as session:
        active = [
            a.title
            for a in session.scalars(select(m.Agreement))
            if a.deleted_at is None and a.status == "active"
        ]
    agreements = list(workbook["Agreements"].iter_rows(values_only=True))
    assert sorted(row[0] for row in agreements[1:]) == sorted(active)
    assert FORMULA in [row[0] for row in agreements]  # text, not a formula
    first = PdfReader(output).pages[0].extract_text()
    assert "Passation 2026.xlsx" in " ".join(first.split())


def test_the_summary_in_portuguese(office_file: Path) -> None:
    text = " ".join(_pages(office_file, "pt"))
    assert "O que precisa de uma decisão" in text
    assert "Acordos a renovar ou deixar expirar 2 3" in text
    assert "Pessoas a contatar" in text


def _day(value: date) -> str:
    from intl_desk.core.display import date_text

    return date_text(value)


def test_each_region_has_a_section_with_its_own_decisions_soonest_first(
    office_file: Path, tmp_path: Path
) -> None:
    from intl_desk.reports.handover_workbook import write_handover_workbook

    """A state's new team reads a region at a time: its figures, then the decisions its
    entities await (an entity's decision under the region above it), the late first;
    the workbook's decisions say their region so the rest can be filtered."""
    text = " ".join(_pages(office_file))
    sections = text[text.index("Where the commitments are") :]
    names = ["Prefeitura de São João del-Rei", "Região Campo das Vertentes", "Córrego Fundo"]
    starts = {name: sections.index(f"{name} Local entities:") for name in names}
    bounds = [*sorted(starts.values()), sections.index("Active agreements (")]
    own = {
        name: sections[start : bounds[bounds.index(start) + 1]] for name, start in starts.items()
    }
    government, region, corrego = (own[name] for name in names)
    assert LATE in government and "Cités Unies France" in government
    assert SOON not in government and LATER not in government
    # Tiradentes' renewal and membership under its region, in the order they fall due
    assert region.index(SOON) < region.index("Mercociudades")
    assert LATE not in region and LATER not in region and FAR not in region
    assert "Local entities: 2 · Active agreements:" in region  # the region and Tiradentes
    assert LATER in corrego and SOON not in corrego
    assert f"{_day(_days(-60))} (late) Renew an agreement {LATE}" in government

    with OfficeFile.open(office_file, read_only=True) as office, office.session() as session:
        report = compute_handover(session, TODAY)
    write_handover_workbook(report, str(tmp_path / "Passation.xlsx"))
    rows = list(load_workbook(tmp_path / "Passation.xlsx", read_only=True)["Decisions"].rows)
    header = [cell.value for cell in rows[0]]
    region_of = {
        row[header.index("Title")].value: row[header.index("Region or local entity")].value
        for row in rows[1:]
    }
    assert region_of[SOON] == "Região Campo das Vertentes"
    assert region_of[LATE] == "Prefeitura de São João del-Rei"
    assert region_of[LATER] == "Córrego Fundo"


def test_a_title_with_characters_xml_cannot_hold_still_goes_into_the_workbook(
    office_file: Path, tmp_path: Path
) -> None:
    """A register pasted from another program can bring U+FFFE or U+FFFF into a title:
    the workbook beside the handover report leaves them out instead of failing."""
    from dataclasses import replace

    from intl_desk.reports.handover_workbook import write_handover_workbook

    with OfficeFile.open(office_file, read_only=True) as office, office.session() as session:
        report = compute_handover(session, TODAY)
    odd = replace(report.projects[0], title="Projet\ufffe Ouro\uffff Preto")
    write_handover_workbook(
        replace(report, projects=(odd, *report.projects[1:])), str(tmp_path / "Passation.xlsx")
    )
    rows = load_workbook(tmp_path / "Passation.xlsx", read_only=True)["Projects"].rows
    assert "Projet Ouro Preto" in [row[0].value for row in rows]


def test_the_workbook_keeps_a_formula_looking_title_as_text_and_drops_a_lone_surrogate(
    office_file: Path, tmp_path: Path
) -> None:
    """The workbook is written by the store's streaming writer: a title typed as
    "=Ouro Preto" stays text (quote prefix), a broken character is left out, an empty
    text is an empty cell and the header is bold."""
    from dataclasses import replace

    from intl_desk.reports.handover_workbook import write_handover_workbook

    with OfficeFile.open(office_file, read_only=True) as office, office.session() as session:
        report = compute_handover(session, TODAY)
    odd = replace(report.projects[0], title="=Ouro Preto", lead="Tiradentes\ud800", currency="")
    write_handover_workbook(
        replace(report, projects=(odd, *report.projects[1:])), str(tmp_path / "Passation.xlsx")
    )
    sheet = load_workbook(tmp_path / "Passation.xlsx")["Projects"]
    header = [cell.value for cell in sheet[1]]
    row = next(row for row in sheet.iter_rows(min_row=2) if row[0].value == "=Ouro Preto")
    assert (row[0].data_type, row[0].quotePrefix) == ("s", True)
    assert row[header.index("Lead")].value == "Tiradentes"
    assert row[header.index("Currency")].value is None
    assert sheet.freeze_panes == "A2" and all(cell.font.b for cell in sheet[1])


def test_the_agreements_parties_and_the_project_leads_are_read_once(office_file: Path) -> None:
    """The decisions and the regions' figures share one reading of who is party to each
    agreement and who leads each project (a state's 7,500 agreements were read twice)."""
    statements: list[str] = []

    def listen(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        statements.append(" ".join(statement.split()))

    with OfficeFile.open(office_file, read_only=True) as office, office.session() as session:
        engine = session.get_bind()
        event.listen(engine, "before_cursor_execute", listen)
        try:
            report = compute_handover(session, TODAY)
        finally:
            event.remove(engine, "before_cursor_execute", listen)
    parties = "SELECT agreement_party.agreement_id, agreement_party.local_entity_id"
    leads = "SELECT project.id, project.lead_entity_id"
    asked = [sum(s.startswith(question) for s in statements) for question in (parties, leads)]
    assert report.summary is not None and report.summary.decisions
    assert asked == [1, 1]
