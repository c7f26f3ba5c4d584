"""A csv saved by Excel on Western European Windows (Windows-1252) is read as such, even
where its accents happen to look like UTF-8; a UTF-8 file with a few bad bytes is refused
naming its lines, never read as Windows-1252 (which garbles every accent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from intl_desk.exchange.errors import DamagedUtf8
from intl_desk.exchange.reader import read_sheets

REGISTER = (
    "Registre des jumelages — mis à jour en 2024\n"
    "Intitulé;Ville partenaire;Pays;Signé le\n"
    "Jumelage «CITÉ» Lyon – Porto;Porto;Portugal;1991\n"
    "Coopération Lyon – Córdoba;Córdoba;Argentine;2011\n"
)


def test_a_windows_1252_register_is_read_with_its_accents(tmp_path: Path) -> None:
    path = tmp_path / "jumelages.csv"
    path.write_bytes(REGISTER.encode("cp1252"))  # "É»" is a well-formed UTF-8 pair
    rows = read_sheets(path)[0].rows
    assert rows[1] == ["Intitulé", "Ville partenaire", "Pays", "Signé le"]
    assert rows[2][0] == "Jumelage «CITÉ» Lyon – Porto"


def test_utf8_with_bad_bytes_is_refused_naming_their_line(tmp_path: Path) -> None:
    path = tmp_path / "jumelages.csv"
    data = REGISTER.encode("utf-8").replace(b"Porto;", b"Porto\xe9;")
    path.write_bytes(data)
    with pytest.raises(DamagedUtf8) as refused:
        read_sheets(path)
    assert refused.value.message.render() == (
        "“jumelages.csv” is UTF-8 text, but line 3 holds bytes that are not (a part saved in "
        "another encoding): open it in your spreadsheet program, correct the text there, save "
        "it as CSV UTF-8 and import again."
    )


def test_every_line_end_splits_rows_and_line_ends_in_quotes_stay(tmp_path: Path) -> None:
    """Old Mac files end lines with a lone CR, Excel with CR LF, others with LF; a line
    end inside quotes is part of the cell (an objective per line), whichever it is."""
    path = tmp_path / "jumelages.csv"
    data = (
        'Intitulé;Objectifs\rLyon – Porto;"Culture\r\nÉcoles"\r\n'
        'Lyon – Córdoba;"Sport\rEau"\nFin;x'
    )
    path.write_bytes(data.encode("utf-8"))
    assert read_sheets(path)[0].rows == [
        ["Intitulé", "Objectifs"],
        ["Lyon – Porto", "Culture\r\nÉcoles"],
        ["Lyon – Córdoba", "Sport\rEau"],
        ["Fin", "x"],
    ]
