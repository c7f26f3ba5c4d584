"""``intl-desk rates FILE [--import SHEET]``: a central bank's sheet read into the office's
rates from the command line; a sheet that cannot be read leaves the file as it was."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from intl_desk.cli import main
from intl_desk.store.office_file import OfficeFile


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_rates_imported_and_listed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "lyon.sqlite"
    OfficeFile.create(path, "Ville de Lyon").close()
    code, out, _err = _run(capsys, "rates", str(path))
    assert code == 0
    assert out.startswith("No exchange rates yet: sums in EUR leave out amounts in other")
    sheet = tmp_path / "taux.csv"
    sheet.write_text(
        "Taux de change annuels moyens (BCEAO);;;\n;;;\nDevise;Année;Taux;Source\n"
        "XOF;2026;0,00152449;BCEAO\nUSD;2026;0,9235;BCE\n",
        encoding="utf-8",
    )
    code, out, _err = _run(capsys, "rates", str(path), "--import", str(sheet))
    assert code == 0
    assert out.splitlines() == [
        "2 rates read from taux.csv: 2 new, 0 changed.",
        "2026  1 USD = 0.9235 EUR  BCE",
        "2026  1 XOF = 0.00152449 EUR  BCEAO",
    ]
    assert _run(capsys, "check", str(path))[0] == 0


def test_an_unreadable_sheet_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "lyon.sqlite"
    OfficeFile.create(path, "Ville de Lyon").close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    sheet = tmp_path / "taux.csv"
    sheet.write_text("Devise;Année;Taux\nXOF;2026;beaucoup\n", encoding="utf-8")
    code, _out, err = _run(capsys, "rates", str(path), "--import", str(sheet))
    assert code == 2
    assert "“taux.csv”, row 2: “beaucoup” is not a rate. Nothing was imported." in err
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
