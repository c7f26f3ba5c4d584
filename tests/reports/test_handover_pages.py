"""The handover report's summary pages flow: the small table of decisions to take is
never split over two pages, and the long list of decisions due starts under it when there
is room, instead of jumping whole to the next page and leaving a page almost empty (the
state demo's page 2 held three rows of a table, nothing else)."""

from __future__ import annotations

import io
from datetime import date, timedelta
from pathlib import Path

import pytest
from evaluation_office import TODAY, build_office_file
from pypdf import PdfReader

from intl_desk.core import model as m
from intl_desk.core.evaluation.handover import compute_handover
from intl_desk.reports.handover import write_handover_pdf
from intl_desk.store.office_file import OfficeFile

NOTE = "A renewal falls due at the agreement's expiry"
LIST = "Decisions due by"


@pytest.fixture(scope="module")
def office_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("handover_pages") / "office.sqlite"
    build_office_file(path)
    with OfficeFile.open(path) as office, office.session() as session:
        for number in range(30):  # a list of decisions due taller than half a page
            session.add(
                m.Agreement(
                    title=f"Coopération n° {number + 1} avec Évora",
                    type="cooperation",
                    status="active",
                    date_signed=date(2022, 1, 1),
                    date_expires=TODAY + timedelta(days=100 + number),
                    renewal_reminder_days=90,
                )
            )
        session.add(m.PoliticalTerm(leader="Ana Lúcia", start_date=date(2021, 1, 1)))
        session.commit()
    return path


def _lines(path: Path, commitments: int) -> list[list[tuple[float, str]]]:
    """Each page's lines with their height on the page, the outgoing team having written
    ``commitments`` lines (which push the summary down page 1)."""
    with OfficeFile.open(path) as office, office.session() as session:
        term = session.query(m.PoliticalTerm).one()
        term.commitments = "\n".join(f"Engagement {n} envers l'équipe suivante" for n in
                                     range(commitments)) or None  # fmt: skip
        session.commit()
        report = compute_handover(session, TODAY)
    buffer = io.BytesIO()
    write_handover_pdf(report, buffer)
    pages: list[list[tuple[float, str]]] = []
    for page in PdfReader(buffer).pages:
        found: list[tuple[float, str]] = []

        def keep(text: str, cm: list[float], tm: list[float], *_rest: object) -> None:
            if text.strip():  # the height on the page: the text's place through the CTM
                found.append((tm[4] * cm[1] + tm[5] * cm[3] + cm[5], text.strip()))  # noqa: B023

        page.extract_text(visitor_text=keep)
        pages.append(found)
    return pages


def _page_of(pages: list[list[tuple[float, str]]], words: str) -> tuple[int, float]:
    return next(
        (number, y) for number, lines in enumerate(pages) for y, text in lines if words in text
    )


@pytest.mark.parametrize("commitments", [0, 12, 16, 28])
def test_the_summary_flows_over_its_pages(office_file: Path, commitments: int) -> None:
    pages = _lines(office_file, commitments)
    first_row, _y = _page_of(pages, "Agreements to renew or let lapse")
    last_row, _y = _page_of(pages, "Open co-financing requests")
    note_page, note_y = _page_of(pages, NOTE)
    assert first_row == last_row == note_page  # the small table whole, with its note
    list_page, _y = _page_of(pages, LIST)
    if note_y > 200:  # room left under the note (the page is 595 points high)
        assert list_page == note_page, "the list jumped to the next page"
    else:
        assert list_page in (note_page, note_page + 1)
