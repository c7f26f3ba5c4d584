"""Spreadsheets that look like real office registers, built with openpyxl in each test."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from sqlalchemy import func, select

from intl_desk.core.model import Agreement, AgreementParty, LocalEntity, Partner
from intl_desk.store.office_file import OfficeFile

REGISTER_HEADERS = [
    "N°",
    "Intitulé de la convention",
    "Ville partenaire",
    "Pays",
    "Type d'accord",
    "Date de signature",
    "Échéance",
    "Observations",
]


def register_rows() -> list[list[Any]]:
    """A French city's register: dates in every style, countries in four languages, a
    duplicate of an existing agreement, a row repeated in the sheet, an impossible date."""
    return [
        [
            "DRI-01",
            "Jumelage Lyon – Cusco",
            "Cusco",
            "Pérou",
            "Jumelage",
            "5 juillet 2018",
            None,
            None,
        ],
        [
            "DRI-02",
            "Convenio con Arequipa",
            "Arequipa",
            "Perú",
            "Coopération",
            "5 de julio de 2018",
            "2023",
            None,
        ],
        [
            "DRI-03",
            "Acordo com São João del-Rei",
            "SAO JOAO DEL-REI",
            "Brasil",
            "MoU",
            datetime(2019, 3, 12),
            None,
            "partenaire déjà connu",
        ],
        [
            "DRI-04",
            "Accord de Séoul",
            "Séoul",
            "Corée du Sud",
            "Memorando de entendimento",
            43286,
            None,
            None,
        ],
        [
            "DRI-05",
            "Friendship with Boston",
            "Boston",
            "USA",
            "friendship",
            "12/03/2020",
            None,
            None,
        ],
        [
            "DRI-06",
            "Accord existant avec Porto",
            "Porto",
            "Portugal",
            "Coopération",
            "2016-04-01",
            None,
            "déjà dans le fichier",
        ],
        ["DRI-07", "Date impossible", "Leeds", "UK", "Coopération", "31/02/2019", None, None],
        [
            "DRI-01",
            "Jumelage Lyon – Cusco",
            "Cusco",
            "Pérou",
            "Jumelage",
            "2018-07-05",
            None,
            "saisi deux fois",
        ],
        [
            "DRI-08",
            "Charte avec Porto Alegre",
            "Porto Alegre",
            "Brazil",
            "Lettre d'intention",
            "2015",
            None,
            None,
        ],
    ]


def write_register(
    path: Path,
    rows: Sequence[Sequence[Any]] | None = None,
    headers: Sequence[str] = REGISTER_HEADERS,
) -> Path:
    """Merged title cells above the header, a note, blank rows between the data."""
    workbook = Workbook()
    notes = workbook.active
    notes.title = "Lisez-moi"
    notes["A1"] = "Ce classeur contient le registre des conventions."
    sheet = workbook.create_sheet("Registre 2015-2020")
    sheet["A1"] = "VILLE DE LYON — Registre des conventions internationales"
    sheet.merge_cells("A1:H1")
    sheet["A2"] = "Mis à jour le 3 mars 2021 par la DRI"
    sheet.merge_cells("A2:D2")
    sheet.append([])
    sheet.append(list(headers))
    for index, row in enumerate(rows or register_rows()):
        sheet.append(list(row))
        if index == 2:
            sheet.append([])  # a blank separator row
    workbook.save(path)
    return path


def seed_register_office(office: OfficeFile) -> None:
    """What the office already holds: its government, two partners and one agreement."""
    with office.session() as session:
        lyon = LocalEntity(name="Ville de Lyon", kind="government")
        sjdr = Partner(name="São João del-Rei", kind="city", country_code="BR")
        porto = Partner(name="Porto", kind="city", country_code="PT")
        agreement = Agreement(
            title="Accord de coopération Lyon – Porto",
            type="cooperation",
            status="active",
            date_signed=datetime(2016, 4, 1).date(),
        )
        agreement.parties.extend([AgreementParty(local_entity=lyon), AgreementParty(partner=porto)])
        session.add_all([lyon, sjdr, porto, agreement])
        session.commit()


def counts(office: OfficeFile) -> dict[str, int]:
    with office.session() as session:
        return {
            model.__tablename__: int(session.scalar(select(func.count()).select_from(model)) or 0)
            for model in (Agreement, AgreementParty, Partner, LocalEntity)
        }


def fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_rows(path: Path, rows: Sequence[Sequence[Any]]) -> Path:
    """A one-sheet workbook of ``rows`` as given (titles, blank rows and notes included)."""
    workbook = Workbook()
    for row in rows:
        workbook.active.append(list(row))
    workbook.save(path)
    return path
