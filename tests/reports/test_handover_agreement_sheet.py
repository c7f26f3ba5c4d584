"""The one-page agreement sheet printed from the agreement form."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from intl_desk.core import model as m
from intl_desk.core.evaluation.sheet import AgreementNotFound
from intl_desk.reports.agreement_sheet import print_agreement_sheet
from intl_desk.store.office_file import OfficeFile

LONG_OBJECTIVE = "Accueillir des stagiaires de Łódź " * 20


def test_the_sheet_holds_the_agreement_on_one_page(office_path: Path, tmp_path: Path) -> None:
    with OfficeFile.open(office_path) as office:
        with office.session() as session:
            lodz = m.Partner(name="Łódź", country_code="PL")
            lyon = m.LocalEntity(name="Ville de Lyon", kind="government")
            agreement = m.Agreement(
                title="Jumelage Lyon – Łódź",
                type="twinning",
                status="active",
                reference="DRI-1991-01",
                date_signed=date(1991, 5, 3),
                perpetual=True,
                summary="Échanges scolaires et culturels depuis 1991.",
                languages="fr,pl",
            )
            agreement.parties = [
                m.AgreementParty(partner=lodz),
                m.AgreementParty(local_entity=lyon),
            ]
            agreement.objectives = [
                m.AgreementObjective(text=f"Objectif {n} : {LONG_OBJECTIVE}", position=n)
                for n in range(12)
            ]
            agreement.signatories = [m.AgreementSignatory(name="Hanna Zdanowska", side="theirs")]
            agreement.sdgs = [m.AgreementSdg(sdg=11)]
            session.add(agreement)
            session.commit()
            agreement_id = agreement.id
        before = office_path.read_bytes()
        path = print_agreement_sheet(office, agreement_id, tmp_path / "fiche.pdf")
        with pytest.raises(AgreementNotFound):
            print_agreement_sheet(office, "no-such-id", tmp_path / "none.pdf")
    assert office_path.read_bytes() == before
    reader = PdfReader(path)
    assert len(reader.pages) == 1  # twelve long objectives are cut to fit
    text = reader.pages[0].extract_text()
    for expected in (
        "Jumelage Lyon – Łódź",
        "Łódź (Poland)",
        "Ville de Lyon",
        "DRI-1991-01",
        "3 May 1991",
        "perpetual",
        "Hanna Zdanowska",
        "11. Sustainable cities",
        "French, Polish",
        "Échanges scolaires",
    ):
        assert expected in text, expected
    assert not (tmp_path / "none.pdf").exists()
    # its reading for the briefing folder: objectives of its own, nothing else the file knows
    words = " ".join(text.split())
    assert (
        "Survives a change of team: 1 of 5, at risk; it lacks a council decision, a "
        "responsible officer in the services, a contact at the partner and activity in the "
        "last two years. It has specific objectives." in words
    )
