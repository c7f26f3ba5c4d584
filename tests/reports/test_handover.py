"""The handover report PDF: every live commitment as of a day, read back with pypdf and
checked against counts made here from the records' descriptions."""

from __future__ import annotations

import io
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from evaluation_office import AGREEMENTS, MEMBERSHIPS, PROJECTS, TODAY, build_office_file
from pypdf import PdfReader

from intl_desk.cli import main
from intl_desk.core import model as m
from intl_desk.core.evaluation.handover import compute_handover
from intl_desk.reports.handover import write_handover_pdf
from intl_desk.store.office_file import OfficeFile

TO_RENEW = "Accord avec Évora à renouveler"
OBJECTIVES = ("Échanger des pratiques de gestion de l'eau", "Accueillir deux stagiaires de Łódź")
LESSON = "Prévoir le budget des missions dès la signature."


@pytest.fixture(scope="module")
def office_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("handover") / "office.sqlite"
    written = build_office_file(path)
    with OfficeFile.open(path) as office, office.session() as session:
        agreement = m.Agreement(
            title=TO_RENEW,
            type="cooperation",
            status="active",
            date_signed=date(2022, 1, 1),
            date_expires=date(2027, 1, 15),
            renewal_decision="renew",
            lessons_learned=LESSON,
        )
        agreement.parties = [
            m.AgreementParty(partner_id=written.partners["evora"]),
            m.AgreementParty(local_entity_id=written.entities["gov"]),
        ]
        agreement.objectives = [
            m.AgreementObjective(text=t, position=n) for n, t in enumerate(OBJECTIVES)
        ]
        session.add(agreement)
        p1 = written.projects["p1"]
        session.add_all(
            [
                m.BudgetLine(project_id=p1, year=2024, amount=Decimal("100000"), type="1"),
                m.BudgetLine(project_id=p1, year=2025, amount=Decimal("50000"), type="1"),
                m.BudgetLine(project_id=p1, year=2025, amount=Decimal("60000"), type="2"),
                m.ProjectTransaction(
                    project_id=p1, type="4", date=date(2025, 3, 1), amount=Decimal("30000")
                ),
                m.ProjectTransaction(
                    project_id=p1, type="4", date=date(2026, 9, 1), amount=Decimal("9999")
                ),
                m.ProjectReport(
                    project_id=p1, title="Rapport final à l'AFD", due_date=date(2026, 12, 31)
                ),
                m.ProjectReport(
                    project_id=p1,
                    title="Rapport d'étape",
                    due_date=date(2025, 12, 31),
                    status="submitted",
                ),
                m.Activity(
                    kind="mission",
                    status="planned",
                    title="Mission à Hà Nội",
                    start_date=date(2026, 9, 15),
                    purpose="Signer l'avenant",
                ),
                m.Contact(
                    name="Élodie Martin",
                    position="Chargée de mission",
                    is_staff=True,
                    email="e.martin@example.org",
                    languages="fr,pl",
                ),
                m.Contact(
                    name="Nguyễn Văn An",
                    partner_id=written.partners["hanoi"],
                    phone="+84 24 3825 0000",
                ),
            ]
        )
        session.commit()
    return path


def pdf_pages(path: Path) -> list[list[str]]:
    """The report's lines, page by page."""
    with OfficeFile.open(path, read_only=True) as office, office.session() as session:
        report = compute_handover(session, TODAY)
    buffer = io.BytesIO()
    write_handover_pdf(report, buffer)
    reader = PdfReader(io.BytesIO(buffer.getvalue()))
    return [[line.strip() for line in page.extract_text().splitlines()] for page in reader.pages]


def pdf_lines(path: Path) -> list[str]:
    return [line for page in pdf_pages(path) for line in page]


@pytest.fixture(scope="module")
def lines(office_file: Path) -> list[str]:
    return pdf_lines(office_file)


def test_the_first_page_sums_up_every_live_commitment(lines: list[str]) -> None:
    active = [s for s in AGREEMENTS if s.status == "active" and not s.deleted] + [TO_RENEW]
    soon = TODAY + timedelta(days=365)
    renew = [TO_RENEW] + [
        s
        for s in AGREEMENTS
        if s.status == "active"
        and not s.deleted
        and not s.perpetual
        and s.expires
        and TODAY <= s.expires <= soon
    ]
    running = [spec for spec in PROJECTS if spec.status in ("2", "3")]
    granted = sum(
        (a for spec in running for st, a, _d, _f in spec.cofinancing if st == "granted"), Decimal(0)
    )
    members = [row for row in MEMBERSHIPS if row[4] is None or row[4] >= TODAY]
    expected = {
        "Active agreements": len(active),
        "of which to renew within 12 months": len(renew),
        "Projects running": len(running),
        "Their budget": "160,000 EUR",  # 2024 original, and 2025 revised instead of original
        "Co-financing granted to them": f"{round(granted):,} EUR",
        "Spent so far": "30,000 EUR",  # the September expenditure has not happened yet
        "Reports still due to funders": 1,
        "Network memberships": len(members),
        "Annual fees": f"{1500 * len(members):,} EUR",
        "Roles held in networks": sum(1 for row in members if row[5] not in ("member", "observer")),
        "Activities planned": 1,  # the planned mission of 2025 is past
        "Contacts": 2,
        "Lessons learned recorded": sum(1 for s in AGREEMENTS if s.lessons and not s.deleted) + 1,
    }
    for label, value in expected.items():
        assert lines[lines.index(label) + 1] == str(value), label


def test_the_first_page_names_the_report_once(office_file: Path) -> None:
    first_page = pdf_pages(office_file)[0]
    assert first_page.count("Handover report") == 1  # the letterhead's
    assert "What the incoming team takes over" in first_page


def test_agreements_come_with_objectives_soonest_renewal_first(lines: list[str]) -> None:
    start = next(i for i, line in enumerate(lines) if line.startswith("Active agreements ("))
    section = lines[start:]
    first = next(line for line in section if line.startswith("Accord"))
    assert first == TO_RENEW  # expires in January 2027, before every other
    for objective in OBJECTIVES:
        assert f"• {objective}" in section
    assert "15 Jan 2027" in section and "Renew" in section


def test_projects_contacts_and_lessons(lines: list[str]) -> None:
    text = "\n".join(lines)
    assert "Rapport final à l'AFD (31 Dec 2026)" in text and "Rapport d'étape" not in text
    assert "Élodie Martin" in lines and "Nguyễn Văn An" in lines and "Hà Nội" in lines
    assert "French, Polish" in lines
    assert LESSON in text and "Jumelage : associer les écoles." in text
    assert "Mission à Hà Nội" in lines


def test_a_new_office_file_says_what_to_record(office_path: Path, tmp_path: Path) -> None:
    output = tmp_path / "handover.pdf"
    assert main(["report", "handover", str(office_path), "-o", str(output)]) == 0
    text = PdfReader(output).pages[0].extract_text()
    assert "Nothing is recorded yet" in text and "Ville de Lyon" in text


def test_the_command_line_does_not_replace_a_workbook_it_was_not_given(
    office_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The person named the PDF only: a workbook of the same name beside it is theirs until
    they say --overwrite (the app asks the same question)."""
    output = tmp_path / "passation.pdf"
    workbook = tmp_path / "passation.xlsx"
    workbook.write_bytes(b"the partners' budget, kept by hand")
    assert main(["report", "handover", str(office_path), "-o", str(output)]) == 2
    said = capsys.readouterr().err.strip()
    assert said.endswith(
        "“passation.xlsx” is already there, where the handover's full lists are written: "
        "add --overwrite to replace it, or give the report another name."
    )
    assert workbook.read_bytes() == b"the partners' budget, kept by hand"
    assert not output.exists()
    command = ["report", "handover", str(office_path), "-o", str(output), "--overwrite"]
    assert main(command) == 0
    assert workbook.read_bytes().startswith(b"PK") and output.exists()


def test_on_a_terminal_the_command_line_asks_before_replacing_the_workbook(
    office_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    output = tmp_path / "passation.pdf"
    workbook = tmp_path / "passation.xlsx"
    workbook.write_bytes(b"kept by hand")
    asked: list[str] = []
    monkeypatch.setattr("sys.stdin", Terminal())
    monkeypatch.setattr("builtins.input", lambda question: asked.append(question) or "n")
    assert main(["report", "handover", str(office_path), "-o", str(output)]) == 2
    assert workbook.read_bytes() == b"kept by hand"
    assert asked == [
        "The handover's full lists are written beside it as “passation.xlsx”, and a file of "
        "that name is already there. Replace it? [y/N] "
    ]
    monkeypatch.setattr("builtins.input", lambda question: "y")
    assert main(["report", "handover", str(office_path), "-o", str(output)]) == 0
    assert workbook.read_bytes().startswith(b"PK")
