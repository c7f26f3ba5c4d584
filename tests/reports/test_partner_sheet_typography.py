"""The partner sheet's labels are written the language's way: French puts a space before
a colon ("Mission : …", "Coût des missions et délégations : …"), English does not."""

from __future__ import annotations

import io

from partner_story_office import build_story_office
from pypdf import PdfReader

from intl_desk.core.i18n import set_language
from intl_desk.core.partner_story import partner_story
from intl_desk.reports.partner_sheet import write_partner_sheet_pdf
from intl_desk.store.office_file import OfficeFile


def _sheet_text(office: OfficeFile, partner_id: str, language: str) -> str:
    set_language(language)
    with office.session() as session:
        story = partner_story(session, partner_id)
    buffer = io.BytesIO()
    write_partner_sheet_pdf(story, buffer)
    return " ".join(PdfReader(buffer).pages[0].extract_text().split())


def test_labels_take_the_french_space_before_the_colon(office: OfficeFile) -> None:
    lodz = build_story_office(office)["lodz"]
    french = _sheet_text(office, lodz, "fr")
    assert "Mission à l'étranger : Mission à Łódź" in french  # the timeline
    assert "Délégation accueillie : Délégation de Łódź" in french
    assert "Coût des missions et délégations : 1 200 EUR" in french.replace("\u202f", " ")
    assert "étranger: " not in french and "délégations: " not in french
    english = _sheet_text(office, lodz, "en")
    assert "Mission abroad: Mission à Łódź" in english
    assert "Cost of missions and delegations: 1,200 EUR" in english
