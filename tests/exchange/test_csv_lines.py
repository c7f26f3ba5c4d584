"""A csv register is read line by line, and reads exactly as Python's csv module reads
it from the whole text: Windows, Unix and old Mac line ends, a cell over several lines,
a last line without its end, accented and non-Latin names."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from intl_desk.exchange.reader import _clean, read_sheets

PIECES = ["Łódź", "São João del-Rei", "Việt Nam", "Córdoba", "12,5", ";", '"', " ", "\n",
          "\r\n", "\r", "\u2028", "Huế"]  # fmt: skip
CELLS = st.lists(st.sampled_from(PIECES), max_size=4).map("".join)


def _written(cell: str) -> str:
    """A cell as spreadsheet programs write it: quoted when it holds the delimiter, a
    quote or a line end (Python's csv writer leaves a lone ``\r`` unquoted, which no
    office's file does and which no reader can tell from a line end)."""
    if any(mark in cell for mark in ';"\r\n'):
        return '"' + cell.replace('"', '""') + '"'
    return cell


@settings(max_examples=150, deadline=None)
# one row of decimal commas over several lines: more "rows" split at commas than at
# semicolons, which the delimiter's guess counted before it weighed shares
@example(rows=[["", "12,5\n", "12,5\n12,5"]], end="\n", last_end=False)
@given(
    rows=st.lists(st.lists(CELLS, min_size=3, max_size=3), min_size=1, max_size=12),
    end=st.sampled_from(["\n", "\r\n", "\r"]),
    last_end=st.booleans(),
)
def test_a_csv_file_reads_as_the_csv_module_reads_its_whole_text(
    tmp_path_factory: pytest.TempPathFactory, rows: list[list[str]], end: str, last_end: bool
) -> None:
    lines = [";".join(map(_written, row)) for row in [["Cidade", "País", "Objetivos"], *rows]]
    text = end.join(lines) + (end if last_end else "")
    path = tmp_path_factory.mktemp("csv") / "registro.csv"
    path.write_bytes(text.encode("utf-8"))
    expected = [
        [_clean(cell, from_csv=True) for cell in row]
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=";")
    ]
    [sheet] = read_sheets(path)
    assert sheet.rows == expected


def test_a_register_with_old_mac_line_ends_and_a_cell_over_two_lines(tmp_path: Path) -> None:
    path = tmp_path / "jumelages.csv"
    path.write_bytes(
        'Ville;Objectifs\r"Łódź";"Culture\r\nSport"\rCórdoba;Éducation'.encode()
    )
    [sheet] = read_sheets(path)
    assert sheet.rows == [
        ["Ville", "Objectifs"], ["Łódź", "Culture\r\nSport"], ["Córdoba", "Éducation"]
    ]
