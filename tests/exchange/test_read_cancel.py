"""Cancel in the import wizard stops the reading of a long register where it has got to,
not once the whole file is read (the check is asked between worksheets and rows)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from exchange_helpers import write_rows

from intl_desk.exchange.reader import CHECK_EVERY, read_sheets
from intl_desk.exchange.sheet_shape import sheet_layout


class Stopped(Exception):
    """What the wizard's Cancel raises in the reading thread."""


def _register(path: Path, rows: int) -> Path:
    table = [["Registre des jumelages"], ["Ville partenaire", "Pays", "Signé le"]]
    table += [[f"Ville {n}", "Pologne", "2011"] for n in range(rows)]
    return write_rows(path, table)


def _cancelled_after(calls: int) -> tuple[list[int], Callable[[], None]]:
    asked: list[int] = []

    def check() -> None:
        asked.append(1)
        if len(asked) > calls:
            raise Stopped

    return asked, check


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_a_cancelled_read_stops_within_a_thousand_rows(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"registre.{suffix}"
    if suffix == "xlsx":
        _register(path, 4 * CHECK_EVERY)
    else:
        lines = ["Ville partenaire;Pays;Signé le"]
        lines += [f"Ville {n};Pologne;2011" for n in range(4 * CHECK_EVERY)]
        path.write_text("\n".join(lines), "utf-8")
    asked, check = _cancelled_after(2)
    with pytest.raises(Stopped):
        read_sheets(path, check=check)
    assert len(asked) == 3  # stopped at the third check, with rows still unread
    everything, go_on = _cancelled_after(1_000)
    assert len(read_sheets(path, check=go_on)[0].rows) >= 4 * CHECK_EVERY
    assert len(everything) >= 4


def test_the_wizards_first_step_passes_the_check_on(tmp_path: Path) -> None:
    path = _register(tmp_path / "registre.xlsx", 2 * CHECK_EVERY)
    asked, check = _cancelled_after(0)
    with pytest.raises(Stopped):
        sheet_layout(path, "agreements", check=check)
    assert asked == [1]
