"""What the check says of a date given only as a year or a month is what is stored: the
year or month itself where the record keeps that precision (an agreement's signature and
expiry), with the day computations take — the first of the period for a start, the last
for an end —, or the one day stored where the record holds days only (a term of office)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from exchange_helpers import write_rows
from sqlalchemy import select

from intl_desk.cli import main
from intl_desk.core.model import Agreement, PoliticalTerm
from intl_desk.store.office_file import OfficeFile


def test_the_check_says_the_date_keeps_its_year_or_month(
    office_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    agreements = write_rows(
        tmp_path / "acordos.xlsx",
        [
            ["Prefeitura de Belo Horizonte — Acordos internacionais"],
            ["Título", "Parceiro", "País", "Tipo", "Assinatura", "Vencimento"],
            ["Irmanamento com Porto", "Porto", "Portugal", "Irmanamento", "2011",
             "dezembro de 2024"],
            ["Fonte: Assessoria de Relações Internacionais"],
        ],
    )  # fmt: skip
    argv = ["--language", "pt", "import", str(office_path), str(agreements)]
    assert main([*argv, "--kind", "agreements", "--verbose"]) == 0
    out = capsys.readouterr().out
    assert (
        "Assinatura: “2011” fica guardado como ano; os cálculos tomam seu primeiro dia, "
        "1 de jan. de 2011."
    ) in out
    assert (
        "Vencimento: “dezembro de 2024” fica guardado como mês; os cálculos tomam seu último "
        "dia, 31 de dez. de 2024."
    ) in out
    assert "os cálculos tomam 1 de jan" not in out  # the old message, whatever was stored
    terms = write_rows(
        tmp_path / "mandatos.xlsx",
        [
            ["Mandatos"],
            ["Prefeito", "Início do mandato", "Fim do mandato"],
            ["Fuad Noman", "2023", "31/12/2024"],
        ],
    )
    assert main([*argv[:-1], str(terms), "--kind", "terms", "--verbose"]) == 0
    out = capsys.readouterr().out
    assert (
        "Só o ano de “2023” é informado, e esta data guarda um dia: fica registrado "
        "1 de jan. de 2023."
    ) in out
    with OfficeFile.open(office_path, read_only=True) as office, office.session() as session:
        agreement = session.scalars(select(Agreement)).one()
        assert (agreement.date_signed, agreement.date_signed_precision) == (
            date(2011, 1, 1),
            "year",
        )
        assert (agreement.date_expires, agreement.date_expires_precision) == (
            date(2024, 12, 31),
            "month",
        )
        assert session.scalars(select(PoliticalTerm)).one().start_date == date(2023, 1, 1)
        # "Irmanamento" is how Brazilian offices write twinning
        assert agreement.type == "twinning"
