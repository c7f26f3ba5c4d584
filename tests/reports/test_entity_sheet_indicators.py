"""Each entity's sheet shows its own indicators against target (read back with pypdf):
the value measured for that entity, the period's target, and the status — achieved when
the measurement reaches the target, behind when it does not — in the last period over;
``--year`` picks another period."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from evaluation_office import TODAY, YEAR, add_indicator, build_office_file, measure
from pypdf import PdfReader

from intl_desk.core.entity_sheets import entity_sheets
from intl_desk.core.i18n import language_pinned
from intl_desk.reports.entity_sheets import write_entity_sheets_pdf
from intl_desk.store.office_file import OfficeFile

#: (entity key, measured, target): Tiradentes above its target, Córrego Fundo below
EXPORTS = {"m1": (12, 10), "m2": (4, 10)}


@pytest.fixture(scope="module")
def office_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sheet_indicators") / "office.sqlite"
    written = build_office_file(path)
    with OfficeFile.open(path) as office, office.session() as session:
        exports = add_indicator(
            session,
            written,
            {YEAR: 10, YEAR - 1: 20},
            code="MUN-07",
            name="Exportações",
            unit="M US$",
            dimension="territorial",
            per_local_entity=True,
        )
        for key, (value, _target) in EXPORTS.items():
            measure(session, written, exports, YEAR, value, entity=key)
        measure(session, written, exports, YEAR - 1, 15, entity="m1")
        add_indicator(session, written, {YEAR: 5}, code="POL-01", name="Whole office")
        session.commit()
    return path


def _pages(path: Path, year: int | None = None, language: str = "en") -> dict[str, str]:
    with language_pinned(language):
        with OfficeFile.open(path, read_only=True) as office, office.session() as session:
            sheets = entity_sheets(session, year=year, today=TODAY)
        buffer = io.BytesIO()
        write_entity_sheets_pdf(sheets, "Office", buffer, today=TODAY)
    texts = [" ".join(page.extract_text().split()) for page in PdfReader(buffer).pages]
    return {name: next(t for t in texts[1:] if name in t) for name in ("Tiradentes", "Córrego")}


def test_each_sheet_judges_its_own_measurement_against_the_target(office_file: Path) -> None:
    pages = _pages(office_file)
    for name, key in (("Tiradentes", "m1"), ("Córrego", "m2")):
        value, target = EXPORTS[key]
        status = "Achieved" if value >= target else "Behind"
        assert f"Indicators against target, {YEAR}" in pages[name]
        assert f"MUN-07 Exportações {target} M US$ {value} M US$ {status}" in pages[name]
    # an indicator of the whole office is not an entity's own
    assert "Whole office" not in pages["Tiradentes"]


def test_the_year_picks_the_period(office_file: Path) -> None:
    pages = _pages(office_file, YEAR - 1)
    assert f"Indicators against target, {YEAR - 1}" in pages["Tiradentes"]
    assert "MUN-07 Exportações 20 M US$ 15 M US$ Behind" in pages["Tiradentes"]
    assert "MUN-07 Exportações 20 M US$ — No data" in pages["Córrego"]


def test_the_indicators_in_portuguese(office_file: Path) -> None:
    page = _pages(office_file, language="pt")["Tiradentes"]
    assert f"Indicadores em relação à meta, {YEAR}" in page
    assert "Alcançado" in page
