"""A partner's story recounted against a file built here: what belongs to the partner,
what does not (deleted records, other partners' projects, cancelled trips), money never
mixed across currencies, and the country's story taking every partner there together."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from partner_story_office import build_story_office

from intl_desk.core.model import Partner
from intl_desk.core.partner_story import PartnerNotFound, country_story, partner_story
from intl_desk.store.office_file import OfficeFile


@pytest.fixture
def story_ids(office: OfficeFile) -> dict[str, str]:
    return build_story_office(office)


def test_a_partner_story_holds_its_records_and_nothing_else(
    office: OfficeFile, story_ids: dict[str, str]
) -> None:
    with office.session() as s:
        story = partner_story(s, story_ids["lodz"])
    assert story.title == "Łódź"
    assert story.subtitle == "City or municipality · Poland"
    assert [a.title for a in story.agreements] == [
        "Jumelage Lyon – Łódź",
        "Coopération Łódź – Kraków",
    ]
    assert story.agreements[0].objectives == ("Échanges scolaires", "Culture")
    assert story.agreements[1].partners == ("Łódź",)  # only this story's partners
    assert story.active_agreements == 1
    assert sorted(p.title for p in story.projects) == ["Eau potable", "Tramways"]
    tramways = next(p for p in story.projects if p.title == "Tramways")
    assert (tramways.budget, tramways.spent, tramways.cofinancing_obtained) == (
        Decimal("1500"),
        Decimal("325"),
        Decimal("200"),
    )
    # currencies are never added together
    assert story.budget == {"EUR": Decimal("1500"), "XOF": Decimal("10000")}
    assert story.cofinancing_obtained == {"EUR": Decimal("200")}
    assert story.missions == 1 and story.delegations == 1  # the cancelled one is not counted
    assert story.mission_cost == {"EUR": Decimal("1200"), "XOF": Decimal("40000")}
    assert len(story.activities) == 3  # the cancelled delegation is still listed
    assert story.networks == ("Eurocities",)
    assert [c.name for c in story.contacts] == ["Anna Nowak"]
    assert story.documents == ("Charte signée",)
    assert story.first_year == 2005
    years = dict(story.timeline)
    assert [e.text for e in years[2005]] == ["Signed: Jumelage Lyon – Łódź"]
    assert 2021 not in years  # a cancelled trip is no event
    assert [y for y, _entries in story.timeline] == sorted(years, reverse=True)


def test_a_country_story_takes_every_partner_there_once(
    office: OfficeFile, story_ids: dict[str, str]
) -> None:
    with office.session() as s:
        story = country_story(s, "pl")
    assert (story.title, story.subtitle, story.partner_count) == ("Poland", "2 partners", 2)
    assert len(story.agreements) == 2  # the shared agreement once
    shared = next(a for a in story.agreements if a.title == "Coopération Łódź – Kraków")
    assert sorted(shared.partners) == ["Kraków", "Łódź"]
    assert [c.name for c in story.contacts] == ["Anna Nowak", "Jan Kowalski"]
    assert "Rencontre à Kraków" in [a.title for a in story.activities]
    assert "Córdoba only" not in [p.title for p in story.projects]


def test_a_partner_with_nothing_yet_has_an_empty_story(office: OfficeFile) -> None:
    with office.session() as s:
        partner = Partner(name="Việt Trì", kind="city", country_code="VN")
        s.add(partner)
        s.commit()
        story = partner_story(s, partner.id)
    assert story.is_empty and story.timeline == () and story.first_year is None
    with office.session() as s, pytest.raises(PartnerNotFound):
        country_story(s, "BR")


def test_the_partner_sheet_from_the_command_line(
    office: OfficeFile,
    office_path: Path,
    story_ids: dict[str, str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from pypdf import PdfReader

    from intl_desk.cli import main

    office.close()
    out = tmp_path / "lodz.pdf"
    assert main(["report", "partner", str(office_path), "--partner", "lodz", "-o", str(out)]) == 0
    text = PdfReader(out).pages[0].extract_text()
    assert "Łódź" in text and "Jumelage Lyon – Łódź" in text
    out = tmp_path / "pologne.pdf"
    code = main(
        [
            "--language",
            "fr",
            "report",
            "partner",
            str(office_path),
            "--country",
            "PL",
            "-o",
            str(out),
        ]
    )
    assert code == 0
    assert "Pologne" in PdfReader(out).pages[0].extract_text()
    capsys.readouterr()
    assert main(["report", "partner", str(office_path), "--partner", "Gdańsk", "-o", str(out)]) == 2
    assert capsys.readouterr().err.strip() == "intl-desk: No partner Gdańsk in this file."
