"""The partner form's Story tab and its printed sheet, used with the mouse."""

from __future__ import annotations

from pathlib import Path

import pytest
from partner_story_office import build_story_office
from pypdf import PdfReader

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from intl_desk.core.i18n import set_language
from intl_desk.core.model import Partner
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui import partner_story_panel
from intl_desk.ui.dialogs.partner import PartnerDialog


def open_story(qtbot: QtBot, office: OfficeFile, partner_id: str | None) -> PartnerDialog:
    dialog = PartnerDialog(office, partner_id)
    qtbot.addWidget(dialog)
    dialog.show()
    bar = dialog.tabs.tabBar()
    index = dialog.tabs.indexOf(dialog.story)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert dialog.tabs.currentWidget() is dialog.story
    return dialog


def test_the_story_tab_shows_what_was_done_with_the_partner(
    qtbot: QtBot, office: OfficeFile
) -> None:
    ids = build_story_office(office)
    dialog = open_story(qtbot, office, ids["lodz"])
    shown = dialog.story.text.toPlainText()
    assert "1,500 EUR + 10,000 XOF" in shown  # budgets per currency, never added
    assert "Jumelage Lyon – Łódź" in shown and "Échanges scolaires" in shown
    assert "Mission à Łódź" in shown and "Anna Nowak" in shown
    assert "Jan Kowalski" not in shown  # Kraków's contact
    country = dialog.story.whole_country
    assert country.text() == "All partners in Poland"
    qtbot.mouseClick(country, Qt.MouseButton.LeftButton)
    shown = dialog.story.text.toPlainText()
    assert "2 partners" in shown and "Jan Kowalski" in shown


def test_a_new_partner_is_told_to_save_first(qtbot: QtBot, office: OfficeFile) -> None:
    dialog = open_story(qtbot, office, None)
    assert "Save the partner first" in dialog.story.text.toPlainText()
    assert not dialog.story.whole_country.isEnabled()


def test_print_sheet_puts_the_story_on_one_page_in_portuguese(
    qtbot: QtBot, office: OfficeFile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = build_story_office(office)
    set_language("pt")
    out = tmp_path / "lodz.pdf"
    shown: list[Path] = []
    monkeypatch.setattr(partner_story_panel, "ask_path", lambda _parent, _name: out)
    monkeypatch.setattr(partner_story_panel, "show_pdf", shown.append)
    dialog = open_story(qtbot, office, ids["lodz"])
    button = dialog.story.print_button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown))  # written in the background
    pages = PdfReader(out).pages
    assert len(pages) == 1
    page = pages[0].extract_text()
    assert "Łódź" in page and "Polônia" in page
    assert "1.500 EUR + 10.000 XOF" in " ".join(page.split())
    assert "orçamento 1.500 EUR" in page
    assert "Anna Nowak" in page


def test_an_empty_partner_prints_what_to_do(
    qtbot: QtBot, office: OfficeFile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with office.session() as s:
        partner = Partner(name="São João del-Rei", kind="city", country_code="BR")
        s.add(partner)
        s.commit()
    out = tmp_path / "empty.pdf"
    shown: list[Path] = []
    monkeypatch.setattr(partner_story_panel, "ask_path", lambda _parent, _name: out)
    monkeypatch.setattr(partner_story_panel, "show_pdf", shown.append)
    dialog = open_story(qtbot, office, partner.id)
    assert "Nothing is recorded with this partner yet" in dialog.story.text.toPlainText()
    qtbot.mouseClick(dialog.story.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown))
    assert "Nothing is recorded" in PdfReader(out).pages[0].extract_text()


def test_the_story_tab_in_french_reads_like_the_printed_sheet(
    qtbot: QtBot, office: OfficeFile
) -> None:
    ids = build_story_office(office)
    set_language("fr")
    dialog = open_story(qtbot, office, ids["lodz"])
    tabs = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert tabs == ["Détails", "Parcours", "Historique"]  # not "Histoire" beside "Historique"
    shown = dialog.story.text.toPlainText()
    assert "Anna Nowak — Directrice" in shown  # the name and the position apart
    assert "Jumelage Lyon – Łódź — Jumelage, En vigueur, 1 juin 2005" in shown
    assert "Mission à l'étranger : Mission à Łódź" in shown
