"""A register names its partners and entities over and over: every row says the new ones
will be created, and the rows share each notice instead of holding a copy apiece (40,000
copies were 15 MB of the window that imported a state's register)."""

from __future__ import annotations

from pathlib import Path

from exchange_helpers import write_rows

from intl_desk.exchange.import_write import apply_import
from intl_desk.exchange.importer import preview_import
from intl_desk.store.office_file import OfficeFile


def test_each_row_says_what_will_be_created_and_the_rows_share_the_notice(
    office_path: Path, tmp_path: Path
) -> None:
    register = write_rows(
        tmp_path / "acordos.xlsx",
        [
            ["Registro de acordos internacionais — Assessoria Internacional"],
            ["Título", "Parceiro", "País", "Entidade", "Tipo", "Assinatura"],
            *[
                [
                    f"Geminação nº {n}",
                    "Łódź" if n % 2 else "Córdoba",
                    "Polónia" if n % 2 else "Argentina",
                    "São João del-Rei",
                    "Geminação",
                    str(1990 + n),
                ]
                for n in range(1, 31)
            ],
            [],
            ["Fonte: Assessoria Internacional, 2026"],
        ],
    )
    with OfficeFile.open(office_path) as office, office.session() as session:
        preview = preview_import(session, register, "agreements")
        said = [[issue.message.render() for issue in row.warnings] for row in preview.rows]
        assert len(said) == 30
        assert all("New local entity “São João del-Rei” will be created." in row for row in said)
        assert sum("New partner “Łódź” (PL) will be created." in row for row in said) == 15
        assert sum("New partner “Córdoba” (AR) will be created." in row for row in said) == 15
        notices = {
            id(issue)
            for row in preview.rows
            for issue in row.warnings
            if "will be created" in issue.message.msgid
        }
        assert len(notices) == 3  # Łódź, Córdoba, São João del-Rei: one object each
        result = apply_import(session, preview, "skip")
    assert result.imported == 30
