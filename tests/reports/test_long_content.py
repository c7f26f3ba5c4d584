"""Reports take real content of any length: 10,000-character texts and 25 signatories
flow across pages or are cut with "… and N more", in the four languages, never a
LayoutError."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from intl_desk.cli import main
from intl_desk.core.i18n import set_language
from intl_desk.core.model import (
    Agreement,
    AgreementObjective,
    AgreementParty,
    AgreementSignatory,
    LocalEntity,
    Partner,
    Project,
)
from intl_desk.reports.agreement_sheet import print_agreement_sheet
from intl_desk.reports.partner_sheet import print_partner_sheet
from intl_desk.store.office_file import OfficeFile

LONG = ("Łódź, São João del-Rei, Córdoba et Việt Nam : coopération décentralisée. " * 140)[:10_000]


@pytest.fixture(scope="module")
def long_office(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str]:
    path = tmp_path_factory.mktemp("long") / "office.sqlite"
    OfficeFile.create(path, "Ville de Lyon", kind="city", country_code="FR").close()
    with OfficeFile.open(path) as office, office.session() as s:
        lyon = LocalEntity(name="Ville de Lyon", kind="municipality")
        lodz = Partner(name="Łódź", country_code="PL")
        s.add_all([lyon, lodz])
        s.flush()
        agreement = Agreement(
            title=("Accord de jumelage " + "très long " * 30)[:300],  # the longest a title may be
            type="twinning",
            status="active",
            date_signed=date(2020, 1, 1),
            date_expires=date(2027, 1, 1),
            summary=LONG,
            lessons_learned=LONG,
            notes=LONG,
        )
        agreement.parties = [
            AgreementParty(local_entity_id=lyon.id),
            AgreementParty(partner_id=lodz.id),
        ]
        agreement.signatories = [
            AgreementSignatory(
                name=f"Signataire n° {i}",
                side="ours",
                position="Adjointe au maire déléguée aux relations internationales",
            )
            for i in range(1, 26)
        ]
        agreement.objectives = [AgreementObjective(position=i, text=LONG[:3000]) for i in range(5)]
        project = Project(
            title="Projet " + "long " * 50,
            status="2",
            description=LONG,
            results=LONG,
            lessons_learned=LONG,
            planned_start=date(2024, 1, 1),
            planned_end=date(2027, 1, 1),
        )
        s.add_all([agreement, project])
        s.commit()
        return path, agreement.id, lodz.id


@pytest.mark.parametrize("language", ["en", "fr", "es", "pt"])
def test_reports_with_long_texts_are_written_in_every_language(
    long_office: tuple[Path, str, str], tmp_path: Path, language: str
) -> None:
    path, agreement_id, partner_id = long_office
    for report in ("handover", "yearly"):
        out = tmp_path / f"{report}.pdf"
        assert main(["--language", language, "report", report, str(path), "-o", str(out)]) == 0
        text = "".join(page.extract_text() for page in PdfReader(out).pages)
        assert "Łódź" in text
    set_language(language)
    with OfficeFile.open(path, read_only=True) as office:
        sheet = print_agreement_sheet(office, agreement_id, tmp_path / "sheet.pdf")
        partner = print_partner_sheet(office, partner_id, tmp_path / "partner.pdf")
    pages = PdfReader(sheet).pages
    assert len(pages) == 1  # still the one page of the briefing folder
    assert "Signataire n° 11" in pages[0].extract_text()
    assert "Signataire n° 25" not in pages[0].extract_text()  # "… and 14 more" instead
    assert len(PdfReader(partner).pages) == 1


def test_the_handover_keeps_every_word_of_a_long_lesson(
    long_office: tuple[Path, str, str], tmp_path: Path
) -> None:
    path, _agreement, _partner = long_office
    out = tmp_path / "handover.pdf"
    assert main(["report", "handover", str(path), "-o", str(out)]) == 0
    text = " ".join("".join(page.extract_text() for page in PdfReader(out).pages).split())
    assert text.count("Việt Nam") >= 130  # a 10,000-character lesson flows over pages
