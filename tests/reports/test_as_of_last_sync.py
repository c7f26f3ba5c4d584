"""A file cloned from an office server: its overview and yearly report say, at the top of
every page, "As of the last sync, <date> at <time>" — as the overview on screen does —
and a file of one's own says nothing of the kind (read back with pypdf)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from intl_desk.cli import main
from intl_desk.core import model as m
from intl_desk.core.display import date_text
from intl_desk.store.office_file import OfficeFile
from intl_desk.store.server_link import link_to_server
from intl_desk.sync.trust import known_servers

SERVER = "https://desk.example.org:8443"
SYNCED = datetime(2026, 12, 4, 13, 5, tzinfo=UTC)


def _office(path: Path) -> Path:
    OfficeFile.create(path, "Prefeitura de São João del-Rei", kind="city",
                      country_code="BR").close()  # fmt: skip
    with OfficeFile.open(path) as office, office.session() as session:
        agreement = m.Agreement(title="Geminação São João del-Rei–Łódź", type="twinning",
                                status="active", date_signed=date(2021, 3, 9))  # fmt: skip
        agreement.parties.append(m.AgreementParty(partner=m.Partner(name="Łódź",
                                                                     country_code="PL")))
        session.add(agreement)
        session.commit()
    return path


@pytest.fixture
def clone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    path = _office(tmp_path / "clone.sqlite")
    link = link_to_server(path, SERVER, "bruno", 0)
    known_servers().remember_sync(SERVER, link.client_id, SYNCED)
    return path


def _pages(pdf: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(pdf).pages]


def test_the_reports_of_a_clone_say_as_of_which_sync(clone: Path, tmp_path: Path) -> None:
    local = SYNCED.astimezone()  # the reader's own clock
    said = f"As of the last sync, {date_text(local.date())} at {local.strftime('%H:%M')}"
    overview, yearly = tmp_path / "overview.pdf", tmp_path / "yearly.pdf"
    assert main(["report", "overview", str(clone), "-o", str(overview), "--year", "2026"]) == 0
    assert main(["report", "yearly", str(clone), "-o", str(yearly), "--year", "2026"]) == 0
    for pdf in (overview, yearly):
        pages = _pages(pdf)
        assert len(pages) > 1 and all(said in page for page in pages), pdf.name


def test_a_file_of_ones_own_says_no_sync(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    path, pdf = _office(tmp_path / "own.sqlite"), tmp_path / "overview.pdf"
    assert main(["report", "overview", str(path), "-o", str(pdf), "--year", "2026"]) == 0
    assert not any("last sync" in page for page in _pages(pdf))
