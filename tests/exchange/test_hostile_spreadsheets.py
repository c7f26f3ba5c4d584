"""Spreadsheets that are damaged, protected, of another format, in UTF-16 or far too big:
each gets one sentence saying what it is and what to do (exit 2), never "Unexpected
error", and the office file is left as it was; Excel's "Unicode text" simply imports."""

from __future__ import annotations

import hashlib
import shutil
import tempfile
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook
from permissions import unprivileged
from platforms import fifo_or_skip
from sqlalchemy import select

from intl_desk.cli import main
from intl_desk.core.model import Partner
from intl_desk.exchange import reader
from intl_desk.exchange.errors import SpreadsheetNotReadable
from intl_desk.store.office_file import OfficeFile


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _import(capsys: pytest.CaptureFixture[str], office: Path, sheet: Path) -> tuple[int, str]:
    code = main(["import", str(office), str(sheet), "--kind", "partners"])
    captured = capsys.readouterr()
    return code, (captured.err + captured.out).strip()


def _partners_xlsx(path: Path) -> Path:
    workbook = Workbook()
    workbook.active.append(["Nom", "Pays"])
    workbook.active.append(["Łódź", "Pologne"])
    workbook.save(path)
    return path


def test_a_damaged_workbook_is_named_as_damaged(
    office_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = _partners_xlsx(tmp_path / "good.xlsx")
    broken = tmp_path / "partenaires.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]  # cut in the middle, as a failed download is
            target.writestr(item, data)
    before = _digest(office_path)
    code, said = _import(capsys, office_path, broken)
    assert code == 2
    assert said.startswith("intl-desk: “partenaires.xlsx” is damaged or not a spreadsheet (")
    assert said.endswith(
        "): open it in your spreadsheet program and save it again as .xlsx or .csv."
    )
    assert "Unexpected error" not in said and _digest(office_path) == before


@pytest.mark.parametrize(
    ("name", "content", "sentence"),
    [
        (
            "registre.ods",
            b"PK\x03\x04 an OpenDocument archive cut short",
            "“registre.ods” is not a spreadsheet Intl Desk can read: save it as .xlsx or .csv "
            "and try again.",
        ),
        (
            "registre.xlsx",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512,
            "“registre.xlsx” is protected by a password: open it in your spreadsheet program, "
            "remove the password (or save an unprotected copy) and import that.",
        ),
    ],
)
def test_other_formats_are_named(
    office_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    content: bytes,
    sentence: str,
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    before = _digest(office_path)
    assert _import(capsys, office_path, path) == (2, f"intl-desk: {sentence}")
    assert _digest(office_path) == before


def test_excels_unicode_text_imports(
    office_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "partenaires.txt"
    path.write_bytes("Nom\tPays\r\nŁódź\tPologne\r\nHuế\tViêt Nam\r\n".encode("utf-16"))
    code, said = _import(capsys, office_path, path)
    assert code == 0, said
    with OfficeFile.open(office_path, read_only=True) as office, office.session() as s:
        assert sorted(s.scalars(select(Partner.country_code))) == ["PL", "VN"]


def test_a_runaway_sheet_stops_at_the_limit_with_it_in_the_message(
    office_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(reader, "MAX_ROWS", 5)
    path = tmp_path / "partenaires.csv"
    path.write_text("Nom;Pays\n" + "".join(f"Ville {n};Pologne\n" for n in range(20)), "utf-8")
    assert _import(capsys, office_path, path) == (
        2,
        "intl-desk: “partenaires.csv” has more than 5 rows, more than are read at once: "
        "import it in parts of at most 5 rows.",
    )
    monkeypatch.setattr(reader, "MAX_BYTES", 2**20)
    path.write_bytes(b"Nom;Pays\n" + b"x;y\n" * 300_000)
    assert _import(capsys, office_path, path) == (
        2,
        "intl-desk: “partenaires.csv” is 1.1 MB, larger than the 1 MB read at once: import it "
        "in parts.",
    )


def test_a_pipe_or_a_folder_given_as_the_spreadsheet_is_refused_without_waiting(
    office_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Opening a named pipe to read it would wait for a writer forever."""
    pipe = tmp_path / "partenaires.csv"
    fifo_or_skip(pipe)
    before = _digest(office_path)
    for sheet in (pipe, tmp_path):
        code, said = _import(capsys, office_path, sheet)
        assert code == 2
        assert said == (
            f"intl-desk: “{sheet.name}” is not an ordinary file (it is a folder, a pipe or a "
            "device): choose the spreadsheet itself."
        )
    assert _digest(office_path) == before


def test_a_spreadsheet_the_user_may_not_read_says_so() -> None:
    folder = Path(tempfile.mkdtemp(prefix="intl-desk-sheet-"))
    folder.chmod(0o755)
    sheet = _partners_xlsx(folder / "partenaires.xlsx")
    sheet.chmod(0o000)
    try:
        with unprivileged(), pytest.raises(SpreadsheetNotReadable) as caught:
            reader.read_sheets(sheet)
        assert str(caught.value) == (
            "You are not allowed to read “partenaires.xlsx”: ask for access to it or save a "
            "copy of your own and import that."
        )
    finally:
        shutil.rmtree(folder)


def test_an_old_excel_file_that_is_not_one_is_named_as_damaged(
    office_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """.xls files are read (see test_workbook_formats.py); one holding no workbook says so."""
    path = tmp_path / "registre.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    before = _digest(office_path)
    code, said = _import(capsys, office_path, path)
    assert code == 2
    assert said.startswith("intl-desk: “registre.xls” is damaged or not a spreadsheet (")
    assert said.endswith(
        "): open it in your spreadsheet program and save it again as .xlsx or .csv."
    )
    assert _digest(office_path) == before
