"""The overview PDF: its text (extracted with pypdf) shows the figures recomputed from the
records, the appendix adds up, accented names survive in embedded fonts, and an empty
office file gets advice instead of blank charts."""

from __future__ import annotations

import hashlib
import io
import re
from pathlib import Path

import pytest
from overview_office import OFFICE, TODAY, YEAR, build_overview_office
from pypdf import PdfReader
from sqlalchemy import select

from intl_desk.cli import main
from intl_desk.core.model import Agreement
from intl_desk.core.overview import OverviewFilters, compute_overview
from intl_desk.reports.overview import write_overview_pdf
from intl_desk.store.office_file import OfficeFile


@pytest.fixture(scope="module")
def office_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_overview_office(tmp_path_factory.mktemp("pdf") / "office.sqlite")


def _pdf(path: Path, filters: OverviewFilters | None = None) -> PdfReader:
    with OfficeFile.open(path, read_only=True) as office, office.session() as session:
        overview = compute_overview(session, filters or OverviewFilters(YEAR), TODAY)
    buffer = io.BytesIO()
    write_overview_pdf(overview, buffer)
    return PdfReader(io.BytesIO(buffer.getvalue()))


@pytest.fixture(scope="module")
def reader(office_file: Path) -> PdfReader:
    return _pdf(office_file)


def _lines(reader: PdfReader, page: int) -> list[str]:
    return [line.strip() for line in reader.pages[page].extract_text().splitlines()]


def _independent_headline(path: Path) -> dict[str, int]:
    """Counted from the ORM records in plain Python, not with the overview code."""
    with OfficeFile.open(path, read_only=True) as office, office.session() as session:
        agreements = [a for a in session.scalars(select(Agreement)) if a.deleted_at is None]
        active = [a for a in agreements if a.status == "active"]
        return {
            "Active agreements": len(active),
            "Agreements signed": sum(
                1 for a in agreements if a.date_signed and a.date_signed.year <= YEAR
            ),
            "Partner countries": len(
                {p.partner.country_code for a in active for p in a.parties if p.partner}
            ),
        }


def test_first_page_shows_the_headline_figures(reader: PdfReader, office_file: Path) -> None:
    lines = _lines(reader, 0)
    for label, value in _independent_headline(office_file).items():
        assert label in lines
        # each tile reads value, then label
        assert lines[lines.index(label) - 1] == str(value), label
    text = reader.pages[0].extract_text()
    assert "Active projects" in text and "R$170k" in text and "R$65k" in text
    assert "Indicators on track" in text and "75%" in text and "3 of 4 assessed" in text
    assert "Agreements signed per year, by type" in text
    assert "Active agreements by partner country" in text


def test_every_page_has_the_letterhead_and_its_number(reader: PdfReader) -> None:
    total = len(reader.pages)
    assert total >= 3
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        assert OFFICE in text
        assert f"Year {YEAR} · All local entities" in text
        assert f"Page {number} of {total}" in text
        assert "Generated on" in text
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert width > height  # A4 landscape
    assert round(width) == 842 and round(height) == 595


def _appendix_rows(reader: PdfReader) -> dict[str, list[int]]:
    """Entity name → its counts, read back from the appendix text (a name, its parent
    when it has one, then six numbers; the total row has no subtree figure)."""
    text = "\n".join(page.extract_text() for page in reader.pages)
    section = text.split("Every local entity", 1)[1].split("Every partner country", 1)[0]
    lines = [line.strip() for line in section.splitlines() if line.strip()]
    lines = lines[lines.index("Active projects") + 1 :]  # after the header row
    rows: dict[str, list[int]] = {}
    name: str | None = None
    numbers: list[int] = []
    for line in lines:
        if re.fullmatch(r"\d+", line):
            numbers.append(int(line))
            if name is not None and len(numbers) == (5 if name.startswith("Total") else 6):
                rows[name] = numbers
                name, numbers = None, []
        elif name is None:
            name = line
    return rows


def test_appendix_lists_every_entity_and_sums_to_the_headline(
    reader: PdfReader, office_file: Path
) -> None:
    rows = _appendix_rows(reader)
    total = rows.pop("Total (4 local entities)")
    assert set(rows) == {
        "Governo de Minas",
        "Campo das Vertentes",
        "São João del-Rei",
        "Belo Horizonte",
    }
    columns = [[values[i] for i in (0, 2, 3, 4, 5)] for values in rows.values()]
    assert [sum(values[i] for values in columns) for i in range(5)] == total
    headline = _independent_headline(office_file)
    assert total[0] == headline["Agreements signed"]
    assert total[1] == headline["Active agreements"]
    # signed up to the year, with the entities under it, active, signed in the year,
    # expired, active projects
    assert rows["São João del-Rei"] == [2, 2, 2, 1, 0, 1]
    assert rows["Campo das Vertentes"][1] == 2  # São João del-Rei's two, under the region


def test_appendix_lists_every_partner_country(reader: PdfReader) -> None:
    text = reader.pages[-1].extract_text()
    for country in ("Poland", "Vietnam", "Argentina", "Portugal"):
        assert country in text


def test_accented_names_print_in_embedded_fonts(reader: PdfReader) -> None:
    text = "\n".join(page.extract_text() for page in reader.pages)
    for name in ("Łódź", "São João del-Rei", "Việt Nam", "Huế, Hà Nội"):
        assert name in text
    embedded = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is not None and "/FontFile2" in descriptor.get_object():
                embedded.add(str(font["/BaseFont"]).split("+")[-1])
    assert embedded == {"DejaVuSans", "DejaVuSans-Bold"}


def test_filters_are_printed_and_applied(office_file: Path) -> None:
    with OfficeFile.open(office_file, read_only=True) as office, office.session() as session:
        overview = compute_overview(session, OverviewFilters(YEAR, country="VN"), TODAY)
    buffer = io.BytesIO()
    write_overview_pdf(overview, buffer)
    first = PdfReader(io.BytesIO(buffer.getvalue())).pages[0].extract_text()
    assert "Partners in Vietnam" in first
    lines = [line.strip() for line in first.splitlines()]
    assert lines[lines.index("Active agreements") - 1] == "1"


def test_an_empty_office_file_says_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite"
    OfficeFile.create(path, "Ville de Łódź").close()
    reader = _pdf(path)
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Ville de Łódź" in text
    assert "Nothing to show yet" in text and "New agreement" in text


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_command_writes_the_pdf_and_leaves_the_office_file_alone(
    office_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _digest(office_file)
    out = tmp_path / "overview.pdf"
    code = main(
        ["report", "overview", str(office_file), "-o", str(out), "--year", str(YEAR),
         "--entity", "campo das vertentes", "--country", "pl"]
    )  # fmt: skip
    assert code == 0
    assert _digest(office_file) == before
    text = PdfReader(out).pages[0].extract_text()
    assert "Campo das Vertentes and everything under it" in text
    assert "Partners in Poland" in text
    assert str(out) in capsys.readouterr().out


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--entity", "Nowhere"], "No local entity is called “Nowhere”."),
        (["--country", "XX"], "“XX” is not a two-letter country code like PT."),
        (["--year", "99"], "99 is not a year to report on."),
    ],
)
def test_the_command_refuses_bad_options_in_one_line(
    office_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    options: list[str],
    message: str,
) -> None:
    out = tmp_path / "overview.pdf"
    assert main(["report", "overview", str(office_file), "-o", str(out), *options]) == 2
    error = capsys.readouterr().err
    assert error.strip() == f"intl-desk: {message}"
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []  # no half-written file left behind


def test_the_office_logo_heads_every_page(office_file: Path, tmp_path: Path) -> None:
    from PIL import Image

    from intl_desk.core.model import Office

    copy = tmp_path / "with-logo.sqlite"
    copy.write_bytes(office_file.read_bytes())
    logo = io.BytesIO()
    Image.new("RGB", (120, 40), "#08519c").save(logo, format="PNG")
    with OfficeFile.open(copy) as office, office.session() as session:
        session.scalars(select(Office)).one().logo = logo.getvalue()
        session.commit()
    out = tmp_path / "logo.pdf"
    assert main(["report", "overview", str(copy), "-o", str(out)]) == 0
    for page in PdfReader(out).pages:
        assert len(page.images) == 1
