"""Property tests of hostile input (200 derandomised examples in CI, see conftest):

* any bytes under a spreadsheet's name, and any damage to a real workbook, are read or
  refused with the exchange's one-sentence error, never anything else;
* any text in a register's title and description goes through import and the IATI
  export: the import never fails unexpectedly, the IATI file is well-formed and carries
  each imported text as stored (less the characters XML 1.0 does not allow); the texts
  then go into the overview and handover reports together.
"""

from __future__ import annotations

import csv
import io
import shutil
import sqlite3
from pathlib import Path

import pytest
from defusedxml import ElementTree
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from intl_desk.cli import main
from intl_desk.exchange import reader
from intl_desk.exchange.errors import ExchangeError
from intl_desk.store.office_file import OfficeFile

TITLES = ["Intitulé", "Description", "Statut", "Pays", "Début"]
SLOW = settings(suppress_health_check=[HealthCheck.too_slow])
# 200 examples each in CI: minutes on a loaded machine, over pytest's usual 300 s limit
pytestmark = pytest.mark.timeout(900)


def _xml_text(text: str) -> str:
    """``text`` as an XML reader gets it back: less what XML 1.0 does not allow (the IATI
    export leaves it out and says so), line ends read as "\n" (XML's own rule)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(
        c
        for c in text
        if c in "\t\n\r" or 0x20 <= ord(c) <= 0xD7FF or 0xE000 <= ord(c) <= 0xFFFD
        or ord(c) >= 0x10000
    )  # fmt: skip


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("hostile")


@pytest.fixture(scope="module")
def template(folder: Path) -> Path:
    path = folder / "modèle.sqlite"
    OfficeFile.create(path, "Ville de Lyon", country_code="FR", own_entity="Ville de Lyon").close()
    return path


@pytest.fixture(scope="module")
def workbook(folder: Path) -> bytes:
    book = Workbook()
    book.active.append(TITLES)
    book.active.append(["Eau potable à Thiès", "Réseau", "En cours", "Sénégal", "2024"])
    path = folder / "bon.xlsx"
    book.save(path)
    return path.read_bytes()


def _register(path: Path, projects: list[tuple[str, str]]) -> Path:
    text = io.StringIO()
    writer = csv.writer(text, delimiter=";", lineterminator="\n")
    writer.writerow(TITLES)
    for title, description in projects:
        writer.writerow([title, description, "En cours", "Sénégal", "2024"])
    path.write_text(text.getvalue(), "utf-8")
    return path


def _projects(office: Path) -> list[tuple[str, str]]:
    """The projects' texts as stored (read directly: opening costs more than the test)."""
    connection = sqlite3.connect(f"file:{office}?mode=ro", uri=True)
    try:
        rows = connection.execute("SELECT title, coalesce(description, '') FROM project")
        return [(str(title), str(description)) for title, description in rows]
    finally:
        connection.close()


def _read(path: Path) -> None:
    try:
        reader.read_sheets(path)
    except ExchangeError as error:
        said = str(error)
        assert f"“{path.name}”" in said and "\n" not in said, said


@SLOW
@given(content=st.binary(max_size=3000), name=st.sampled_from(["registre.csv", "r.txt"]))
def test_any_bytes_under_a_csv_name_are_read_or_refused_in_one_sentence(
    folder: Path, content: bytes, name: str
) -> None:
    path = folder / name
    path.write_bytes(content)
    _read(path)


@SLOW
@given(data=st.data())
def test_a_damaged_workbook_is_read_or_refused_in_one_sentence(
    folder: Path, workbook: bytes, data: st.DataObject
) -> None:
    damaged = bytearray(workbook)
    for _ in range(data.draw(st.integers(1, 8))):
        at = data.draw(st.integers(0, len(damaged) - 1))
        damaged[at] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(len(damaged) // 2, len(damaged)))
    path = folder / "registre.xlsx"
    path.write_bytes(bytes(damaged[:cut]))
    _read(path)


texts = st.text(min_size=1, max_size=80)
rows = st.lists(st.tuples(texts, st.text(max_size=300)), min_size=1, max_size=3)


def test_any_text_goes_through_import_iati_and_reports(
    folder: Path, template: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    imported: list[tuple[str, str]] = []

    @SLOW
    @given(register=rows)
    def through_import_and_iati(register: list[tuple[str, str]]) -> None:
        office = Path(shutil.copy(template, folder / "Lyon.sqlite"))
        sheet = _register(folder / "projets.csv", register)
        code = main(["import", str(office), str(sheet), "--kind", "projects"])
        said = "".join(capsys.readouterr())
        assert code in (0, 1, 2) and "Unexpected error" not in said, said
        stored = _projects(office)
        if not stored:  # every row refused, each with its reason
            return
        iati = folder / "activites.xml"
        assert main(["export", str(office), "--kind", "projects", "-o", str(iati)]) == 0
        capsys.readouterr()
        narratives = ElementTree.parse(iati).getroot().iter("narrative")  # well-formed
        written = {"".join(narrative.itertext()) for narrative in narratives}
        for title, description in stored:
            assert _xml_text(title) in written
            if _xml_text(description).strip():
                assert _xml_text(description) in written
        imported.extend(stored)

    through_import_and_iati()
    assert imported  # most registers import

    office = Path(shutil.copy(template, folder / "Tout.sqlite"))
    _register(folder / "tout.csv", imported)
    assert main(["import", str(office), str(folder / "tout.csv"), "--kind", "projects"]) == 0
    capsys.readouterr()
    for report in ("overview", "handover"):
        pdf = folder / f"{report}.pdf"
        assert main(["report", report, str(office), "-o", str(pdf)]) == 0, capsys.readouterr()
        assert pdf.read_bytes().startswith(b"%PDF-")
