"""An office's address book, written as offices keep one — a title row, its own column
titles, languages in words, a note under the table — imports value by value; a language
the app does not know refuses its row with the reason."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from intl_desk.cli import main
from intl_desk.core.model import Contact, Partner
from intl_desk.store.office_file import OfficeFile


def test_an_address_book_imports_value_by_value(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    office_path = tmp_path / "lyon.sqlite"
    with (
        OfficeFile.create(office_path, "Ville de Lyon", country_code="FR") as office,
        office.session() as session,
    ):
        session.add(Partner(name="Łódź", country_code="PL"))
        session.commit()
    register = tmp_path / "carnet.xlsx"
    book = Workbook()
    sheet = book.active
    sheet.append(["Carnet d'adresses de la DRI — mis à jour en mars 2026"])
    sheet.append(["Nom", "Fonction", "Organisme", "Partenaire", "Courriel", "Tél.", "Langues"])
    sheet.append(
        ["Agnieszka Kowalska", "Directrice du bureau international", None, "Łódź",
         "a.kowalska@uml.lodz.example", "+48 42 638 40 00", "Polonais, Anglais"]
    )  # fmt: skip
    sheet.append(
        ["João Pereira", "Assessor internacional", "Prefeitura de São João del-Rei", None,
         "joao.pereira@example.br", None, "portugais; français"]
    )  # fmt: skip
    sheet.append(["Zorg Kla", "Ambassadeur", "Qo'noS", None, None, None, "Klingon"])
    sheet.append([])
    sheet.append(["Source : service du protocole"])
    book.save(register)

    code = main(
        ["--language", "fr", "import", str(office_path), str(register), "--kind", "contacts"]
    )
    out = capsys.readouterr().out

    assert code == 1 and "Klingon" in out  # refused, with its reason
    with OfficeFile.open(office_path, read_only=True) as office, office.session() as session:
        found = {c.name: c for c in session.scalars(select(Contact))}
        assert set(found) == {"Agnieszka Kowalska", "João Pereira"}
        kowalska = found["Agnieszka Kowalska"]
        assert kowalska.partner is not None and kowalska.partner.name == "Łódź"
        assert kowalska.organisation is None  # the partner is where she works
        assert (kowalska.email, kowalska.phone) == (
            "a.kowalska@uml.lodz.example",
            "+48 42 638 40 00",
        )
        assert set((kowalska.languages or "").split(",")) == {"en", "pl"}
        pereira = found["João Pereira"]
        assert pereira.organisation == "Prefeitura de São João del-Rei"
        assert pereira.position == "Assessor internacional"
        assert set((pereira.languages or "").split(",")) == {"pt", "fr"}
