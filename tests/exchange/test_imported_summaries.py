"""The names, countries and objective count an imported agreement shows in the list are
worked out while its rows are queued, and are exactly what the file's own rule (the
UPDATE of :func:`refresh_agreement_summaries`) gives; only agreements already in the
file that gained something are refreshed by that UPDATE."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from exchange_helpers import write_rows
from sqlalchemy import select

from intl_desk.core.derived import refresh_agreement_summaries, stale_agreement_summaries
from intl_desk.core.model import Agreement, AgreementParty, LocalEntity, Partner
from intl_desk.exchange import bulk
from intl_desk.exchange.import_write import apply_import
from intl_desk.exchange.importer import preview_import
from intl_desk.store.office_file import OfficeFile

SUMMARY = (
    Agreement.title,
    Agreement.partner_names,
    Agreement.entity_names,
    Agreement.country_codes,
    Agreement.objective_count,
)
#: a row the register has twice, with another objective the second time
NETWORK = [
    "Rede lusófona",
    "Évora; São João del-Rei; cidade da Praia; Porto",
    "Portugal; Brasil; Cabo Verde",
    "Agência de Energia; Câmara Municipal de Braga",
    "Cooperação",
    "2019",
]


@pytest.fixture
def register(office: OfficeFile, tmp_path: Path) -> Path:
    """A Portuguese register: a title row, year-only dates, bulleted objectives, partners
    whose names sort differently by case and accent, a row typed twice, and the office's
    agreement with Porto again with a new objective; a note under the table."""
    with office.session() as session:
        braga = LocalEntity(name="Câmara Municipal de Braga", kind="government")
        porto = Partner(name="Porto", kind="city", country_code="PT")
        session.add_all(
            [
                braga,
                LocalEntity(name="Agência de Energia", kind="public_company"),
                porto,
                Partner(name="São João del-Rei", kind="city", country_code="BR"),
                Partner(name="Évora", kind="city", country_code="PT"),
                Partner(name="cidade da Praia", kind="city", country_code="CV"),
                Agreement(
                    title="Acordo com o Porto",
                    type="cooperation",
                    status="active",
                    date_signed=date(2016, 4, 1),
                    parties=[AgreementParty(local_entity=braga), AgreementParty(partner=porto)],
                ),
            ]
        )
        session.commit()
    return write_rows(
        tmp_path / "registo.xlsx",
        [
            ["Registo dos acordos internacionais — Braga"],
            [],
            ["Título", "Parceiros", "País", "Entidade", "Tipo", "Data de assinatura", "Objetivos"],
            [*NETWORK, "- Intercâmbio escolar\n- Cultura"],
            [
                "Geminação com Zagreb",
                "Zagreb",
                "Croácia",
                "Junta de Freguesia",
                "Geminação",
                "12/03/2020",
                None,
            ],
            [
                "Carta de intenções",
                None,
                None,
                "Agência de Energia",
                "Carta de intenções",
                "2021",
                "• Energia",
            ],
            [*NETWORK, "- Intercâmbio escolar\n- Mobilidade"],  # typed again
            [
                "Acordo com o Porto",
                "Porto",
                "Portugal",
                "Câmara Municipal de Braga",
                "Cooperação",
                "01/04/2016",
                "Turismo",
            ],
            [],
            ["Fonte: Gabinete de Relações Internacionais, 2024"],
        ],
    )


def _summaries(office: OfficeFile) -> dict[str, tuple[object, ...]]:
    with office.session() as session:
        return {title: tuple(rest) for title, *rest in session.execute(select(*SUMMARY))}


def test_imported_agreements_show_what_the_files_own_rule_gives(
    office: OfficeFile, register: Path, mappings_folder: Path
) -> None:
    with office.session() as session:
        preview = preview_import(session, register, "agreements", mappings_folder=mappings_folder)
        result = apply_import(session, preview, on_duplicate="update")
    assert (result.imported, result.updated, result.rejected) == (3, 2, [])
    imported = _summaries(office)
    assert imported["Rede lusófona"] == (
        "Porto, São João del-Rei, cidade da Praia, Évora",  # as SQLite sorts: by code point
        "Agência de Energia, Câmara Municipal de Braga",
        "BR,CV,PT",
        3,  # the repeated row's new objective counts once
    )
    assert imported["Geminação com Zagreb"] == ("Zagreb", "Junta de Freguesia", "HR", 0)
    assert imported["Carta de intenções"] == (None, "Agência de Energia", None, 1)
    assert imported["Acordo com o Porto"][3] == 1  # in the file already, gained an objective
    with office.session() as session:
        assert stale_agreement_summaries(session) == []
        refresh_agreement_summaries(session)  # the SQL over every agreement, byte for byte
        session.commit()
    assert _summaries(office) == imported


def test_only_agreements_already_in_the_file_are_refreshed_after_the_write(
    office: OfficeFile, register: Path, mappings_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    refreshed: list[set[str]] = []
    monkeypatch.setattr(
        bulk, "refresh_agreement_summaries", lambda _session, ids: refreshed.append(set(ids))
    )
    with office.session() as session:
        porto = session.scalars(select(Agreement.id).where(Agreement.title.like("%Porto"))).one()
        preview = preview_import(session, register, "agreements", mappings_folder=mappings_folder)
        apply_import(session, preview, on_duplicate="update")
    assert refreshed == [{porto}]
