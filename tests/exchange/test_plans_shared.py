"""The plans of a register's rows hold each value they share once: a state's register
names its 1,900 partners, 700 municipalities and 13,000 objective texts again and again
over 20,000 rows, and the window holds every row's plan through the check and the write
(8 MiB less for the state's register)."""

from __future__ import annotations

from pathlib import Path

from exchange_helpers import write_rows
from sqlalchemy import select

from intl_desk.core.model import Agreement
from intl_desk.exchange.import_write import apply_import
from intl_desk.exchange.importer import preview_import
from intl_desk.store.office_file import OfficeFile

OBJECTIVES = "Intercâmbio escolar anual\nFeira de economia solidária"


def test_rows_naming_the_same_partner_and_objectives_share_them(
    office_path: Path, tmp_path: Path
) -> None:
    register = write_rows(
        tmp_path / "acordos.xlsx",
        [
            ["Registro de acordos — São João del-Rei"],
            ["Título", "Parceiro", "País", "Temas", "Objetivos", "Assinatura"],
            ["Geminação com Łódź", "Łódź", "Polónia", "Educação", OBJECTIVES, "2011"],
            ["Protocolo cultural com Łódź", "Łódź", "Polónia", "Educação", OBJECTIVES, "2015"],
            ["Acordo com Córdoba", "Córdoba", "Argentina", "Cultura", "Feira do livro", "2019"],
        ],
    )
    with OfficeFile.open(office_path) as office, office.session() as session:
        preview = preview_import(session, register, "agreements")
        first, second, third = (row.plan for row in preview.rows)
        assert first["partners"] == (("Łódź", None, "PL"),)
        assert second["partners"] is first["partners"]
        assert second["objectives"] is first["objectives"]
        assert second["themes"] is first["themes"] and third["themes"] is not first["themes"]
        assert preview.context.plan_values == {}  # the plans keep what they share
        assert apply_import(session, preview, release_rows=True).imported == 3
        session.commit()
        written = {
            agreement.title: (
                sorted(o.text for o in agreement.objectives),
                [party.partner.name for party in agreement.parties if party.partner],
            )
            for agreement in session.scalars(select(Agreement))
            if agreement.title.endswith(("Łódź", "Córdoba"))
        }
    assert written == {
        "Geminação com Łódź": (sorted(OBJECTIVES.splitlines()), ["Łódź"]),
        "Protocolo cultural com Łódź": (sorted(OBJECTIVES.splitlines()), ["Łódź"]),
        "Acordo com Córdoba": (["Feira do livro"], ["Córdoba"]),
    }
