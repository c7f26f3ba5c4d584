"""The dashboard on a past year, as a person uses it: the year chosen in its box, the
figures of agreements as they stood at that year's end, and a click on the tile listing
exactly those agreements."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from overview_window import shown_overview

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from intl_desk.core.model import Agreement, AgreementParty, Partner
from intl_desk.store.office_file import OfficeFile

TODAY = date(2026, 6, 15)


def _register(path: Path) -> None:
    leipzig = Partner(name="Leipzig", kind="city", country_code="DE")
    rows = [
        Agreement(title="Leipzig", type="twinning", status="active",
                  date_signed=date(2015, 3, 1), date_expires=date(2030, 3, 1)),
        Agreement(title="Łódź", type="cooperation", status="terminated",
                  date_signed=date(2016, 5, 1), date_expires=date(2026, 5, 1),
                  date_ended=date(2022, 6, 1)),
        Agreement(title="Córdoba", type="cooperation", status="expired",
                  date_signed=date(2011, 3, 1), date_expires=date(2021, 3, 1)),
        Agreement(title="Huế", type="friendship", status="active",
                  date_signed=date(2023, 9, 1), date_expires=date(2026, 12, 1)),
    ]  # fmt: skip
    with OfficeFile.open(path) as office, office.session() as s:
        for agreement in rows:
            agreement.parties.append(AgreementParty(partner=leipzig, role="signatory"))
        s.add_all(rows)
        s.commit()


def test_choosing_a_past_year_shows_it_as_it_stood(
    qtbot: QtBot, office_path: Path
) -> None:
    _register(office_path)
    window, page = shown_overview(qtbot, office_path, today=lambda: TODAY)
    tiles = {tile.label.text(): tile for tile in page.tiles}
    assert tiles["Active agreements"].value.text() == "2"  # today: Leipzig, Huế

    page.year_box.setFocus()
    qtbot.keyClicks(page.year_box, "2020")  # the year typed into its closed list
    assert page.year_box.currentData() == 2020
    assert page.scope_label.text().endswith(
        "Year 2020 · agreements as of 31 Dec 2020 · All local entities"
    )
    active = tiles["Active agreements"]
    assert active.value.text() == "3"  # Leipzig, Łódź (ended 2022), Córdoba (expired 2021)
    assert active.note.text() == "1 expiring within 12 months of 31 Dec 2020"

    qtbot.mouseClick(active, Qt.MouseButton.LeftButton)
    agreements = window.list_pages["agreements"]
    qtbot.waitUntil(lambda: window.pages.currentWidget() is agreements, timeout=5_000)
    qtbot.waitUntil(
        lambda: not agreements.reading and agreements.model.rowCount() == 3, timeout=10_000
    )
    assert agreements.facet_boxes["active_at_end"].currentData() == "2020"
    titles = {agreements.model.index(row, 0).data() for row in range(3)}
    assert titles == {"Leipzig", "Łódź", "Córdoba"}
