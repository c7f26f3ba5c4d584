"""A write that is done once (File › Import…, ``intl-desk import``) lets go of each row
of the preview as soon as it is written: the window importing a state's register held
every checked row until the end of the write, 10 MiB of its peak."""

from __future__ import annotations

from pathlib import Path

import pytest
from exchange_helpers import write_rows
from sqlalchemy import func, select

from intl_desk.core.model import Agreement
from intl_desk.exchange import importer
from intl_desk.exchange.import_write import apply_import
from intl_desk.exchange.importer import preview_import
from intl_desk.store.office_file import OfficeFile

CITIES = [
    ("Łódź", "Polónia"),
    ("Córdoba", "Argentina"),
    ("Huế", "Vietname"),
    ("Thiès", "Senegal"),
    ("Kraków", "Polónia"),
    ("Porto", "Portugal"),
]


@pytest.fixture
def register(tmp_path: Path) -> Path:
    return write_rows(
        tmp_path / "acordos.xlsx",
        [
            ["Registro de acordos — Assessoria Internacional de São João del-Rei"],
            ["Parceiro", "País", "Tipo", "Assinatura"],
            *[[city, country, "Geminação", "2011"] for city, country in CITIES],
            [],
            ["Fonte: Assessoria Internacional, 2026"],
        ],
    )


def test_each_row_is_let_go_once_written_and_the_preview_is_spent(
    office_path: Path, register: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importer, "PROGRESS_STEP", 2)
    with OfficeFile.open(office_path) as office, office.session() as session:
        preview = preview_import(session, register, "agreements")
        assert len(preview.rows) == 6
        held: list[tuple[int, int]] = []
        result = apply_import(
            session,
            preview,
            progress=lambda done, total: held.append((done, len(preview.rows))),
            release_rows=True,
        )
        assert result.imported == 6
        # when 2, 4 and 6 rows are written, the preview holds only the rows still to write
        assert held == [(2, 4), (4, 2), (6, 0)]
        assert preview.spent
        with pytest.raises(RuntimeError, match="let go"):
            apply_import(session, preview, release_rows=True)  # never a second, empty write
        assert session.scalar(select(func.count()).select_from(Agreement)) == 6


def test_a_preview_written_without_letting_go_keeps_its_rows(
    office_path: Path, register: Path
) -> None:
    with OfficeFile.open(office_path) as office, office.session() as session:
        preview = preview_import(session, register, "agreements")
        assert apply_import(session, preview).imported == 6
        assert len(preview.rows) == 6 and not preview.spent
