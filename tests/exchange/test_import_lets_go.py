"""An import looks rows up by the register's own texts (its titles, in one ``IN`` list);
SQLAlchemy keeps each statement it compiled with the values it first ran with, and the
office file stays open as long as the window: after a state's import the register's
12,807 titles were still held. Once an import is written (or only checked), nothing
but the file keeps the register's texts."""

from __future__ import annotations

import gc
from pathlib import Path

from exchange_helpers import write_rows

from intl_desk.exchange.import_write import apply_import
from intl_desk.exchange.importer import preview_import
from intl_desk.store.office_file import OfficeFile

MARK = "Jumelage São João del-Rei – Łódź n°"


def _held_titles() -> list[str]:
    """The register's titles still held in a list, a tuple or a set anywhere."""
    gc.collect()
    found = []
    for held in gc.get_objects():
        if isinstance(held, list | tuple | set | frozenset):
            found += [x for x in held if isinstance(x, str) and x.startswith(MARK)]
    return found


def _register(tmp_path: Path) -> Path:
    return write_rows(
        tmp_path / "accords.xlsx",
        [
            ["Registre des accords — Direction des relations internationales"],
            ["Intitulé", "Type", "Signé le", "Renouvelle"],
            *[[f"{MARK} {n}", "Jumelage", str(1980 + n), f"{MARK} {n - 1}"] for n in range(1, 40)],
            [],
            ["Total : 39 accords"],
        ],
    )


def test_a_written_import_leaves_no_texts_of_the_register(
    office_path: Path, tmp_path: Path
) -> None:
    register = _register(tmp_path)
    with OfficeFile.open(office_path) as office:  # open as the window keeps it
        with office.session() as session:
            preview = preview_import(session, register, "agreements")
            result = apply_import(session, preview, "skip")
        assert result.imported == 39
        del preview
        assert _held_titles() == []


def test_a_checked_import_left_unwritten_leaves_none_either(
    office_path: Path, tmp_path: Path
) -> None:
    register = _register(tmp_path)
    with OfficeFile.open(office_path) as office:
        with office.session() as session:
            preview = preview_import(session, register, "agreements")
        assert len(preview.rows) == 39
        del preview
        assert _held_titles() == []
