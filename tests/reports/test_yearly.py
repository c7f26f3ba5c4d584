"""The yearly report PDF: the figures its text shows (read back with pypdf) against counts
made here from the records' descriptions, the indicators' statuses, the lists behind the
figures, accented names, the empty office, and the command line."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from evaluation_office import (
    ACTIVITIES,
    AGREEMENTS,
    MEMBERSHIPS,
    PARTICIPATIONS,
    PARTNERS,
    PROJECTS,
    TODAY,
    YEAR,
    add_indicator,
    build_office_file,
    measure,
)
from pypdf import PdfReader

from intl_desk.cli import main
from intl_desk.core import model as m
from intl_desk.core.evaluation.yearly import compute_yearly
from intl_desk.reports.yearly import write_yearly_pdf
from intl_desk.store.office_file import OfficeFile

START, END = date(YEAR, 1, 1), date(YEAR, 12, 31)
EXPIRING = "Accord de Córdoba arrivé à échéance"
RENEWAL = "Renouvellement de l'accord avec Hà Nội"


@pytest.fixture(scope="module")
def office_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("yearly") / "office.sqlite"
    written = build_office_file(path)
    with OfficeFile.open(path) as office, office.session() as session:
        cordoba, hanoi = written.partners["cordoba"], written.partners["hanoi"]
        expired = m.Agreement(
            title=EXPIRING,
            type="cooperation",
            status="expired",
            date_signed=date(2020, 1, 1),
            date_expires=date(2025, 6, 30),
        )
        expired.parties = [m.AgreementParty(partner_id=cordoba)]
        renewal = m.Agreement(
            title=RENEWAL,
            type="mou",
            status="active",
            date_signed=date(2025, 8, 8),
            renews_id=written.agreements["a3"],
        )
        renewal.parties = [
            m.AgreementParty(partner_id=hanoi),
            m.AgreementParty(local_entity_id=written.entities["gov"]),
        ]
        session.add_all([expired, renewal])
        line = m.StrategicLine(code="A1", title="Une ville ouverte et attractive")
        objective = m.StrategicObjective(title="Attirer des congrès", line_id=line.id)
        line.objectives = [objective]
        session.add(line)
        session.flush()
        add_indicator(
            session,
            written,
            {2025: 3},
            code="POL-01",
            name="Accords signés",
            formula="agreements_signed",
            objective_id=objective.id,
        )
        behind = add_indicator(
            session,
            written,
            {2025: 100},
            code="TER-01",
            name="Visiteurs étrangers",
            dimension="territorial",
            objective_id=objective.id,
        )
        measure(session, written, behind, 2025, 80, comment="Baisse due aux travaux à Łódź")
        scale = add_indicator(
            session,
            written,
            {2025: 3},
            code="INS-04",
            name="Institutionnalisation",
            measure="qualitative",
            dimension="institutional",
        )
        measure(session, written, scale, 2025, None, scale_level=4)
        survey = add_indicator(
            session,
            written,
            {2025: 34},
            code="TER-06",
            name="Habitants informés",
            unit="%",
            dimension="territorial",
            source="Baromètre annuel auprès de 1 000 habitants",
        )
        session.add_all(
            [
                m.IndicatorSdg(indicator_id=survey, sdg=11),
                m.IndicatorSdg(indicator_id=survey, sdg=16),
            ]
        )
        measure(session, written, survey, 2024, 30)
        measure(session, written, survey, 2025, 35)
        entities = add_indicator(
            session,
            written,
            {2025: 10},
            code="MUN-07",
            name="Exportações",
            dimension="territorial",
            per_local_entity=True,
        )
        measure(session, written, entities, 2025, 12, entity="m1")
        measure(session, written, entities, 2025, 4, entity="m2")
        words = add_indicator(session, written, code="POL-08", name="Contributions", measure="text")
        measure(session, written, words, 2025, text="Motion adoptée à Córdoba")
        session.commit()
    return path


def pdf_lines(path: Path, year: int = YEAR) -> list[str]:
    with OfficeFile.open(path, read_only=True) as office, office.session() as session:
        report = compute_yearly(session, year, TODAY)
    buffer = io.BytesIO()
    write_yearly_pdf(report, buffer)
    reader = PdfReader(io.BytesIO(buffer.getvalue()))
    return [line.strip() for page in reader.pages for line in page.extract_text().splitlines()]


@pytest.fixture(scope="module")
def lines(office_file: Path) -> list[str]:
    return pdf_lines(office_file)


def value_after(lines: list[str], label: str) -> str:
    return lines[lines.index(label) + 1]


def independent_counts() -> dict[str, Any]:
    """The year's figures counted from the descriptions, plus the two agreements added."""
    live = [spec for spec in AGREEMENTS if not spec.deleted]
    signed = [s for s in live if s.signed and START <= s.signed <= END] + [RENEWAL]
    # active on the year's last day, by the dates; a terminated agreement without the
    # date it ended (a5) cannot be placed then and is left out, as on the overview
    active = [
        s
        for s in live
        if s.status in ("active", "expired")
        and s.signed is not None
        and s.signed <= END
        and (
            s.perpetual
            or (s.expires is None and s.status != "expired")
            or (s.expires is not None and s.expires >= END)
        )
    ]
    countries = {PARTNERS[p][1] for s in active for p in s.partners} | {"VN"}
    money = sum(
        (
            a
            for spec in PROJECTS
            for st, a, d, _f in spec.cofinancing
            if st == "granted" and d and START <= d <= END
        ),
        Decimal(0),
    )
    missions = [
        a for a in ACTIVITIES if a[0] == "mission" and a[1] == "done" and START <= a[2] <= END
    ]
    return {
        "Agreements signed in the year": len(signed),
        "of which renewals": 1,
        "Agreements that reached their expiry date": 1,
        # the renewal; the agreement added as expired reached its expiry in June
        "Agreements active on 31 Dec 2025": len(active) + 1,
        "Partner countries": len(countries),
        "Projects under way": 2,
        "Co-financing raised in the year": f"{round(money):,} EUR",
        "Network memberships": sum(1 for r in MEMBERSHIPS if r[4] is None or r[4] >= START),
        "Network events attended": sum(
            1 for p in PARTICIPATIONS if p[1] == "event" and START <= p[2] <= END
        ),
        "Missions abroad": len(missions),
        "Cost of the missions": f"{sum(a[5] for a in missions):,} EUR",
    }


def test_the_summary_shows_the_years_figures_counted_from_the_records(lines: list[str]) -> None:
    for label, expected in independent_counts().items():
        assert value_after(lines, label) == str(expected), label


def test_indicator_statuses_are_counted_per_dimension(lines: list[str]) -> None:
    start = lines.index("Indicators against their targets")
    table = lines[start : start + 40]

    def row(label: str) -> list[str]:
        at = table.index(label)
        return table[at + 1 : at + 5]  # achieved, on track, behind, no data

    assert row("Institutional") == ["1", "0", "0", "0"]  # the scale at level 4 of 3
    assert row("Political") == ["1", "0", "0", "0"]  # 3 signed of 3; the text has no status
    assert row("Territorial") == ["1", "0", "2", "0"]  # survey met; visitors, median entity
    assert row("All indicators") == ["3", "0", "2", "0"]


def test_each_indicator_shows_baseline_target_actual_and_status(lines: list[str]) -> None:
    at = lines.index("TER-01")
    assert lines[at + 1 : at + 6] == ["Visiteurs étrangers", "—", "100", "80", "Behind"]
    at = lines.index("MUN-07")
    # the lower middle of Córrego Fundo's 4 and Tiradentes' 12; one of the two met 10
    assert lines[at + 4] == "4"
    assert "median entity; 1 of 2 achieved" in " ".join(lines[at + 5 : at + 8])
    assert any("Baisse due aux travaux à Łódź" in line for line in lines)  # the narrative
    assert any("Motion adoptée à Córdoba" in line for line in lines)


def test_indicators_are_grouped_by_strategic_line_with_their_sdgs(lines: list[str]) -> None:
    at = lines.index("A1 — Une ville ouverte et attractive")
    assert lines[at + 1 : at + 6] == ["POL-01, TER-01", "1", "0", "1", "0"]
    survey = lines.index("TER-06")
    assert lines[survey + 1 : survey + 3] == ["Habitants informés", "SDG 11, 16"]


def test_the_lists_behind_the_figures_are_in_the_annexes(lines: list[str]) -> None:
    annexes = lines[lines.index("Annexes") :]
    signed = annexes[annexes.index("A1. Agreements signed in the year (3)") :]
    assert "Accord a1 — Łódź/Córdoba" in signed and RENEWAL in signed
    assert any(
        line.startswith("A3. Agreements that reached their expiry date (1)") for line in annexes
    )
    assert EXPIRING in annexes
    missions = annexes[annexes.index("A8. Missions abroad (2)") :]
    assert "Mission à Łódź 2025-05-05" in missions and "Rencontre des maires" in missions


def test_residents_surveys_have_their_own_section(lines: list[str]) -> None:
    at = lines.index("Residents' survey results")
    survey = lines[at : at + 20]
    assert "Habitants informés" in survey and "35 %" in survey and "30 %" in survey


def test_a_new_office_file_gets_advice_instead_of_empty_tables(office_path: Path) -> None:
    text = " ".join(pdf_lines(office_path, 2026))
    assert "Nothing is recorded for this year yet" in text
    assert "Ville de Lyon" in text


def test_the_command_writes_the_pdf_and_refuses_bad_input(
    office_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = office_file.read_bytes()
    output = tmp_path / "rapport 2025.pdf"
    assert main(["report", "yearly", str(office_file), "--year", "2025", "-o", str(output)]) == 0
    assert PdfReader(output).pages[0].extract_text().count("Yearly report 2025") >= 1
    assert office_file.read_bytes() == before  # read-only: the office file is untouched
    assert main(["report", "yearly", str(tmp_path / "missing.sqlite"), "-o", str(output)]) == 2
    assert main(["report", "yearly", str(office_file), "--year", "99", "-o", str(output)]) == 2
    errors = capsys.readouterr().err.strip().splitlines()
    assert len(errors) == 2 and all(line.startswith("intl-desk: ") for line in errors)
