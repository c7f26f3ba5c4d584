"""The yearly report's executive first page, read back with pypdf: the year's five figures
beside the previous year's (each as that year's own report counts it, and signatures
counted here from the records), the years and the currency in the labels, the indicators
per dimension, the new partners and positions won (counted here from the records), the
health of the active agreements and a place to sign — in English and Portuguese."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from evaluation_office import TODAY, YEAR, build_office_file
from pypdf import PdfReader
from sqlalchemy import event, select

from intl_desk.core import model as m
from intl_desk.core.display import number_text
from intl_desk.core.evaluation.executive import YEAR_FIGURES
from intl_desk.core.evaluation.yearly import compute_yearly
from intl_desk.core.i18n import language_pinned
from intl_desk.reports.yearly import write_yearly_pdf
from intl_desk.store.office_file import OfficeFile

POSITION = "Élu·e à la vice-présidence de la commission Culture"


@pytest.fixture(scope="module")
def office_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("executive") / "office.sqlite"
    written = build_office_file(path)
    with OfficeFile.open(path) as office, office.session() as session:
        network = m.Network(name="Mercociudades")
        won = m.Membership(
            network=network,
            local_entity_id=written.entities["m1"],
            since=date(YEAR, 4, 1),
            role="vice_president",
        )
        old = session.scalars(select(m.Membership)).first()
        assert old is not None
        position = m.Participation(
            membership_id=old.id, kind="position", title=POSITION, start_date=date(YEAR, 10, 2)
        )
        session.add_all([network, won, position])
        session.commit()
    return path


def _first_page(path: Path, language: str = "en") -> str:
    with language_pinned(language):
        with OfficeFile.open(path, read_only=True) as office, office.session() as session:
            report = compute_yearly(session, YEAR, TODAY)
        buffer = io.BytesIO()
        write_yearly_pdf(report, buffer)
    reader = PdfReader(io.BytesIO(buffer.getvalue()))
    return " ".join(reader.pages[0].extract_text().split())


def _signed_in(path: Path, year: int) -> int:
    with OfficeFile.open(path, read_only=True) as office, office.session() as session:
        return sum(
            1
            for agreement in session.scalars(select(m.Agreement))
            if agreement.deleted_at is None
            and agreement.date_signed is not None
            and agreement.date_signed.year == year
        )


def test_the_year_stands_beside_the_previous_one(office_file: Path) -> None:
    page = _first_page(office_file)
    assert f"{YEAR}: executive summary" in page
    assert f"{YEAR} against {YEAR - 1}" in page
    with OfficeFile.open(office_file, read_only=True) as office, office.session() as session:
        this = compute_yearly(session, YEAR, TODAY).headline
        last = compute_yearly(session, YEAR - 1, TODAY).headline
    signed_now, signed_before = _signed_in(office_file, YEAR), _signed_in(office_file, YEAR - 1)
    assert (this.signed, last.signed) == (signed_now, signed_before)
    change = signed_now - signed_before
    assert f"Agreements signed {signed_before} {signed_now} +{change}" in page
    active = f"Agreements active at the year's end (this year: today) {last.active} {this.active}"
    assert active in page
    assert (
        f"Countries with an active partnership {last.partner_countries} {this.partner_countries}"
        in page
    )
    assert f"Projects under way {last.projects} {this.projects}" in page
    raised = f"{number_text(round(last.cofinancing))} {number_text(round(this.cofinancing))}"
    assert f"Co-financing raised (EUR) {raised}" in page


def test_the_highlights_name_new_partners_and_positions_won(office_file: Path) -> None:
    page = _first_page(office_file)
    with OfficeFile.open(office_file, read_only=True) as office, office.session() as session:
        first_signed: dict[str, date] = {}
        names = {p.id: p.name for p in session.scalars(select(m.Partner))}
        for agreement in session.scalars(select(m.Agreement)):
            if agreement.deleted_at is not None or agreement.date_signed is None:
                continue
            for party in agreement.parties:
                if party.partner_id:
                    known = first_signed.get(party.partner_id, agreement.date_signed)
                    first_signed[party.partner_id] = min(known, agreement.date_signed)
    new = sorted(names[key] for key, day in first_signed.items() if day.year == YEAR)
    assert new == ["Évora", "Łódź"]  # the sample is not trivial
    assert f"New partners: {len(new)} with a first agreement signed in {YEAR}" in page
    assert "Évora (Portugal), Łódź (Poland)" in page
    assert f"Positions won in networks in {YEAR}" in page
    assert "Mercociudades: Vice-presidency — Tiradentes" in page
    assert POSITION in page
    # a role held since 2010 was not won this year
    assert "Eurocities: Board member" not in page


def test_indicators_health_and_signature_are_on_the_first_page(office_file: Path) -> None:
    page = _first_page(office_file)
    assert "Indicators against their targets, 2025" in page
    for dimension in ("Institutional", "Political", "Territorial", "All indicators"):
        assert dimension in page
    assert "Health of the active agreements on" in page
    assert "No objective" in page
    assert "Approved by (name and position)" in page and "Signature" in page


def test_the_first_page_in_portuguese(office_file: Path) -> None:
    page = _first_page(office_file, "pt")
    assert f"{YEAR}: sumário executivo" in page
    assert f"{YEAR} em comparação com {YEAR - 1}" in page
    assert "Cofinanciamento captado (EUR)" in page
    assert "Novos parceiros: 2 com um primeiro acordo assinado em 2025" in page
    assert "Évora (Portugal), Łódź (Polônia)" in page
    assert "Aprovado por (nome e cargo)" in page


def test_each_figure_of_the_year_is_read_from_the_file_once(office_file: Path) -> None:
    """The headline, the executive page and the indicators computed by the same formula
    over the same year share one reading (on a state file each costs tens of ms)."""
    figures: list[tuple[str, object]] = []

    def listen(
        _conn: object, _cursor: object, statement: str, parameters: object, *_: object
    ) -> None:
        if "count(DISTINCT" in statement or "coalesce(sum(" in statement:
            figures.append((statement, parameters))

    with OfficeFile.open(office_file, read_only=True) as office, office.session() as session:
        engine = session.get_bind()
        event.listen(engine, "before_cursor_execute", listen)
        try:
            report = compute_yearly(session, YEAR, TODAY)
        finally:
            event.remove(engine, "before_cursor_execute", listen)
    assert report.executive.figure("partner_countries").current == report.headline.partner_countries
    asked_twice = [one for one in figures if figures.count(one) > 1]
    assert len(figures) >= len(YEAR_FIGURES) and asked_twice == []
